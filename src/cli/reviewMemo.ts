import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Period } from '../core/dates/periods';
import { hashText } from '../core/hash';
import type { Journal } from '../core/journal';
import { aliasNoteCandidates } from '../core/links/targets';
import { buildReview, goalReviewNotes, targetsOf } from '../core/review/buildReview';
import { mayBeMeetingNote } from '../core/review/dayExtras';
import { moodChartPath } from '../core/review/moodChart';
import type { ReviewData } from '../core/review/types';
import { version as DAYBOOK_VERSION } from '../../package.json';
import { BUILD_IDENTITY } from '../core/buildIdentity';
import { writeCacheFile } from './cacheFile';
import { isRacy, type Stamp, stampHolds } from './fileStamp';
import type { FolderVault, ReadPart, Reading } from './folderVault';
import { PARSER_VERSION } from './parseCache';
import { listingKey } from './dailyNoteIndex';
import { ListingAnswers } from './listingAnswers';
import { localeKey } from './localeKey';
import { type PrintFormat, PrintedReviews } from './printedReviews';
import { reviewFromJson, reviewToJson } from './reviewJson';
import { type FileProbe, type FileRecord, fileHolds, type SettledNote, SettledNotes } from './settledNotes';

/** Bumped whenever a memo's shape or meaning changes; with Daybook's and the parser's versions, older memos are ignored. */
const MEMO_SCHEMA = 8;
export const MEMO_VERSION = `${DAYBOOK_VERSION}/${MEMO_SCHEMA}/${PARSER_VERSION}/${BUILD_IDENTITY}`;

/** A note a review read: its path, what of it was read, the hash of that, and its stamp with the moment it was taken. */
export type Input = [path: string, part: ReadPart, hash: string, size: number, mtime: number, at: number];

export function isInput(value: unknown): value is Input {
  // No slice of each: a weekly memo holds 4,000 inputs, checked at every warm run.
  return Array.isArray(value) && value.length === 6 && typeof value[0] === 'string' && (value[1] === 'text' || value[1] === 'head' || value[1] === 'outside') && typeof value[2] === 'string' && typeof value[3] === 'number' && typeof value[4] === 'number' && typeof value[5] === 'number';
}

export function isWarning(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { path?: unknown }).path === 'string' && typeof (value as { message?: unknown }).message === 'string';
}

/** What a review was built from; kept apart from the review itself, so checking it reads little. */
export interface Memo {
  version: string;
  /** Hash of the stored review's JSON text: a review file that is not the one written with this memo is not used. */
  review: string;
  settings: string;
  /** The listing's key when built: while it is the same, nothing of the listing can have changed for the review. */
  files: string;
  /** The run whose answers about the listing (`ListingAnswers`) the review was built from, for another listing. */
  lookups: string;
  /** The review notes its goals would be read from, absent then: one that is there now must hold nothing but Daybook's region. */
  absent: string[];
  /** The period's daily notes, link targets and goals notes, as they were read. */
  inputs: Input[];
  /** The notes aliases were read from, as one key of their sizes and mtimes, when aliases were needed. */
  aliases: string | null;
  warnings: ReviewData['warnings'];
}

/** Whether a stored memo has the shape this version writes: a valid JSON entry of another shape is rebuilt, never trusted. */
function isMemo(value: unknown): value is Memo {
  if (typeof value !== 'object' || value === null) return false;
  const memo = value as Record<string, unknown>;
  return (
    memo.version === MEMO_VERSION &&
    typeof memo.review === 'string' &&
    typeof memo.settings === 'string' &&
    typeof memo.files === 'string' &&
    typeof memo.lookups === 'string' &&
    Array.isArray(memo.absent) &&
    memo.absent.every((path) => typeof path === 'string') &&
    (memo.aliases === null || typeof memo.aliases === 'string') &&
    Array.isArray(memo.inputs) &&
    memo.inputs.every(isInput) &&
    Array.isArray(memo.warnings) &&
    memo.warnings.every(isWarning)
  );
}

/**
 * One key for the alias notes, from their sizes and mtimes in the order of
 * their list (which follows from the listing and settings, both keyed apart):
 * numbers into one buffer, hashed at once, with no string per note — they
 * change rarely and are many.
 */
function stampsKey(count: number, stampAt: (i: number) => Stamp | null): string {
  const numbers = new Float64Array(count * 2);
  for (let i = 0; i < count; i++) {
    const stamp = stampAt(i);
    numbers[2 * i] = stamp ? stamp.size : -1;
    numbers[2 * i + 1] = stamp ? stamp.mtime : -1;
  }
  return createHash('sha1').update(numbers).digest('hex');
}

/**
 * The hash a memo and its review file are known by: Node's native one, as both are read on every warm run and a yearly review's is megabytes.
 * A file's bytes hash as the text written to it (UTF-8 of JSON, which holds no lone surrogate), without encoding the text again.
 */
function textKey(text: string | Buffer): string {
  return createHash('sha1').update(text).digest('hex');
}

/** Stands for an alias key no run can match: some alias note was too fresh for its stamp to vouch for it. */
const RACY_ALIASES = 'racy';

/**
 * Remembers built reviews with everything they were built from: the settings,
 * the vault's list of notes (a new note can resolve a link), and what was read
 * of every note — the period's daily notes, the link targets and alias notes,
 * the goals notes. A review is reused only when all of them are unchanged:
 * sizes and mtimes first, hashes only for a note whose stamp cannot vouch for
 * it (changed, or racy); otherwise it is built afresh and remembered again.
 */
export class ReviewMemo {
  private readonly fingerprints = new Map<string, string | null>();
  private readonly stamps = new Map<string, Stamp | null>();
  private readonly memos = new Map<string, { memo: Memo; key: string } | null>();
  private readonly settingsKey: string;
  private readonly filesKey: string;
  private readonly settled: SettledNotes;
  private aliasList: string[] | null = null;
  private readonly listingAnswers: ListingAnswers;
  /** Whether this run built a review, whose memo names this run's answers; and the memos found valid over a listing other than theirs. */
  private built = false;
  private readonly heldOver = new Set<string>();
  private readonly aliasesHeldOver = new Set<string>();
  private aliasKeyValue: string | null = null;
  private readonly locale = localeKey();
  private readonly prints: PrintedReviews;
  /** The hash of each review this run recalled or built, as its memo names it: what its printed text is kept under. */
  private readonly reviewKeys = new Map<string, string>();
  readonly probe: FileProbe = { stamp: (path) => this.stampOf(path), hash: (path) => this.fingerprintOf(path, 'text') };

  constructor(
    private readonly dir: string,
    private readonly vault: FolderVault,
    private readonly journal: Journal,
  ) {
    // The locale orders names in a review: a review built under another is not this run's.
    this.settingsKey = hashText(JSON.stringify([journal.settings, journal.dialect.spec, this.locale]));
    this.filesKey = listingKey(journal.files);
    this.prints = new PrintedReviews(dir);
    this.settled = new SettledNotes(dir, MEMO_VERSION);
    this.listingAnswers = new ListingAnswers(dir, journal, MEMO_VERSION);
  }

  /** A note's size and mtime, looked up once per run: a rebuild checks the same notes for hundreds of reviews. */
  private stampOf(path: string): Stamp | null {
    let stamp = this.stamps.get(path);
    if (stamp === undefined) {
      stamp = this.vault.stamp(path);
      this.stamps.set(path, stamp);
    }
    return stamp;
  }

  /** The hash of what a review reads of a note, as it is now; read once per run, and only when a stamp cannot vouch. */
  private fingerprintOf(path: string, part: ReadPart): string | null {
    const key = `${part}:${path}`;
    let hash = this.fingerprints.get(key);
    if (hash === undefined) {
      hash = this.vault.fingerprint(path, part);
      this.fingerprints.set(key, hash);
    }
    return hash;
  }

  unchanged([path, part, hash, size, mtime, at]: Input): boolean {
    const now = this.stampOf(path);
    if (now === null) return false;
    if (stampHolds({ size, mtime, at }, now)) return true;
    // A touched note, or one whose stamp is too fresh to trust: its bytes decide.
    return this.fingerprintOf(path, part) === hash;
  }

  private file(period: Period, part: 'inputs' | 'review'): string {
    return join(this.dir, 'reviews', `${period.id}.${part}.json`);
  }

  /** The alias notes as they are now, keyed once per run. */
  aliasKey(): string {
    const notes = this.aliasNotes();
    // Stamps already taken are reused; the others are not kept: most alias notes are asked nothing else.
    this.aliasKeyValue ??= stampsKey(notes.length, (i) => this.stamps.get(notes[i]) ?? this.vault.stamp(notes[i]));
    return this.aliasKeyValue;
  }

  /**
   * The alias notes as the build read them: from the stamps their heads had
   * when read, so a note changed since is a change next time. A note read
   * within a racy window of its mtime makes the key one no run matches.
   */
  aliasKeyAsRead(): string {
    const notes = this.aliasNotes();
    const readings = notes.map((path) => this.vault.readings.get(`head:${path}`));
    if (readings.some((reading) => reading && isRacy(reading.mtime, reading.at))) return RACY_ALIASES;
    return stampsKey(notes.length, (i) => readings[i] ?? this.stampOf(notes[i]));
  }

  /** The notes aliases come from, as the catalog reads them. */
  private aliasNotes(): string[] {
    this.aliasList ??= aliasNoteCandidates(this.journal.files, this.journal.settings);
    return this.aliasList;
  }

  /** The memo of a period and the hash of its text, when it has the right shape; null otherwise. Read once per run. */
  private stored(period: Period): { memo: Memo; key: string } | null {
    let stored = this.memos.get(period.id);
    if (stored === undefined) {
      stored = this.readStored(period);
      this.memos.set(period.id, stored);
      if (stored) this.lookupsNamed.set(period.id, stored.memo.lookups);
      else this.lookupsNamed.delete(period.id);
    }
    return stored;
  }

  private readStored(period: Period): { memo: Memo; key: string } | null {
    try {
      const bytes = readFileSync(this.file(period, 'inputs'));
      const memo: unknown = JSON.parse(bytes.toString('utf8'));
      if (isMemo(memo)) return { memo, key: textKey(bytes) };
    } catch {
      // Missing or corrupt: built afresh.
    }
    return null;
  }

  /**
   * The run whose listing answers each period's memo read so far names: all pruneAnswers needs of
   * them once settled notes let their memos go (a memo names every note its review read, a
   * thousand or more; the rebuild's 692 of them held to its end were its peak, 1.2 GB).
   */
  private readonly lookupsNamed = new Map<string, string>();

  private valid(period: Period): Memo | null {
    const memo = this.stored(period)?.memo;
    if (!memo || memo.settings !== this.settingsKey) return null;
    // The inputs first: a few thousand notes, where a stale review is usually found, before the many alias notes.
    if (!memo.inputs.every((input) => this.unchanged(input))) return null;
    if (memo.files !== this.filesKey && (!this.listingAnswers.holds(memo.lookups) || !memo.absent.every((path) => this.stillWithoutGoals(path)))) return null;
    // The alias notes changed (or were read too fresh to vouch): what the review asked of the aliases decides.
    if (memo.aliases !== null && memo.aliases !== this.aliasKey()) {
      if (!this.listingAnswers.aliasesHold(memo.lookups)) return null;
      this.aliasesHeldOver.add(period.id);
    }
    if (memo.files !== this.filesKey) this.heldOver.add(period.id);
    return memo;
  }

  /** A review note that was absent: absent still, or holding nothing but Daybook's region (as a rebuild writes it), so no goal. */
  private stillWithoutGoals(path: string): boolean {
    return !this.isListed(path) || this.vault.outsideRegionIsBlank(path);
  }

  /** The notes that may be meeting notes (by folder or name), once per run; none when meeting notes are off. */
  private meetingNotes(): string[] {
    if (this.meetingList === null) {
      const { settings } = this.journal;
      const daily = new Set(this.journal.dailyNotes.map((note) => note.path));
      this.meetingList = settings.meetingNotes ? this.journal.files.map((f) => f.path).filter((path) => !daily.has(path) && mayBeMeetingNote(path, settings)) : [];
    }
    return this.meetingList;
  }

  private meetingList: string[] | null = null;

  private isListed(path: string): boolean {
    return this.journal.isListed(path);
  }

  /** The alias notes' key a memo holds with: its own, or (found valid by its answers) the alias notes as this run read them. */
  aliasesOf(period: Period, memo: Memo): string | null {
    return this.aliasesHeldOver.has(period.id) ? this.aliasKeyAsRead() : memo.aliases;
  }

  /** Whether the memo of `period` holds with the listing as it is now (its own, or one that answers the same). */
  holdsOverListing(period: Period, memo: Memo): boolean {
    return memo.files === this.filesKey || this.heldOver.has(period.id);
  }

  /** Whether the memo holds a review of `period` built from what the vault holds now: then nothing needs parsing for it. */
  answers(period: Period): boolean {
    return this.valid(period) !== null;
  }

  private recall(period: Period): ReviewData | null {
    const memo = this.valid(period);
    if (!memo) return null;
    try {
      const text = readFileSync(this.file(period, 'review'), 'utf8');
      // Written just before its memo, with the memo holding its hash: anything else there is not this review.
      if (textKey(text) !== memo.review) return null;
      const review = reviewFromJson(text);
      this.reviewKeys.set(period.id, memo.review);
      return review;
    } catch {
      return null;
    }
  }

  /** What was read of a note for this run's review, or (never read: unexpected) what is there now. */
  private inputsOf(path: string): Input[] | null {
    const inputs: Input[] = [];
    for (const part of ['text', 'head', 'outside'] as const) {
      const reading: Reading | undefined = this.vault.readings.get(`${part}:${path}`);
      if (reading) inputs.push([path, part, reading.hash, reading.size, reading.mtime, reading.at]);
    }
    if (inputs.length) return inputs;
    const at = Date.now();
    const stamp = this.vault.stamp(path);
    const hash = this.vault.fingerprint(path, 'text');
    return stamp && hash !== null ? [[path, 'text', hash, stamp.size, stamp.mtime, at]] : null;
  }

  private remember(period: Period, journal: Journal, review: ReviewData): void {
    const paths = new Set([...journal.dailyNotesIn(period).map((n) => n.path), ...targetsOf(journal, period)]);
    if (journal.settings.goalsNote) {
      const goals = journal.catalog.lookup(journal.settings.goalsNote).path;
      if (goals) paths.add(goals);
    }
    const inputs: Input[] = [];
    for (const path of paths) {
      const read = this.inputsOf(path);
      if (read === null) return;
      inputs.push(...read);
    }
    // A meeting note's day may come from its `date:`: each head read for it, in the period or not, is an input.
    for (const path of this.meetingNotes()) {
      const reading = paths.has(path) ? undefined : this.vault.readings.get(`head:${path}`);
      if (reading) inputs.push([path, 'head', reading.hash, reading.size, reading.mtime, reading.at]);
    }
    const aliases = journal.catalog.aliasNotes() === null ? null : this.aliasKeyAsRead();
    let reviewText: string;
    try {
      reviewText = reviewToJson(review);
    } catch {
      return; // too large to keep: only costs speed
    }
    const absent = goalReviewNotes(period, journal.settings).filter((path) => !this.isListed(path));
    const memo: Memo = { version: MEMO_VERSION, review: textKey(reviewText), settings: this.settingsKey, files: this.filesKey, lookups: this.listingAnswers.id, absent, inputs, aliases, warnings: review.warnings };
    this.built = true;
    // The review first: inputs without their review are never taken as valid.
    const memoText = JSON.stringify(memo);
    this.memos.delete(period.id);
    this.lookupsNamed.delete(period.id);
    if (writeCacheFile(this.file(period, 'review'), reviewText) && writeCacheFile(this.file(period, 'inputs'), memoText)) this.listingAnswers.memoWritten(period.id);
    this.reviewKeys.set(period.id, memo.review);
  }

  /** A file as it is on disk now, recorded for the next run: the moment is taken before the stat, as the racy rule needs. */
  recordOf(path: string): FileRecord {
    const at = Date.now();
    const stamp = this.vault.stamp(path);
    if (stamp === null) return null;
    const hash = this.vault.fingerprint(path, 'text');
    return hash === null ? null : [stamp.size, stamp.mtime, at, hash];
  }

  /**
   * The review, when its inputs are unchanged and its note and chart are
   * exactly as Daybook last left them: then regenerating would write
   * nothing, and neither rendering nor reading the note is needed to know that.
   */
  upToDate(period: Period, notePath: string): { warnings: ReviewData['warnings'] } | null {
    const known = this.settled.get(notePath);
    if (!known) return null;
    if (!fileHolds(known.note, notePath, this.probe) || !fileHolds(known.chart, moodChartPath(notePath), this.probe)) return null;
    // And the memo the note was written from must be the memo there now.
    if (this.stored(period)?.key !== known.memo) return null;
    return this.valid(period);
  }

  /**
   * Records a review note and its chart as Daybook left them (written, or
   * found up to date), with the memo they were written from. Called only once
   * they are on disk.
   */
  noteSettled(notePath: string, period: Period): void {
    const note = this.recordOf(notePath);
    const memo = this.stored(period);
    this.settled.set(notePath, note && memo ? { note, chart: this.recordOf(moodChartPath(notePath)), memo: memo.key } : null);
    // Settled, the period is asked nothing more in a rebuild but its memo by the rebuild's record: read again then, one at a time.
    this.memos.delete(period.id);
  }

  /** What the rebuild record (rebuildRecord.ts) keeps of this run: the keys every memo must share, a period's stored memo, a note as settled. */
  get keys(): { settings: string; files: string } {
    return { settings: this.settingsKey, files: this.filesKey };
  }

  /** A period's memo, read again when a settled note let it go, and not kept. */
  memoOf(period: Period): Memo | null {
    return (this.memos.get(period.id) ?? this.readStored(period))?.memo ?? null;
  }

  settledOf(notePath: string): SettledNote | undefined {
    return this.settled.get(notePath);
  }

  /** Keeps what this run knows: the notes settled, and the answers about the listing its new memos (or its rebuild record) name. */
  save(): void {
    this.settled.save();
    if (this.built || this.answersNamed) this.listingAnswers.save();
  }

  private answersNamed = false;

  /**
   * The runs whose answers about the listing a rebuild record of this run
   * rests on: this run's (the incident index asked them) and those of every
   * memo; with the review notes any of them found absent.
   */
  listingDependence(memos: Memo[]): { lookups: string[]; absent: string[] } {
    this.answersNamed = true;
    return { lookups: [...new Set([this.listingAnswers.id, ...memos.map((m) => m.lookups)])], absent: [...new Set(memos.flatMap((m) => m.absent))] };
  }

  /** Whether a rebuild record of another listing holds over this one: every run it rests on answers the same, no absent review note holds goals. */
  listingHoldsFor(lookups: string[], absent: string[]): boolean {
    return lookups.every((id) => this.listingAnswers.holds(id)) && absent.every((path) => this.stillWithoutGoals(path));
  }

  /** Whether the aliases as the notes hold them now answer every run of `lookups` the same. */
  aliasesHoldFor(lookups: string[]): boolean {
    return lookups.every((id) => this.listingAnswers.aliasesHold(id));
  }

  /**
   * After a rebuild, in which every period's memo was read or written: the
   * answers of runs no memo names any more are removed (each review run keeps its own).
   */
  pruneAnswers(): void {
    const keep = new Set<string>([this.listingAnswers.id]);
    for (const lookups of this.lookupsNamed.values()) keep.add(lookups);
    this.listingAnswers.prune(keep);
  }

  /**
   * The review of `period` as printed (`render` prints it with `printSettings`,
   * the settings as JSON), and its warnings: the text the last run printed when
   * the memo holds and that text was printed from the same review, settings
   * and locale; else built (or recalled), printed and kept.
   */
  async printed(period: Period, format: PrintFormat, printSettings: string, render: (review: ReviewData) => string): Promise<{ text: string; warnings: ReviewData['warnings'] }> {
    const keyOf = (reviewKey: string) => PrintedReviews.keyOf(MEMO_VERSION, reviewKey, printSettings, this.locale, format);
    const memo = this.valid(period);
    const kept = memo ? this.prints.read(period.id, format, keyOf(memo.review)) : null;
    if (memo && kept !== null) return { text: kept, warnings: memo.warnings };
    const review = await this.build(this.journal, period);
    const text = render(review);
    const reviewKey = this.reviewKeys.get(period.id);
    if (reviewKey !== undefined) this.prints.write(period.id, format, keyOf(reviewKey), text);
    return { text, warnings: review.warnings };
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
