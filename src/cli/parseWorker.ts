import { parentPort } from 'node:worker_threads';
import type { ParseRules } from '../core/dialect/dialect';
import { parseNote } from '../core/note/parseNote';
import { noteText } from '../core/review/noteWords';

/**
 * A parse worker: text in, note model out (or, asked to spell, the words the
 * search of earlier notes reads). Parsing is the whole cost of a cold review,
 * so it runs on every core.
 */
parentPort?.on('message', (message: { id: number; text: string; rules?: ParseRules; spell?: boolean }) => {
  parentPort?.postMessage({ id: message.id, result: message.spell ? noteText(message.text) : parseNote(message.text, message.rules) });
});
