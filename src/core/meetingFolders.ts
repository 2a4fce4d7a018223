import type { DaybookSettings } from './settings';
import { isInFolder, pathBelow } from './vault';

/** A folder of meeting notes by its name, wherever it is: `Meetings/`, `meeting-notes/`, `Work/Meeting Notes/`, `1-1s/`. */
const MEETING_FOLDER = /(?:^|\/)(?:meetings?|meeting[ _-]notes|1-1s?|one[ _-]on[ _-]ones?)\//i;

/** A folder of 1:1s by its name: `1-1s/`, `1on1s/`, `One on ones/`. */
const ONE_ON_ONE_FOLDER = /^(?:1-1s?|1:1s?|1on1s?|one[ _-]on[ _-]ones?)$/i;

/** Whether a note sits in a folder of meeting notes: the meetings folder, or one named as one. */
export function inMeetingsFolder(path: string, settings: DaybookSettings): boolean {
  return (settings.meetingsFolder !== '' && isInFolder(path, settings.meetingsFolder)) || MEETING_FOLDER.test(path);
}

/**
 * Whether a note named by a date is a meeting note rather than a daily note:
 * it sits in a folder of meetings below the daily folder. With daily notes at
 * the vault's root (the default), `Meetings/AI/2026-08-05.md` and
 * `1-1s/Ana/2026-08-13.md` are otherwise named as daily notes filed away; a
 * daily folder that itself lies in a meetings folder keeps its daily notes.
 */
export function meetingNotDailyNote(path: string, settings: DaybookSettings): boolean {
  if (!settings.meetingNotes) return false;
  const below = pathBelow(path, settings.dailyFolder);
  const meetings = settings.meetingsFolder;
  if (meetings !== '' && isInFolder(path, meetings) && !(settings.dailyFolder === meetings || isInFolder(settings.dailyFolder, meetings))) return true;
  return MEETING_FOLDER.test(below);
}

/** Whom a 1:1 note filed in a folder per person is with: `1-1s/Ana/2026-08-13.md` is a 1:1 with Ana. */
export function oneOnOneFolderPerson(path: string): string | null {
  const parts = path.split('/');
  return parts.length >= 3 && ONE_ON_ONE_FOLDER.test(parts[parts.length - 3]) ? parts[parts.length - 2] : null;
}

/**
 * The series a meeting note named only by its date belongs to, by the folders it is filed
 * in below the meetings folder: `Meetings/AI/1-1s/2026-08-05.md` is "AI 1-1s", and a 1:1
 * in a folder per person (`1-1s/Ana/2026-08-13.md`) "1:1 with Ana". Null directly in the
 * meetings folder, where only the note itself can say what it was.
 */
export function meetingSeries(path: string, settings: DaybookSettings): string | null {
  const person = oneOnOneFolderPerson(path);
  if (person !== null) return `1:1 with ${person}`;
  const folder = path.slice(0, path.lastIndexOf('/') + 1);
  let below: string | null = null;
  if (settings.meetingsFolder !== '' && isInFolder(path, settings.meetingsFolder)) below = pathBelow(folder, settings.meetingsFolder);
  else {
    const match = MEETING_FOLDER.exec(folder);
    if (match) below = folder.slice(match.index + match[0].length);
  }
  const names = (below ?? '').split('/').filter((name) => name !== '');
  return names.length > 0 ? names.join(' ') : null;
}
