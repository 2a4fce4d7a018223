import { dayOfDailyNote } from './dailyNotes';
import { addDay, type Period, type PeriodKind, PERIOD_KINDS, periodsOfDays } from './dates/periods';
import { periodicNoteOf, reviewNotePath } from './reviewNotes';
import type { DaybookSettings } from './settings';
import { isAsciiUpTo, joinPath } from './vault';

/** Every week, month, quarter and year of 2025–2027: the formats repeat, so these show what any year does. */
function probePeriods(): Period[] {
  const days: string[] = [];
  // Every seventh day: each week holds exactly one of them, each month, quarter and year several, so no period is missed.
  for (let day = '2025-01-01'; day < '2028-01-01'; day = addDay(day, 7)) days.push(day);
  return periodsOfDays(days);
}

let probes: Period[] | null = null;

/**
 * Whether no note under `folder` (as reviewNotePath joins it) can be in the
 * daily folder: both named, neither inside the other nor the same. Only for
 * ASCII names, which isInFolder compares as they are; the probes are most of
 * what reading the settings costs (207 review paths formatted and parsed).
 */
function apart(folder: string, daily: string): boolean {
  if (folder === '' || daily === '' || !isAsciiUpTo(folder, folder.length) || !isAsciiUpTo(daily, daily.length)) return false;
  return folder !== daily && !folder.startsWith(`${daily}/`) && !daily.startsWith(`${folder}/`);
}

/**
 * Whether a review note would be a daily note: written into one (the weekly
 * review appended to Monday's note), or read back as one. Settings under which
 * the two can meet are refused; null when they cannot.
 */
export function reviewMeetsDaily(settings: DaybookSettings): { kind: PeriodKind; text: string } | null {
  const kinds = PERIOD_KINDS.filter((kind) => !apart(joinPath(periodicNoteOf(kind, settings)?.folder ?? settings.reviewsFolder), settings.dailyFolder));
  if (kinds.length === 0) return null;
  probes ??= probePeriods();
  for (const period of probes) {
    if (!kinds.includes(period.kind)) continue;
    const path = reviewNotePath(period, settings);
    const day = dayOfDailyNote(path, settings);
    if (day !== null) return { kind: period.kind, text: `the ${period.kind} review of ${period.id} would be ${path}, which is also the daily note of ${day} (daily notes: folder "${settings.dailyFolder}", format "${settings.dailyFormat}")` };
  }
  return null;
}

/** Why a review note must not be written at `path`: it is a daily note's path. Checked at every write, whatever year. */
export function dailyNoteAt(path: string, settings: DaybookSettings): string | null {
  const day = dayOfDailyNote(path, settings);
  return day === null ? null : `${path} is also the path of the daily note of ${day}; a review is never written into a daily note`;
}
