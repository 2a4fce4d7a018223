import {
  appendFileSync,
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
  fchmodSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { decodeKeepingBytes, encodeKeptBytes } from './keptBytes';
import { explainFsError, makeFolders } from './fsErrors';
import { ownerIsGone, ownerToken } from './tempOwner';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { type ParsedFrontmatter, readFrontmatter } from '../core/note/frontmatter';
import type { ReviewStore } from '../core/reviewWriter';
import { outsideVaultProblem, type VaultFile, type VaultSource, type Warning } from '../core/vault';

/** Obsidian hides dot-folders (`.obsidian`, `.trash`, `.git`) from the vault; so do we. */
function isHidden(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Text of a note's bytes. Binary files are refused; invalid UTF-8 is read with U+FFFD, which the parser reports. */
export function decodeNote(bytes: Uint8Array): string {
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) throw new Error('is a binary file, not text');
  try {
    return utf8.decode(bytes);
  } catch {
    return lenient.decode(bytes);
  }
}

/** Text of a note Daybook may write back: every byte it does not change comes back as it was (see keptBytes). */
function decodeWritable(bytes: Uint8Array): string {
  if (bytes.subarray(0, 8192).includes(0)) throw new Error('is a binary file, not text');
  return decodeKeepingBytes(bytes);
}

/** The suffix of Daybook's temporary files; the part before it names the writing process (see tempOwner). */
export const TEMP_SUFFIX = '.daybook-tmp';
const TEMP_NAME = /\.(\d+(?:-b[0-9a-f]*s\d+)?)-[0-9a-f]+\.daybook-tmp$/;

/** A file Daybook will not write, with the reason in the message: reported by path, the run goes on. */
export class NotWritable extends Error {}

/** A temporary file of a Daybook process that no longer runs: left by a kill, never to be renamed. */
function isStaleTemporary(name: string): boolean {
  const match = TEMP_NAME.exec(name);
  return match !== null && ownerIsGone(match[1]);
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** Writes all of `text` to `fd`: one writeSync may write less than asked. */
function writeAll(fd: number, text: string): void {
  const bytes = encodeKeptBytes(text);
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/** Flushes a folder's entries (a rename) to disk; not every system can open a folder for that. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort: the file's own data was flushed before the rename.
  }
}

/**
 * A vault as a folder on disk: the CLI's VaultSource and ReviewStore. Every
 * path it reads or writes is checked to be inside the vault after `..` and
 * symlinks are resolved; links inside the vault are followed as Obsidian
 * follows them, links out of it are reported and left alone.
 */
export class FolderVault implements VaultSource, ReviewStore {
  /** The vault's folder with every symlink resolved: what "inside" is checked against. */
  readonly realRoot: string;
  /** Files and folders the last `list` left out (links out of the vault, loops), for the user to see. */
  skipped: Warning[] = [];
  private readonly cleaned = new Set<string>();
  /** Temporary files of Daybook processes that died mid-write, found by the last `list`. */
  private staleTemporaries: string[] = [];
  /**
   * Notes the last `list` reached through real folders only, no link on the way: reading
   * one needs no realpath (a third of a cold yearly review's system time went to them);
   * O_NOFOLLOW still refuses a note that became a link since.
   */
  private plain = new Set<string>();

  constructor(
    readonly root: string,
    /** Parsed frontmatter of link targets, kept between runs by the parse cache. */
    private readonly frontmatterCache?: { frontmatter(text: string): ParsedFrontmatter },
    /** A Logseq graph's notes have page properties (`key:: value` lines of the first block) beside their YAML. */
    private readonly pageProperties = false,
  ) {
    let real: string;
    try {
      real = realpathSync.native(root);
    } catch {
      real = resolve(root);
    }
    this.realRoot = real;
  }

  static open(root: string, pageProperties = false): Promise<FolderVault> {
    return Promise.resolve(new FolderVault(root, undefined, pageProperties));
  }

  private inside(real: string): boolean {
    const rel = relative(this.realRoot, real);
    return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..' && !/^[A-Za-z]:/.test(rel));
  }

  async list(): Promise<VaultFile[]> {
    const files: VaultFile[] = [];
    const skipped: Warning[] = [];
    const stale: string[] = [];
    const plain = new Set<string>();
    // Synchronous on purpose: one readdir per folder, and no promise per entry of a large vault.
    // `ancestors` holds the real folders above this one: a link back to one of them is a loop.
    const walk = (folder: string, prefix: string, ancestors: Set<string>, linked: boolean): void => {
      let entries;
      try {
        entries = readdirSync(folder, { withFileTypes: true });
      } catch (error) {
        if (prefix) skipped.push({ path: prefix, message: `folder cannot be read (${code(error) ?? String(error)}); skipped` });
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        if (isHidden(entry.name)) continue;
        const path = prefix ? `${prefix}/${entry.name}` : entry.name;
        const absolute = join(folder, entry.name);
        let isDirectory = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          if (!entry.name.endsWith('.md') && !this.isFolder(absolute)) continue;
          let real: string;
          try {
            real = realpathSync.native(absolute);
          } catch (error) {
            skipped.push({ path, message: code(error) === 'ELOOP' ? 'is a symlink loop; skipped' : 'is a link to nothing; skipped' });
            continue;
          }
          if (!this.inside(real)) {
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
          files.push({ path });
          if (!linked && !entry.isSymbolicLink()) plain.add(path);
        }
        else if (isFile && isStaleTemporary(entry.name)) stale.push(absolute);
        else if (!isFile && !isDirectory && entry.name.endsWith('.md')) skipped.push({ path, message: `is ${fileKind(statSync(absolute))}, not a note; not read (Daybook reads only regular files)` });
      }
    };
    walk(this.realRoot, '', new Set([this.realRoot]), false);
    this.plain = plain;
    this.skipped = skipped;
    this.staleTemporaries = stale;
    return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  private isFolder(absolute: string): boolean {
    try {
      return statSync(absolute).isDirectory();
    } catch {
      return true; // a loop or a dangling link: let the caller report it
    }
  }

  /** The file a vault path names; throws when the path itself could leave the vault. */
  private absolute(path: string): string {
    const problem = outsideVaultProblem(path);
    if (problem) throw new NotWritable(`${JSON.stringify(path)} ${problem}`);
    return join(this.realRoot, ...path.split('/'));
  }

  /** The real file behind a vault path, checked to be inside the vault; null when it does not exist. */
  private realFile(path: string): string | null {
    const absolute = this.absolute(path);
    let real: string;
    try {
      real = realpathSync.native(absolute);
    } catch (error) {
      if (code(error) === 'ENOENT') {
        this.checkFolder(path, absolute);
        return null;
      }
      if (code(error) === 'ELOOP') throw new NotWritable(`${path} is a symlink loop`);
      if (code(error) === 'ENOTDIR') throw new NotWritable(this.fileInTheWay(absolute) ?? `${path}: ${explainFsError(error)}`);
      throw error;
    }
    if (!this.inside(real)) throw new NotWritable(`${path} is (or is under) a link to outside the vault; Daybook does not read or write through it`);
    return real;
  }

  /** The nearest existing folder above a missing file must be inside the vault too (a linked folder). */
  private checkFolder(path: string, absolute: string): void {
    for (let folder = dirname(absolute); ; folder = dirname(folder)) {
      let real: string;
      try {
        real = realpathSync.native(folder);
      } catch (error) {
        if (code(error) === 'ENOENT' && folder !== dirname(folder)) continue;
        throw new NotWritable(`${path}: its folder cannot be reached (${code(error) ?? String(error)})`);
      }
      if (!this.inside(real)) throw new NotWritable(`${path} is under a link to outside the vault; Daybook does not read or write through it`);
      return;
    }
  }

  // Reads are synchronous: a review reads hundreds of small files, and the
  // promise machinery around each costs more than the read itself.
  async read(path: string): Promise<string> {
    if (this.plain.has(path)) {
      const bytes = readPlain(join(this.realRoot, ...path.split('/')), path);
      if (bytes !== null) return decodeNote(bytes);
    }
    const real = this.realFile(path);
    if (real === null) throw Object.assign(new Error(`${path} does not exist`), { code: 'ENOENT' });
    return decodeNote(readRegular(real, path));
  }

  async frontmatter(path: string): Promise<ParsedFrontmatter> {
    const text = await this.read(path);
    return this.frontmatterCache ? this.frontmatterCache.frontmatter(text) : readFrontmatter(text, this.pageProperties);
  }

  async readIfExists(path: string): Promise<string | null> {
    const real = this.realFile(path);
    if (real === null) return null;
    try {
      return decodeWritable(readRegular(real, path));
    } catch (error) {
      if (code(error) === 'ENOENT') return null;
      if (code(error) === 'EISDIR') throw new NotWritable(`${path} is a folder, not a note`);
      throw error;
    }
  }

  /** Where a note is written: its real file (a link inside the vault is kept a link), after the checks a write needs. */
  private writable(path: string): { target: string; mode: number | null } {
    const real = this.realFile(path);
    const target = real ?? this.absolute(path);
    if (real === null) return { target, mode: null };
    const info = lstatSync(real);
    if (info.isDirectory()) throw new NotWritable(`${path} is a folder, not a note; not written`);
    if (!info.isFile()) throw new NotWritable(`${path} is ${fileKind(info)}, not a note; not written`);
    // Checked by mode, not by trying: renaming over a read-only file succeeds, and root may write anything.
    if ((info.mode & 0o222) === 0) throw new NotWritable(`${path} is read-only; left as it is`);
    return { target, mode: info.mode & 0o7777 };
  }

  /** Removes the temporary files killed Daybook processes left anywhere in the vault; a writing run calls it. */
  removeStaleTemporaries(): void {
    for (const path of this.staleTemporaries) rmSync(path, { force: true });
    this.staleTemporaries = [];
  }

  /** Removes temporary files that killed Daybook processes left in this folder (once per folder and run). */
  private cleanStale(folder: string): void {
    if (this.cleaned.has(folder)) return;
    this.cleaned.add(folder);
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of names) if (isStaleTemporary(name)) rmSync(join(folder, name), { force: true });
  }

  /**
   * The text written to a new temporary file beside `target`, flushed to disk.
   * On any failure the temporary file is removed before the error goes on.
   */
  private writeTemporary(target: string, text: string, mode: number | null): string {
    const folder = dirname(target);
    try {
      makeFolders(folder, (absolute) => this.shown(absolute));
    } catch (error) {
      throw new NotWritable(error instanceof Error ? error.message : String(error));
    }
    this.cleanStale(folder);
    const temporary = `${target}.${ownerToken()}-${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
    let fd: number | null = null;
    try {
      fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
      if (mode !== null) fchmodSync(fd, mode);
      writeAll(fd, text);
      fsyncSync(fd);
      closeSync(fd);
      fd = null;
      return temporary;
    } catch (error) {
      if (fd !== null) closeSync(fd);
      rmSync(temporary, { force: true });
      throw error;
    }
  }

  /**
   * Compare-and-swap: the new text is written to a temporary file of this
   * process's own, flushed, and renamed over the note only if the note is
   * still the file `change` read; if another program replaced it meanwhile,
   * `change` runs again on the newer one. Text written into the old file while
   * the new one was being flushed (an editor appending a line) is read back
   * from it after the swap and merged in by one more round, so it is not lost.
   */
  async update(path: string, change: (current: string | null) => string | null): Promise<boolean> {
    return explained(path, () => this.swap(path, change));
  }

  private swap(path: string, change: (current: string | null) => string | null): boolean {
    let wrote = false;
    // After a swap that raced an append: what was read, the text the old file ended with, and what was written over it.
    let raced: { read: string; text: string; written: string } | null = null;
    let racedRounds = 0;
    for (let attempt = 0; attempt < 100; attempt++) {
      const { target, mode } = this.writable(path);
      let fd: number | null = null;
      try {
        try {
          fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK);
        } catch (error) {
          if (code(error) !== 'ENOENT') throw error;
        }
        const current = fd === null ? null : decodeWritable(readAllFrom(fd, fstatSync(fd).size));
        const base = merged(raced, current);
        raced = null;
        // Text rescued from a raced swap is written even when `change` has nothing to add to it.
        const next = change(base) ?? (base !== current ? base : null);
        if (next === null || next === current) return wrote;
        const temporary = this.writeTemporary(target, next, mode);
        try {
          if (!sameFile(fd, target)) {
            rmSync(temporary, { force: true });
            continue;
          }
          renameSync(temporary, target);
        } catch (error) {
          rmSync(temporary, { force: true });
          throw error;
        }
        wrote = true;
        syncFolder(dirname(target));
        if (fd === null) return true;
        const after = decodeWritable(readAllFrom(fd, fstatSync(fd).size));
        if (after === current) return true;
        // A program that appends faster than a flush (a busy machine, an editor saving on
        // every key) would race every rewrite; after a few rounds the rescued lines are
        // appended to the new note instead, which takes no flush window and so cannot race.
        if (++racedRounds >= MAX_RACED_REWRITES && current !== null && after.startsWith(current)) {
          appendFileSync(target, encodeKeptBytes(after.slice(current.length)));
          return true;
        }
        raced = { read: current ?? '', text: after, written: next };
      } finally {
        if (fd !== null) closeSync(fd);
      }
    }
    throw new Error(`${path} kept changing while Daybook tried to write it; ${wrote ? 'the last change may be missing' : 'not written'}`);
  }

  async removeIfUnchanged(path: string, expected: string): Promise<boolean> {
    const real = this.realFile(path);
    if (real === null || (await this.readIfExists(path)) !== expected) return false;
    unlinkSync(real);
    return true;
  }

  /** Creates a note only if none exists: never overwrites. Written whole, then linked into place. Returns false when it existed. */
  async create(path: string, text: string): Promise<boolean> {
    return explained(path, () => this.createNew(path, text));
  }

  private createNew(path: string, text: string): boolean {
    if (this.realFile(path) !== null) return false;
    const target = this.absolute(path);
    const temporary = this.writeTemporary(target, text, null);
    try {
      linkSync(temporary, target);
      syncFolder(dirname(target));
      return true;
    } catch (error) {
      if (code(error) === 'EEXIST') return false;
      if (code(error) !== 'EPERM' && code(error) !== 'ENOTSUP' && code(error) !== 'EXDEV') throw error;
      // A file system without hard links: exclusive create, still never over an existing note.
      try {
        const fd = openSync(target, 'wx');
        try {
          writeAll(fd, text);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        return true;
      } catch (inner) {
        if (code(inner) === 'EEXIST') return false;
        throw inner;
      }
    } finally {
      rmSync(temporary, { force: true });
    }
  }

  /** Which file above `absolute` stands where a folder belongs, said as a message; null when none does. */
  private fileInTheWay(absolute: string): string | null {
    for (let at = dirname(absolute); at.startsWith(this.realRoot) && at !== this.realRoot; at = dirname(at)) {
      try {
        if (!statSync(at).isDirectory()) return `${this.shown(at)} is a file where Daybook needs a folder; move it, or choose another folder in the settings`;
      } catch {
        // Not there (or not reachable): look further up.
      }
    }
    return null;
  }

  /** An absolute path inside the vault as the vault path a message names. */
  private shown(absolute: string): string {
    const rel = relative(this.realRoot, absolute);
    return rel === '' ? '(the vault folder)' : rel.split(sep).join('/');
  }

  toVaultPath(absolute: string): string {
    return absolute.slice(this.root.length + 1).split(sep).join('/');
  }
}

/**
 * The note's text after a swap that raced an append: what was written, then
 * what reached the old file after it was read, then what was appended to the
 * new one since. Text changed any other way (a program rewriting the file)
 * stands as it is.
 */
/** A file's bytes, refusing a link (null: it became one since it was listed, so the caller checks where it leads). */
function readPlain(absolute: string, path: string): Buffer | null {
  try {
    return readRegular(absolute, path, constants.O_NOFOLLOW);
  } catch (error) {
    if (code(error) === 'ELOOP') return null;
    throw error;
  }
}

/** What a file that is not a regular one is, for the message that refuses it. */
export function fileKind(info: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isDirectory(): boolean }): string {
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/**
 * A file's bytes, only if it is a regular file: opened without blocking, so a
 * FIFO where a note or template should be never hangs the run.
 */
function readRegular(absolute: string, path: string, flags = 0): Buffer {
  const fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK | flags);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new NotWritable(`${path} is ${fileKind(info)}; Daybook reads only regular files`);
    return readAllFrom(fd, info.size);
  } finally {
    closeSync(fd);
  }
}

/** Runs a write, turning a file system error into one saying what it means (read-only, full, no permission) for `path`. */
function explained<T>(path: string, write: () => T): Promise<T> {
  try {
    return Promise.resolve(write());
  } catch (error) {
    if (error instanceof NotWritable || !code(error)) throw error;
    throw new NotWritable(`${path}: ${explainFsError(error)}`);
  }
}

/** Rewrites that may race an appending program before its lines are rescued by appending them. */
const MAX_RACED_REWRITES = 3;

function merged(raced: { read: string; text: string; written: string } | null, current: string | null): string | null {
  if (raced === null || current === null) return current;
  if (!current.startsWith(raced.written) || !raced.text.startsWith(raced.read)) return current;
  return raced.written + raced.text.slice(raced.read.length) + current.slice(raced.written.length);
}

/** Whether `target` is still the file open as `fd` (or, with no fd, still absent): nobody renamed another over it. */
function sameFile(fd: number | null, target: string): boolean {
  let info;
  try {
    info = statSync(target);
  } catch (error) {
    return fd === null && code(error) === 'ENOENT';
  }
  if (fd === null) return false;
  const open = fstatSync(fd);
  return open.ino === info.ino && open.dev === info.dev;
}

/** The first `size` bytes of an open file. */
function readAllFrom(fd: number, size: number): Buffer {
  const buffer = Buffer.alloc(size);
  for (let offset = 0; offset < size; ) {
    const read = readSync(fd, buffer, offset, size - offset, offset);
    if (read === 0) return buffer.subarray(0, offset);
    offset += read;
  }
  return buffer;
}
