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
    // What the name alone would say first: most notes' names say nothing, and need no other look-up.
    const message = nameWarning(file.path, settings, shape);
    if (message === null) continue;
    // A note in a meetings folder is read as a meeting, whatever its name (meetingNotDailyNote).
    if (isRead.has(file.path) || alreadySaid.has(file.path) || meetingNotDailyNote(file.path, settings)) continue;
    warnings.push({ path: file.path, message });
  }
  return warnings;
}

/** What is said of a note in the daily folder, not read as a daily note, by its name (and folder) alone; null for most names. */
function nameWarning(path: string, settings: DaybookSettings, shape: RegExp | null): string | null {
  const name = basename(path);
  if (!/\d\d/.test(name)) return null;
  if (shape?.test(name)) return `named like a daily note (format "${settings.dailyFormat}") but for a day that does not exist; not read`;
  const misfiled = misfiledDay(path, settings);
  if (misfiled !== null) return `named like the daily note of ${misfiled} but not in the folder the daily format "${settings.dailyFormat}" files it in; not read`;
  const readings = otherReadings(name, settings);
  if (readings.size === 0) return null;
  const formats = [...readings.keys()].map((f) => `"${f}"`);
  return new Set(readings.values()).size > 1
    ? `named like a daily note in the formats ${formats.join(' and ')}, which read it as different days, not in the daily format "${settings.dailyFormat}"; not read (rename it in the daily format)`
    : `named like a daily note in the format ${formats.join(' or ')}, not the daily format "${settings.dailyFormat}"; not read (rename it in the daily format)`;
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

/** The other formats with the skeleton of their names (`shapeOf`; null: names of no one skeleton), worked out once. */
let otherShapes: { formats: [format: string, shape: string | null][]; shapes: Set<string>; allShaped: boolean } | null = null;

function shapesOfOthers(): NonNullable<typeof otherShapes> {
  if (otherShapes === null) {
    const formats = OTHER_FORMATS.map((format): [string, string | null] => [format, shapeOf(format)]);
    otherShapes = { formats, shapes: new Set(formats.flatMap(([, shape]) => (shape === null ? [] : [shape]))), allShaped: formats.every(([, shape]) => shape !== null) };
  }
  return otherShapes;
}

const NO_READINGS: ReadonlyMap<string, string> = new Map();

function isDigitAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 48 && code <= 57;
}

/** The day (`YYYY-MM-DD`) each of the other formats reads `name` as, for those it is strictly a name of. */
function otherReadings(name: string, settings: DaybookSettings): ReadonlyMap<string, string> {
  // Every one of the formats starts with a number or ends with the year: most names are neither, and parsing eleven formats is not free.
  const end = name.length;
  if (!isDigitAt(name, 0) && !(end >= 4 && isDigitAt(name, end - 1) && isDigitAt(name, end - 2) && isDigitAt(name, end - 3) && isDigitAt(name, end - 4))) return NO_READINGS;
  // Nor do most names that are have the skeleton of any (`Unrelated 1234`: `a 0`).
  const shape = skeleton(name);
  const { formats, shapes, allShaped } = shapesOfOthers();
  if (allShaped && !shapes.has(shape)) return NO_READINGS;
  const days = new Map<string, string>();
  for (const [format, formatShape] of formats) {
    if (format === settings.dailyFormat) continue;
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
  const readings: ReadonlyMap<string, string>[] = [];
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
