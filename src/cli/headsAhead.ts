import { closeSync, constants, existsSync, openSync } from 'node:fs';
import { join, sep } from 'node:path';
import type * as WorkerThreads from 'node:worker_threads';
import { headIsBlank } from './headBytes';
import { lazyBuiltin } from './lazy/builtin';
import { fill, HEAD_BYTES, includesAscii, isBlank } from './noteBytes';

const workerThreads = lazyBuiltin<typeof WorkerThreads>('node:worker_threads');

/** What reading a head ahead found: nothing certain (the reader reads it itself, and says what went wrong), */
export const READ_IT = 0;
/** a head in which readFrontmatter finds nothing, the whole note read, */
export const BLANK = 1;
/** and the same, in a graph, with no `::` anywhere in the note (the search for block ids need not read it). */
export const BLANK_WITHOUT_PROPERTIES = 2;

/**
 * The verdict on a note's head, read as FolderVault reads a note the listing
 * reached through real folders (refusing a link, never blocking on a FIFO) and
 * judged as its head() judges the first HEAD_BYTES: only a note smaller than
 * those, whole, valid UTF-8 and blank by its bytes is BLANK; anything else, a
 * failure included, is left to the reader, who then reads it as ever.
 */
export function headAhead(absolute: string, pageProperties: boolean, buffer: Buffer): number {
  try {
    const fd = openSync(absolute, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    let read: number;
    try {
      read = fill(fd, buffer.subarray(0, HEAD_BYTES));
    } finally {
      closeSync(fd);
    }
    if (read >= HEAD_BYTES) return READ_IT;
    const bytes = buffer.subarray(0, read);
    if (!isBlank(bytes, true, (head, whole) => headIsBlank(head, whole, pageProperties))) return READ_IT;
    return pageProperties && !includesAscii(bytes, '::') ? BLANK_WITHOUT_PROPERTIES : BLANK;
  } catch {
    return READ_IT;
  }
}

/** A head in the shared list of states: not taken yet, being read by the worker, or taken by this thread; a verdict is kept as VERDICT + it. */
export const FREE = 0;
export const WORKER = 1;
const HERE = 2;
const VERDICT = 8;

/** A note's file below the vault's real root, reached through real folders: concatenated, as a path.join per note of a large vault shows. */
export function plainPath(root: string, path: string): string {
  return sep === '/' ? `${root}/${path}` : join(root, ...path.split('/'));
}

/** Judges head `i` (taken already, by whichever thread) and keeps its verdict in the shared states. */
export function judgeHead(states: Int32Array, i: number, root: string, path: string, pageProperties: boolean, buffer: Buffer): void {
  Atomics.store(states, i, VERDICT + headAhead(plainPath(root, path), pageProperties, buffer));
}

/** Heads being read on a worker thread, from the start of the list, while this thread may read them from its end. */
export interface HeadsAhead {
  /** Takes head `i` for this thread to read: false when the worker has it already. */
  take(i: number): boolean;
  /** Judges heads on this thread too, as the worker does, from the end of the list until it meets one the worker took. */
  judgeFromTheEnd(): void;
  /** Once the worker has stopped: the verdict on each head, READ_IT for those no one judged (the worker failed, or a head was taken only). */
  verdicts(): Promise<Uint8Array>;
}

/** The buffer this thread judges heads in. */
const buffer = Buffer.allocUnsafe(HEAD_BYTES);

/**
 * Reads these notes' heads on a worker thread (`headWorker.js` beside the
 * bundle; null where there is none, as when running from source). A cold
 * review parses on this thread alone, and every head costs it three system
 * calls (20,000 notes: 0.2-0.4 s here), while the second core is idle. When
 * this thread needs the heads before the worker is done, it judges them too,
 * from the other end, until the two meet: each verdict is kept in the shared
 * states by whoever made it, so a worker that fails leaves those it made. The
 * worker does not keep the process alive until its verdicts are awaited.
 */
export function readHeadsAhead(root: string, paths: string[], pageProperties: boolean, file: string = join(__dirname, 'headWorker.js')): HeadsAhead | null {
  if (!existsSync(file)) return null;
  const states = new Int32Array(new SharedArrayBuffer(paths.length * 4));
  let worker: WorkerThreads.Worker;
  try {
    // The vault paths, joined to the root over there: this thread is the one a review waits on.
    worker = new (workerThreads().Worker)(file, { workerData: { root, paths, pageProperties, states: states.buffer } });
  } catch {
    return null;
  }
  const stopped = new Promise<void>((resolve) => {
    worker.once('message', () => resolve());
    worker.once('error', () => resolve());
    worker.once('exit', () => resolve());
  });
  worker.unref();
  const take = (i: number) => Atomics.compareExchange(states, i, FREE, HERE) === FREE;
  return {
    take,
    judgeFromTheEnd: () => {
      // A head is taken (one state) before it is judged (the next): the worker never reads one this thread has.
      for (let i = paths.length - 1; i >= 0 && take(i); i--) judgeHead(states, i, root, paths[i], pageProperties, buffer);
    },
    verdicts: async () => {
      worker.ref();
      await stopped;
      worker.unref();
      const verdicts = new Uint8Array(states.length);
      for (let i = 0; i < states.length; i++) if (states[i] >= VERDICT) verdicts[i] = states[i] - VERDICT;
      return verdicts;
    },
  };
}
