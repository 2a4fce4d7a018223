import { type DailyNoteFile, findDailyNotes } from '../dailyNotes';
import { type Dialect, OBSIDIAN } from '../dialect/dialect';
import { reviewFolders } from '../reviewNotes';
import { type Frontmatter, type ParsedFrontmatter, stringList } from '../note/frontmatter';
import type { DaybookSettings } from '../settings';
import { basename, inAnyFolder, isInFolder, type VaultFile, type VaultSource, type Warning } from '../vault';
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
  /** The note is a project (in a projects folder, or marked `type: project`), wherever it is linked. */
  project?: true;
  /** The note is the journal's owner (`me.md`, or a page aliased `me`): who wrote the journal, never someone met or a topic. */
  owner?: true;
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

/**
 * The words a note is marked with, folded: `type: [[Person]]`, `tags:: #Person, #developer`,
 * `categories: "[[People]]"`. A nested tag counts by its last part (`team/person`).
 */
function frontmatterWords(frontmatter: Frontmatter, key: string): string[] {
  return stringList(frontmatter[key]).map((word) => {
    const bare = word.replace(/^#|\[\[|\]\]/g, '');
    return foldName(bare.slice(bare.lastIndexOf('/') + 1));
  });
}

/** What a note is, before links are counted: a project or the owner is listed with the other links, and known as such. */
export type NoteKind = TargetKind | 'project' | 'owner';

/** The names the journal's owner gives their own page (`[[me]]`, or `alias:: me` on their page). */
const OWNER_NAME = /^(?:me|myself)$/i;

/** Whether a page name, or one of a page's aliases, names the journal's owner. */
export function namesOwner(name: string): boolean {
  return OWNER_NAME.test(name.replace(/^\[\[|\]\]$/g, '').trim());
}

/** Words that mark a person, as people write them in public vaults (`person`, `people`, `team/colleague`). */
const PERSON_WORDS = new Set(['person', 'people', 'persons', 'colleague', 'colleagues']);
const PROJECT_WORDS = new Set(['project', 'projects']);
const TOPIC_WORDS = new Set(['topic', 'topics']);

/**
 * Whether a page name names a kind of page, not a thing (`Person`, `acme/colleague`,
 * `acme/project`): the pages a graph tags people and projects with, by its last part.
 */
export function namesKind(page: string): boolean {
  const last = foldName(page.slice(page.lastIndexOf('/') + 1));
  return PERSON_WORDS.has(last) || PROJECT_WORDS.has(last) || TOPIC_WORDS.has(last);
}

/** The folders a note sits in, folded, and its Logseq namespaces (`people/ana` sits in `people`). */
function foldersOf(path: string, page: string): string[] {
  const parts = [...path.split('/').slice(0, -1), ...page.split('/').slice(0, -1)];
  return parts.map(foldName);
}

/**
 * A note's kind from its properties (`type`, `tags`, `categories`, YAML or
 * Logseq's), its name (`@ana`) and its folders (the people and topics folders
 * of the settings, a `People`, `Persons` or `Projects` folder anywhere). A
 * person is never a project or a topic; a project is never a topic.
 */
export function kindOfNote(path: string, frontmatter: Frontmatter, settings: DaybookSettings, page = basename(path), aliasKeys: readonly string[] = []): NoteKind {
  // The owner's page may well be marked a person (`tags:: person`): it is still who wrote the journal.
  if (namesOwner(page.slice(page.lastIndexOf('/') + 1)) || aliasKeys.some((key) => stringList(frontmatter[key]).some(namesOwner))) return 'owner';
  const words = [...frontmatterWords(frontmatter, 'type'), ...frontmatterWords(frontmatter, 'tags'), ...frontmatterWords(frontmatter, 'categories')];
  const folders = foldersOf(path, page);
  const name = page.slice(page.lastIndexOf('/') + 1);
  if (words.some((w) => PERSON_WORDS.has(w)) || name.startsWith('@')) return 'person';
  if (settings.peopleFolder && isInFolder(path, settings.peopleFolder)) return 'person';
  if (folders.some((f) => PERSON_WORDS.has(f))) return 'person';
  if (words.some((w) => PROJECT_WORDS.has(w)) || folders.some((f) => PROJECT_WORDS.has(f))) return 'project';
  if (words.some((w) => TOPIC_WORDS.has(w))) return 'topic';
  if (settings.topicsFolder && isInFolder(path, settings.topicsFolder)) return 'topic';
  return 'other';
}

/** What a catalog's link index answered: names with the note each resolved to, notes with their link text. */
export interface LinkAnswers {
  resolved: [name: string, path: string | null][];
  linktexts: [path: string, text: string][];
}

/** What a catalog's aliases answered: folded names with the note each names (or none), notes with their aliases in order. */
export interface AliasAnswers {
  aliases: [key: string, path: string | null][];
  names: [path: string, aliases: string[]][];
}

/**
 * Classifies link targets into people, topics and other links. Only notes that
 * are linked are read, and only their frontmatter; the people and topics
 * folders are read for aliases only when some link does not resolve.
 */
export class TargetCatalog {
  private linkIndex: LinkIndex | null = null;
  private readonly lookups = new Map<string, Target>();
  /** The frontmatter of each note read; its kind is worked out when first asked (of the thousands of alias notes, few are linked). */
  private readonly notes = new Map<string, Frontmatter>();
  /** Kinds worked out so far, apart: most of the notes read are alias candidates, an object each showed. */
  private readonly kinds = new Map<string, NoteKind>();
  private aliases: Map<string, string> | null = null;
  private readonly problems = new Map<string, Warning>();
  private readonly days: Map<string, string>;

  constructor(
    private readonly source: VaultSource,
    private readonly files: VaultFile[],
    private readonly settings: DaybookSettings,
    private readonly dialect: Dialect = OBSIDIAN,
    dailyNotes?: DailyNoteFile[],
  ) {
    this.days = new Map((dailyNotes ?? findDailyNotes(files, settings).notes).map((note) => [note.path, note.day]));
  }

  /** The page name links use for a note, by the vault's dialect. */
  private pageName(path: string): string {
    return this.dialect.pageName(path, this.days.get(path) ?? null);
  }

  /** Built on first use: a review answered from a cache never resolves a link. */
  private get index(): LinkIndex {
    // Obsidian names a page by its file name: the index works that out from the path itself.
    const logseq = this.dialect.spec.app === 'logseq';
    this.linkIndex ??= new LinkIndex(this.files, logseq ? (path) => this.pageName(path) : basename, !logseq);
    return this.linkIndex;
  }

  /** Every answer the link index gave this run, by the name asked: the CLI keeps them, so a review stays valid over a listing that answers each the same. */
  private readonly resolved = new Map<string, string | null>();
  private readonly linktexts = new Map<string, string>();

  private resolve(target: string): string | null {
    let path = this.resolved.get(target);
    if (path === undefined) {
      path = this.index.resolve(target);
      this.resolved.set(target, path);
    }
    return path;
  }

  private linktext(path: string): string {
    let text = this.linktexts.get(path);
    if (text === undefined) {
      text = this.index.linktext(path);
      this.linktexts.set(path, text);
    }
    return text;
  }

  /** The note an alias names, once the aliases are loaded (null before, as for a name no alias has); recorded as asked. */
  private aliasOf(name: string): string | null {
    if (this.aliases === null) return null;
    const key = identityKey(name);
    const path = this.aliases.get(key) ?? null;
    this.aliasAnswers.set(key, path);
    return path;
  }

  private readonly aliasAnswers = new Map<string, string | null>();
  private readonly aliasNames = new Map<string, string[]>();

  /** What the aliases answered so far: each name asked (folded) with its note or none, each note with its aliases. */
  aliasAnswersGiven(): AliasAnswers {
    return { aliases: [...this.aliasAnswers], names: [...this.aliasNames] };
  }

  /**
   * Whether the aliases of this catalog's listing, read now, give every one of
   * these answers; false for a source that cannot read on this thread. Meant
   * for a catalog of its own: it loads the aliases as a link no note resolves would.
   */
  aliasAnswersHold(answers: AliasAnswers): boolean {
    if (this.aliases === null) {
      if (!this.source.frontmatterNow) return false;
      const candidates = aliasNoteCandidates(this.files, this.settings);
      this.loadNow(candidates.filter((path) => !this.notes.has(path)));
      this.aliasesFrom(candidates);
    }
    const aliases = this.aliases ?? new Map<string, string>();
    const names = new Map<string, string[]>();
    for (const [alias, target] of aliases) names.set(target, [...(names.get(target) ?? []), alias]);
    return answers.aliases.every(([key, path]) => (aliases.get(key) ?? null) === path) && answers.names.every(([path, list]) => JSON.stringify(names.get(path) ?? []) === JSON.stringify(list));
  }

  /** What the link index answered so far: each name asked with the note it resolved to (or none), each note with the link text it is written with. */
  answersGiven(): LinkAnswers {
    return { resolved: [...this.resolved], linktexts: [...this.linktexts] };
  }

  /** Whether this catalog's listing gives every one of these answers (asked afresh, not recorded as asked). */
  answersHold(answers: LinkAnswers): boolean {
    return answers.resolved.every(([name, path]) => this.index.resolve(name) === path) && answers.linktexts.every(([path, text]) => this.index.linktext(path) === text);
  }

  /** The notes aliases were read from, or null while no alias has been needed. */
  aliasNotes(): string[] | null {
    return this.aliasPaths;
  }

  /**
   * The notes a tag could name (`#incident-response` → `Incident response.md`,
   * `#perf` → a note aliased `perf`), whatever their kind: a review's cache
   * watches them all, since one marked a topic or person later takes the tag.
   */
  tagNotes(tag: string): string[] {
    return tagNames(tag)
      .map((candidate) => this.resolve(candidate) ?? this.aliasOf(candidate))
      .filter((path): path is string => path !== null);
  }

  private aliasPaths: string[] | null = null;

  /** Loads what `lookup` and `lookupTag` need for these link targets and tags. */
  async prepare(targets: Iterable<string>, tags: Iterable<string> = []): Promise<void> {
    const unresolved: string[] = [];
    const paths = new Set<string>();
    for (const target of targets) {
      const path = this.resolve(target);
      if (path) paths.add(path);
      else unresolved.push(target);
    }
    // A tag may name a topic note by one of its aliases (`#perf`), so an unresolved tag needs the aliases too.
    for (const tag of tags) {
      const candidates = tagNames(tag);
      const found = candidates.map((candidate) => this.resolve(candidate)).filter((path): path is string => path !== null);
      // A spelling no note has may still be an alias (`#on-call` for a note aliased `on call`): without
      // the aliases, the answer would hang on whether another link had loaded them.
      if (found.length < candidates.length) unresolved.push(tag);
      for (const path of found) paths.add(path);
    }
    await this.load(paths);
    if (unresolved.length && this.aliases === null) await this.loadAliases();
  }

  private async load(paths: Iterable<string>): Promise<void> {
    const missing = [...paths].filter((path) => !this.notes.has(path));
    const source = this.source;
    if (source.frontmatterNow) {
      this.loadNow(missing);
      return;
    }
    await Promise.all(
      missing.map(async (path) => {
        try {
          this.loaded(path, await source.frontmatter(path), null);
        } catch (error) {
          this.loaded(path, null, error);
        }
      }),
    );
  }

  /** Reads these notes' frontmatter on this thread: only for a source that reads synchronously. */
  private loadNow(paths: string[]): void {
    for (const path of paths) {
      let parsed: ParsedFrontmatter | null = null;
      let failure: unknown = null;
      try {
        parsed = (this.source.frontmatterNow as (path: string) => ParsedFrontmatter)(path);
      } catch (error) {
        failure = error;
      }
      this.loaded(path, parsed, failure);
    }
  }

  /** Keeps what reading a note's frontmatter gave: its data, or the problem that is said of it. */
  private loaded(path: string, parsed: ParsedFrontmatter | null, failure: unknown): void {
    if (parsed?.error) this.problems.set(path, { path, message: parsed.error });
    if (parsed === null) this.problems.set(path, { path, message: `cannot be read: ${failure instanceof Error ? failure.message : String(failure)}` });
    this.notes.set(path, parsed?.data ?? {});
  }

  /**
   * Reads the frontmatter of every note aliases may come from, ahead of need,
   * without deciding anything: the CLI does it while worker threads parse, on
   * a thread that would otherwise wait. Changes no answer, only when notes are read.
   */
  async prefetchAliasNotes(): Promise<void> {
    await this.source.frontmatterAheadRead?.();
    await this.load(aliasNoteCandidates(this.files, this.settings));
  }

  /**
   * Has the source start reading the notes aliases may come from now, elsewhere: a cold review
   * parses on this thread, and reads them after the parse if a link is left unresolved.
   */
  readAliasNotesAhead(): void {
    this.source.readFrontmatterAhead?.(aliasNoteCandidates(this.files, this.settings));
  }

  private async loadAliases(): Promise<void> {
    const candidates = aliasNoteCandidates(this.files, this.settings);
    await this.source.frontmatterAheadRead?.();
    // Those the source knows hold nothing have no alias: they are loaded, as any note, only once a link reaches them.
    const blank = this.source.blankFrontmatterAmong?.(candidates) ?? null;
    await this.load(blank ? candidates.filter((_, i) => blank[i] === 0) : candidates);
    this.aliasesFrom(candidates, blank);
  }

  /** The aliases of these notes, whose frontmatter is loaded, but for those `blank` marks as holding nothing. */
  private aliasesFrom(candidates: string[], blank: Uint8Array | null = null): void {
    this.aliasPaths = candidates;
    this.aliases = new Map();
    // Only the candidates, in a fixed order: which other notes a period happens to link must not change what an alias means.
    const keys = this.dialect.titleProperty ? [this.dialect.titleProperty, ...this.dialect.aliasProperties] : this.dialect.aliasProperties;
    for (let i = 0; i < candidates.length; i++) {
      if (blank !== null && blank[i] === 1) continue;
      const path = candidates[i];
      const frontmatter = this.notes.get(path);
      // Most notes have no frontmatter at all: nothing to look up.
      if (frontmatter === undefined || !hasAny(frontmatter, keys)) continue;
      // A title is one name, commas and all; aliases are lists.
      const names = keys.flatMap((key) => {
        const value = frontmatter[key];
        return key === this.dialect.titleProperty ? (typeof value === 'string' && value.trim() !== '' ? [value.trim()] : []) : stringList(value);
      });
      for (const alias of names.map((name) => name.replace(/^\[\[|\]\]$/g, ''))) {
        const key = identityKey(alias);
        if (!this.aliases.has(key)) this.aliases.set(key, path);
      }
    }
  }

  /** Reads the aliases now, as a link no note resolves would: `namesOf` answers with them. */
  async loadAliasesNow(): Promise<void> {
    if (this.aliases === null) await this.loadAliases();
  }

  private namesByPath: Map<string, string[]> | null = null;

  /**
   * Every name a link or tag can reach this note by (its file name, its page
   * name, its title and aliases, folded as lookups fold them), for a search
   * that must miss no note mentioning it. Call `loadAliasesNow` first.
   */
  namesOf(path: string): string[] {
    if (this.namesByPath === null && this.aliases !== null) {
      this.namesByPath = new Map();
      for (const [alias, target] of this.aliases ?? []) {
        const list = this.namesByPath.get(target) ?? [];
        list.push(alias);
        this.namesByPath.set(target, list);
      }
    }
    const aliases = this.namesByPath?.get(path) ?? [];
    this.aliasNames.set(path, aliases);
    return [basename(path), this.pageName(path), ...aliases];
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
    const path = this.resolve(joined);
    if (path !== null && path.replace(/\.md$/i, '').toLowerCase() === joined.toLowerCase()) return joined;
    return target.replace(/^(?:\.\/)+/, '');
  }

  /** The target of `[[target]]`. Call `prepare` with it first. */
  lookup(target: string): Target {
    const known = this.lookups.get(target);
    if (known) return known;
    const path = this.resolve(target) ?? this.aliasOf(target);
    let found: Target;
    if (path === null) found = { key: 'name:' + identityKey(target), name: target.trim(), path: null, kind: 'other' };
    else found = this.noteTarget(path);
    // Only final answers are remembered: before its note or the aliases are loaded, a lookup may still change.
    if ((path !== null && this.notes.has(path)) || (path === null && this.aliases !== null)) this.lookups.set(target, found);
    return found;
  }

  /** Whether `lookup(target)` as asked gave its answer for the rest of the run: the note or the aliases it hangs on were loaded. */
  settled(target: string): boolean {
    return this.lookups.has(target);
  }

  /** The same for `lookupTag(tag)`, asked already; asks the link index and the aliases nothing more than it did. */
  tagSettled(tag: string): boolean {
    if (this.dialect.tagsArePages) return this.settled(tag);
    for (const candidate of tagNames(tag)) {
      const resolved = this.resolved.get(candidate);
      if (resolved === undefined) return false;
      const path = resolved ?? (this.aliases === null ? undefined : (this.aliases.get(identityKey(candidate)) ?? null));
      if (path === undefined || (path !== null && !this.notes.has(path))) return false;
      const kind = path ? this.kindOf(path) : undefined;
      if (kind === 'topic' || kind === 'person') return true;
    }
    return true;
  }

  /**
   * The topic of `#tag`: the topic note of the same name when there is one
   * (`#performance` and `Topics/Performance.md` are one entry), else the tag.
   */
  lookupTag(tag: string): Target {
    if (this.dialect.tagsArePages) {
      // Logseq: `#X` is page X, the same entry as `[[X]]`; a page no note marks otherwise is a topic.
      const page = this.lookup(tag);
      return page.kind === 'other' && !page.project && !page.owner ? { ...page, kind: 'topic' } : page;
    }
    for (const candidate of tagNames(tag)) {
      const path = this.resolve(candidate) ?? this.aliasOf(candidate);
      const kind = path ? this.kindOf(path) : undefined;
      // `#ana` beside `People/Ana.md` is Ana; `#perf` beside a topic note is that topic.
      if (path && (kind === 'topic' || kind === 'person')) return this.noteTarget(path);
    }
    // Obsidian's tags ignore case only: `#on-call` and `#on_call` are two tags.
    return { key: 'tag:' + identityKey(tag), name: '#' + tag, path: null, kind: 'topic' };
  }

  /** The kind of a note whose frontmatter was loaded; undefined before. */
  private kindOf(path: string): NoteKind | undefined {
    let kind = this.kinds.get(path);
    if (kind !== undefined) return kind;
    const frontmatter = this.notes.get(path);
    if (frontmatter === undefined) return undefined;
    kind = kindOfNote(path, frontmatter, this.settings, this.pageName(path), this.dialect.aliasProperties);
    this.kinds.set(path, kind);
    return kind;
  }

  private noteTarget(path: string): Target {
    const titled = this.dialect.titleProperty ? this.notes.get(path)?.[this.dialect.titleProperty] : undefined;
    // Logseq names a page by its `title::` when it has one: links to it, the review's too, use that name.
    const name = typeof titled === 'string' && titled.trim() !== '' ? titled.trim() : this.pageName(path);
    const link = name === this.pageName(path) ? this.linktext(path) : name;
    const noteKind = this.kindOf(path) ?? 'other';
    const kind: TargetKind = noteKind === 'project' || noteKind === 'owner' ? 'other' : noteKind;
    return {
      key: 'path:' + path,
      name,
      path,
      kind,
      ...(link !== name ? { link } : {}),
      ...(noteKind === 'project' ? { project: true as const } : {}),
      ...(noteKind === 'owner' ? { owner: true as const } : {}),
    };
  }
}

/**
 * The notes aliases are read from: every note but the daily notes (which
 * name days, not people or topics), sorted, so the same alias means the same
 * note in every review. Only their frontmatter is read, and the CLI caches it.
 */
/** Whether the frontmatter has any of these keys: asked of every alias candidate, so no closure each. */
function hasAny(frontmatter: Frontmatter, keys: readonly string[]): boolean {
  for (const key of keys) if (frontmatter[key] !== undefined) return true;
  return false;
}

export function aliasNoteCandidates(files: VaultFile[], settings: DaybookSettings): string[] {
  let bySettings = candidateLists.get(files);
  if (!bySettings) candidateLists.set(files, (bySettings = new WeakMap()));
  let candidates = bySettings.get(settings);
  if (!candidates) {
    const daily = new Set(findDailyNotes(files, settings).notes.map((note) => note.path));
    const reviews = reviewFolders(settings);
    candidates = [];
    // Review notes are Daybook's own output: reading aliases from them would make every write invalidate the CLI's memo.
    for (const { path } of files) if (!daily.has(path) && !inAnyFolder(path, reviews)) candidates.push(path);
    candidates.sort();
    bySettings.set(settings, candidates);
  }
  return candidates;
}

/** The notes aliases come from, as kept with the listing's daily notes (`DailyNotesFound.facts`): asked for later, they are not worked out again. */
export function rememberAliasCandidates(files: VaultFile[], settings: DaybookSettings, candidates: string[]): void {
  let bySettings = candidateLists.get(files);
  if (!bySettings) candidateLists.set(files, (bySettings = new WeakMap()));
  bySettings.set(settings, candidates);
}

/** Worked out once per listing and settings: the catalog and the CLI's memo both need it, and a large vault's list is long. */
const candidateLists = new WeakMap<VaultFile[], WeakMap<DaybookSettings, string[]>>();

/** The note names a tag may stand for: `#incident-response` is `Incident response`. */
function tagNames(tag: string): string[] {
  const spaced = tag.replace(/[-_]/g, ' ');
  return spaced === tag ? [tag] : [tag, spaced];
}
