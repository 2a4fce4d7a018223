import type { DataAdapter } from 'obsidian';
import { cacheReplacer } from '../core/cacheValues';
import { dateFormatter } from '../core/dates/dateFormatter';
import type { Period } from '../core/dates/periods';
import { hashText } from '../core/hash';
import type { Journal } from '../core/journal';
import { buildReview } from '../core/review/buildReview';
import type { ReviewData } from '../core/review/types';
import type { VaultFile } from '../core/vault';
import { reviewFromJson, reviewToJson } from '../cli/reviewJson';
import type { CacheTimers } from './persistentParseCache';
import { isReading, type Reading, type ReadRecorder } from './readRecorder';
import { BUILD_IDENTITY } from '../core/buildIdentity';
import { DelayedWrite } from './delayedWrite';

/** Bumped whenever the file's shape or meaning changes; with the plugin's version, an older file is dropped whole. */
const STORE_SCHEMA = 1;

/** Reviews kept, the most recently built first: the "this week/month/quarter/year" commands and a few more. */
const MAX_REVIEWS = 8;

/** How long after the last build the file is written: one write for a burst of reviews (and one on unload). */
const SAVE_DELAY_MS = 2_000;

/** What a review was built from, beside the review: its settings, the vault's list of notes, every note it read. */
interface Memo {
  period: string;
  settings: string;
  files: string;
  inputs: Reading[];
  /** Hash of the review's line in the file: a line that is not the one written with this memo is not used. */
  review: string;
}

/**
 * A memo with its review: read from the file (its JSON, checked against the
 * memo's hash when used), or built this session (the review, until its JSON is
 * made for the file; that JSON needs no check).
 */
interface Kept {
  memo: Memo;
  text: string | null;
  built: ReviewData | null;
  ours: boolean;
}

function isMemo(value: unknown): value is Memo {
  if (typeof value !== 'object' || value === null) return false;
  const memo = value as Record<string, unknown>;
  return (
    typeof memo.period === 'string' &&
    typeof memo.settings === 'string' &&
    typeof memo.files === 'string' &&
    typeof memo.review === 'string' &&
    Array.isArray(memo.inputs) &&
    memo.inputs.every(isReading)
  );
}

/**
 * Dates as the app's language writes them, one of each month and weekday, and
 * its first day of the week: they name the daily and review notes and bound
 * the weeks, and the user may switch the language between sessions.
 */
function datesKey(): string {
  const dates = dateFormatter();
  const probe = Array.from({ length: 12 }, (_, month) => dates.format(new Date(2021, month, 1 + month), 'dddd MMMM Do ww gggg'));
  return `${dates.weekStart?.() ?? 0} ${probe.join(' ')}`;
}

/** The settings, the dialect the vault is read by and the app's way with dates, as one key. */
function settingsKey(journal: Journal): string {
  return hashText(JSON.stringify([journal.settings, journal.dialect.spec, datesKey()], cacheReplacer));
}

/** The vault's notes in the order the journal listed them: a note added, renamed or deleted can change what a link names. */
function listingKey(files: VaultFile[]): string {
  return hashText(files.map((file) => file.path).join('\n'));
}

/**
 * Built reviews kept in the plugin's own folder between app sessions, each
 * with what it was built from: the settings and dialect, the vault's list of
 * notes, and every note the build read (its text or its properties, hashed,
 * with the size and mtime the app gave for it). A review is reused only when
 * all of them hold, stamps checked first and hashes only where a stamp cannot
 * vouch (changed, or racy); otherwise it is built afresh and kept again. A
 * file that is damaged, cut short, of another version or of the wrong shape
 * is dropped whole; one that cannot be written only costs speed.
 *
 * The file: the hash of the next line; a JSON line of the memos; then each
 * memo's review as one line of JSON, parsed only when it is used.
 */
export class StoredReviews {
  private kept: Kept[] = [];
  private loading: Promise<void> | null = null;
  private readonly writes: DelayedWrite;
  private readonly version: string;

  constructor(
    private readonly adapter: Pick<DataAdapter, 'exists' | 'read' | 'write'>,
    private readonly file: string,
    private readonly timers: CacheTimers,
    pluginVersion: string,
  ) {
    this.version = `${STORE_SCHEMA}/${pluginVersion}/${BUILD_IDENTITY}`;
    this.writes = new DelayedWrite(timers, SAVE_DELAY_MS, () => this.write());
  }

  private async load(): Promise<void> {
    try {
      if (!(await this.adapter.exists(this.file))) return;
      const [seal, meta, ...reviews] = (await this.adapter.read(this.file)).split('\n');
      if (meta === undefined || hashText(meta) !== seal) return;
      const stored = JSON.parse(meta) as { version?: unknown; memos?: unknown } | null;
      if (stored?.version !== this.version || !Array.isArray(stored.memos) || !stored.memos.every(isMemo) || stored.memos.length !== reviews.length) return;
      this.kept = stored.memos.map((memo: Memo, i) => ({ memo, text: reviews[i], built: null, ours: false }));
    } catch {
      // Unreadable or not JSON: every review is built afresh, and the file rewritten.
    }
  }

  /**
   * The review of `period`, from the store when nothing it was built from
   * has changed, else built now (through `reads`, the recorder the journal
   * reads the vault through) and kept.
   */
  async build(journal: Journal, period: Period, reads: ReadRecorder): Promise<ReviewData> {
    this.loading ??= this.load();
    await this.loading;
    const settings = settingsKey(journal);
    const files = listingKey(journal.files);
    const known = this.kept.find((k) => k.memo.period === period.id);
    if (known && known.memo.settings === settings && known.memo.files === files && (await reads.allHold(known.memo.inputs))) {
      const review = this.recall(known);
      if (review) return review;
    }
    const review = await buildReview(journal, period);
    this.remember({ period: period.id, settings, files, inputs: reads.all(), review: '' }, review, reads.doubt);
    return review;
  }

  /**
   * A kept review as a fresh copy. One read from the file is used only when
   * its line is the one written with its memo; on any doubt the whole store goes.
   */
  private recall(known: Kept): ReviewData | null {
    try {
      known.text ??= reviewToJson(known.built!);
      known.built = null;
      if (known.ours || hashText(known.text) === known.memo.review) return reviewFromJson(known.text);
    } catch {
      // Not JSON, or too large to copy: dropped below with the rest.
    }
    this.kept = [];
    this.changed();
    return null;
  }

  /** Keeps a review built now; its JSON and hash are made when the file is written, not on the way to the user. */
  private remember(memo: Memo, review: ReviewData, doubt: string | null): void {
    const others = this.kept.filter((k) => k.memo.period !== memo.period);
    this.kept = doubt === null ? [{ memo, text: null, built: review, ours: true }, ...others].slice(0, MAX_REVIEWS) : others;
    this.changed();
  }

  private changed(): void {
    this.writes.changed();
  }

  /** Writes the kept reviews if anything changed; a store that cannot be written only costs speed, and is tried again at the next save. */
  save(): Promise<void> {
    return this.writes.flush();
  }

  private async write(): Promise<boolean> {
    this.kept = this.kept.filter((k) => {
      try {
        k.text ??= reviewToJson(k.built!);
      } catch {
        return false; // too large to keep: only costs speed
      }
      k.built = null;
      k.memo.review ||= hashText(k.text);
      return true;
    });
    const meta = JSON.stringify({ version: this.version, memos: this.kept.map((k) => k.memo) });
    try {
      await this.adapter.write(this.file, [hashText(meta), meta, ...this.kept.map((k) => k.text!)].join('\n'));
      return true;
    } catch {
      return false;
    }
  }
}
