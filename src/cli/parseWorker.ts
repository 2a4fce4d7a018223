import { parentPort } from 'node:worker_threads';
import type { ParseRules } from '../core/dialect/dialect';
import { parseNote } from '../core/note/parseNote';

/** A parse worker: text in, note model out. Parsing is the whole cost of a cold review, so it runs on every core. */
parentPort?.on('message', (message: { id: number; text: string; rules?: ParseRules }) => {
  parentPort?.postMessage({ id: message.id, model: parseNote(message.text, message.rules) });
});
