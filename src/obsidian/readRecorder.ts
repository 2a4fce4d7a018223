import { cacheReplacer } from '../core/cacheValues';
import type { ParsedFrontmatter } from '../core/note/frontmatter';
import { hashText } from '../core/hash';
import { type Stamp, stampVouches } from '../core/stampTrust';
import type { VaultFile, VaultSource } from '../core/vault';

/** What of a note was read: its text, or its properties (from the app's metadata cache). */
export type ReadKind = 'text' | 'frontmatter';

/** One thing a build read: the note, what of it, the hash of what came back, and the note's stamp with the moment it was taken. */
export type Reading = [path: string, kind: ReadKind, hash: string, size: number, mtime: number, at: number];

export function isReading(value: unknown): value is Reading {
  return Array.isArray(value) && value.length === 6 && typeof value[0] === 'string' && (value[1] === 'text' || value[1] === 'frontmatter') && typeof value[2] === 'string' && value.slice(3).every((n) => typeof n === 'number' && Number.isFinite(n));
}

/** The source a recorder reads through: the vault, with the app's stamps and whether a note's properties are known yet. */
export interface StampedSource extends VaultSource {
  stamp(path: string): Stamp | null;
  indexed(path: string): boolean;
}

function frontmatterHash(parsed: ParsedFrontmatter): string {
  // The replacer keeps NaN and -0 apart from null and 0: a property changed to one must not hash as before.
  return hashText(JSON.stringify(parsed, cacheReplacer));
}

/**
 * The vault as a review reads it, noting everything read: each note's text
 * and properties as hashes, with the note's size and mtime taken before the
 * read (so a change made during the read shows as a changed stamp next time,
 * never as a stamp that vouches for text it does not describe). A read that
 * failed, or properties asked before the app had indexed the note (or read it
 * again since it changed), leave a doubt: what was built from them is not kept.
 */
export class ReadRecorder implements VaultSource {
  private readonly readings = new Map<string, Reading>();
  /** Why what was read cannot be kept, if it cannot. */
  doubt: string | null = null;

  constructor(
    private readonly source: StampedSource,
    /** Notes whose properties the app's metadata cache has not read again since they changed (MetadataLag). */
    private readonly behind: (path: string) => boolean = () => false,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether the app's cache has the note's properties as the note holds them now. */
  private current(path: string): boolean {
    return this.source.indexed(path) && !this.behind(path);
  }

  list(): Promise<VaultFile[]> {
    return this.source.list();
  }

  async read(path: string): Promise<string> {
    const at = this.now();
    const stamp = this.source.stamp(path);
    let text: string;
    try {
      text = await this.source.read(path);
    } catch (error) {
      this.doubt ??= `${path} could not be read`;
      throw error;
    }
    this.note(path, 'text', hashText(text), stamp, at);
    return text;
  }

  async frontmatter(path: string): Promise<ParsedFrontmatter> {
    const at = this.now();
    const stamp = this.source.stamp(path);
    if (!this.current(path)) this.doubt ??= `${path} was not indexed yet`;
    let parsed: ParsedFrontmatter;
    try {
      parsed = await this.source.frontmatter(path);
    } catch (error) {
      this.doubt ??= `${path}: its properties could not be read`;
      throw error;
    }
    this.note(path, 'frontmatter', frontmatterHash(parsed), stamp, at);
    return parsed;
  }

  private note(path: string, kind: ReadKind, hash: string, stamp: Stamp | null, at: number): void {
    if (stamp === null) {
      this.doubt ??= `${path} has no stamp`;
      return;
    }
    // A note read twice (it changed meanwhile, or not) keeps its first reading: the stamp taken before it
    // then differs from the note's, or is racy, so the next check reads the note again.
    const key = `${kind}:${path}`;
    if (!this.readings.has(key)) this.readings.set(key, [path, kind, hash, stamp.size, stamp.mtime, at]);
  }

  /** Everything read so far, every build of this journal included (its notes are read once and shared). */
  all(): Reading[] {
    return [...this.readings.values()];
  }

  /**
   * Whether every note still gives what was read of it: its stamp vouches,
   * or (changed, or too fresh for its stamp to vouch) reading it again gives
   * the same hash. A note gone, or not indexed, does not. Stamps first, all of
   * them, as they cost nothing; then the reads, stopping at the first change.
   */
  async allHold(readings: Reading[]): Promise<boolean> {
    const unsure: Reading[] = [];
    for (const reading of readings) {
      const [path, , , size, mtime, at] = reading;
      const now = this.source.stamp(path);
      if (now === null) return false;
      if (!stampVouches({ size, mtime, at }, now)) unsure.push(reading);
    }
    for (const [path, kind, hash] of unsure) {
      try {
        const same = kind === 'text' ? hashText(await this.source.read(path)) === hash : this.current(path) && frontmatterHash(await this.source.frontmatter(path)) === hash;
        if (!same) return false;
      } catch {
        return false;
      }
    }
    return true;
  }
}
