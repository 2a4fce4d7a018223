import { type DailyNoteFile } from './dailyNotes';
import { calendarDate } from './dates/periods';
import { formatMoment, parseMoment } from './dates/momentFormat';
import { formatDate } from './dates/dateFormatter';
import type { DaybookSettings } from './settings';
import { basename, isInFolder, type VaultFile, type Warning } from './vault';
import { escapeRegExp } from './text';

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
 * that does not exist (`2026-02-30`), or in another format (the daily format
 * changed since). And a daily folder that holds no note at all. Each is said,
 * never passed over in silence.
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
    if (isRead.has(file.path) || alreadySaid.has(file.path)) continue;
    const name = basename(file.path);
    if (!/\d\d/.test(name)) continue;
    if (shape?.test(name)) {
      warnings.push({ path: file.path, message: `named like a daily note (format "${settings.dailyFormat}") but for a day that does not exist; not read` });
      continue;
    }
    const other = OTHER_FORMATS.find((format) => format !== settings.dailyFormat && parsesStrictly(name, format));
    if (other) warnings.push({ path: file.path, message: `named like a daily note in the format "${other}", not the daily format "${settings.dailyFormat}" (changed since?); not read` });
  }
  return warnings;
}

function parsesStrictly(name: string, format: string): boolean {
  const date = parseMoment(name, format);
  return date !== null && formatMoment(date, format) === name;
}
