import { type DailyNoteFile } from './dailyNotes';
import { calendarDate } from './dates/periods';
import { formatMoment, parseMoment, shapeOf, skeleton } from './dates/momentFormat';
import { formatDate } from './dates/dateFormatter';
import type { DaybookSettings } from './settings';
import { basename, isInFolder, pathBelow, type VaultFile, type Warning } from './vault';
import { escapeRegExp } from './text';
import { meetingNotDailyNote } from './meetingFolders';

/** Formats daily notes are often named in; a note named in one of them, not in the current one, was likely named before the format changed. */
const OTHER_FORMATS = ['YYYY-MM-DD', 'YYYYMMDD', 'YYYY_MM_DD', 'YYYY.MM.DD', 'DD-MM-YYYY', 'DD.MM.YYYY', 'MM-DD-YYYY', 'YYYY-MM-DD ddd', 'YYYY-MM-DD dddd', 'MMMM D, YYYY', 'MMM Do, YYYY'];

/** The shape every name of an all-numeric format has (`YYYY-MM-DD` → 4 digits, dash, …), or null when names vary in shape. */
function numericShape(format: string): RegExp | null {
  const shape = (day: Date) => escapeRegExp(formatDate(day, format)).replace(/\d/g, '\\d');
  const a = shape(calendarDate(2000, 1, 1));
  return a === shape(calendarDate(2026, 12, 31)) && /\\d/.test(a) ? new RegExp(`^${a}$`) : null;
}

/**
 * Notes that look like daily notes but are not read as any: named for a day
 * that does not exist (`2026-02-30`), or in another format that is not read
 * as one (formats that read the name as two days; in a Logseq graph, one
 * Logseq does not take). And a daily folder that holds no note at all. Each
 * is said, never passed over in silence.
 */
export function unreadDailyNotes(files: VaultFile[], settings: DaybookSettings, read: DailyNoteFile[], alreadySaid: ReadonlySet<string>): Warning[] {
  const warnings: Warning[] = [];
  const folder = settings.dailyFolder;
  const inFolder = files.filter((f) => f.path.endsWith('.md') && isInFolder(f.path, folder));
  if (folder !== '' && inFolder.length === 0) {
    warnings.push({ path: folder, message: `the daily notes folder "${folder}" does not exist or holds no notes (setting dailyFolder); no daily notes are read` });
    return warnings;
  }
  const isRead = new Set(read.map((n) => n.path));
  const shape = settings.dailyFormat.includes('/') ? null : numericShape(settings.dailyFormat);
  for (const file of inFolder) {
    // A note in a meetings folder is read as a meeting, whatever its name (meetingNotDailyNote).
    if (isRead.has(file.path) || alreadySaid.has(file.path) || meetingNotDailyNote(file.path, settings)) continue;
    const name = basename(file.path);
    if (!/\d\d/.test(name)) continue;
    if (shape?.test(name)) {
      warnings.push({ path: file.path, message: `named like a daily note (format "${settings.dailyFormat}") but for a day that does not exist; not read` });
      continue;
    }
    const misfiled = misfiledDay(file.path, settings);
    if (misfiled !== null) {
      warnings.push({ path: file.path, message: `named like the daily note of ${misfiled} but not in the folder the daily format "${settings.dailyFormat}" files it in; not read` });
      continue;
    }
    const readings = otherReadings(name, settings);
    if (readings.size === 0) continue;
    const formats = [...readings.keys()].map((f) => `"${f}"`);
    const message =
      new Set(readings.values()).size > 1
        ? `named like a daily note in the formats ${formats.join(' and ')}, which read it as different days, not in the daily format "${settings.dailyFormat}"; not read (rename it in the daily format)`
        : `named like a daily note in the format ${formats.join(' or ')}, not the daily format "${settings.dailyFormat}"; not read (rename it in the daily format)`;
    warnings.push({ path: file.path, message });
  }
  return warnings;
}

/**
 * The day a note in a subfolder of the daily folder is named for in the name part of a
 * daily format with folders (`2026-11-18` in `Daily/2025/November/` under
 * `YYYY/MMMM/YYYY-MM-DD`), or null: such a note that the format did not read sits in a
 * folder that disagrees with its name, a note of today's format filed wrong, not one
 * named before the format changed (those lie flat in the daily folder).
 */
export function misfiledDay(path: string, settings: DaybookSettings): string | null {
  const slash = settings.dailyFormat.lastIndexOf('/');
  if (slash === -1 || !pathBelow(path, settings.dailyFolder).includes('/')) return null;
  const format = settings.dailyFormat.slice(slash + 1);
  const name = basename(path);
  const date = parseMoment(name, format);
  return date !== null && formatMoment(date, format) === name ? formatMoment(date, 'YYYY-MM-DD') : null;
}

/** The day (`YYYY-MM-DD`) each of the other formats reads `name` as, for those it is strictly a name of. */
function otherReadings(name: string, settings: DaybookSettings): Map<string, string> {
  const days = new Map<string, string>();
  // Every one of the formats starts with a number or ends with the year: most names are neither, and parsing eleven formats is not free.
  if (!/^\d|\d{4}$/.test(name)) return days;
  // Nor do most names that are have the skeleton of any (`Unrelated 1234`: `a 0`).
  const shape = skeleton(name);
  for (const format of OTHER_FORMATS) {
    if (format === settings.dailyFormat) continue;
    const formatShape = shapeOf(format);
    if (formatShape !== null && formatShape !== shape) continue;
    const date = parseMoment(name, format);
    if (date !== null && formatMoment(date, format) === name) days.set(format, formatMoment(date, 'YYYY-MM-DD'));
  }
  return days;
}

/**
 * The formats earlier daily notes of the daily folder are named in, when the daily format
 * changed and the old notes kept their names (`2023-03-06` beside `20-05-2025` under
 * `DD-MM-YYYY`): those notes are the journal too, and a review of their year that read none
 * of them would show an empty year. A format counts when a name is in it and in no other
 * format for another day; formats that would read some name as two different days are taken
 * in order of how many names only they explain, and one that disagrees with a format taken
 * before is left out (its notes stay warnings).
 */
export function earlierDailyFormats(unmatched: VaultFile[], settings: DaybookSettings): string[] {
  const sure = new Map<string, number>();
  const readings: Map<string, string>[] = [];
  for (const file of unmatched) {
    if (!file.path.endsWith('.md') || !isInFolder(file.path, settings.dailyFolder)) continue;
    const name = basename(file.path);
    if (!/\d\d/.test(name) || misfiledDay(file.path, settings) !== null) continue;
    const days = otherReadings(name, settings);
    if (days.size === 0) continue;
    readings.push(days);
    if (new Set(days.values()).size === 1) for (const format of days.keys()) sure.set(format, (sure.get(format) ?? 0) + 1);
  }
  const taken: string[] = [];
  for (const [format] of [...sure].sort((a, b) => b[1] - a[1] || OTHER_FORMATS.indexOf(a[0]) - OTHER_FORMATS.indexOf(b[0]))) {
    const disagrees = readings.some((days) => days.has(format) && taken.some((other) => days.has(other) && days.get(other) !== days.get(format)));
    if (!disagrees) taken.push(format);
  }
  return taken;
}
