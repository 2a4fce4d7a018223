import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ParseRules } from '../core/dialect/dialect';
import type { NoteModel } from '../core/note/parseNote';
import type { NoteText } from '../core/review/noteWords';

/** From this many daily notes in scope on, parsing goes to workers (when any note needs parsing at all). */
export const POOL_THRESHOLD = 60;

interface Job {
  resolve: (result: never) => void;
  reject: (error: Error) => void;
}

/**
 * Parses notes on worker threads: measured by the benchmark,
 * this pays for a rebuild of every review. The bundled CLI ships
 * `parseWorker.js` beside itself; where it does not exist (running from
 * source), there is no pool and notes are parsed inline.
 *
 * Every job goes to a worker the moment it is asked for, to the one holding
 * fewest: a worker fed only as this thread took its messages sat idle while
 * this thread digested (1.6 s of a 4 s cold yearly review). The worker orders
 * what it holds, a note to parse before the earlier notes' words spelled
 * ahead (`spell`): a review asks for those last, and a person's note it waits
 * for is not stuck behind a thousand of them.
 */
export class ParsePool {
  private workers: Worker[] = [];
  /** The jobs each worker holds, by id. */
  private readonly held: Map<number, Job>[] = [];
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
      const held = new Map<number, Job>();
      this.held.push(held);
      worker.on('message', ({ id, result }: { id: number; result: never }) => {
        held.get(id)?.resolve(result);
        held.delete(id);
      });
      worker.on('error', (error) => {
        for (const job of this.held.flatMap((h) => [...h.values()])) job.reject(error);
        for (const h of this.held) h.clear();
      });
      return worker;
    });
  }

  /**
   * `rules` are the vault dialect's parse rules, which every worker parses by.
   * One worker per core, or one fewer when this thread has work of its own
   * beside them (`busy`: one review digests while its notes are parsed): on
   * two cores, two workers and this thread measured no faster than one
   * worker and this thread, with more CPU time and a 50 MB larger peak.
   */
  static start(rules?: ParseRules, busy = false, cores = availableParallelism(), file = join(__dirname, 'parseWorker.js')): ParsePool | null {
    const size = busy ? cores - 1 : cores;
    return cores > 1 && size > 0 && existsSync(file) ? new ParsePool(file, size, rules) : null;
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
    return new Promise<T>((resolve, reject) => {
      let w = 0;
      for (let i = 1; i < this.workers.length; i++) if (this.held[i].size < this.held[w].size) w = i;
      const id = this.nextId++;
      this.held[w].set(id, { resolve, reject });
      this.workers[w].postMessage({ id, text, rules: this.rules, spell });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
