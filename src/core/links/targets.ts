import { findDailyNotes } from '../dailyNotes';
import { type Frontmatter, stringList } from '../note/frontmatter';
import type { DaybookSettings } from '../settings';
import { basename, isInFolder, type VaultFile, type VaultSource, type Warning } from '../vault';
import { LinkIndex } from './linkIndex';

export type TargetKind = 'person' | 'topic' | 'other';

/** What a link or tag points at, after resolution and alias folding. */
export interface Target {
  /** Identity used to fold mentions: the note path, or the folded name when unresolved. */
  key: string;
  name: string;
  path: string | null;
  kind: TargetKind;
  /** How the review links the note when its name is not unique in the vault (`Folder/Note`), else absent. */
  link?: string;
}

/**
 * The identity of a name that no note resolves, and of an alias: case and
 * Unicode form are ignored, as Obsidian's lookups do; `clark-cui`,
 * `Clark_Cui` and `Clark Cui` stay three names, as they would be three files.
 */
export function identityKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

/** Folds spelling differences for matching section and project names: case, `-`/`_` for spaces, Unicode forms. */
export function foldName(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/[-_\s]+/g, ' ').trim();
}

function frontmatterWords(frontmatter: Frontmatter, key: string): string[] {
  return stringList(frontmatter[key]).map((word) => foldName(word.replace(/^#|\[\[|\]\]/g, '')));
}

/** A note's kind from its frontmatter (`type`, `tags`, `categories`) and folder. */
export function kindOfNote(path: string, frontmatter: Frontmatter, settings: DaybookSettings): TargetKind {
  const words = [...frontmatterWords(frontmatter, 'type'), ...frontmatterWords(frontmatter, 'tags'), ...frontmatterWords(frontmatter, 'categories')];
  if (words.includes('person') || words.includes('people')) return 'person';
  if (words.includes('topic') || words.includes('topics')) return 'topic';
  if (settings.peopleFolder && isInFolder(path, settings.peopleFolder)) return 'person';
  if (settings.topicsFolder && isInFolder(path, settings.topicsFolder)) return 'topic';
  return 'other';
}

/**
 * Classifies link targets into people, topics and other links. Only notes that
 * are linked are read, and only their frontmatter; the people and topics
 * folders are read for aliases only when some link does not resolve.
 */
export class TargetCatalog {
  private linkIndex: LinkIndex | null = null;
  private readonly lookups = new Map<string, Target>();
  private readonly notes = new Map<string, { kind: TargetKind; frontmatter: Frontmatter }>();
  private aliases: Map<string, string> | null = null;
  private readonly problems = new Map<string, Warning>();

  constructor(
    private readonly source: VaultSource,
    private readonly files: VaultFile[],
    private readonly settings: DaybookSettings,
  ) {}

  /** Built on first use: a review answered from a cache never resolves a link. */
  private get index(): LinkIndex {
    this.linkIndex ??= new LinkIndex(this.files);
    return this.linkIndex;
  }

  /** The notes aliases were read from, or null while no alias has been needed. */
  aliasNotes(): string[] | null {
    return this.aliasPaths;
  }

  /** The notes a tag could name (`#incident-response` → `Incident response.md`), whatever their kind. */
  tagNotes(tag: string): string[] {
    return tagNames(tag)
      .map((candidate) => this.index.resolve(candidate))
      .filter((path): path is string => path !== null);
  }

  private aliasPaths: string[] | null = null;

  /** Loads what `lookup` and `lookupTag` need for these link targets and tags. */
  async prepare(targets: Iterable<string>, tags: Iterable<string> = []): Promise<void> {
    const unresolved: string[] = [];
    const paths = new Set<string>();
    for (const target of targets) {
      const path = this.index.resolve(target);
      if (path) paths.add(path);
      else unresolved.push(target);
    }
    // A tag may name a topic note by one of its aliases (`#perf`), so an unresolved tag needs the aliases too.
    for (const tag of tags) {
      const found = tagNames(tag).map((candidate) => this.index.resolve(candidate)).filter((path): path is string => path !== null);
      if (found.length === 0) unresolved.push(tag);
      for (const path of found) paths.add(path);
    }
    await this.load(paths);
    if (unresolved.length && this.aliases === null) await this.loadAliases();
  }

  private async load(paths: Iterable<string>): Promise<void> {
    const missing = [...paths].filter((path) => !this.notes.has(path));
    await Promise.all(
      missing.map(async (path) => {
        let frontmatter: Frontmatter = {};
        try {
          const parsed = await this.source.frontmatter(path);
          if (parsed.error) this.problems.set(path, { path, message: parsed.error });
          frontmatter = parsed.data;
        } catch (error) {
          this.problems.set(path, { path, message: `cannot be read: ${error instanceof Error ? error.message : String(error)}` });
        }
        this.notes.set(path, { kind: kindOfNote(path, frontmatter, this.settings), frontmatter });
      }),
    );
  }

  /**
   * Reads the frontmatter of every note aliases may come from, ahead of need,
   * without deciding anything: the CLI does it while worker threads parse, on
   * a thread that would otherwise wait. Changes no answer, only when notes are read.
   */
  async prefetchAliasNotes(): Promise<void> {
    await this.load(aliasNoteCandidates(this.files, this.settings));
  }

  private async loadAliases(): Promise<void> {
    const candidates = aliasNoteCandidates(this.files, this.settings);
    await this.load(candidates);
    this.aliasPaths = candidates;
    this.aliases = new Map();
    // Only the candidates, in a fixed order: which other notes a period happens to link must not change what an alias means.
    for (const path of candidates) {
      const note = this.notes.get(path);
      for (const alias of stringList(note?.frontmatter.aliases ?? note?.frontmatter.alias)) {
        const key = identityKey(alias);
        if (!this.aliases.has(key)) this.aliases.set(key, path);
      }
    }
  }

  /** What went wrong reading a target note's frontmatter, if anything. */
  problemWith(path: string): Warning | undefined {
    return this.problems.get(path);
  }

  /**
   * A markdown link's target as its note reads it: `./x` and `../x` name the
   * vault path from the linking note's folder when a note is there (as
   * Obsidian resolves relative paths); otherwise the text as it was, without `./`.
   */
  fromNote(target: string, notePath: string): string {
    if (!target.startsWith('./') && !target.startsWith('../')) return target;
    const parts = notePath.split('/').slice(0, -1);
    for (const part of target.split('/')) {
      if (part === '..') parts.pop();
      else if (part !== '.' && part !== '') parts.push(part);
    }
    const joined = parts.join('/');
    const path = this.index.resolve(joined);
    if (path !== null && path.replace(/\.md$/i, '').toLowerCase() === joined.toLowerCase()) return joined;
    return target.replace(/^(?:\.\/)+/, '');
  }

  /** The target of `[[target]]`. Call `prepare` with it first. */
  lookup(target: string): Target {
    const known = this.lookups.get(target);
    if (known) return known;
    const path = this.index.resolve(target) ?? this.aliases?.get(identityKey(target)) ?? null;
    let found: Target;
    if (path === null) found = { key: 'name:' + identityKey(target), name: target.trim(), path: null, kind: 'other' };
    else {
      const name = basename(path);
      const link = this.index.linktext(path);
      found = { key: 'path:' + path, name, path, kind: this.notes.get(path)?.kind ?? 'other', ...(link !== name ? { link } : {}) };
    }
    // Only final answers are remembered: before its note or the aliases are loaded, a lookup may still change.
    if ((path !== null && this.notes.has(path)) || (path === null && this.aliases !== null)) this.lookups.set(target, found);
    return found;
  }

  /**
   * The topic of `#tag`: the topic note of the same name when there is one
   * (`#performance` and `Topics/Performance.md` are one entry), else the tag.
   */
  lookupTag(tag: string): Target {
    for (const candidate of tagNames(tag)) {
      const path = this.index.resolve(candidate) ?? this.aliases?.get(identityKey(candidate)) ?? null;
      if (path && this.notes.get(path)?.kind === 'topic') return { key: 'path:' + path, name: basename(path), path, kind: 'topic' };
    }
    // Obsidian's tags ignore case only: `#on-call` and `#on_call` are two tags.
    return { key: 'tag:' + identityKey(tag), name: '#' + tag, path: null, kind: 'topic' };
  }
}

/**
 * The notes aliases are read from: every note but the daily notes (which
 * name days, not people or topics), sorted, so the same alias means the same
 * note in every review. Only their frontmatter is read, and the CLI caches it.
 */
export function aliasNoteCandidates(files: VaultFile[], settings: DaybookSettings): string[] {
  let bySettings = candidateLists.get(files);
  if (!bySettings) candidateLists.set(files, (bySettings = new WeakMap()));
  let candidates = bySettings.get(settings);
  if (!candidates) {
    const daily = new Set(findDailyNotes(files, settings).notes.map((note) => note.path));
    candidates = files
      .map((file) => file.path)
      // Review notes are Daybook's own output: reading aliases from them would make every write invalidate the CLI's memo.
      .filter((path) => !daily.has(path) && !(settings.reviewsFolder !== '' && isInFolder(path, settings.reviewsFolder)))
      .sort();
    bySettings.set(settings, candidates);
  }
  return candidates;
}

/** Worked out once per listing and settings: the catalog and the CLI's memo both need it, and a large vault's list is long. */
const candidateLists = new WeakMap<VaultFile[], WeakMap<DaybookSettings, string[]>>();

/** The note names a tag may stand for: `#incident-response` is `Incident response`. */
function tagNames(tag: string): string[] {
  const spaced = tag.replace(/[-_]/g, ' ');
  return spaced === tag ? [tag] : [tag, spaced];
}
