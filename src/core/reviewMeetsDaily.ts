import { dayOfDailyNote } from './dailyNotes';
import { addDay, type Period, type PeriodKind, periodsOfDays } from './dates/periods';
import { reviewNotePath } from './reviewNotes';
import type { DaybookSettings } from './settings';

/** Every week, month, quarter and year of 2025–2027: the formats repeat, so these show what any year does. */
function probePeriods(): Period[] {
  const days: string[] = [];
  // Every seventh day: each week holds exactly one of them, each month, quarter and year several, so no period is missed.
  for (let day = '2025-01-01'; day < '2028-01-01'; day = addDay(day, 7)) days.push(day);
  return periodsOfDays(days);
}

let probes: Period[] | null = null;

/**
 * Whether a review note would be a daily note: written into one (the weekly
 * review appended to Monday's note), or read back as one. Settings under which
 * the two can meet are refused; null when they cannot.
 */
export function reviewMeetsDaily(settings: DaybookSettings): { kind: PeriodKind; text: string } | null {
  probes ??= probePeriods();
  for (const period of probes) {
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
