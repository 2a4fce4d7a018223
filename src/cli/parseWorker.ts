import { parentPort } from 'node:worker_threads';
import type { ParseRules } from '../core/dialect/dialect';
import { parseNote } from '../core/note/parseNote';
import { noteText } from '../core/review/noteWords';

interface Job {
  id: number;
  text: string;
  rules?: ParseRules;
  spell?: boolean;
}

/** Jobs waiting here, parses first, each kind oldest first: the pool hands a worker every job at once. */
const parses: Job[] = [];
const spells: Job[] = [];
let scheduled = false;

/**
 * One job a turn of the event loop, so a note to parse that arrives while the
 * earlier notes are spelled ahead goes before the rest of them: a review waits
 * for it, and asks for the spellings last.
 */
function next(): void {
  scheduled = false;
  const job = parses.shift() ?? spells.shift();
  if (!job) return;
  parentPort?.postMessage({ id: job.id, result: job.spell ? noteText(job.text) : parseNote(job.text, job.rules) });
  schedule();
}

function schedule(): void {
  if (scheduled || (parses.length === 0 && spells.length === 0)) return;
  scheduled = true;
  setImmediate(next);
}

/**
 * A parse worker: text in, note model out (or, asked to spell, the words the
 * search of earlier notes reads). Parsing is the whole cost of a cold review,
 * so it runs on every core.
 */
parentPort?.on('message', (job: Job) => {
  (job.spell ? spells : parses).push(job);
  schedule();
});
