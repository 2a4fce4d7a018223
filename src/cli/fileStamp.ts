import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';

/** What a stat says of a file without reading it. */
export interface Stamp {
  size: number;
  mtime: number;
}

const MAY_BE_MISSING = { throwIfNoEntry: false } as const;

function statStamp(absolute: string): Stamp | null {
  try {
    const info = statSync(absolute, MAY_BE_MISSING);
    return info?.isFile() ? { size: info.size, mtime: info.mtimeMs } : null;
  } catch {
    return null;
  }
}

/** Node's own stat, as `fs.statSync` calls it: its numbers in an array, or undefined for a path with nothing there. */
type RawStat = (path: string, bigint: false, request: undefined, throwIfNoEntry: false) => Float64Array | undefined;

// Where Node's stat array keeps what a stamp needs (src/node_file.h, FsStatsOffset).
const MODE = 1;
const INODE = 7;
const SIZE = 8;
const MTIME_S = 12;
const MTIME_NS = 13;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;

/**
 * `fs.statSync` makes a Stats object with four Dates for every call, and a
 * warm run stats every note an alias may come from (22,000 in the bench's
 * vault): in Node 20 that is 40 % of a stat's time and most of a warm run's
 * garbage. Node's binding gives the same numbers without them. It is not a
 * public API, so it is used only once it gave exactly what `fs.statSync` gives
 * for a file and for a missing path (checked once per process); else, and
 * wherever deprecations are made loud, every stat goes through `fs.statSync`.
 */
function rawStat(): RawStat | null {
  // Windows wants its paths made long-path-safe first, which statSync does and the binding does not.
  if (process.platform === 'win32') return null;
  const loud = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((flag) => flag.endsWith('-deprecation'));
  if (loud) return null;
  try {
    const binding = (process as unknown as { binding(name: string): { stat?: unknown } }).binding('fs');
    if (typeof binding.stat !== 'function') return null;
    const stat = binding.stat.bind(binding) as RawStat;
    const probe = __filename;
    const official = statSync(probe);
    const raw = stat(probe, false, undefined, false);
    const same = ArrayBuffer.isView(raw) && raw.length > MTIME_NS && raw[MODE] === official.mode && raw[INODE] === official.ino && raw[SIZE] === official.size && raw[MTIME_S] * 1e3 + raw[MTIME_NS] / 1e6 === official.mtimeMs;
    // A name nothing is at (were it there, the check fails and statSync is used: safe either way).
    return same && stat(`${probe}.${process.pid}.absent`, false, undefined, false) === undefined ? stat : null;
  } catch {
    return null;
  }
}

let raw: RawStat | null | undefined;

/** Whether stamps come from Node's binding in this process (the tests check both ways give one answer). */
export function statsWithoutObjects(): boolean {
  raw ??= rawStat();
  return raw !== null;
}

/** A stamp through `fs.statSync`, as every stamp is where the binding is not used. */
export const stampByStatSync = statStamp;

export function stampOf(absolute: string): Stamp | null {
  raw ??= rawStat();
  // statSync refuses a name with a NUL, which the binding would cut short there.
  if (raw === null || absolute.includes('\u0000')) return statStamp(absolute);
  let numbers: Float64Array | undefined;
  try {
    numbers = raw(absolute, false, undefined, false);
  } catch {
    return null; // as statSync's errors: not a note Daybook can read
  }
  if (numbers === undefined || (numbers[MODE] & S_IFMT) !== S_IFREG) return null;
  // The arithmetic of Node's own mtimeMs, so a stamp is the same number either way.
  return { size: numbers[SIZE], mtime: numbers[MTIME_S] * 1e3 + numbers[MTIME_NS] / 1e6 };
}

/**
 * Git's "racy timestamp" rule, with room for file systems that keep mtimes to
 * 1 or 2 seconds (FAT, some network mounts): a file whose mtime is not clearly
 * older than the moment its stamp was recorded may have changed again within
 * the same tick, so its size and mtime prove nothing and its bytes are checked.
 */
export const RACY_MS = 2_000;

export function isRacy(mtime: number, recordedAt: number): boolean {
  return mtime + RACY_MS >= recordedAt;
}

/** A stamp still describes the file: same size and mtime, and recorded long enough after the mtime to be trusted. */
export function stampHolds(recorded: Stamp & { at: number }, now: Stamp | null): boolean {
  return now !== null && now.size === recorded.size && now.mtime === recorded.mtime && !isRacy(now.mtime, recorded.at);
}

/** Hash of a file's bytes (or of the part of them that was read). */
export function bytesHash(bytes: Uint8Array | string): string {
  return createHash('sha1').update(bytes).digest('hex');
}
