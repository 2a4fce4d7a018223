import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { VaultFile, Warning } from '../core/vault';
import { code } from './fileErrors';
import { fileKind } from './noteBytes';
import { isStaleTemporary } from './temporaries';

/** Obsidian hides dot-folders (`.obsidian`, `.trash`, `.git`) from the vault; so do we. */
function isHidden(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

function isFolder(absolute: string): boolean {
  try {
    return statSync(absolute).isDirectory();
  } catch {
    return true; // a loop or a dangling link: let the caller report it
  }
}

/**
 * A folder's entries by name (UTF-16 code units, as `<` compares). The names
 * are sorted by the default sort, natively: a folder of 20,000 notes sorted
 * with a comparator in JS showed in a warm run's time.
 */
function byName(entries: Dirent[]): Dirent[] {
  if (entries.length < 2) return entries;
  const byNames = new Map(entries.map((entry) => [entry.name, entry]));
  return [...byNames.keys()].sort().map((name) => byNames.get(name) as Dirent);
}

/** What one walk of the vault folder found. */
export interface Listing {
  /** Every markdown note, sorted by path. */
  files: VaultFile[];
  /** Notes reached through real folders only, no link on the way. */
  plain: Set<string>;
  /** Files and folders left out (links out of the vault, loops), for the user to see. */
  skipped: Warning[];
  /** Temporary files of Daybook processes that died mid-write. */
  stale: string[];
}

/**
 * Walks the vault from its real root, following links that stay inside it
 * (`inside` says which do). Synchronous on purpose: one readdir per folder,
 * and no promise per entry of a large vault.
 */
export function listVault(realRoot: string, inside: (real: string) => boolean): Listing {
  const paths: string[] = [];
  const skipped: Warning[] = [];
  const stale: string[] = [];
  const plain = new Set<string>();
  // `ancestors` holds the real folders above this one: a link back to one of them is a loop.
  const walk = (folder: string, prefix: string, ancestors: Set<string>, linked: boolean): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      if (prefix) skipped.push({ path: prefix, message: `folder cannot be read (${code(error) ?? String(error)}); skipped` });
      return;
    }
    for (const entry of byName(entries)) {
      if (isHidden(entry.name)) continue;
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      // Concatenated, not joined: a path.join per entry of a large vault shows in a warm run's time.
      const absolute = sep === '/' ? `${folder}/${entry.name}` : join(folder, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        if (!entry.name.endsWith('.md') && !isFolder(absolute)) continue;
        let real: string;
        try {
          real = realpathSync.native(absolute);
        } catch (error) {
          skipped.push({ path, message: code(error) === 'ELOOP' ? 'is a symlink loop; skipped' : 'is a link to nothing; skipped' });
          continue;
        }
        if (!inside(real)) {
          skipped.push({ path, message: 'is a link to outside the vault; not read, never written' });
          continue;
        }
        const info = statSync(real);
        isDirectory = info.isDirectory();
        isFile = info.isFile();
        if (isDirectory && ancestors.has(real)) {
          skipped.push({ path, message: 'is a link to a folder above it (a symlink loop); skipped' });
          continue;
        }
        if (isDirectory) {
          walk(absolute, path, new Set([...ancestors, real]), true);
          continue;
        }
      }
      if (isDirectory) walk(absolute, path, new Set([...ancestors, absolute]), linked || entry.isSymbolicLink());
      else if (isFile && entry.name.endsWith('.md')) {
        paths.push(path);
        if (!linked && !entry.isSymbolicLink()) plain.add(path);
      } else if (isFile && isStaleTemporary(entry.name)) stale.push(absolute);
      else if (!isFile && !isDirectory && entry.name.endsWith('.md')) skipped.push({ path, message: `is ${fileKind(statSync(absolute))}, not a note; not read (Daybook reads only regular files)` });
    }
  };
  walk(realRoot, '', new Set([realRoot]), false);
  // Sorted by UTF-16 code units, as `<` compares: the default sort, which runs natively instead of calling back into JS.
  paths.sort();
  return { files: paths.map((path) => ({ path })), plain, skipped, stale };
}
