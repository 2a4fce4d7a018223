import { type DailyNoteFile, findDailyNotes } from './dailyNotes';
import { type Period, periodContainsDay } from './dates/periods';
import { TargetCatalog } from './links/targets';
import { type NoteModel, parseNote } from './note/parseNote';
import type { DaybookSettings } from './settings';
import type { VaultFile, VaultSource, Warning } from './vault';

export interface DailyNote {
  day: string;
  path: string;
  note: NoteModel;
}

/** Turns a note's text into its model; the CLI and plugin wrap it in caches (and the CLI in worker threads). */
export type NoteParser = (text: string, file: VaultFile) => NoteModel | Promise<NoteModel>;

export interface JournalOptions {
  parser?: NoteParser;
  /**
   * Called between chunks of work on a large period; the plugin passes a
   * zero-delay timeout so the app keeps answering keystrokes while a yearly
   * review is built.
   */
  pause?: () => Promise<void>;
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

  private constructor(
    readonly source: VaultSource,
    readonly settings: DaybookSettings,
    readonly files: VaultFile[],
    readonly dailyNotes: DailyNoteFile[],
    /** Problems of the vault as a whole (settings, duplicate daily notes). */
    readonly warnings: Warning[],
    private readonly parser: NoteParser,
    readonly pause: () => Promise<void>,
  ) {
    this.catalog = new TargetCatalog(source, files, settings);
  }

  static async open(source: VaultSource, settings: DaybookSettings, options: JournalOptions = {}): Promise<Journal> {
    const files = await source.list();
    const { notes, duplicates } = findDailyNotes(files, settings);
    const read = new Map(notes.map((n) => [n.day, n.path]));
    const warnings = duplicates.map((d) => ({ path: d.path, message: read.has(d.day) ? `a second daily note for ${d.day}; only ${read.get(d.day)} is read` : `named like the daily note of ${d.day} but not by the daily note format; not read` }));
    return new Journal(source, settings, files, notes, warnings, options.parser ?? ((text) => parseNote(text)), options.pause ?? (() => Promise.resolve()));
  }

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

  /** A daily note already parsed in this run, if it was. */
  parsedNote(path: string): DailyNote | null {
    return this.done.get(path) ?? null;
  }

  private readonly others = new Map<string, Promise<NoteModel | null>>();

  /**
   * Any other note, parsed once per run (a person's note holding 1:1s under
   * day links, a meeting note); null, with a warning, when it cannot be read.
   */
  otherNote(path: string): Promise<NoteModel | null> {
    let pending = this.others.get(path);
    if (!pending) {
      const file = this.files.find((f) => f.path === path);
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
    try {
      text = await this.source.read(file.path);
    } catch (error) {
      this.noteWarnings.set(file.path, [{ path: file.path, message: `skipped: ${error instanceof Error ? error.message : String(error)}` }]);
      return null;
    }
    const note = await this.parser(text, file.file);
    if (note.problems.length) this.noteWarnings.set(file.path, note.problems.map((message) => ({ path: file.path, message })));
    const daily = { day: file.day, path: file.path, note };
    this.done.set(file.path, daily);
    return daily;
  }
}
