import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { hashText } from '../core/hash';
import type { NoteParser } from '../core/journal';
import { type ParsedFrontmatter, readFrontmatter } from '../core/note/frontmatter';
import { type NoteModel, parseNote } from '../core/note/parseNote';

/** Bumped whenever parseNote's output changes shape or meaning: older entries are then ignored. */
export const PARSER_VERSION = 5;

interface Entry {
  version: number;
  length: number;
  check: string;
  model: NoteModel;
}

/** A note's content key: the file name of its entry, and what the entry must also match. */
interface ContentKey {
  key: string;
  check: string;
  length: number;
}

function contentKey(text: string): ContentKey {
  return { key: hashText(text), check: hashText(text, 0x9e3779b9), length: text.length };
}

/** Whether a stored entry is for this very text: one hash could collide, two and the length will not. */
function sameContent(entry: { check?: unknown; length?: unknown } | undefined, content: ContentKey): boolean {
  return entry?.check === content.check && entry?.length === content.length;
}

/**
 * Where the CLI keeps parsed notes: the user's cache folder, one subfolder per
 * vault, so nothing is written among the notes and nothing is synced with them.
 */
export function defaultCacheDir(vault: string, env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'daybook', hashText(resolve(vault)));
}

/**
 * A parse cache keyed by content: a note is parsed again only when its text
 * changed. Each entry records the text's length and a second, differently
 * seeded hash, and is used only when both match; an unreadable, corrupt or
 * older-version entry is parsed afresh and rewritten, never trusted.
 */
export class DiskParseCache {
  hits = 0;
  misses = 0;
  private targets: Map<string, { check: string; length: number; parsed: ParsedFrontmatter }> | null = null;
  private targetsChanged = false;

  constructor(
    private readonly dir: string,
    /** How a note missing from the cache is parsed: inline, or on the worker pool. */
    private readonly parse: (text: string) => NoteModel | Promise<NoteModel> = parseNote,
  ) {}

  private get targetsFile(): string {
    return join(this.dir, 'frontmatter.json');
  }

  /**
   * Frontmatter of link targets, by content, all in one file: a review reads
   * the frontmatter of many small notes, and one JSON file beats many.
   */
  frontmatter(text: string): ParsedFrontmatter {
    if (this.targets === null) {
      this.targets = new Map();
      try {
        const stored = JSON.parse(readFileSync(this.targetsFile, 'utf8')) as { version: number; entries: [string, { check: string; length: number; parsed: ParsedFrontmatter }][] };
        if (stored.version === PARSER_VERSION && Array.isArray(stored.entries)) this.targets = new Map(stored.entries);
      } catch {
        // Missing or corrupt: start empty.
      }
    }
    const content = contentKey(text);
    const entry = this.targets.get(content.key);
    if (entry && sameContent(entry, content) && typeof entry.parsed?.data === 'object') return entry.parsed;
    const parsed = readFrontmatter(text);
    this.targets.set(content.key, { check: content.check, length: content.length, parsed });
    this.targetsChanged = true;
    return parsed;
  }

  /** Writes what changed in the frontmatter cache (note entries are written as they are made). */
  save(): void {
    if (!this.targetsChanged || this.targets === null) return;
    this.store('frontmatter', { version: PARSER_VERSION, entries: [...this.targets] }, this.targetsFile);
    this.targetsChanged = false;
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  private load(content: ContentKey): NoteModel | null {
    try {
      const entry = JSON.parse(readFileSync(this.path(content.key), 'utf8')) as Entry;
      if (entry.version === PARSER_VERSION && sameContent(entry, content) && Array.isArray(entry.model?.blocks)) return entry.model;
    } catch {
      // Missing or corrupt: parse again below.
    }
    return null;
  }

  private store(key: string, entry: unknown, target = this.path(key)): void {
    try {
      mkdirSync(join(target, '..'), { recursive: true });
      const temporary = `${target}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(entry));
      renameSync(temporary, target);
    } catch {
      // A cache that cannot be written only costs speed.
    }
  }

  readonly parser: NoteParser = (text) => {
    const content = contentKey(text);
    const cached = this.load(content);
    if (cached) {
      this.hits++;
      return cached;
    }
    this.misses++;
    const store = (model: NoteModel) => {
      this.store(content.key, { version: PARSER_VERSION, length: content.length, check: content.check, model });
      return model;
    };
    const parsed = this.parse(text);
    return parsed instanceof Promise ? parsed.then(store) : store(parsed);
  };
}
