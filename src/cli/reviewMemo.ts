import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Period } from '../core/dates/periods';
import { hashText } from '../core/hash';
import type { Journal } from '../core/journal';
import { aliasNoteCandidates } from '../core/links/targets';
import { buildReview, targetsOf } from '../core/review/buildReview';
import type { ReviewData } from '../core/review/types';
import { PARSER_VERSION } from './parseCache';

type Input = [path: string, hash: string, size: number, mtime: number];

/** What a review was built from; kept apart from the review itself, so checking it reads little. */
interface Memo {
  version: number;
  settings: string;
  files: string;
  /** The period's daily notes and link targets: the hash of each text then, and its size and mtime as a quick check. */
  inputs: Input[];
  /** The notes aliases were read from, as one key of their sizes and mtimes, when aliases were needed. */
  aliases: string | null;
  warnings: ReviewData['warnings'];
}

/**
 * Remembers built reviews with everything they were built from: the settings,
 * the vault's list of notes (a new note can resolve a link), and the text of
 * every note read — the period's daily notes, the link targets and alias
 * notes, the goals note. A review is reused only when all of them are
 * unchanged; otherwise it is built afresh and remembered again.
 */
export class ReviewMemo {
  private readonly hashes = new Map<string, string | null>();
  private readonly stats = new Map<string, { size: number; mtime: number } | null>();
  private readonly settingsKey: string;
  /** Size and mtime of each review note as Daybook last wrote or checked it. */
  private notes: Map<string, [number, number]> | null = null;
  private notesChanged = false;
  private readonly filesKey: string;

  constructor(
    private readonly dir: string,
    private readonly root: string,
    private readonly journal: Journal,
  ) {
    this.settingsKey = hashText(JSON.stringify(journal.settings));
    // Node's native hash: the list of a large vault's notes is a long string.
    this.filesKey = createHash('sha1').update(journal.files.map((f) => f.path).join('\n')).digest('hex');
  }

  private absolute(path: string): string {
    return join(this.root, ...path.split('/'));
  }

  /** A note's current text hash, read once per run; null when it cannot be read. */
  private hashOf(path: string): string | null {
    let hash = this.hashes.get(path);
    if (hash === undefined) {
      try {
        hash = hashText(readFileSync(this.absolute(path), 'latin1'));
      } catch {
        hash = null;
      }
      this.hashes.set(path, hash);
    }
    return hash;
  }

  /** A note's size and mtime, looked up once per run: a rebuild checks the same notes for hundreds of reviews. */
  private statOf(path: string): { size: number; mtime: number } | null {
    let info = this.stats.get(path);
    if (info === undefined) {
      try {
        const stat = statSync(this.absolute(path));
        info = { size: stat.size, mtime: stat.mtimeMs };
      } catch {
        info = null;
      }
      this.stats.set(path, info);
    }
    return info;
  }

  /** Unchanged when size and mtime match; when they do not, the text's hash decides (a touched note is still the same note). */
  private unchanged([path, hash, size, mtime]: Input): boolean {
    const info = this.statOf(path);
    if (info === null) return false;
    if (info.size === size && info.mtime === mtime) return true;
    return this.hashOf(path) === hash;
  }

  private file(period: Period, part: 'inputs' | 'review'): string {
    return join(this.dir, 'reviews', `${period.id}.${part}.json`);
  }

  /** One key for a set of notes, from their sizes and mtimes: the alias notes change rarely and are many. */
  private keyOf(paths: string[]): string {
    const hash = createHash('sha1');
    for (const path of paths) {
      const info = this.statOf(path);
      hash.update(info ? `${path}\u0000${info.size}\u0000${info.mtime}\n` : `${path}\u0000-\n`);
    }
    return hash.digest('hex');
  }

  private valid(period: Period): Memo | null {
    try {
      const memo = JSON.parse(readFileSync(this.file(period, 'inputs'), 'utf8')) as Memo;
      if (memo.version !== PARSER_VERSION || memo.settings !== this.settingsKey || memo.files !== this.filesKey) return null;
      if (memo.aliases !== null && memo.aliases !== this.aliasKey()) return null;
      return memo.inputs.every((input) => this.unchanged(input)) ? memo : null;
    } catch {
      return null;
    }
  }

  private recall(period: Period): ReviewData | null {
    if (!this.valid(period)) return null;
    try {
      return JSON.parse(readFileSync(this.file(period, 'review'), 'utf8')) as ReviewData;
    } catch {
      return null;
    }
  }

  private aliasList: string[] | null = null;
  private aliasKeyValue: string | null = null;

  /** The alias notes' key, worked out once per run. */
  private aliasKey(): string {
    this.aliasKeyValue ??= this.keyOf(this.aliasNotes());
    return this.aliasKeyValue;
  }

  /** The notes aliases come from, as the catalog reads them: the people and topics folders. */
  private aliasNotes(): string[] {
    this.aliasList ??= aliasNoteCandidates(this.journal.files, this.journal.settings);
    return this.aliasList;
  }

  private remember(period: Period, journal: Journal, review: ReviewData): void {
    const aliasNotes = journal.catalog.aliasNotes();
    const paths = new Set([...journal.dailyNotesIn(period).map((n) => n.path), ...targetsOf(journal, period)]);
    if (journal.settings.goalsNote) {
      const goals = journal.catalog.lookup(journal.settings.goalsNote).path;
      if (goals) paths.add(goals);
    }
    const inputs: Input[] = [];
    for (const path of paths) {
      const hash = this.hashOf(path);
      if (hash === null) return;
      const info = this.statOf(path);
      if (info === null) return;
      inputs.push([path, hash, info.size, info.mtime]);
    }
    const aliases = aliasNotes === null ? null : this.aliasKey();
    const memo: Memo = { version: PARSER_VERSION, settings: this.settingsKey, files: this.filesKey, inputs, aliases, warnings: review.warnings };
    try {
      mkdirSync(join(this.dir, 'reviews'), { recursive: true });
      // The review first: inputs without their review are never taken as valid.
      for (const [part, value] of [['review', review], ['inputs', memo]] as const) {
        const target = this.file(period, part);
        writeFileSync(`${target}.${process.pid}.tmp`, JSON.stringify(value));
        renameSync(`${target}.${process.pid}.tmp`, target);
      }
    } catch {
      // A memo that cannot be written only costs speed.
    }
  }

  private get notesFile(): string {
    return join(this.dir, 'reviews', 'notes.json');
  }

  private noteIndex(): Map<string, [number, number]> {
    if (this.notes === null) {
      try {
        this.notes = new Map(JSON.parse(readFileSync(this.notesFile, 'utf8')) as [string, [number, number]][]);
      } catch {
        this.notes = new Map();
      }
    }
    return this.notes;
  }

  /**
   * The review, when its inputs are unchanged and its note is exactly as
   * Daybook last left it: then regenerating would write nothing, and neither
   * rendering nor reading the note is needed to know that.
   */
  upToDate(period: Period, notePath: string): { warnings: ReviewData['warnings'] } | null {
    const known = this.noteIndex().get(notePath);
    if (!known) return null;
    try {
      const info = statSync(this.absolute(notePath));
      if (info.size !== known[0] || info.mtimeMs !== known[1]) return null;
    } catch {
      return null;
    }
    return this.valid(period);
  }

  /** Records a review note as Daybook left it (written, or found up to date). */
  noteSettled(notePath: string): void {
    try {
      const info = statSync(this.absolute(notePath));
      this.noteIndex().set(notePath, [info.size, info.mtimeMs]);
      this.notesChanged = true;
    } catch {
      // Not there after all: nothing to remember.
    }
  }

  save(): void {
    if (!this.notesChanged || this.notes === null) return;
    try {
      mkdirSync(join(this.dir, 'reviews'), { recursive: true });
      writeFileSync(`${this.notesFile}.${process.pid}.tmp`, JSON.stringify([...this.notes]));
      renameSync(`${this.notesFile}.${process.pid}.tmp`, this.notesFile);
    } catch {
      // Only costs speed next time.
    }
  }

  /** buildReview, answered from the memo when nothing it read has changed. */
  readonly build = async (journal: Journal, period: Period): Promise<ReviewData> => {
    const known = this.recall(period);
    if (known) return known;
    const review = await buildReview(journal, period);
    this.remember(period, journal, review);
    return review;
  };
}
