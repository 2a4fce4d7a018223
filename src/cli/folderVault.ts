import { appendFileSync, closeSync, fstatSync, linkSync, lstatSync, openSync, readFileSync, realpathSync, renameSync, rmSync, unlinkSync, fsyncSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { type ParsedFrontmatter, readFrontmatter } from '../core/note/frontmatter';
import type { ReviewStore } from '../core/reviewWriter';
import { outsideVaultProblem, type VaultFile, type VaultSource, type Warning } from '../core/vault';
import { MAX_RACED_REWRITES, merged, type RacedSwap, sameFile, syncFolder, writeAll, writeTemporary } from './atomicFile';
import { code } from './fileErrors';
import { decodeNote, readAllFrom, readPlain } from './noteBytes';
import { StaleTemporaries } from './temporaries';
import { listVault } from './vaultListing';

/** A file Daybook will not write, with the reason in the message: reported by path, the run goes on. */
export class NotWritable extends Error {}

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
  /** Temporary files of Daybook processes that died mid-write. */
  private readonly temporaries = new StaleTemporaries();
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
  ) {
    let real: string;
    try {
      real = realpathSync.native(root);
    } catch {
      real = resolve(root);
    }
    this.realRoot = real;
  }

  static open(root: string): Promise<FolderVault> {
    return Promise.resolve(new FolderVault(root));
  }

  private inside(real: string): boolean {
    const rel = relative(this.realRoot, real);
    return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..' && !/^[A-Za-z]:/.test(rel));
  }

  async list(): Promise<VaultFile[]> {
    const listing = listVault(this.realRoot, (real) => this.inside(real));
    this.plain = listing.plain;
    this.skipped = listing.skipped;
    this.temporaries.found = listing.stale;
    return listing.files;
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
      const bytes = readPlain(join(this.realRoot, ...path.split('/')));
      if (bytes !== null) return decodeNote(bytes);
    }
    const real = this.realFile(path);
    if (real === null) throw Object.assign(new Error(`${path} does not exist`), { code: 'ENOENT' });
    return decodeNote(readFileSync(real));
  }

  async frontmatter(path: string): Promise<ParsedFrontmatter> {
    const text = await this.read(path);
    return this.frontmatterCache ? this.frontmatterCache.frontmatter(text) : readFrontmatter(text);
  }

  async readIfExists(path: string): Promise<string | null> {
    const real = this.realFile(path);
    if (real === null) return null;
    try {
      return decodeNote(readFileSync(real));
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
    if (!info.isFile()) throw new NotWritable(`${path} is not a regular file; not written`);
    // Checked by mode, not by trying: renaming over a read-only file succeeds, and root may write anything.
    if ((info.mode & 0o222) === 0) throw new NotWritable(`${path} is read-only; left as it is`);
    return { target, mode: info.mode & 0o7777 };
  }

  /** Removes the temporary files killed Daybook processes left anywhere in the vault; a writing run calls it. */
  removeStaleTemporaries(): void {
    this.temporaries.removeFound();
  }

  private writeTemporary(target: string, text: string, mode: number | null): string {
    return writeTemporary(target, text, mode, (folder) => this.temporaries.cleanFolder(folder));
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
    let wrote = false;
    // After a swap that raced an append: what was read, the text the old file ended with, and what was written over it.
    let raced: RacedSwap | null = null;
    let racedRounds = 0;
    for (let attempt = 0; attempt < 100; attempt++) {
      const { target, mode } = this.writable(path);
      let fd: number | null = null;
      try {
        try {
          fd = openSync(target, 'r');
        } catch (error) {
          if (code(error) !== 'ENOENT') throw error;
        }
        const current = fd === null ? null : decodeNote(readAllFrom(fd, fstatSync(fd).size));
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
        const after = decodeNote(readAllFrom(fd, fstatSync(fd).size));
        if (after === current) return true;
        // A program that appends faster than a flush (a busy machine, an editor saving on
        // every key) would race every rewrite; after a few rounds the rescued lines are
        // appended to the new note instead, which takes no flush window and so cannot race.
        if (++racedRounds >= MAX_RACED_REWRITES && current !== null && after.startsWith(current)) {
          appendFileSync(target, after.slice(current.length), 'utf8');
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

  toVaultPath(absolute: string): string {
    return absolute.slice(this.root.length + 1).split(sep).join('/');
  }
}
