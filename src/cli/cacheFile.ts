import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { ownerToken } from './tempOwner';

/**
 * Replaces a cache file whole (temporary file + rename), leaving no temporary
 * file behind when the disk is full. A cache that cannot be written only costs
 * speed, so failures are swallowed; returns whether it was written.
 */
export function writeCacheFile(target: string, text: string): boolean {
  // Named so its owner can be proven (pid, boot, start), and unique within the process.
  const temporary = `${target}.${ownerToken()}-${randomBytes(4).toString('hex')}.tmp`;
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
