import { parentPort, workerData } from 'node:worker_threads';
import type { ParseRules } from '../core/dialect/dialect';
import { parseNote } from '../core/note/parseNote';
import { noteText } from '../core/review/noteWords';

/**
 * A parse worker: text in, note model out (or, asked to spell, the words the
 * search of earlier notes reads). Parsing is the whole cost of a cold review,
 * so it runs on every core.
 */
const claims = (workerData as { claims?: Int32Array } | null)?.claims;

parentPort?.on('message', (message: { id: number; text: string; rules?: ParseRules; spell?: boolean }) => {
  // A job the pool's own thread took back (it claims 2) is left to it; the slot says so before the work starts.
  if (claims && message.id < claims.length && Atomics.compareExchange(claims, message.id, 0, 1) !== 0) return;
  parentPort?.postMessage({ id: message.id, result: message.spell ? noteText(message.text) : parseNote(message.text, message.rules) });
});
