import { dayToDate, type Period, periodsOfDays } from './dates/periods';
import { formatDate } from './dates/dateFormatter';
import type { Journal } from './journal';
import { buildReview } from './review/buildReview';
import { dailyNoteAt } from './reviewMeetsDaily';
import { type MarkerStyle, type MergeResult, type MergeStatus, mergeReview } from './review/managedRegion';
import { heatmapPath, isDaybookHeatmap, renderHeatmap } from './review/heatmap';
import { isDaybookChart, moodChartPath, renderMoodChart } from './review/moodChart';
import { renderReview } from './review/renderReview';
import type { ReviewData } from './review/types';
import { periodicNoteOf } from './reviewNotes';
import { fillTemplate, hasTemplaterCommands } from './template';
import { basename } from './vault';

/**
 * Where review notes (and their charts) are read from and written to: the
 * vault through Obsidian, or a folder. Every write is a compare-and-swap on the
 * text as it is at the moment of writing, so typing in a review note while it
 * is regenerated is never lost.
 */
export interface ReviewStore {
  /** The file's text, or null when it does not exist. */
  readIfExists(path: string): Promise<string | null>;
  /**
   * Replaces the file's text with `change(current)`, `current` being its text
   * at the moment of writing (null: no such file; the store creates it and its
   * folder). `change` may be called more than once when the file changes under
   * it, and returns null to leave the file as it is. Resolves true if it wrote.
   */
  update(path: string, change: (current: string | null) => string | null): Promise<boolean>;
  /** Creates a new file; resolves false, writing nothing, when one exists already. */
  create(path: string, text: string): Promise<boolean>;
  /** Deletes a file Daybook wrote, only while its text is still `expected`. Resolves true if deleted. */
  removeIfUnchanged(path: string, expected: string): Promise<boolean>;
  /**
   * Makes a new note from a filled template whose Templater commands (`<% … %>`)
   * are still in it: the plugin hands it to Templater when that is enabled.
   * Resolves a sentence for the user when the commands could not be run, else
   * null. Stores without it create the note as written and say why.
   */
  createFromTemplate?(path: string, text: string): Promise<{ created: boolean; problem: string | null }>;
}

export interface WriteOutcome {
  period: string;
  path: string;
  status: MergeStatus;
  reason?: string;
  /** Where the hand-edited note was kept before a forced rewrite. */
  backupPath?: string;
  /** Why the mood chart beside the note was left alone (a file there that Daybook did not write). */
  chartProblem?: string;
  /** What went wrong with the template of the user's periodic note (missing, Templater commands not run). */
  templateProblem?: string;
  /** Why the mood chart could not be written (the note itself was): a failure of its own, never reported as the note's. */
  chartError?: string;
  review: ReviewData;
}

/** Keeps `text` in the first free `NAME.daybook-backup[-n].md` beside the note. */
async function keepBackup(store: ReviewStore, path: string, text: string): Promise<string> {
  const stem = path.replace(/\.md$/, '');
  for (let n = 1; ; n++) {
    const candidate = `${stem}.daybook-backup${n === 1 ? '' : `-${n}`}.md`;
    if (await store.create(candidate, text)) return candidate;
  }
}

/**
 * Puts `generated` into the managed region of the note at `path`: written only
 * when the text changes, never over a hand edit unless forced, and with force
 * the old note is kept beside it. Reviews and the incident index share it.
 */
export async function writeManagedNote(store: ReviewStore, path: string, generated: string, force = false, style: MarkerStyle = 'obsidian'): Promise<Omit<WriteOutcome, 'period' | 'review'>> {
  // Set inside the store's callback, which may run more than once.
  // `written`: what the store last wrote; a later round (merging text typed meanwhile) may find the region already current.
  const last: { merged: MergeResult; written: MergeResult | null; needsBackup: string | null } = { merged: { status: 'unchanged', text: '' }, written: null, needsBackup: null };
  let backupPath: string | undefined;
  // With force over a hand edit, the edited note is kept before it is replaced;
  // if it changes again meanwhile, that newer text is kept too before the swap.
  for (let backedUp: string | null = null; ; ) {
    last.needsBackup = null;
    await store.update(path, (current) => {
      const merged = mergeReview(current, generated, force, style);
      last.merged = merged;
      if (merged.status === 'unchanged' || merged.status === 'edited') return null;
      if (merged.backup !== undefined && merged.backup !== backedUp) {
        last.needsBackup = merged.backup;
        return null;
      }
      last.written = merged;
      return merged.text;
    });
    if (last.needsBackup === null) break;
    backupPath = await keepBackup(store, path, last.needsBackup);
    backedUp = last.needsBackup;
  }
  const merged = last.merged.status === 'unchanged' && last.written ? last.written : last.merged;
  const outcome: Omit<WriteOutcome, 'period' | 'review'> = { path, status: merged.status, ...(merged.reason ? { reason: merged.reason } : {}) };
  if (backupPath !== undefined && merged.status === 'updated') outcome.backupPath = backupPath;
  return outcome;
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
  // Settings that let the two meet are refused; this holds for every year, not only the ones they were checked on.
  const dailyNote = dailyNoteAt(path, journal.settings);
  if (dailyNote) throw new Error(dailyNote);
  const made = await createPeriodicNote(journal, period, path, store);
  const written = await writeManagedNote(store, path, renderReview(review, journal.settings), force, journal.dialect.spec.app);
  const outcome: WriteOutcome = { period: period.id, ...written, review };
  // A note just made from the user's template, with the region put in it: made, not appended to.
  if (made.created && outcome.status === 'appended') outcome.status = 'created';
  if (made.problem) outcome.templateProblem = made.problem;
  // The chart follows the note: a note left alone (edited by hand) keeps the chart it embeds.
  if (outcome.status !== 'edited') {
    // The mood chart, then one heatmap per slider beside a year or month review; the first problem and failure are told.
    const charts: [string, string | null, (text: string) => boolean][] = [
      [moodChartPath(path), renderMoodChart(review, journal.settings.sliders), isDaybookChart],
      ...journal.settings.sliders.map((slider): [string, string | null, (text: string) => boolean] => [heatmapPath(path, slider), renderHeatmap(review, slider), isDaybookHeatmap]),
    ];
    for (const [chartPath, svg, isDaybooks] of charts) {
      try {
        const problem = await writeMoodChart(store, chartPath, svg, isDaybooks);
        if (problem) outcome.chartProblem ??= problem;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        outcome.chartError ??= `${chartPath}: not written: ${message.startsWith(chartPath) ? message.slice(chartPath.length).replace(/^[:\s]+/, '') : message}`;
      }
    }
  }
  return outcome;
}

/** Why a note made outside the app (the CLI) keeps its template's Templater commands. */
export const TEMPLATER_OUTSIDE_THE_APP = 'its template holds Templater commands (<% … %>), which only Templater in the app can run, so they are left as written';

/** The Journals plugin's own template variables for a period's note: its name and the period's first and last day. */
function fillJournalVariables(template: string, journal: { name: string; dateFormat: string }, period: Period): string {
  return template.replace(/\{\{\s*(journal_name|start_date|end_date)\s*(?::([^}]*))?\}\}/g, (_token, variable: string, format?: string) => {
    if (variable === 'journal_name') return journal.name;
    return formatDate(dayToDate(variable === 'start_date' ? period.start : period.end), format?.trim() || journal.dateFormat);
  });
}

/**
 * The user's periodic note for the period, made from their template when it
 * is missing (the review region then goes where the template has a
 * `%% daybook %%` line, or at its end). Without a template, or with the note
 * there already, nothing is made here.
 */
async function createPeriodicNote(journal: Journal, period: Period, path: string, store: ReviewStore): Promise<{ created: boolean; problem: string | null }> {
  const own = periodicNoteOf(period.kind, journal.settings);
  if (!own?.template || (await store.readIfExists(path)) !== null) return { created: false, problem: null };
  const templatePath = own.template.endsWith('.md') ? own.template : `${own.template}.md`;
  const template = await store.readIfExists(templatePath);
  if (template === null) return { created: false, problem: `${own.source} template ${templatePath} not found; made the note without it` };
  const text = fillTemplate(own.journal ? fillJournalVariables(template, own.journal, period) : template, {
    day: period.start,
    title: basename(path),
    now: new Date(),
    dateFormat: own.journal?.dateFormat ?? own.format,
    settings: journal.settings,
    week: period.kind === 'week',
  });
  if (!hasTemplaterCommands(text)) return { created: await store.create(path, text), problem: null };
  const made = store.createFromTemplate
    ? await store.createFromTemplate(path, text)
    : { created: await store.create(path, text), problem: TEMPLATER_OUTSIDE_THE_APP };
  return { created: made.created, problem: made.problem && `made from ${templatePath}, but ${made.problem}` };
}

/**
 * Writes the chart beside the review when its bytes change, or removes it when
 * the review has no mood, and only if it is still what Daybook wrote. A file
 * at that path without Daybook's marker is the user's: left alone, with a message.
 */
async function writeMoodChart(store: ReviewStore, chartPath: string, svg: string | null, ours: (text: string) => boolean = isDaybookChart): Promise<string | undefined> {
  const foreign = `${chartPath} was not written by Daybook; left as it is`;
  if (svg === null) {
    const current = await store.readIfExists(chartPath);
    if (current === null) return undefined;
    if (!ours(current)) return foreign;
    await store.removeIfUnchanged(chartPath, current);
    return undefined;
  }
  let problem: string | undefined;
  await store.update(chartPath, (current) => {
    problem = undefined;
    if (current === svg) return null;
    if (current !== null && !ours(current)) {
      problem = foreign;
      return null;
    }
    return svg;
  });
  return problem;
}

/** Every week, month, quarter and year that has a daily note, oldest first within each kind. */
export function periodsWithNotes(journal: Journal): Period[] {
  return periodsOfDays(journal.dailyNotes.map((n) => n.day));
}

/** One line saying what happened to a review note, for the CLI and the plugin's notices. */
export function describeOutcome(outcome: Omit<WriteOutcome, 'review'>): string {
  return [describeNote(outcome), outcome.templateProblem, outcome.chartProblem, outcome.chartError].filter(Boolean).join('; ');
}

function describeNote(outcome: Omit<WriteOutcome, 'review'>): string {
  switch (outcome.status) {
    case 'created':
      return `created ${outcome.path}`;
    case 'updated':
      return outcome.backupPath ? `rewrote ${outcome.path} (your edited version is kept in ${outcome.backupPath})` : `updated ${outcome.path}`;
    case 'appended':
      return `added the generated review to your existing note ${outcome.path}`;
    case 'unchanged':
      return `${outcome.path} is up to date; not written`;
    case 'edited':
      return `not written: ${outcome.path}: ${outcome.reason}`;
  }
}
