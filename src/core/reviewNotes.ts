import { dateFormatter, formatDate } from './dates/dateFormatter';
import { addDay, dateToDay, dayToDate, type Period, type PeriodKind, PERIOD_KINDS, periodContaining } from './dates/periods';
import type { PeriodicNote } from './periodicNotes';
import type { DaybookSettings } from './settings';
import { basename, isInFolder, joinPath } from './vault';

/** The user's own note for periods of `kind` (Periodic Notes, Journals), when they keep one. */
export function periodicNoteOf(kind: PeriodKind, settings: DaybookSettings): PeriodicNote | null {
  return settings.periodic?.[kind] ?? null;
}

/** Where the review of a period lives: the user's periodic note for it, else Daybook's reviews folder and format. */
export function reviewNotePath(period: Period, settings: DaybookSettings): string {
  const own = periodicNoteOf(period.kind, settings);
  const folder = own ? own.folder : settings.reviewsFolder;
  const format = own ? own.format : settings.reviewFormats[period.kind];
  return joinPath(folder, formatDate(dayToDate(period.start), format)) + '.md';
}

/** The period a review note is named for, or null: a note in the folder whose name (or path, for a format with folders) parses. */
export function periodOfReviewNote(path: string, settings: DaybookSettings): Period | null {
  if (!path.endsWith('.md')) return null;
  for (const kind of PERIOD_KINDS) {
    const own = periodicNoteOf(kind, settings);
    const folder = own ? own.folder : settings.reviewsFolder;
    const format = own ? own.format : settings.reviewFormats[kind];
    if (!isInFolder(path, folder)) continue;
    const relative = path.slice(folder ? folder.length + 1 : 0, -3);
    const name = format.includes('/') ? relative : basename(path);
    const date = dateFormatter().parse(name, format);
    if (!date) continue;
    // A locale week (`gggg-[W]ww`) starts on its first day, which may lie in the ISO week before: try the days of that week.
    for (let shift = 0; shift < (kind === 'week' ? 7 : 1); shift++) {
      const period = periodContaining(kind, addDay(dateToDay(date), shift));
      // The name must be the one this period's note has: a day's name parsed by a week format is not a weekly note.
      if (reviewNotePath(period, settings) === path) return period;
    }
  }
  return null;
}

/** Folders that hold only review notes (Daybook's own or the user's periodic notes), whose notes are no link targets' source of aliases. */
export function reviewFolders(settings: DaybookSettings): string[] {
  const folders = new Set<string>();
  if (settings.reviewsFolder !== '') folders.add(settings.reviewsFolder);
  for (const kind of PERIOD_KINDS) {
    const folder = settings.periodic?.[kind]?.folder;
    if (folder && folder !== settings.dailyFolder) folders.add(folder);
  }
  return [...folders];
}
