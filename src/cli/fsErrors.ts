import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** What a file system error means to the user, by its code; the code stays in parentheses for searching. */
const MEANINGS: Record<string, string> = {
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EIO: 'the disk reported an input/output error',
  ENAMETOOLONG: 'the name is too long for the file system',
  EMFILE: 'too many files are open',
};

/** A file system error as one short clause (`the file system is read-only (EROFS)`), or the error's own message when its code is not one of these. */
export function explainFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code && MEANINGS[code]) return `${MEANINGS[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/** A folder Daybook cannot make, with the real reason: never Node's ENOENT from a recursive mkdir on a read-only mount. */
export class FolderProblem extends Error {}

/**
 * Makes `folder` and every missing folder above it, one at a time, so the
 * error is the real one: a read-only mount says read-only (a recursive mkdir
 * says ENOENT there), and a file where a folder belongs is named.
 * `show` turns an absolute path into the vault path the message names.
 */
export function makeFolders(folder: string, show: (absolute: string) => string): void {
  const missing: string[] = [];
  for (let at = folder; ; at = dirname(at)) {
    let info;
    try {
      info = statSync(at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') {
        missing.push(at);
        continue;
      }
      if (code !== 'ENOENT' || dirname(at) === at) throw new FolderProblem(`${show(at)}: ${explainFsError(error)}`);
      missing.push(at);
      continue;
    }
    if (!info.isDirectory()) throw new FolderProblem(`${show(at)} is a file where Daybook needs a folder; move it, or choose another folder in the settings`);
    break;
  }
  for (const at of missing.reverse()) {
    try {
      mkdirSync(at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && statSync(at).isDirectory()) continue;
      throw new FolderProblem(`folder ${show(at)} cannot be made: ${explainFsError(error)}`);
    }
  }
}
