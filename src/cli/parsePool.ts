import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type * as WorkerThreads from 'node:worker_threads';
import type { ParseRules } from '../core/dialect/dialect';
import type { NoteModel } from '../core/note/parseNote';
import type { NoteText } from '../core/review/noteWords';
import { lazyBuiltin } from './lazy/builtin';

/** Loaded with the first worker: a review that parses nothing, or parses on this thread, starts none. */
const workerThreads = lazyBuiltin<typeof WorkerThreads>('node:worker_threads');

/** From this many daily notes in scope on, parsing goes to workers (when any note needs parsing at all). */
export const POOL_THRESHOLD = 60;

/**
 * Jobs a worker holds at once while this thread digests a review: one to work on, one to
 * start on the moment it is done. A rebuild hands the workers every job at once: its main
 * thread builds reviews for long stretches, and workers fed only on its messages then sat
 * idle (the rebuild took 1.34 × the wall time of handing out everything).
 */
const PER_WORKER_BUSY = 2;

interface Job {
  text: string;
  spell: boolean;
  resolve: (result: never) => void;
  reject: (error: Error) => void;
}

/**
 * Parses notes on worker threads: measured by the benchmark,
 * this pays for a rebuild of every review. The bundled CLI ships
 * `parseWorker.js` beside itself; where it does not exist (running from
 * source), there is no pool and notes are parsed inline.
 *
 * Jobs wait here, not in the workers, so a note to parse goes before the
 * earlier notes' words spelled ahead (`spell`): a review asks for those last,
 * and a person's note it waits for is not stuck behind a thousand of them.
 */
export class ParsePool {
  private workers: WorkerThreads.Worker[] = [];
  /** Waiting jobs, parses first, each kind oldest first. */
  private readonly parses: Job[] = [];
  private readonly spells: Job[] = [];
  /** The jobs each worker holds, by id. */
  private readonly held: Map<number, Job>[] = [];
  private nextId = 0;

  private constructor(
    private readonly file: string,
    private readonly size: number,
    private readonly rules: ParseRules | undefined,
    private readonly perWorker: number,
  ) {}

  /** Workers start with the first note to parse: a run answered from caches starts none. */
  private startWorkers(): void {
    this.workers = Array.from({ length: this.size }, (_, w) => {
      const worker = new (workerThreads().Worker)(this.file);
      const held = new Map<number, Job>();
      this.held.push(held);
      worker.on('message', ({ id, result }: { id: number; result: never }) => {
        held.get(id)?.resolve(result);
        held.delete(id);
        this.dispatch(w);
      });
      worker.on('error', (error) => {
        for (const job of [...this.held.flatMap((h) => [...h.values()]), ...this.parses, ...this.spells]) job.reject(error);
        for (const h of this.held) h.clear();
        this.parses.length = 0;
        this.spells.length = 0;
      });
      return worker;
    });
  }

  /**
   * One review's pool; `rules` are the vault dialect's parse rules, which every
   * worker parses by. One worker fewer than the cores, as this thread digests
   * while the review's notes are parsed: on two cores, two workers and this
   * thread measured no faster than one worker and this thread, with more CPU
   * time and a 50 MB larger peak. And on
   * two cores one review is built on this thread alone unless `forced`: with one
   * worker the bench vault's cold yearly review took 5.05 s against 4.1 s on one
   * thread (1.2 x), its peak 282 against 272 MB, as this thread waited on the
   * models the worker sent back and the worker on jobs handed out between this
   * thread's stretches of work; a worker that only spelled earlier notes did no
   * better (1.04 x the wall time, 1.10 x the CPU, 338 against 226 MiB, five pairs).
   */
  static forOneReview(rules?: ParseRules, { cores = availableParallelism(), file = join(__dirname, 'parseWorker.js'), forced = false } = {}): ParsePool | null {
    if (cores <= 2 && !forced) return null;
    return cores > 1 && existsSync(file) ? new ParsePool(file, cores - 1, rules, PER_WORKER_BUSY) : null;
  }

  /**
   * A rebuild's pool: one worker fewer than the cores, handed every job it is given at once.
   * This thread builds reviews the whole time and is the rebuild's bound: jobs went to the
   * first worker as they came, so on two cores the second sat idle all run, 30 MB for nothing.
   */
  static beside(rules?: ParseRules, cores = availableParallelism(), file = join(__dirname, 'parseWorker.js')): ParsePool | null {
    return cores > 1 && existsSync(file) ? new ParsePool(file, cores - 1, rules, Infinity) : null;
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
      (spell ? this.spells : this.parses).push({ text, spell, resolve, reject });
      for (let w = 0; w < this.workers.length; w++) this.dispatch(w);
    });
  }

  /** Hands worker `w` waiting jobs, up to what it holds at once. */
  private dispatch(w: number): void {
    const held = this.held[w];
    while (held.size < this.perWorker) {
      const job = this.parses.shift() ?? this.spells.shift();
      if (!job) return;
      const id = this.nextId++;
      held.set(id, job);
      this.workers[w].postMessage({ id, text: job.text, rules: this.rules, spell: job.spell });
    }
  }

  async close(): Promise<void> {
    this.parses.length = 0;
    this.spells.length = 0;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
