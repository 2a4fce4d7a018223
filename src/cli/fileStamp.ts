import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';

/** What a stat says of a file without reading it. */
export interface Stamp {
  size: number;
  mtime: number;
}

const MAY_BE_MISSING = { throwIfNoEntry: false } as const;

export function stampOf(absolute: string): Stamp | null {
  try {
    const info = statSync(absolute, MAY_BE_MISSING);
    return info?.isFile() ? { size: info.size, mtime: info.mtimeMs } : null;
  } catch {
    return null;
  }
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
