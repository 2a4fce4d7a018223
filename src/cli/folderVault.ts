import { appendFileSync, closeSync, constants, type Dirent, fstatSync, linkSync, lstatSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, unlinkSync, fsyncSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { frontmatterComplete, type ParsedFrontmatter, readFrontmatter } from '../core/note/frontmatter';
import { outsideRegion } from '../core/review/managedRegion';
import type { ReviewStore } from '../core/reviewWriter';
import { outsideVaultProblem, type VaultFile, type VaultSource, type Warning } from '../core/vault';
import { MAX_RACED_REWRITES, merged, type RacedSwap, sameFile, syncFolderSoon, writeAll, writeTemporarySoon } from './atomicFile';
import { code } from './fileErrors';
import { decodeNote, decodeWritable, fileKind, HEAD_BYTES, includesAscii, isBinary, isBlank, openRefusingLinks, readAllFrom, readHead, readToEnd } from './noteBytes';
import { headIsBlank } from './headBytes';
import { BLANK_WITHOUT_PROPERTIES, type HeadsAhead, plainPath, READ_IT, readHeadsAhead } from './headsAhead';
import { encodeKeptBytes } from './keptBytes';
import { explainFsError, makeFolders } from './fsErrors';
import { bytesHash, type Stamp, stampOf } from './fileStamp';
import type { FrontmatterIndex, HeadRecord } from './frontmatterIndex';
import { StaleTemporaries } from './temporaries';
import type { ListingCache } from './listingCache';
import { isHidden, listVault } from './vaultListing';

/** What of a note was read: all of it, its head up to the closing `---`, or (a review note) the text around Daybook's region. */
export type ReadPart = 'text' | 'head' | 'outside';

/** What one read of a note saw: its stamp, the moment before the read, and the hash of what was read (the whole text, its head up to the closing `---`, or its text around Daybook's region). */
export interface Reading extends Stamp {
  at: number;
  hash: string;
  part: ReadPart;
}

export interface FolderVaultOptions {
  /** Frontmatter kept between runs: the cache's index of notes' heads. */
  index?: FrontmatterIndex;
  /** Keep a `Reading` of every note read, hashes included (the memo of built reviews needs them). */
  trackReads?: boolean;
  /** The listing kept between runs, used while the vault's folders vouch for it. */
  listing?: ListingCache;
  /** A Logseq graph's notes have page properties (`key:: value` lines of the first block) beside their YAML: their head is the whole note. */
  pageProperties?: boolean;
  /** The worker that reads heads ahead (readFrontmatterAhead): `headWorker.js` beside the bundle unless given. */
  headWorker?: string;
}

/** The frontmatter of a head with nothing in it: one object for the thousands of such notes, as the index's rows share one (it is never changed). */
const NOTHING: ParsedFrontmatter = readFrontmatter('');

/** How many heads make a worker worth starting to read them (readFrontmatterAhead). */
const HEADS_AHEAD_FROM = 1000;

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

  /** What this run read of each note (by `text:path` and `head:path`), for the CLI's memo of built reviews. */
  readonly readings = new Map<string, Reading>();
  private readonly heads = new Map<string, HeadRecord>();
  /**
   * In a graph, heads a whole read of the note saw blank before anyone asked
   * for them (the search of every note for a block's `id::` reads them all),
   * and notes whose head read found no `::` in the whole note: each note of a
   * graph is then read once for both.
   */
  private readonly seenHeads = new Map<string, HeadRecord>();
  private readonly propertyFree = new Set<string>();

  constructor(
    readonly root: string,
    private readonly options: FolderVaultOptions = {},
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
    return Promise.resolve(new FolderVault(root, { pageProperties }));
  }

  /** Whether a head read so far holds all readFrontmatter reads: the closing `---`, or, with page properties, the whole note. */
  private readonly headDone = (head: string): boolean => !this.options.pageProperties && frontmatterComplete(head);

  /**
   * A head in which readFrontmatter finds nothing, told from its bytes (see
   * headBytes): no opening fence, and in a Logseq graph no `::` on the first
   * line of the first block (`:` is never part of another character in UTF-8).
   * Implies headDone: such a head is not decoded.
   */
  private readonly headBlank = (bytes: Buffer, whole: boolean): boolean => headIsBlank(bytes, whole, this.options.pageProperties === true);

  private inside(real: string): boolean {
    const rel = relative(this.realRoot, real);
    return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..' && !/^[A-Za-z]:/.test(rel));
  }

  async list(): Promise<VaultFile[]> {
    const kept = this.options.listing?.load(this.realRoot);
    const listing = kept ?? listVault(this.realRoot, (real) => this.inside(real));
    if (!kept) this.options.listing?.save(this.realRoot, listing);
    this.plain = listing.plain;
    this.skipped = listing.skipped;
    this.temporaries.found = listing.stale;
    return listing.files;
  }

  /**
   * The `.svg` files under a folder of the vault (the reviews folder's charts),
   * which the listing of notes leaves out; hidden folders as the listing hides
   * them, no link followed (nor one on the way to the folder), and a folder
   * that cannot be read holds none.
   */
  picturesIn(folder: string): string[] {
    const out: string[] = [];
    // A folder reached through a link (the reviews folder linked elsewhere) holds none Daybook may remove.
    const start = join(this.realRoot, ...folder.split('/').filter(Boolean));
    try {
      if (realpathSync.native(start) !== start) return out;
    } catch {
      return out;
    }
    const walk = (relativePath: string) => {
      let entries: Dirent[];
      try {
        entries = readdirSync(join(this.realRoot, ...relativePath.split('/').filter(Boolean)), { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const path = relativePath ? `${relativePath}/${entry.name}` : entry.name;
        if (isHidden(entry.name)) continue;
        if (entry.isDirectory()) walk(path);
        else if (entry.isFile() && entry.name.endsWith('.svg')) out.push(path);
      }
    };
    walk(folder);
    return out;
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
    return this.readNote(path, 'text');
  }

  /** Whether a note holds nothing but Daybook's region (and blank lines): no goal can be read from it. False when it cannot be read. */
  outsideRegionIsBlank(path: string): boolean {
    try {
      let blank = false;
      this.readWith(path, 'outside', (text) => (blank = text.trim() === ''), false);
      return blank;
    } catch {
      return false;
    }
  }

  /** Recorded as what it is: a review rebuilt since (its region rewritten) is no change to what this read. */
  async readOutsideRegion(path: string): Promise<string> {
    return this.readNote(path, 'outside');
  }

  /** Only the note's head, read up to its closing `---`; from the index when the note has not changed since. */
  async frontmatter(path: string): Promise<ParsedFrontmatter> {
    return this.head(path).parsed;
  }

  frontmatterNow(path: string): ParsedFrontmatter {
    return this.head(path).parsed;
  }

  /** The frontmatter of a note, each note at most once per run. Throws when the note cannot be read. */
  head(path: string): HeadRecord {
    let known = this.heads.get(path);
    if (known) return known;
    const { index } = this.options;
    const seen = this.seenHeads.get(path);
    const stamp = index && !seen ? this.stamp(path) : null;
    const indexed = stamp && index?.lookup(path, stamp);
    if (seen) {
      // Read this run already, as a fresh read of the head would have: recorded as one.
      known = seen;
      this.seenHeads.delete(path);
      if (this.options.trackReads) this.readings.set(`head:${path}`, { size: known.size, mtime: known.mtime, at: known.at, hash: known.hash, part: 'head' });
      index?.record(path, known);
    } else if (indexed) {
      known = indexed;
      if (this.options.trackReads) this.readings.set(`head:${path}`, { size: known.size, mtime: known.mtime, at: known.at, hash: known.hash, part: 'head' });
    } else {
      let parsed: ParsedFrontmatter | null = null;
      const reading = this.readWith(path, 'head', (text, blank) => {
        parsed = blank ? NOTHING : readFrontmatter(text, this.options.pageProperties);
        // The whole note read without a `::` in it: the search for block ids need not read it again.
        if (blank?.whole && this.options.pageProperties && !includesAscii(blank.blank, '::')) this.propertyFree.add(path);
      });
      known = { size: reading.size, mtime: reading.mtime, at: reading.at, hash: reading.hash, parsed: parsed ?? readFrontmatter('') };
      index?.record(path, known);
    }
    this.heads.set(path, known);
    return known;
  }

  /** Heads being read on a worker thread, started by readFrontmatterAhead: the list asked about, and where in it each of `paths` is. */
  private ahead: { asked: string[]; origins: Int32Array; paths: string[]; at: number; heads: HeadsAhead } | null = null;

  /** The list readFrontmatterAhead was given, and which of its notes the heads read ahead found blank, once read. */
  private blankAhead: { asked: string[]; blank: Uint8Array } | null = null;

  /**
   * Starts reading these notes' heads on a worker thread, for a run that keeps
   * no record of its reads (no cache): heads it finds blank are taken from it,
   * the others read here as ever. Only for many notes, reached through real
   * folders: a worker costs about as much to start as a thousand heads here.
   */
  readFrontmatterAhead(paths: string[]): void {
    if (this.ahead || this.options.trackReads || this.options.index) return;
    const plain: string[] = [];
    const origins = new Int32Array(paths.length);
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i];
      if (!this.plain.has(path) || this.heads.has(path)) continue;
      origins[plain.length] = i;
      plain.push(path);
    }
    if (plain.length < HEADS_AHEAD_FROM) return;
    const at = Date.now();
    const heads = readHeadsAhead(this.realRoot, plain, this.options.pageProperties === true, this.options.headWorker);
    if (heads) this.ahead = { asked: paths, origins, paths: plain, at, heads };
  }

  /** Waits for the heads read ahead, if any: from then on head() answers the blank ones without a read. */
  async frontmatterAheadRead(): Promise<void> {
    const ahead = this.ahead;
    if (!ahead) return;
    this.ahead = null;
    // Needed before the worker is through them: this thread judges heads too, as the worker does
    // (read through head() here, a head costs more, and slows the worker, with all a review's records and garbage).
    ahead.heads.judgeFromTheEnd();
    const verdicts = await ahead.heads.verdicts();
    // As a head read here without a record: no stamp and no hash, one record for them all (20,000 notes, as many objects otherwise).
    const blank: HeadRecord = { size: -1, mtime: -1, at: ahead.at, hash: '', parsed: NOTHING };
    const blankAmong = new Uint8Array(ahead.asked.length);
    for (let i = 0; i < ahead.paths.length; i++) {
      const verdict = verdicts[i];
      if (verdict === READ_IT) continue;
      const path = ahead.paths[i];
      if (this.heads.has(path)) continue;
      this.heads.set(path, blank);
      blankAmong[ahead.origins[i]] = 1;
      if (verdict === BLANK_WITHOUT_PROPERTIES) this.propertyFree.add(path);
    }
    this.blankAhead = { asked: ahead.asked, blank: blankAmong };
  }

  blankFrontmatterAmong(paths: string[]): Uint8Array | null {
    return this.blankAhead?.asked === paths ? this.blankAhead.blank : null;
  }

  /**
   * The note's text when it holds `needle`, else null, without decoding a note
   * that does not: an ASCII string is in the text exactly when its bytes are in
   * the bytes (a malformed sequence never swallows an ASCII byte). Recorded as a
   * read of the whole note; in a graph, a head it finds blank is kept for head().
   */
  async readIfIncludes(path: string, needle: string): Promise<string | null> {
    const { trackReads, index, pageProperties } = this.options;
    if (needle.includes('::') && this.propertyFree.has(path)) {
      if (!trackReads) return null;
      const head = this.readings.get(`head:${path}`);
      if (head) {
        this.readings.set(`text:${path}`, { ...head, part: 'text' });
        return null;
      }
    }
    const at = Date.now();
    const hashed = trackReads || index !== undefined;
    const fd = this.openForReading(path);
    try {
      const info = hashed ? fstatSync(fd) : null;
      if (info && !info.isFile()) throw new NotWritable(`${path} is ${fileKind(info)}; Daybook reads only regular files`);
      const bytes = info ? readAllFrom(fd, info.size) : readToEnd(fd);
      if (isBinary(bytes)) throw new Error('is a binary file, not text');
      const hash = hashed ? bytesHash(bytes) : '';
      const size = info?.size ?? -1;
      const mtime = info?.mtimeMs ?? -1;
      if (trackReads) this.readings.set(`text:${path}`, { size, mtime, at, hash, part: 'text' });
      if (includesAscii(bytes, needle)) return decodeNote(bytes);
      // Only a note that readHead too would read whole: the head's hash is then of the same bytes.
      if (pageProperties && bytes.length < HEAD_BYTES && !this.heads.has(path) && isBlank(bytes, true, this.headBlank)) this.seenHeads.set(path, { size, mtime, at, hash, parsed: NOTHING });
      return null;
    } finally {
      closeSync(fd);
    }
  }

  /** A note's size and mtime now, through the same checks as a read; null when it cannot be reached. */
  stamp(path: string): Stamp | null {
    if (this.plain.has(path)) return stampOf(this.plainFile(path));
    try {
      const real = this.realFile(path);
      return real === null ? null : stampOf(real);
    } catch {
      return null;
    }
  }

  /** The hash of a note's text (or head) as it is now, the way `readings` records it; null when it cannot be read. */
  fingerprint(path: string, part: ReadPart): string | null {
    try {
      return this.readWith(path, part, () => undefined, false).hash;
    } catch {
      return null;
    }
  }

  private readNote(path: string, part: ReadPart): string {
    let text = '';
    this.readWith(path, part, (t) => (text = t));
    return text;
  }

  /** Reads a note (whole, or its head), hands the text over, and returns what was read: stamp, moment and hash. */
  private readWith(path: string, part: ReadPart, use: (text: string, blank?: { blank: Buffer; whole: boolean }) => void, record = true): Reading {
    const at = Date.now();
    const hashed = this.options.trackReads || this.options.index !== undefined || !record;
    const fd = this.openForReading(path);
    try {
      // A head read for nothing but its frontmatter needs no stamp: one system call less for each of thousands of notes.
      const info = part !== 'head' || hashed ? fstatSync(fd) : null;
      if (info && !info.isFile()) throw new NotWritable(`${path} is ${fileKind(info)}; Daybook reads only regular files`);
      let hash = '';
      if (part === 'head') {
        const head = readHead(fd, this.headDone, this.headBlank);
        if (typeof head === 'string') {
          if (hashed) hash = bytesHash(head);
          use(head);
        } else {
          // Its bytes are its text's: the hash is the one the text gives. Every reader of a head wants its frontmatter, which '' gives as well.
          if (hashed) hash = bytesHash(head.blank);
          use('', head);
        }
      } else if (part === 'outside') {
        const outside = outsideRegion(decodeNote(readAllFrom(fd, info?.size ?? 0)));
        if (hashed) hash = bytesHash(outside);
        use(outside);
      } else {
        const bytes = readAllFrom(fd, info?.size ?? 0);
        if (hashed) hash = bytesHash(bytes);
        use(decodeNote(bytes));
      }
      const reading: Reading = { size: info?.size ?? -1, mtime: info?.mtimeMs ?? -1, at, hash, part };
      if (this.options.trackReads && record) this.readings.set(`${part}:${path}`, reading);
      return reading;
    } finally {
      closeSync(fd);
    }
  }

  /** The file of a note the listing reached through real folders: a warm run stats every note, so no path.join each. */
  private plainFile(path: string): string {
    return plainPath(this.realRoot, path);
  }

  /** Opens a note to read it: without realpath when the listing reached it through real folders only. */
  private openForReading(path: string): number {
    if (this.plain.has(path)) {
      const fd = openRefusingLinks(this.plainFile(path));
      if (fd !== null) return fd;
    }
    const real = this.realFile(path);
    if (real === null) throw Object.assign(new Error(`${path} does not exist`), { code: 'ENOENT' });
    return openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  }

  async readIfExists(path: string): Promise<string | null> {
    const real = this.realFile(path);
    if (real === null) return null;
    try {
      const fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
      try {
        const info = fstatSync(fd);
        if (!info.isFile()) throw new NotWritable(`${path} is ${fileKind(info)}; Daybook reads only regular files`);
        return decodeWritable(readAllFrom(fd, info.size));
      } finally {
        closeSync(fd);
      }
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
    this.temporaries.removeFound();
  }

  private writeTemporarySoon(target: string, text: string, mode: number | null): Promise<string> {
    return writeTemporarySoon(target, text, mode, this.makeFolder, this.cleanFolder);
  }

  private readonly makeFolder = (folder: string): void => {
    // One folder at a time: a recursive mkdir says ENOENT on a read-only mount, where this says read-only.
    try {
      makeFolders(folder, (absolute) => this.shown(absolute));
    } catch (error) {
      throw new NotWritable(error instanceof Error ? error.message : String(error));
    }
  };

  private readonly cleanFolder = (folder: string): void => this.temporaries.cleanFolder(folder);

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

  /** The flushes wait on the thread pool, so a rebuild builds its next review meanwhile (see writeTemporarySoon). */
  private async swap(path: string, change: (current: string | null) => string | null): Promise<boolean> {
    let wrote = false;
    // After a swap that raced an append: what was read, the text the old file ended with, and what was written over it.
    let raced: RacedSwap | null = null;
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
        const temporary = await this.writeTemporarySoon(target, next, mode);
        try {
          // The note's folder may have become a link out of the vault since it was checked (the flush
          // waited meanwhile): checked again, nothing is renamed through it, and the temporary file goes.
          if (this.writable(path).target !== target || !sameFile(fd, target)) {
            rmSync(temporary, { force: true });
            continue;
          }
          renameSync(temporary, target);
        } catch (error) {
          rmSync(temporary, { force: true });
          throw error;
        }
        wrote = true;
        await syncFolderSoon(dirname(target));
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

  private async createNew(path: string, text: string): Promise<boolean> {
    if (this.realFile(path) !== null) return false;
    const target = this.absolute(path);
    const temporary = await this.writeTemporarySoon(target, text, null);
    try {
      // Checked again after the flush, as in swap: a folder become a link out of the vault gets nothing.
      if (this.realFile(path) !== null) return false;
      linkSync(temporary, target);
      await syncFolderSoon(dirname(target));
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

/** Runs a write, turning a file system error into one saying what it means (read-only, full, no permission) for `path`. */
async function explained<T>(path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof NotWritable || !code(error)) throw error;
    throw new NotWritable(`${path}: ${explainFsError(error)}`);
  }
}
