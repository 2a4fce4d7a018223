import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Replaces a cache file whole (temporary file + rename), leaving no temporary
 * file behind when the disk is full. A cache that cannot be written only costs
 * speed, so failures are swallowed; returns whether it was written.
 */
export function writeCacheFile(target: string, text: string): boolean {
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(temporary, text);
    renameSync(temporary, target);
    return true;
  } catch {
    rmSync(temporary, { force: true });
    return false;
  }
}
