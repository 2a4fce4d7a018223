import { realpathSync } from 'node:fs';
import { dirname, relative, resolve, isAbsolute } from 'node:path';

/** `path` with every symlink of its nearest existing folder resolved, so a link into the vault is seen for what it is. */
function realPath(path: string): string {
  const absolute = resolve(path);
  for (let folder = absolute, rest = ''; ; ) {
    try {
      return resolve(realpathSync.native(folder), rest);
    } catch {
      const parent = dirname(folder);
      if (parent === folder) return absolute;
      rest = rest ? `${folder.slice(parent.length + 1)}/${rest}` : folder.slice(parent.length + 1);
      folder = parent;
    }
  }
}

/** Whether the cache folder `dir` is the vault's real folder or inside it: cache files would sit among the notes. */
export function cacheInsideVault(dir: string, vaultRealRoot: string): boolean {
  const rel = relative(vaultRealRoot, realPath(dir));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
