import { type Period, periodsOfDays } from './dates/periods';
import type { Journal } from './journal';
import { buildReview } from './review/buildReview';
import { type MergeStatus, mergeReview } from './review/managedRegion';
import { renderReview } from './review/renderReview';
import type { ReviewData } from './review/types';

/** Where review notes are read from and written to: the vault through Obsidian, or a folder. */
export interface ReviewStore {
  /** The note's text, or null when it does not exist. */
  readIfExists(path: string): Promise<string | null>;
  write(path: string, text: string): Promise<void>;
}

export interface WriteOutcome {
  period: string;
  path: string;
  status: MergeStatus;
  reason?: string;
  /** Where the hand-edited note was kept before a forced rewrite. */
  backupPath?: string;
  review: ReviewData;
}

async function freeBackupPath(store: ReviewStore, path: string): Promise<string> {
  const stem = path.replace(/\.md$/, '');
  for (let n = 1; ; n++) {
    const candidate = `${stem}.daybook-backup${n === 1 ? '' : `-${n}`}.md`;
    if ((await store.readIfExists(candidate)) === null) return candidate;
  }
}

/**
 * Regenerates one review note. Writes only when the text changes, never over a
 * hand edit unless forced, and with force keeps the old note beside it.
 */
export async function writeReview(
  journal: Journal,
  period: Period,
  store: ReviewStore,
  force = false,
  build: (journal: Journal, period: Period) => Promise<ReviewData> = buildReview,
): Promise<WriteOutcome> {
  const review = await build(journal, period);
  const path = review.notes.review;
  const merged = mergeReview(await store.readIfExists(path), renderReview(review, journal.settings), force);
  const outcome: WriteOutcome = { period: period.id, path, status: merged.status, review, ...(merged.reason ? { reason: merged.reason } : {}) };
  if (merged.status === 'unchanged' || merged.status === 'edited') return outcome;
  if (merged.backup !== undefined) {
    outcome.backupPath = await freeBackupPath(store, path);
    await store.write(outcome.backupPath, merged.backup);
  }
  await store.write(path, merged.text);
  return outcome;
}

/** Every week, month, quarter and year that has a daily note, oldest first within each kind. */
export function periodsWithNotes(journal: Journal): Period[] {
  return periodsOfDays(journal.dailyNotes.map((n) => n.day));
}

/** One line saying what happened to a review note, for the CLI and the plugin's notices. */
export function describeOutcome(outcome: Omit<WriteOutcome, 'review'>): string {
  switch (outcome.status) {
    case 'created':
      return `created ${outcome.path}`;
    case 'updated':
      return outcome.backupPath ? `rewrote ${outcome.path} (your edited version is kept in ${outcome.backupPath})` : `updated ${outcome.path}`;
    case 'appended':
      return `added the generated review to the end of your existing note ${outcome.path}`;
    case 'unchanged':
      return `${outcome.path} is up to date; not written`;
    case 'edited':
      return `not written: ${outcome.path}: ${outcome.reason}`;
  }
}
