import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { NoteModel } from '../core/note/parseNote';

/** Below this many notes to parse, starting workers costs more than it saves. */
export const POOL_THRESHOLD = 60;

/**
 * Parses notes on worker threads, one per core, round robin. The bundled CLI
 * ships `parseWorker.js` beside itself; where it does not exist (running from
 * source), there is no pool and notes are parsed inline.
 */
export class ParsePool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (model: NoteModel) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  private constructor(file: string, size: number) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(file);
      worker.on('message', ({ id, model }: { id: number; model: NoteModel }) => {
        this.waiting.get(id)?.resolve(model);
        this.waiting.delete(id);
      });
      worker.on('error', (error) => {
        for (const pending of this.waiting.values()) pending.reject(error);
        this.waiting.clear();
      });
      return worker;
    });
  }

  static start(size = availableParallelism(), file = join(__dirname, 'parseWorker.js')): ParsePool | null {
    return size > 1 && existsSync(file) ? new ParsePool(file, size) : null;
  }

  parse(text: string): Promise<NoteModel> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.workers[id % this.workers.length].postMessage({ id, text });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
