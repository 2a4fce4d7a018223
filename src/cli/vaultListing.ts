import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { VaultFile, Warning } from '../core/vault';
import { code } from './fileErrors';
import { fileKind } from './noteBytes';
import { isStaleTemporary, TEMP_SUFFIX } from './temporaries';

/** Obsidian hides dot-folders (`.obsidian`, `.trash`, `.git`) from the vault; so do we. */
export function isHidden(name: string): boolean {
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
 * Walk order, for what the listing reports: folders depth first, each one's
 * entries by name (UTF-16 code units), so a folder comes before what is in it.
 * The entries are visited in the order the folder gives them and only the
 * few paths reported are sorted: sorting each folder's entries cost a warm
 * run more than the sort of the whole listing does.
 */
function walkOrder(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length - y.length;
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
  /**
   * Every folder walked (vault paths, '' the root) with its ctime and the
   * moment before it was stat'ed and read; null when the walk met a link, a
   * folder it could not read or anything else a folder's ctime cannot vouch for.
   */
  folders: FolderStamp[] | null;
}

/** A folder as the walk read it: its path in the vault, its ctime, and the moment before its stat and readdir. */
export type FolderStamp = [path: string, ctime: number, at: number];

/**
 * Walks the vault from its real root, following links that stay inside it
 * (`inside` says which do). Synchronous on purpose: one readdir per folder,
 * and no promise per entry of a large vault.
 */
export function listVault(realRoot: string, inside: (real: string) => boolean): Listing {
  const paths: string[] = [];
  const skipped: Warning[] = [];
  const stale: string[] = [];
  // The few notes reached through a link; the plain ones are the others, made a set once the paths are sorted (cheaper than adding each on the way).
  const linkedNotes = new Set<string>();
  const folders: FolderStamp[] = [];
  // A listing of links, unreadable folders or temporary files (whose owner may die without the folder changing) is not kept.
  let vouched = true;
  // `ancestors` holds the real folders above this one: a link back to one of them is a loop.
  const walk = (folder: string, prefix: string, ancestors: Set<string>, linked: boolean): void => {
    let entries;
    try {
      if (vouched) {
        const at = Date.now();
        folders.push([prefix, statSync(folder).ctimeMs, at]);
      }
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      vouched = false;
      if (prefix) skipped.push({ path: prefix, message: `folder cannot be read (${code(error) ?? String(error)}); skipped` });
      return;
    }
    for (const entry of entries) {
      if (isHidden(entry.name)) continue;
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      // Concatenated, not joined: a path.join per entry of a large vault shows in a warm run's time.
      const absolute = (): string => (sep === '/' ? `${folder}/${entry.name}` : join(folder, entry.name));
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        vouched = false;
        if (!entry.name.endsWith('.md') && !isFolder(absolute())) continue;
        let real: string;
        try {
          real = realpathSync.native(absolute());
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
          walk(absolute(), path, new Set([...ancestors, real]), true);
          continue;
        }
      }
      if (isDirectory) {
        const inner = absolute();
        walk(inner, path, new Set([...ancestors, inner]), linked || entry.isSymbolicLink());
      } else if (isFile && entry.name.endsWith('.md')) {
        paths.push(path);
        if (linked || entry.isSymbolicLink()) linkedNotes.add(path);
      } else if (isFile && entry.name.endsWith(TEMP_SUFFIX)) {
        vouched = false;
        if (isStaleTemporary(entry.name)) stale.push(absolute());
      } else if (!isFile && !isDirectory && entry.name.endsWith('.md')) skipped.push({ path, message: `is ${fileKind(statSync(absolute()))}, not a note; not read (Daybook reads only regular files)` });
    }
  };
  walk(realRoot, '', new Set([realRoot]), false);
  // Sorted by UTF-16 code units, as `<` compares: the default sort, which runs natively instead of calling back into JS.
  paths.sort();
  const plain = new Set(paths);
  for (const path of linkedNotes) plain.delete(path);
  if (skipped.length > 1) skipped.sort((a, b) => walkOrder(a.path, b.path));
  stale.sort(walkOrder);
  return { files: paths.map((path) => ({ path })), plain, skipped, stale, folders: vouched && skipped.length === 0 ? folders : null };
}
