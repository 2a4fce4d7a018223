import { parentPort, workerData } from 'node:worker_threads';
import { headAhead } from './headsAhead';
import { HEAD_BYTES } from './noteBytes';

/** Reads the heads of the notes it is given, one verdict each (headsAhead), and ends. */
const { paths, pageProperties } = workerData as { paths: string[]; pageProperties: boolean };
const buffer = Buffer.allocUnsafe(HEAD_BYTES);
const verdicts = new Uint8Array(paths.length);
for (let i = 0; i < paths.length; i++) verdicts[i] = headAhead(paths[i], pageProperties, buffer);
parentPort?.postMessage(verdicts, [verdicts.buffer]);
