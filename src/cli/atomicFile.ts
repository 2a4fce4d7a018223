import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { ownerToken } from './tempOwner';

/**
 * Writes a cache file whole or not at all: to a temporary file of this
 * process's own, renamed over the target. A write that fails (a full disk)
 * removes its temporary file before the error goes on, so none is left.
 */
export function writeFileAtomically(target: string, text: string): void {
  const temporary = `${target}.${ownerToken()}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
