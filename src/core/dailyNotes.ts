import type { Warning } from './vault';
import { calendarDate, dateToDay, dayToDate } from './dates/periods';
import { dateFnsFormatter, dateFormatter, type DateFormatter } from './dates/dateFormatter';
import { isNumericFormat } from './dates/momentFormat';
import type { DaybookSettings } from './settings';
import { isInFolder, joinPath, pathBelow, sameForm, type VaultFile } from './vault';
import { escapeRegExp } from './text';
import { earlierDailyFormats, misfiledDay } from './dailyNoteNames';
import { meetingNotDailyNote } from './meetingFolders';

export interface DailyNoteFile {
  day: string;
  path: string;
  file: VaultFile;
}

/** Where the daily note of `day` lives (the format may hold folders: `YYYY/MM/YYYY-MM-DD`). */
export function dailyNotePath(day: string, settings: DaybookSettings): string {
  return joinPath(settings.dailyFolder, dateFormatter().format(dayToDate(day), settings.dailyFormat)) + '.md';
}

/** The day a note is the daily note of, or null when its path does not match the format. */
export function dayOfDailyNote(path: string, settings: DaybookSettings): string | null {
  const day = dayByFormats(path, settings);
  // Asked only of notes named by a day: a meeting note filed in a meetings folder is no daily note.
  return day !== null && meetingNotDailyNote(path, settings) ? null : day;
}

function dayByFormats(path: string, settings: DaybookSettings): string | null {
  const day = dayInFormat(path, settings.dailyFormat, settings);
  if (day !== null || !settings.dailyFormatsAlso) return day;
  for (const format of settings.dailyFormatsAlso) {
    const also = dayInFormat(path, format, settings);
    if (also !== null) return also;
  }
  return null;
}

function dayInFormat(path: string, format: string, settings: DaybookSettings): string | null {
  if (!path.endsWith('.md') || !isInFolder(path, settings.dailyFolder)) return null;
  const relative = sameForm(pathBelow(path, settings.dailyFolder).slice(0, -3));
  // A format without folders matches the name in any subfolder, as users file old notes away.
  const name = format.includes('/') ? relative : relative.slice(relative.lastIndexOf('/') + 1);
  const dates = dateFormatter();
  // The date-fns parser rejects a name that does not fit an all-numeric format at once; others get the shape check.
  const quick = dates === dateFnsFormatter && isNumericFormat(format);
  if (!quick && !mayMatch(name, format, dates)) return null;
  const date = dates.parse(name, format);
  return date ? dateToDay(date) : null;
}

/** Per formatter, as the app's moment may name days in another language or digits. */
const shapes = new WeakMap<DateFormatter, Map<string, RegExp | null>>();

/** `2000-01-01` → /^\d\d\d\d-\d\d-\d\d$/: the shape every name of an all-numeric format has. */
function shapeOf(text: string): string {
  return escapeRegExp(text).replace(/\d/g, '\\d');
}

/**
 * A cheap check first: most vault notes are not daily notes, and parsing dates
 * is not free. When two far-apart dates format to the same shape (numeric
 * formats), a name must have that shape to be worth parsing.
 */
function mayMatch(name: string, format: string, dates: DateFormatter): boolean {
  let known = shapes.get(dates);
  if (!known) shapes.set(dates, (known = new Map<string, RegExp | null>()));
  let shape = known.get(format);
  if (shape === undefined) {
    const a = shapeOf(dates.format(calendarDate(2000, 1, 1), format));
    const b = shapeOf(dates.format(calendarDate(2026, 12, 31), format));
    shape = a === b ? new RegExp(`^${a}$`) : null;
    known.set(format, shape);
  }
  return shape === null || shape.test(name);
}

const nameLengths = new Map<DateFormatter, Map<string, number | null>>();

/** How long every name of `format` is, when that is fixed (`YYYY-MM-DD`: 10), else null. */
function fixedNameLength(format: string): number | null {
  const dates = dateFormatter();
  let known = nameLengths.get(dates);
  if (!known) nameLengths.set(dates, (known = new Map<string, number | null>()));
  let length = known.get(format);
  if (length === undefined) {
    const a = dates.format(calendarDate(2000, 1, 1), format);
    const b = dates.format(calendarDate(2026, 12, 31), format);
    length = a.length === b.length && !format.includes('/') ? a.length : null;
    known.set(format, length);
  }
  return length;
}

/**
 * The day of a note named like a daily note plus a suffix, as sync tools and
 * importers make them (`2026-11-01-0001`, `2026-11-01 (1)`, `2026-11-01.sync-conflict-…`):
 * not the daily note, but its text is the user's, so it must be reported, not passed over.
 */
function dayOfSuffixedNote(path: string, settings: DaybookSettings): string | null {
  const length = fixedNameLength(settings.dailyFormat);
  if (length === null || !path.endsWith('.md') || !isInFolder(path, settings.dailyFolder)) return null;
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1, -3);
  if (name.length <= length || !/[\s._(-]/.test(name[length])) return null;
  return dayOfDailyNote(`${path.slice(0, slash + 1)}${name.slice(0, length)}.md`, settings);
}

/**
 * The vault's daily notes, oldest first. Two notes for one day (two folders,
 * or a copy with a suffix): the first path wins, the others are reported.
 */
export function findDailyNotes(files: VaultFile[], settings: DaybookSettings): DailyNotesFound {
  let bySettings = found.get(files);
  if (!bySettings) found.set(files, (bySettings = new WeakMap()));
  let result = bySettings.get(settings);
  if (!result) bySettings.set(settings, (result = scanDailyNotes(files, settings)));
  return result;
}

/**
 * Takes what findDailyNotes would find in this listing under these settings
 * from elsewhere (the CLI keeps it between runs, keyed by the listing), so
 * every later findDailyNotes of the same listing answers with it.
 */
export function rememberDailyNotes(files: VaultFile[], settings: DaybookSettings, result: DailyNotesFound): void {
  let bySettings = found.get(files);
  if (!bySettings) found.set(files, (bySettings = new WeakMap()));
  bySettings.set(settings, result);
}

export interface DailyNotesFound {
  notes: DailyNoteFile[];
  duplicates: DailyNoteFile[];
  /** Formats the daily folder's older notes are named in, read as days too (`earlierDailyFormats`); absent when none. */
  earlierFormats?: string[];
  /**
   * What else follows from the listing and settings alone, from a finder that
   * keeps it with the daily notes (the CLI's index): the warnings `listingFacts`
   * gives and the notes aliases come from. Absent: worked out when asked.
   */
  facts?: ListingFacts;
}

/** What a journal works out from its listing and settings besides the daily notes, once per listing (see `listingFacts` in journal.ts). */
export interface ListingFacts {
  unread: Warning[];
  aliasCandidates: string[];
}

/** Worked out once per listing and settings: the journal and the alias catalog both ask, and a large vault's list is long. */
const found = new WeakMap<VaultFile[], WeakMap<DaybookSettings, DailyNotesFound>>();

function scanDailyNotes(files: VaultFile[], settings: DaybookSettings): DailyNotesFound {
  const byDay = new Map<string, DailyNoteFile>();
  const duplicates: DailyNoteFile[] = [];
  const unmatched: VaultFile[] = [];
  for (const file of files) {
    const day = dayOfDailyNote(file.path, settings);
    if (day === null) {
      const copyOf = dayOfSuffixedNote(file.path, settings);
      if (copyOf !== null) duplicates.push({ day: copyOf, path: file.path, file });
      else unmatched.push(file);
      continue;
    }
    const note = { day, path: file.path, file };
    const existing = byDay.get(day);
    if (!existing) byDay.set(day, note);
    else if (note.path < existing.path) {
      duplicates.push(existing);
      byDay.set(day, note);
    } else duplicates.push(note);
  }
  // A dialect that names the other names a journal may have (Logseq) has said all there is.
  const earlierFormats = settings.dailyFormatsAlso ? [] : earlierDailyFormats(unmatched, settings);
  if (earlierFormats.length > 0) {
    const earlier = { ...settings, dailyFormatsAlso: earlierFormats };
    for (const file of unmatched) {
      const day = misfiledDay(file.path, settings) === null ? dayOfDailyNote(file.path, earlier) : null;
      if (day === null) continue;
      // A note in the daily format keeps its day; one in an earlier format beside it is a second note of that day.
      if (byDay.has(day)) duplicates.push({ day, path: file.path, file });
      else byDay.set(day, { day, path: file.path, file });
    }
  }
  const notes = [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
  return earlierFormats.length > 0 ? { notes, duplicates, earlierFormats } : { notes, duplicates };
}

/**
 * The day a note is the daily note of as its journal reads it: by the daily format, else
 * (flat in the daily folder) by an earlier format the folder's older notes are named in.
 * `files` is asked only then: most notes are answered by their name alone.
 */
export function dayOfJournalNote(path: string, settings: DaybookSettings, files: () => VaultFile[]): string | null {
  const day = dayOfDailyNote(path, settings);
  if (day !== null || settings.dailyFormatsAlso || !path.endsWith('.md') || !isInFolder(path, settings.dailyFolder) || misfiledDay(path, settings) !== null) return day;
  const unmatched = files().filter((file) => isInFolder(file.path, settings.dailyFolder) && dayOfDailyNote(file.path, settings) === null);
  const formats = earlierDailyFormats(unmatched, settings);
  return formats.length > 0 ? dayOfDailyNote(path, { ...settings, dailyFormatsAlso: formats }) : null;
}

/**
 * The settings a journal reads its days by: the daily format, and the earlier
 * formats its daily folder's older notes are named in (`earlierDailyFormats`).
 */
export function settingsOfDays(settings: DaybookSettings, found: DailyNotesFound): DaybookSettings {
  return found.earlierFormats ? { ...settings, dailyFormatsAlso: found.earlierFormats } : settings;
}

/**
 * The note of `day` among `files`, wherever it sits under the daily folder: a
 * format without folders names the day's note the same in any subfolder
 * (`2026/11/2026-11-22.md`), so names are compared, not parsed, and a vault of
 * 20,000 notes is looked through in a few milliseconds. The exact path first;
 * else the first path in order, as findDailyNotes reads duplicates.
 */
export function findDailyNote<F extends VaultFile>(files: F[], day: string, settings: DaybookSettings): F | null {
  const path = dailyNotePath(day, settings);
  const name = '/' + path.slice(path.lastIndexOf('/') + 1);
  let found: F | null = null;
  for (const file of files) {
    if (file.path === path) return file;
    if (settings.dailyFormat.includes('/') || !('/' + file.path).endsWith(name) || !isInFolder(file.path, settings.dailyFolder) || meetingNotDailyNote(file.path, settings)) continue;
    if (found === null || file.path < found.path) found = file;
  }
  return found;
}
