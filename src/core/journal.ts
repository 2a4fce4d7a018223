import { unreadDailyNotes } from './dailyNoteNames';
import { type DailyNoteFile, type DailyNotesFound, dayOfDailyNote, findDailyNotes, type ListingFacts, rememberDailyNotes, settingsOfDays } from './dailyNotes';
import { type Period, periodContainsDay } from './dates/periods';
import { BlockRefIndex } from './dialect/blockRefs';
import { type Dialect, OBSIDIAN } from './dialect/dialect';
import { aliasNoteCandidates, rememberAliasCandidates, TargetCatalog } from './links/targets';
import { type NoteModel, parseNote } from './note/parseNote';
import { mayBeMeetingNote } from './review/dayExtras';
import { type NoteText, noteText } from './review/noteWords';
import type { DaybookSettings } from './settings';
import type { VaultFile, VaultSource, Warning } from './vault';

/** A note model whose blocks were let go (`letGoOfBlocks`). */
function withoutBlocks(note: NoteModel, path: string): NoteModel {
  const kept = { frontmatter: note.frontmatter, problems: note.problems };
  Object.defineProperty(kept, 'blocks', {
    get: () => {
      throw new Error(`${path}: its blocks were let go once its review was built, and read again`);
    },
  });
  return kept as NoteModel;
}

export interface DailyNote {
  day: string;
  path: string;
  note: NoteModel;
}

/** Turns a note's text into its model; the CLI and plugin wrap it in caches (and the CLI in worker threads). */
export type NoteParser = (text: string, file: VaultFile) => NoteModel | Promise<NoteModel>;

/** Turns a note's raw text into the words the search of earlier notes reads (`noteText`); the CLI runs it on worker threads. */
export type NoteSpeller = (text: string) => NoteText | null | Promise<NoteText | null>;

export interface JournalOptions {
  parser?: NoteParser;
  speller?: NoteSpeller;
  /** The app whose rules the vault is read by: Obsidian's unless the folder is a Logseq graph. */
  dialect?: Dialect;
  /**
   * Called between chunks of work on a large period; the plugin passes a
   * zero-delay timeout so the app keeps answering keystrokes while a yearly
   * review is built.
   */
  pause?: () => Promise<void>;
  /** How the listing's daily notes are found: the CLI answers from its cache when the listing is the last run's. */
  findDailyNotes?: (files: VaultFile[], settings: DaybookSettings) => DailyNotesFound;
  /**
   * Whether the speller works beside this thread (the CLI's workers): only then do notes
   * spelled ahead of the search save time; on this thread they only hold memory.
   */
  spellsAhead?: () => boolean;
}

/** The notes that look like daily notes and are not read as any (`unreadDailyNotes`), with the settings the journal reads days by. */
function unreadOf(files: VaultFile[], settings: DaybookSettings, found: DailyNotesFound): Warning[] {
  return unreadDailyNotes(files, settings, found.notes, new Set(found.duplicates.map((d) => d.path)));
}

/**
 * What a journal over `files` works out from them and the settings besides
 * the daily notes `found` there: for a finder that keeps it, so a journal over
 * the same listing takes it instead (`DailyNotesFound.facts`). `files` are the
 * notes a journal keeps (the dialect's), as its finder is given them.
 */
export function listingFacts(files: VaultFile[], settings: DaybookSettings, found: DailyNotesFound): ListingFacts {
  const daysSettings = settingsOfDays(settings, found);
  rememberDailyNotes(files, daysSettings, found);
  return { unread: unreadOf(files, daysSettings, found), aliasCandidates: aliasNoteCandidates(files, daysSettings) };
}

/** How many notes a review digests between two pauses. */
export const NOTES_PER_PAUSE = 25;

/**
 * The vault as reviews see it: its files, which of them are daily notes, and
 * the daily notes parsed on demand (each at most once) for the periods asked.
 */
export class Journal {
  readonly catalog: TargetCatalog;
  private readonly parsed = new Map<string, Promise<DailyNote | null>>();
  private readonly done = new Map<string, DailyNote>();
  private readonly noteWarnings = new Map<string, Warning[]>();

  /** Where Logseq's block references point; built only when a note refers to a block of another note. */
  private readonly blockRefs: BlockRefIndex;
  private readonly refSources = new Map<string, string[]>();

  private constructor(
    readonly source: VaultSource,
    readonly settings: DaybookSettings,
    readonly files: VaultFile[],
    readonly dailyNotes: DailyNoteFile[],
    /** Problems of the vault as a whole (settings, duplicate daily notes). */
    readonly warnings: Warning[],
    private readonly parser: NoteParser,
    private readonly speller: NoteSpeller,
    readonly pause: () => Promise<void>,
    readonly dialect: Dialect,
    readonly spellsAhead: () => boolean,
    /** Daily notes read by a format the daily folder's older notes are named in, not by the daily format. */
    private readonly earlierNamed: ReadonlySet<string>,
  ) {
    this.catalog = new TargetCatalog(source, files, settings, dialect, dailyNotes);
    this.blockRefs = new BlockRefIndex(source, () => files.map((file) => file.path));
  }

  static async open(source: VaultSource, settings: DaybookSettings, options: JournalOptions = {}): Promise<Journal> {
    const dialect = options.dialect ?? OBSIDIAN;
    const listed = await source.list();
    // The listing itself when every file is a note: what is kept by the listing (its key in the CLI's cache) stays with it.
    const files = listed.every((file) => dialect.isNote(file.path)) ? listed : listed.filter((file) => dialect.isNote(file.path));
    const found = (options.findDailyNotes ?? findDailyNotes)(files, settings);
    const { notes, duplicates } = found;
    // Later lookups of days (a link to `[[2023-03-06]]`) read the earlier formats too, and find these notes.
    const earlierNamed = found.earlierFormats ? new Set(notes.filter((n) => dayOfDailyNote(n.path, settings) === null).map((n) => n.path)) : new Set<string>();
    settings = settingsOfDays(settings, found);
    rememberDailyNotes(files, settings, found);
    const read = new Map(notes.map((n) => [n.day, n.path]));
    // A meeting note named by its day (`Meetings/2026-11-16 Sync.md`) is read with that day, as a meeting: not unread,
    // and no second daily note beside the day's own (a vault whose daily notes sit at its root names both by the day).
    const meeting = (path: string) => settings.meetingNotes && mayBeMeetingNote(path, settings);
    const warnings = duplicates
      .filter((d) => !meeting(d.path))
      .map((d) => ({ path: d.path, message: read.has(d.day) ? `a second daily note for ${d.day}; only ${read.get(d.day)} is read` : `named like the daily note of ${d.day} but not by the daily note format; not read` }));
    if (found.facts) rememberAliasCandidates(files, settings, found.facts.aliasCandidates);
    warnings.push(...(found.facts?.unread ?? unreadOf(files, settings, found)));
    const parser = options.parser ?? ((text: string) => parseNote(text, dialect.parse));
    return new Journal(source, settings, files, notes, warnings, parser, options.speller ?? noteText, options.pause ?? (() => Promise.resolve()), dialect, options.spellsAhead ?? (() => false), earlierNamed);
  }

  /** What Daybook found in the folder as a whole (a Logseq graph's journal pages and pages), the part of `describe` no period changes. */
  describeVault(): string | null {
    // The graph's pages: not its journal pages, nor the review notes Daybook wrote into it (counted, the first
    // rebuild's reviews said 226 pages and the next 402, and every review was written twice).
    return this.dialect.describe(this.dailyNotes.length, aliasNoteCandidates(this.files, this.settings).length, this.settings.dailyFolder);
  }

  /**
   * What Daybook found in the folder, said first in a review of a Logseq
   * graph ("Logseq graph: 184 journal pages in journals/, 348 pages"), as
   * the folder was opened in place with no settings of Daybook's own; and
   * how many of the period's daily notes were read by an earlier format.
   */
  describe(period: Period): string | null {
    const found = this.describeVault();
    const earlier = this.earlierNamed.size > 0 ? this.dailyNotesIn(period).filter((n) => this.earlierNamed.has(n.path)).length : 0;
    if (earlier === 0) return found;
    const formats = (this.settings.dailyFormatsAlso ?? []).map((f) => `"${f}"`).join(' or ');
    const said = `${earlier === 1 ? '1 daily note is' : `${earlier} daily notes are`} named in an earlier format (${formats}), not the daily format "${this.settings.dailyFormat}", and read as the ${earlier === 1 ? 'day it names' : 'days they name'}`;
    return found ? `${found}; ${said}` : said[0].toUpperCase() + said.slice(1);
  }

  /** Whether a block reference sent this run looking for its block through every note of the listing. */
  get searchedEveryNoteForBlocks(): boolean {
    return this.blockRefs.built;
  }

  /** The notes whose blocks a daily note's block references showed, so a cached review can watch them. */
  blockRefSources(path: string): string[] {
    return this.refSources.get(path) ?? [];
  }

  /**
   * Whether the listing holds this note. A review asks it of a few goals notes (a rebuild, of every
   * review's): a listing in path order, as the CLI's is, is searched by halves; another gets a set of
   * its paths, made once per journal. A set of 22,000 paths cost a yearly review more than all its asks.
   */
  isListed(path: string): boolean {
    this.listed ??= inPathOrder(this.files) ? 'in order' : new Set(this.files.map((file) => file.path));
    if (this.listed !== 'in order') return this.listed.has(path);
    let low = 0;
    let high = this.files.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.files[middle].path < path) low = middle + 1;
      else high = middle;
    }
    return low < this.files.length && this.files[low].path === path;
  }

  private listed: Set<string> | 'in order' | null = null;

  dailyNotesIn(period: Period): DailyNoteFile[] {
    return this.dailyNotes.filter((note) => periodContainsDay(period, note.day));
  }

  /** The period's daily notes, parsed; notes that cannot be read are left out and warned about. */
  async notesIn(period: Period): Promise<DailyNote[]> {
    const notes = await Promise.all(this.dailyNotesIn(period).map((file) => this.loadOne(file)));
    return notes.filter((note): note is DailyNote => note !== null);
  }

  /** Parses these daily notes (each once) all at once, so a parser on worker threads can keep every core busy. */
  async load(files: DailyNoteFile[]): Promise<void> {
    await Promise.all(files.map((file) => this.loadOne(file)));
  }

  /**
   * Starts parsing these daily notes without waiting for them, so worker
   * threads parse what a review will ask for next while this thread digests;
   * a failure is reported to whoever loads the note later.
   */
  preload(files: DailyNoteFile[]): void {
    for (const file of files) this.loadOne(file).catch(() => undefined);
  }

  /** The words of the raw daily notes searched so far (`spelling`), until `keepRawTexts` lets them go. */
  private readonly spellings = new Map<string, Promise<NoteText | null>>();

  /**
   * A daily note's raw text as the search of earlier notes reads it (`noteText`),
   * computed once per run; rejects when the note cannot be read.
   */
  spelling(path: string): Promise<NoteText | null> {
    let pending = this.spellings.get(path);
    if (!pending) {
      pending = this.rawText(path).then((text) => this.speller(text));
      pending.catch(() => undefined);
      this.spellings.set(path, pending);
    }
    return pending;
  }

  /**
   * Lets go of these parsed daily notes: a review that read them only to look
   * something up (the search of earlier notes) need not hold their models to
   * its end. One asked for again is parsed again.
   */
  forget(paths: string[]): void {
    for (const path of paths) {
      if (!this.done.has(path)) continue;
      this.done.delete(path);
      this.parsed.delete(path);
    }
  }

  /**
   * Lets go of the blocks of these parsed daily notes, keeping the notes: in a
   * rebuild every later period reads a note through what was worked out from it
   * once (its digest, whom it met, its opening tag), never its blocks again, and
   * ten years of blocks held to the end were the rebuild's peak. Reading them
   * afterwards throws, so a step that would need them cannot quietly read an empty note.
   */
  letGoOfBlocks(paths: string[]): void {
    for (const path of paths) {
      const daily = this.done.get(path);
      if (daily) daily.note = withoutBlocks(daily.note, path);
    }
  }

  /** A daily note already parsed in this run, if it was. */
  parsedNote(path: string): DailyNote | null {
    return this.done.get(path) ?? null;
  }

  private readonly others = new Map<string, Promise<NoteModel | null>>();
  /** The files by path, for the other notes a review reads (thousands of people's notes in a large vault). */
  private byPath: Map<string, VaultFile> | undefined;

  /**
   * Any other note, parsed once per run (a person's note holding 1:1s under
   * day links, a meeting note); null, with a warning, when it cannot be read.
   */
  otherNote(path: string): Promise<NoteModel | null> {
    let pending = this.others.get(path);
    if (!pending) {
      this.byPath ??= new Map(this.files.map((f) => [f.path, f]));
      const file = this.byPath.get(path);
      pending = file
        ? this.source.read(path).then(
            (text) => this.parser(text, file),
            (error: unknown) => {
              this.noteWarnings.set(path, [{ path, message: `skipped: ${error instanceof Error ? error.message : String(error)}` }]);
              return null;
            },
          )
        : Promise.resolve(null);
      this.others.set(path, pending);
    }
    return pending;
  }

  /** Raw texts read ahead of their parse (by the search of earlier notes), so a note parsed later is not read twice. */
  private readonly texts = new Map<string, Promise<string>>();

  /** A daily note's raw text, kept until it is parsed or `keepRawTexts` lets it go. */
  rawText(path: string): Promise<string> {
    let pending = this.texts.get(path);
    if (!pending) {
      pending = this.source.read(path);
      // Its failure is reported when the note is parsed, or never if it is not.
      pending.catch(() => undefined);
      this.texts.set(path, pending);
    }
    return pending;
  }

  /** Lets go of a note's words once searched, and of its raw text: one parsed later is read again. */
  letGo(path: string): void {
    this.spellings.delete(path);
    this.texts.delete(path);
  }

  /** Lets go of a note's raw text read to be looked at, not parsed (its words, if spelled, stay). */
  dropText(path: string): void {
    this.texts.delete(path);
  }

  /** Lets go of the raw texts read ahead, but those of notes about to be parsed, and of every note's words. */
  keepRawTexts(paths: Set<string>): void {
    for (const path of this.texts.keys()) if (!paths.has(path)) this.texts.delete(path);
    this.spellings.clear();
  }

  warningsFor(path: string): Warning[] {
    return this.noteWarnings.get(path) ?? [];
  }

  private loadOne(file: DailyNoteFile): Promise<DailyNote | null> {
    let pending = this.parsed.get(file.path);
    if (!pending) {
      pending = this.read(file);
      this.parsed.set(file.path, pending);
    }
    return pending;
  }

  private async read(file: DailyNoteFile): Promise<DailyNote | null> {
    let text: string;
    const ahead = this.texts.get(file.path);
    this.texts.delete(file.path);
    try {
      text = await (ahead ?? this.source.read(file.path));
    } catch (error) {
      this.noteWarnings.set(file.path, [{ path: file.path, message: `skipped: ${error instanceof Error ? error.message : String(error)}` }]);
      return null;
    }
    let note = await this.parser(text, file.file);
    const warnings = note.problems.map((message) => ({ path: file.path, message }));
    if (this.dialect.parse.blockRefs && text.includes('((')) {
      const resolved = await this.blockRefs.resolve(note, file.path);
      note = resolved.note;
      warnings.push(...resolved.warnings);
      if (resolved.sources.length) this.refSources.set(file.path, resolved.sources);
    }
    if (warnings.length) this.noteWarnings.set(file.path, warnings);
    const daily = { day: file.day, path: file.path, note };
    this.done.set(file.path, daily);
    return daily;
  }
}

/** Whether the files are sorted by path as `<` compares (UTF-16 code units), with no path twice. */
function inPathOrder(files: VaultFile[]): boolean {
  for (let i = 1; i < files.length; i++) if (!(files[i - 1].path < files[i].path)) return false;
  return true;
}
