import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { hashText } from '../core/hash';
import type { ParseRules } from '../core/dialect/dialect';
import type { NoteParser } from '../core/journal';
import { type NoteModel, parseNote } from '../core/note/parseNote';
import { writeCacheFile } from './cacheFile';
import { sealedJson, unsealJson } from './cacheJson';

/** Bumped whenever parseNote's output changes shape or meaning: older entries are then ignored. */
export const PARSER_VERSION = 7;

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
  // A relative XDG_CACHE_HOME is invalid (XDG spec) and would put the cache wherever the run starts, the vault too.
  const base = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
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

  constructor(
    private readonly dir: string,
    /** How a note missing from the cache is parsed: inline, or on the worker pool. */
    private readonly parse: (text: string) => NoteModel | Promise<NoteModel> = parseNote,
    /** The vault dialect's parse rules: the same note read as Logseq and as Obsidian has two entries. */
    rules?: ParseRules,
  ) {
    this.variant = rules ? JSON.stringify(rules) : '';
  }

  private readonly variant: string;

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  private load(content: ContentKey): NoteModel | null {
    try {
      // Sealed: an entry damaged on disk or written by hand (`model: {}`, garbage blocks) fails its hash and is parsed afresh.
      const entry = unsealJson(readFileSync(this.path(content.key))) as Entry | null;
      if (entry?.version === PARSER_VERSION && sameContent(entry, content) && Array.isArray(entry.model?.blocks)) return entry.model;
    } catch {
      // Missing or unreadable: parse again below.
    }
    return null;
  }

  private store(key: string, entry: Entry): void {
    writeCacheFile(this.path(key), sealedJson(entry));
  }

  readonly parser: NoteParser = (text) => {
    const content = contentKey(this.variant === '' ? text : `${this.variant}\u0000${text}`);
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
