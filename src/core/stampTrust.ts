/**
 * When a file's size and mtime may stand for its bytes, for caches that key on
 * them (the plugin's stored reviews; the CLI's fileStamp.ts keeps the same
 * rule for Node's stat). Pure: the caller takes the stamps.
 */

/** What a stat says of a file without reading it. */
export interface Stamp {
  size: number;
  mtime: number;
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

/** A stamp recorded at `at` still describes the file: same size and mtime, and recorded long enough after the mtime to be trusted. */
export function stampVouches(recorded: Stamp & { at: number }, now: Stamp | null): boolean {
  return now !== null && now.size === recorded.size && now.mtime === recorded.mtime && !isRacy(now.mtime, recorded.at);
}
