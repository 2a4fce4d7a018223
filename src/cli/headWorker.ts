import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { FREE, judgeHead, WORKER } from './headsAhead';
import { HEAD_BYTES } from './noteBytes';

/**
 * Reads the heads of the notes it is given from the start of the list, a
 * verdict each (headsAhead), until it meets a head the other thread took
 * (that thread reads from the end), and says it is done.
 */
const { root, paths, pageProperties, states: shared } = workerData as { root: string; paths: string[]; pageProperties: boolean; states: SharedArrayBuffer };
// Work the review's own thread may never wait for: on two cores the two took turns, and that thread waited longer
// in the run queue the more heads there were. At the lowest priority this one takes what the other leaves. Linux
// names a thread by its id under /proc/thread-self, and setpriority of that id is the thread's alone; elsewhere the
// link is not there and the thread keeps the process's priority.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 19);
} catch {
  // Not Linux, or no /proc: as before.
}
const states = new Int32Array(shared);
const buffer = Buffer.allocUnsafe(HEAD_BYTES);
for (let i = 0; i < paths.length && Atomics.compareExchange(states, i, FREE, WORKER) === FREE; i++) judgeHead(states, i, root, paths[i], pageProperties, buffer);
parentPort?.postMessage('done');
