import type { ParsedFrontmatter } from './note/frontmatter';

/**
 * A markdown file of the vault, as the source lists it. Paths are vault-relative
 * with `/`. The app knows each file's mtime and size for free; the CLI does not
 * stat every note of a large vault, and keys its cache by content instead.
 */
export interface VaultFile {
  path: string;
  mtime?: number;
  size?: number;
}

/**
 * What the core needs from a vault. The CLI implements it over a folder, the
 * plugin over Obsidian's Vault and MetadataCache; tests implement it in memory.
 */
export interface VaultSource {
  /** Every markdown note of the vault. */
  list(): Promise<VaultFile[]>;
  /** A note's text. Rejects with a message naming the problem when it cannot be read. */
  read(path: string): Promise<string>;
  /** Only the frontmatter of a note: classifying a link target needs no more. */
  frontmatter(path: string): Promise<ParsedFrontmatter>;
  /** The same, for a source that reads synchronously (the CLI's folder): the catalog reads thousands, and a promise each shows. Throws where `frontmatter` rejects. */
  frontmatterNow?(path: string): ParsedFrontmatter;
  /**
   * Starts reading these notes' frontmatter elsewhere (another thread), for a source that can: once
   * `frontmatterAheadRead` resolves, `frontmatterNow` answers them sooner. A hint: no answer changes.
   */
  readFrontmatterAhead?(paths: string[]): void;
  frontmatterAheadRead?(): Promise<void>;
  /**
   * Once `frontmatterAheadRead` resolved: for the very list given to `readFrontmatterAhead`, a 1 for each
   * note whose frontmatter is known to hold nothing (what `frontmatterNow` would answer for it), 0 for the
   * others; null for any other list, or when nothing was read ahead. Lets a catalog pass over the thousands of
   * notes that hold nothing without asking for each.
   */
  blankFrontmatterAmong?(paths: string[]): Uint8Array | null;
  /** A review note's text without Daybook's region (`outsideRegion`), for a source that records what each review read: then a rewritten region is no change to it. */
  readOutsideRegion?(path: string): Promise<string>;
  /**
   * A note's text when it holds `needle` (ASCII), else null; rejects where `read` does. For a source that
   * can tell from the bytes, before decoding, or from a read it already made: searching every note of a
   * graph for one string then costs no decoding (nor a second read) of the notes without it.
   */
  readIfIncludes?(path: string, needle: string): Promise<string | null>;
}

/** A problem with one note: shown to the user by path, never fatal to the run. */
export interface Warning {
  path: string;
  message: string;
}

export function basename(path: string): string {
  // One slice, not two: every pass over a listing asks this of each note.
  const start = path.lastIndexOf('/') + 1;
  return path.endsWith('.md') ? path.slice(start, -3) : path.slice(start);
}

export function withoutExtension(path: string): string {
  return path.endsWith('.md') ? path.slice(0, -3) : path;
}

/** Joins vault path parts the way Obsidian's normalizePath leaves them: no doubled or edge slashes. */
export function joinPath(...parts: string[]): string {
  return parts
    .join('/')
    .replace(/\\/g, '/')
    .replace(/\/+/g, '/')
    .replace(/^\/|\/$/g, '');
}

/** Whether `path` is in `folder` or below, whatever Unicode form each is written in (macOS stores names NFD). */
export function isInFolder(path: string, folder: string): boolean {
  // Compared in place, not as `folder + '/'`: a warm run asks this of every note of the vault for several folders.
  if (folder === '' || (path.charCodeAt(folder.length) === SLASH && path.startsWith(folder))) return true;
  // An ASCII folder and a path ASCII up to the folder's slash: normalising keeps those characters (an ASCII
  // character has no other form, and only a mark after the last could join it into a non-ASCII one), so the
  // answer is the one above. Only that far is looked at: this is asked of every note of a vault, several times.
  return !(isAsciiUpTo(folder, folder.length) && isAsciiUpTo(path, folder.length + 1)) && path.normalize('NFC').startsWith(folder.normalize('NFC') + '/');
}

/** Whether the path lies in any of these folders: a loop, with no closure per note, as every note of a vault is asked. */
export function inAnyFolder(path: string, folders: readonly string[]): boolean {
  for (const folder of folders) if (isInFolder(path, folder)) return true;
  return false;
}

const SLASH = 0x2f;

// eslint-disable-next-line no-control-regex -- ASCII needs no normalising, and most names are ASCII
const NON_ASCII = /[^\x00-\x7f]/;

/** Whether a text is all ASCII: one search for a character beyond, cheaper than a look at each (asked of every note's name). */
export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/** A name in NFC, as links and formats write it (macOS stores names NFD). */
export function sameForm(text: string): string {
  return isAscii(text) ? text : text.normalize('NFC');
}

export function isAsciiUpTo(text: string, end: number): boolean {
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** `path` below `folder` (which `isInFolder` said holds it), in any Unicode form: the folder's segments are dropped. */
export function pathBelow(path: string, folder: string): string {
  return folder === '' ? path : path.split('/').slice(folder.split('/').length).join('/');
}

/**
 * Why a vault-relative path from settings or a format could name a file
 * outside the vault, or null when it cannot. Both separators count, as the
 * vault may sit on Windows or be synced to it.
 */
export function outsideVaultProblem(path: string): string | null {
  if (path.includes('\u0000')) return 'holds a NUL character';
  if (/^[\\/]/.test(path) || /^[A-Za-z]:/.test(path)) return 'is an absolute path; it must be inside the vault';
  if (path.split(/[\\/]/).some((part) => part.trim() === '..')) return 'goes up out of its folder with ".."; it must stay inside the vault';
  return null;
}
