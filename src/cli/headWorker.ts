import { parentPort, workerData } from 'node:worker_threads';
import { FREE, headAhead, VERDICT, WORKER } from './headsAhead';
import { HEAD_BYTES } from './noteBytes';

/**
 * Reads the heads of the notes it is given from the start of the list, a
 * verdict each (headsAhead), until it meets a head the other thread took
 * (that thread reads from the end), and says it is done.
 */
const { paths, pageProperties, states: shared } = workerData as { paths: string[]; pageProperties: boolean; states: SharedArrayBuffer };
const states = new Int32Array(shared);
const buffer = Buffer.allocUnsafe(HEAD_BYTES);
for (let i = 0; i < paths.length && Atomics.compareExchange(states, i, FREE, WORKER) === FREE; i++) Atomics.store(states, i, VERDICT + headAhead(paths[i], pageProperties, buffer));
parentPort?.postMessage('done');
