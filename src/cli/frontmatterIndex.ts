import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedFrontmatter } from '../core/note/frontmatter';
import { writeCacheFile } from './cacheFile';
import { sealedJson, unsealJson } from './cacheJson';
import { type Stamp, stampHolds } from './fileStamp';

/** Bumped whenever what a note's head is read into changes: older indexes are then ignored. */
const INDEX_VERSION = 1;

/** A note's frontmatter as it was read: the stamp it had, when that was, and the hash of the head read. */
export interface HeadRecord extends Stamp {
  at: number;
  hash: string;
  parsed: ParsedFrontmatter;
}

type Row = [path: string, size: number, mtime: number, at: number, hash: string, parsed: ParsedFrontmatter | 0];

const EMPTY: ParsedFrontmatter = { data: {}, error: null };

function isRow(value: unknown): value is Row {
  if (!Array.isArray(value) || value.length !== 6) return false;
  const [path, size, mtime, at, hash, parsed] = value as unknown[];
  if (typeof path !== 'string' || typeof size !== 'number' || typeof mtime !== 'number' || typeof at !== 'number' || typeof hash !== 'string') return false;
  if (parsed === 0) return true;
  if (typeof parsed !== 'object' || parsed === null) return false;
  const { data, error } = parsed as { data?: unknown; error?: unknown };
  return typeof data === 'object' && data !== null && !Array.isArray(data) && (error === null || typeof error === 'string');
}

/**
 * The frontmatter of the vault's notes, kept between runs by path, size and
 * mtime: what classifies a link target and folds aliases, so a run reads a
 * note's head only when the note changed. An entry is used only while its
 * stamp holds (git's racy-timestamp rule included); anything doubtful in the
 * file drops the whole index, which is then rebuilt from the notes.
 */
export class FrontmatterIndex {
  private rows: Map<string, HeadRecord> | null = null;
  private changed = false;

  constructor(
    private readonly dir: string,
    /** A Logseq graph's notes also have page properties, read from the whole note: its index is kept apart. */
    pageProperties = false,
  ) {
    this.version = pageProperties ? `${INDEX_VERSION}/page-properties` : INDEX_VERSION;
  }

  private readonly version: number | string;

  private get file(): string {
    return join(this.dir, 'frontmatter.json');
  }

  private load(): Map<string, HeadRecord> {
    if (this.rows) return this.rows;
    this.rows = new Map();
    try {
      const stored = unsealJson(readFileSync(this.file)) as { version?: unknown; rows?: unknown } | null;
      if (stored?.version === this.version && Array.isArray(stored.rows) && stored.rows.every(isRow)) {
        for (const [path, size, mtime, at, hash, parsed] of stored.rows) this.rows.set(path, { size, mtime, at, hash, parsed: parsed === 0 ? EMPTY : parsed });
      }
    } catch {
      // Missing or unreadable: every note is read afresh.
    }
    return this.rows;
  }

  /** The recorded frontmatter of a note whose stamp is still `now`; null when it must be read. */
  lookup(path: string, now: Stamp): HeadRecord | null {
    const known = this.load().get(path);
    return known && stampHolds(known, now) ? known : null;
  }

  record(path: string, record: HeadRecord): void {
    const rows = this.load();
    const known = rows.get(path);
    if (known && known.size === record.size && known.mtime === record.mtime && known.at === record.at && known.hash === record.hash) return;
    rows.set(path, record);
    this.changed = true;
  }

  /** Writes the index when it changed, keeping only notes the vault still lists. */
  save(listed: Iterable<string>): void {
    if (!this.changed || this.rows === null) return;
    const rows: Row[] = [];
    for (const path of listed) {
      const r = this.rows.get(path);
      if (r) rows.push([path, r.size, r.mtime, r.at, r.hash, r.parsed.error === null && Object.keys(r.parsed.data).length === 0 ? 0 : r.parsed]);
    }
    writeCacheFile(this.file, sealedJson({ version: this.version, rows }));
    this.changed = false;
  }
}
