import type { DataAdapter, TAbstractFile } from 'obsidian';
import { cacheReplacer, parseCacheJson } from '../core/cacheValues';
import { hashText } from '../core/hash';
import type { ParseRules } from '../core/dialect/dialect';
import type { NoteParser } from '../core/journal';
import { type NoteModel, parseNote } from '../core/note/parseNote';
import { BUILD_IDENTITY } from '../core/buildIdentity';
import { DelayedWrite } from './delayedWrite';

/** Bumped whenever the file's shape changes; with the plugin's version (a new parser), an older file is dropped whole. */
const CACHE_SCHEMA = 1;

/** How long after the last parse the file is written: a review parses hundreds of notes, and one write follows. */
const SAVE_DELAY_MS = 2_000;

/** A parsed note, keyed as Obsidian's metadata cache keys a file (path, size, mtime), and checked against the text itself. */
interface Entry {
  mtime: number;
  size: number;
  length: number;
  hash: string;
  model: NoteModel;
}

type Row = [path: string, mtime: number, size: number, length: number, hash: string, model: NoteModel];

function isRow(value: unknown): value is Row {
  if (!Array.isArray(value) || value.length !== 6) return false;
  const [path, mtime, size, length, hash, model] = value as unknown[];
  return (
    typeof path === 'string' &&
    typeof mtime === 'number' &&
    typeof size === 'number' &&
    typeof length === 'number' &&
    typeof hash === 'string' &&
    typeof model === 'object' &&
    model !== null &&
    Array.isArray((model as NoteModel).blocks) &&
    typeof (model as NoteModel).frontmatter === 'object' &&
    Array.isArray((model as NoteModel).problems)
  );
}

export interface CacheTimers {
  set: (callback: () => void, ms: number) => unknown;
  clear: (id: unknown) => void;
}

/**
 * Parsed notes kept in the plugin's own folder between app sessions, so the
 * first review after the app starts parses only what changed. An entry is
 * used only for the same path, size and mtime and the very text (its length
 * and hash): never trusted over the file. A file that is damaged, of another
 * version or of the wrong shape is dropped whole and rebuilt from the notes.
 */
export class PersistentParseCache {
  private readonly entries = new Map<string, Entry>();
  private loading: Promise<void> | null = null;
  private readonly writes: DelayedWrite;

  constructor(
    private readonly adapter: Pick<DataAdapter, 'exists' | 'read' | 'write'>,
    private readonly file: string,
    private readonly timers: CacheTimers,
    pluginVersion: string,
  ) {
    this.version = `${CACHE_SCHEMA}/${pluginVersion}/${BUILD_IDENTITY}`;
    this.writes = new DelayedWrite(timers, SAVE_DELAY_MS, () => this.write());
  }

  private readonly version: string;

  /** The vault dialect's parse rules, as a key: notes parsed by other rules (the folder became a Logseq graph) are dropped. */
  private rulesKey = 'null';
  private rules: ParseRules | undefined;

  /** The parser for a vault read by these rules, once the stored notes are loaded (at most once per session). */
  async ready(rules?: ParseRules): Promise<NoteParser> {
    const key = JSON.stringify(rules ?? null);
    if (key !== this.rulesKey) {
      this.rulesKey = key;
      this.rules = rules;
      if (this.entries.size) {
        this.entries.clear();
        this.changed();
      }
    }
    this.loading ??= this.load();
    await this.loading;
    return this.parser;
  }

  /**
   * A parser for a vault read by these rules that loads the stored notes at
   * its first parse, not before: a review answered from the stored reviews
   * parses nothing, and need not read this file at all.
   */
  lazyParser(rules?: ParseRules): NoteParser {
    let parser: NoteParser | null = null;
    return async (text, file) => {
      parser ??= await this.ready(rules);
      return parser(text, file);
    };
  }

  private async load(): Promise<void> {
    try {
      if (!(await this.adapter.exists(this.file))) return;
      const text = await this.adapter.read(this.file);
      const newline = text.indexOf('\n');
      const json = text.slice(newline + 1);
      if (newline === -1 || text.slice(0, newline) !== hashText(json)) return;
      const stored = parseCacheJson(json) as { version?: unknown; rules?: unknown; rows?: unknown } | null;
      if (stored?.version !== this.version || stored.rules !== this.rulesKey || !Array.isArray(stored.rows) || !stored.rows.every(isRow)) return;
      for (const [path, mtime, size, length, hash, model] of stored.rows) {
        // An entry made this session (a review run while loading) is newer than the file's.
        if (!this.entries.has(path)) this.entries.set(path, { mtime, size, length, hash, model });
      }
    } catch {
      // Unreadable or not JSON: every note is parsed afresh, and the file rewritten.
    }
  }

  readonly parser: NoteParser = (text, file) => {
    const known = this.entries.get(file.path);
    const hash = hashText(text);
    if (known && known.mtime === file.mtime && known.size === file.size && known.length === text.length && known.hash === hash) return known.model;
    const model = parseNote(text, this.rules);
    if (file.mtime !== undefined && file.size !== undefined) {
      this.entries.set(file.path, { mtime: file.mtime, size: file.size, length: text.length, hash, model });
      this.changed();
    }
    return model;
  };

  /** A note modified, renamed or deleted: its entry goes at once (the text check would refuse it anyway). */
  forget(file: TAbstractFile, oldPath?: string): void {
    const dropped = this.entries.delete(file.path);
    const droppedOld = oldPath !== undefined && this.entries.delete(oldPath);
    if (dropped || droppedOld) this.changed();
  }

  get size(): number {
    return this.entries.size;
  }

  private changed(): void {
    this.writes.changed();
  }

  /** Writes the stored notes if anything changed; a cache that cannot be written only costs speed. */
  save(): Promise<void> {
    return this.writes.flush();
  }

  private async write(): Promise<boolean> {
    const rows: Row[] = [...this.entries].map(([path, e]) => [path, e.mtime, e.size, e.length, e.hash, e.model]);
    const json = JSON.stringify({ version: this.version, rules: this.rulesKey, rows }, cacheReplacer);
    try {
      await this.adapter.write(this.file, `${hashText(json)}\n${json}`);
      return true;
    } catch {
      return false;
    }
  }
}
