import { formatDate, parseDate } from './dates/dateFormatter';
import { dateToDay, type Period, type PeriodKind, periodContaining } from './dates/periods';
import type { Journal } from './journal';
import { reviewNotePath } from './reviewNotes';
import { heatmapPath, isDaybookHeatmap } from './review/heatmap';
import { incidentIndexPath } from './review/incidentIndex';
import { isOnlyGeneratedRegion } from './review/managedRegion';
import { isDaybookChart, moodChartPath } from './review/moodChart';
import type { ReviewStore } from './reviewWriter';
import { periodsWithNotes } from './reviewWriter';
import type { SliderSetting } from './settings';
import { isInFolder } from './vault';

const KINDS: PeriodKind[] = ['week', 'month', 'quarter', 'year'];

const lengths = new Map<string, number | null>();

/** A cheap check before parsing: a format whose names all have one length (`GGGG-[W]WW`: 8) rules out every other length. */
function mayName(name: string, format: string): boolean {
  let length = lengths.get(format);
  if (length === undefined) {
    const a = formatDate(new Date(2000, 0, 3, 12), format);
    const b = formatDate(new Date(2026, 11, 31, 12), format);
    length = a.length === b.length ? a.length : null;
    lengths.set(format, length);
  }
  return length === null || name.length === length;
}

/**
 * Review notes a rebuild from first principles would not write: at the
 * review path of a period no daily note falls in any more (its only note
 * deleted or renamed), or, in the reviews folder, named by a format the
 * settings no longer use (`period` null). Nothing is read to find them.
 * `periods`: the periods that have daily notes, when the caller has them.
 */
export function staleReviewNotes(journal: Journal, periods: Period[] = periodsWithNotes(journal)): { period: Period | null; path: string }[] {
  const { settings } = journal;
  // The incident index sits beside the reviews and is written by the same rebuild: never stale.
  const current = new Set([...periods.map((period) => reviewNotePath(period, settings)), incidentIndexPath(settings)]);
  const daily = new Set(journal.dailyNotes.map((note) => note.path));
  const stale: { period: Period | null; path: string }[] = [];
  for (const { path } of journal.files) {
    if (current.has(path) || daily.has(path) || !isInFolder(path, settings.reviewsFolder)) continue;
    const name = path.slice(settings.reviewsFolder ? settings.reviewsFolder.length + 1 : 0, -'.md'.length);
    const period = periodNamed(name, path, journal);
    // In a folder of its own, any other note may be a review under an old format: removeStaleReview reads it to tell.
    if (period || settings.reviewsFolder !== '') stale.push({ period, path });
  }
  return stale;
}

/** The period whose review note `path` is under the current formats, if any. */
function periodNamed(name: string, path: string, journal: Journal): Period | null {
  const { settings } = journal;
  for (const kind of KINDS) {
    if (!mayName(name, settings.reviewFormats[kind])) continue;
    const date = parseDate(name, settings.reviewFormats[kind]);
    if (date === null) continue;
    const period = periodContaining(kind, dateToDay(date));
    // Only a name that is the review path of its period: a note merely named like a date is the user's.
    if (reviewNotePath(period, settings) === path) return period;
  }
  return null;
}

/**
 * Removes a stale review note and its chart when nothing in them is the
 * user's (the note is Daybook's unedited region alone, the chart Daybook's).
 * A note holding the user's text is kept.
 */
export async function removeStaleReview(store: ReviewStore, path: string, sliders: SliderSetting[] = []): Promise<'removed' | 'kept' | 'not a review'> {
  const text = await store.readIfExists(path);
  // A note without Daybook's region is only named like a review: none of Daybook's business.
  if (text === null || !(text.includes('%% daybook:begin') || text.includes('[//]: # (daybook:begin'))) return 'not a review';
  if (!isOnlyGeneratedRegion(text) || !(await store.removeIfUnchanged(path, text))) return 'kept';
  // Its mood chart and heatmaps go with it, each only while it is still Daybook's.
  const charts: [string, (text: string) => boolean][] = [[moodChartPath(path), isDaybookChart], ...sliders.map((slider): [string, (text: string) => boolean] => [heatmapPath(path, slider), isDaybookHeatmap])];
  for (const [chartPath, isDaybooks] of charts) {
    const chart = await store.readIfExists(chartPath);
    if (chart !== null && isDaybooks(chart)) await store.removeIfUnchanged(chartPath, chart);
  }
  return 'removed';
}

/**
 * Of the pictures in the reviews folder (`pictures`, which the vault's
 * listing of notes leaves out), the mood charts and heatmaps that belong to no review:
 * not the picture of a review the rebuild writes, nor of a note still there
 * (a stale one goes with its pictures, a kept one keeps them). A review note
 * deleted by hand leaves its pictures; after the names change they would
 * stay for good, where a rebuild from first principles writes none.
 */
export function orphanedPictures(journal: Journal, pictures: string[], periods: Period[] = periodsWithNotes(journal)): string[] {
  const { settings } = journal;
  const owned = new Set<string>();
  for (const path of [...periods.map((period) => reviewNotePath(period, settings)), ...journal.files.filter((file) => isInFolder(file.path, settings.reviewsFolder)).map((file) => file.path)]) {
    owned.add(moodChartPath(path));
    for (const slider of settings.sliders) owned.add(heatmapPath(path, slider));
  }
  // Only names Daybook gives its pictures: any other picture is the user's and is not even read.
  return pictures.filter((path) => /(?: mood| heatmap)\.svg$/.test(path) && !owned.has(path));
}

/** Removes a picture `orphanedPictures` found, only while it is Daybook's own. */
export async function removeOrphanedPicture(store: ReviewStore, path: string): Promise<boolean> {
  const text = await store.readIfExists(path);
  if (text === null || !(isDaybookChart(text) || isDaybookHeatmap(text))) return false;
  return store.removeIfUnchanged(path, text);
}
