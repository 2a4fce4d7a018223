import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ParseRules } from '../core/dialect/dialect';
import type { NoteModel } from '../core/note/parseNote';
import type { NoteText } from '../core/review/noteWords';

/** From this many daily notes in scope on, parsing goes to workers (when any note needs parsing at all). */
export const POOL_THRESHOLD = 60;

/**
 * Parses notes on worker threads, one per core, round robin: measured by the
 * benchmark, this pays for a rebuild of every review. The bundled CLI
 * ships `parseWorker.js` beside itself; where it does not exist (running from
 * source), there is no pool and notes are parsed inline.
 */
export class ParsePool {
  private workers: Worker[] = [];
  private readonly waiting = new Map<number, { resolve: (result: never) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  private constructor(
    private readonly file: string,
    private readonly size: number,
    private readonly rules: ParseRules | undefined,
  ) {}

  /** Workers start with the first note to parse: a run answered from caches starts none. */
  private startWorkers(): void {
    this.workers = Array.from({ length: this.size }, () => {
      const worker = new Worker(this.file);
      worker.on('message', ({ id, result }: { id: number; result: never }) => {
        this.waiting.get(id)?.resolve(result);
        this.waiting.delete(id);
      });
      worker.on('error', (error) => {
        for (const pending of this.waiting.values()) pending.reject(error);
        this.waiting.clear();
      });
      return worker;
    });
  }

  /** `rules` are the vault dialect's parse rules, which every worker parses by. */
  static start(rules?: ParseRules, size = availableParallelism(), file = join(__dirname, 'parseWorker.js')): ParsePool | null {
    return size > 1 && existsSync(file) ? new ParsePool(file, size, rules) : null;
  }

  parse(text: string): Promise<NoteModel> {
    return this.post(text, false);
  }

  /** The raw note's words as the search of earlier notes reads them (`noteText`). */
  spell(text: string): Promise<NoteText | null> {
    return this.post(text, true);
  }

  private post<T>(text: string, spell: boolean): Promise<T> {
    if (this.workers.length === 0) this.startWorkers();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.workers[id % this.workers.length].postMessage({ id, text, rules: this.rules, spell });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
