import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { writeFileAtomically } from './atomicFile';
import { join } from 'node:path';
import type { Period } from '../core/dates/periods';
import { hashText } from '../core/hash';
import type { Journal } from '../core/journal';
import { aliasNoteCandidates } from '../core/links/targets';
import { buildReview, targetsOf } from '../core/review/buildReview';
import type { ReviewData } from '../core/review/types';
import { version as DAYBOOK_VERSION } from '../../package.json';
import { PARSER_VERSION } from './parseCache';
import { reviewFromJson, reviewToJson } from './reviewJson';

/** Bumped whenever a memo's shape or meaning changes; with Daybook's and the parser's versions, older memos are ignored. */
// 3: reviews hold changes (from every earlier daily note) and meetings[] (people's and meeting notes read).
// 4: both of those together, so a memo of either alone is ignored.
const MEMO_SCHEMA = 4;
const MEMO_VERSION = `${DAYBOOK_VERSION}/${MEMO_SCHEMA}/${PARSER_VERSION}`;

/** A review note as Daybook left it: size, mtime, hash of its bytes, and the key of the memo it was written from. */
type NoteRecord = [size: number, mtime: number, hash: string, memo: string];

function isInput(value: unknown): value is Input {
  return Array.isArray(value) && value.length === 4 && typeof value[0] === 'string' && typeof value[1] === 'string' && typeof value[2] === 'number' && typeof value[3] === 'number';
}

function isWarning(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { path?: unknown }).path === 'string' && typeof (value as { message?: unknown }).message === 'string';
}

/** Whether a stored memo has the shape this version writes: a valid JSON entry of another shape is rebuilt, never trusted. */
function isMemo(value: unknown): value is Memo {
  if (typeof value !== 'object' || value === null) return false;
  const memo = value as Record<string, unknown>;
  return (
    memo.version === MEMO_VERSION &&
    typeof memo.settings === 'string' &&
    typeof memo.files === 'string' &&
    typeof memo.review === 'string' &&
    (memo.aliases === null || typeof memo.aliases === 'string') &&
    Array.isArray(memo.inputs) &&
    memo.inputs.every(isInput) &&
    Array.isArray(memo.warnings) &&
    memo.warnings.every(isWarning)
  );
}

function isNoteRecord(value: unknown): value is [string, NoteRecord] {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string') return false;
  const record: unknown = value[1];
  return Array.isArray(record) && record.length === 4 && typeof record[0] === 'number' && typeof record[1] === 'number' && typeof record[2] === 'string' && typeof record[3] === 'string';
}

type Input = [path: string, hash: string, size: number, mtime: number];

/** What a review was built from; kept apart from the review itself, so checking it reads little. */
interface Memo {
  version: string;
  /** Hash of the stored review's JSON text: a review file that is not the one written with this memo is not used. */
  review: string;
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
  private notes: Map<string, NoteRecord> | null = null;
  private notesChanged = false;
  private readonly filesKey: string;

  constructor(
    private readonly dir: string,
    private readonly root: string,
    private readonly journal: Journal,
  ) {
    this.settingsKey = hashText(JSON.stringify([journal.settings, journal.dialect.spec]));
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

  /** The memo of a period and the hash of its text, when it has the right shape; null otherwise. */
  private stored(period: Period): { memo: Memo; key: string } | null {
    try {
      const text = readFileSync(this.file(period, 'inputs'), 'utf8');
      const memo: unknown = JSON.parse(text);
      return isMemo(memo) ? { memo, key: hashText(text) } : null;
    } catch {
      return null;
    }
  }

  private valid(period: Period): Memo | null {
    try {
      const memo = this.stored(period)?.memo;
      if (!memo || memo.settings !== this.settingsKey || memo.files !== this.filesKey) return null;
      if (memo.aliases !== null && memo.aliases !== this.aliasKey()) return null;
      return memo.inputs.every((input) => this.unchanged(input)) ? memo : null;
    } catch {
      return null;
    }
  }

  private recall(period: Period): ReviewData | null {
    const memo = this.valid(period);
    if (!memo) return null;
    try {
      const text = readFileSync(this.file(period, 'review'), 'utf8');
      // Written just before its memo, with the memo holding its hash: anything else there is not this review.
      if (hashText(text) !== memo.review) return null;
      return reviewFromJson(text);
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
    let reviewText: string;
    try {
      reviewText = reviewToJson(review);
    } catch {
      return; // too large to keep: only costs speed
    }
    const memo: Memo = { version: MEMO_VERSION, review: hashText(reviewText), settings: this.settingsKey, files: this.filesKey, inputs, aliases, warnings: review.warnings };
    try {
      mkdirSync(join(this.dir, 'reviews'), { recursive: true });
      // The review first: inputs without their review are never taken as valid.
      for (const [part, text] of [['review', reviewText], ['inputs', JSON.stringify(memo)]] as const) {
        const target = this.file(period, part);
        writeFileAtomically(target, text);
      }
    } catch {
      // A memo that cannot be written only costs speed.
    }
  }

  private get notesFile(): string {
    return join(this.dir, 'reviews', 'notes.json');
  }

  private noteIndex(): Map<string, NoteRecord> {
    if (this.notes === null) {
      this.notes = new Map();
      try {
        const stored: unknown = JSON.parse(readFileSync(this.notesFile, 'utf8'));
        if (typeof stored === 'object' && stored !== null && (stored as { version?: unknown }).version === MEMO_VERSION) {
          const entries: unknown = (stored as { notes?: unknown }).notes;
          if (Array.isArray(entries)) this.notes = new Map(entries.filter(isNoteRecord));
        }
      } catch {
        // Missing or corrupt: every note is checked the slow way.
      }
    }
    return this.notes;
  }

  /** A note's size, mtime and the hash of its bytes, as it is on disk now. */
  private noteOnDisk(notePath: string): [number, number, string] | null {
    try {
      const absolute = this.absolute(notePath);
      const info = statSync(absolute);
      const bytes = readFileSync(absolute);
      return [info.size, info.mtimeMs, createHash('sha1').update(bytes).digest('hex')];
    } catch {
      return null;
    }
  }

  /**
   * The review, when its inputs are unchanged and its note is exactly as
   * Daybook last left it: then regenerating would write nothing, and neither
   * rendering nor reading the note is needed to know that.
   */
  upToDate(period: Period, notePath: string): { warnings: ReviewData['warnings'] } | null {
    const known = this.noteIndex().get(notePath);
    if (!known) return null;
    // The note's bytes, not only its size and mtime: a file rewritten within one mtime tick must not pass.
    const disk = this.noteOnDisk(notePath);
    if (!disk || disk[0] !== known[0] || disk[1] !== known[1] || disk[2] !== known[2]) return null;
    // And the memo the note was written from must be the memo there now.
    if (this.stored(period)?.key !== known[3]) return null;
    return this.valid(period);
  }

  /**
   * Records a review note as Daybook left it (written, or found up to date),
   * with the memo it was written from. Called only once the note is on disk.
   */
  noteSettled(notePath: string, period: Period): void {
    const disk = this.noteOnDisk(notePath);
    const memo = this.stored(period);
    if (!disk || !memo) {
      this.noteIndex().delete(notePath);
    } else {
      this.noteIndex().set(notePath, [...disk, memo.key]);
    }
    this.notesChanged = true;
  }

  save(): void {
    if (!this.notesChanged || this.notes === null) return;
    try {
      mkdirSync(join(this.dir, 'reviews'), { recursive: true });
      writeFileAtomically(this.notesFile, JSON.stringify({ version: MEMO_VERSION, notes: [...this.notes] }));
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
