import type { EditorView } from '@codemirror/view';
import { type App, normalizePath, TFile } from 'obsidian';
import { dayOfJournalNote } from '../core/dailyNotes';
import { type Period, type PeriodKind, periodContaining } from '../core/dates/periods';
import { Journal, type NoteParser } from '../core/journal';
import { buildReview, reviewNotePath } from '../core/review/buildReview';
import type { ReviewData } from '../core/review/types';
import { describeOutcome, type WriteOutcome, writeReview } from '../core/reviewWriter';
import type { Dialect } from '../core/dialect/dialect';
import type { DaybookSettings } from '../core/settings';
import type { VaultFile } from '../core/vault';
import { periodOfReviewNote } from '../core/reviewNotes';
import { ObsidianVault } from './obsidianVault';
import { ReadRecorder } from './readRecorder';
import type { StoredReviews } from './storedReviews';

export interface ReviewContext {
  app: App;
  settings: DaybookSettings;
  parser: NoteParser;
  /** Reviews kept between app sessions: a review whose notes have not changed is not built again. */
  reviews?: StoredReviews;
  /** Notes whose properties the app's metadata cache has not read again since they changed. */
  metadataBehind?(path: string): boolean;
  /** The editor a note is open in, if any: a review note open there is changed through it. */
  editorOf?(path: string): EditorView | null;
  /** How the vault is read: Obsidian's rules, or a Logseq graph's. */
  dialect?: Dialect;
  /** Asks the user a yes/no question; resolves true for yes. */
  confirm(message: string): Promise<boolean>;
  notify(message: string): void;
}

/**
 * The period of a note: the week (or `kind`) of a daily note (also one named in
 * an earlier format, told by the vault's `files`), or the period a review note
 * is named for. Null for any other note.
 */
export function periodOfNote(path: string, settings: DaybookSettings, kind: PeriodKind = 'week', files: () => VaultFile[] = () => []): Period | null {
  const day = dayOfJournalNote(path, settings, files);
  if (day) return periodContaining(kind, day);
  return periodOfReviewNote(path, settings);
}

/**
 * The vault as the commands read and write it (open editors first, the vault's
 * dialect) and its journal. Every command that builds from the notes opens it here.
 */
export async function openJournal(context: ReviewContext): Promise<{ vault: ObsidianVault; journal: Journal; build: (journal: Journal, period: Period) => Promise<ReviewData> }> {
  const vault = new ObsidianVault(context.app, (path) => context.editorOf?.(path) ?? null, context.dialect);
  // What the journal reads is noted, so the review built from it can be kept and known unchanged later.
  const reads = context.reviews ? new ReadRecorder(vault, (path) => context.metadataBehind?.(path) ?? false) : null;
  const stored = context.reviews;
  const journal = await Journal.open(reads ?? vault, context.settings, {
    parser: context.parser,
    dialect: context.dialect,
    // A yearly review digests hundreds of notes: let the app handle input between chunks.
    pause: () => new Promise((resolve) => window.setTimeout(resolve, 0)),
  });
  return { vault, journal, build: stored && reads ? (j, period) => stored.build(j, period, reads) : buildReview };
}

/**
 * Regenerates a period's review note and opens it. A hand-edited generated
 * part is replaced only if the user says so, and then kept as a backup.
 */
export async function generateReview(context: ReviewContext, period: Period): Promise<WriteOutcome> {
  const { vault, journal, build } = await openJournal(context);
  let outcome = await writeReview(journal, period, vault, false, build);
  if (outcome.status === 'edited') {
    const replace = await context.confirm(
      `The generated part of ${outcome.path} was edited by hand since Daybook wrote it. Replace it with a fresh review? Your edited note will be kept as a backup beside it.`,
    );
    if (replace) outcome = await writeReview(journal, period, vault, true, build);
  }
  const file = context.app.vault.getAbstractFileByPath(normalizePath(outcome.path));
  if (file instanceof TFile) await context.app.workspace.getLeaf(false).openFile(file, { active: true });
  const warnings = outcome.review.warnings.length ? ` ${outcome.review.warnings.length} note(s) could not be read completely; see the end of the review.` : '';
  context.notify(`Daybook: ${describeOutcome(outcome)}.${warnings}`);
  return outcome;
}

/**
 * What the "Generate review" commands run: any failure (a read-only note, a
 * full disk, a broken vault) is told in a notice naming the note, never left
 * as an unhandled rejection. Resolves null when nothing was written.
 */
export async function reviewCommand(context: ReviewContext, period: Period): Promise<WriteOutcome | null> {
  try {
    return await generateReview(context, period);
  } catch (error) {
    context.notify(`Daybook: could not write ${reviewNotePath(period, context.settings)}: ${errorText(error)}`);
    return null;
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
