import type { Period } from '../dates/periods';
import { periodContainsDay } from '../dates/periods';
import type { DailyNote, Journal } from '../journal';
import type { Block, NoteModel } from '../note/parseNote';
import type { WikiLink } from '../note/tokens';
import type { DaybookSettings } from '../settings';
import { stringList } from '../note/frontmatter';
import { basename, isInFolder } from '../vault';
import { inMeetingsFolder, meetingSeries, oneOnOneFolderPerson } from '../meetingFolders';

/**
 * A day is more than its daily note. Engineers log a 1:1 in the person's note
 * under a link to the day (`People/Ana.md`: `- [[2024-04-01]]` with the notes
 * of that 1:1 under it), and keep a note per meeting (`Meetings/2026-11-16 1-1
 * Ana.md`, or a note with `date: 2026-11-16`). Both are read with their day.
 *
 * Reading stays bounded: only the people folder, the people the period's days
 * link, and the meetings folder (plus notes named `YYYY-MM-DD … 1-1 …` anywhere)
 * are looked at; a meeting note outside the period is never parsed.
 */
export interface DayExtra extends DailyNote {
  /** `meeting`: a whole meeting note; `filed`: what a note files under a link to the day. */
  kind: 'meeting' | 'filed';
  /** The meeting's name without its date, or the host note's name. */
  title: string;
  /** The meeting's attendees, from its `attendees:` (or `people:`) property. */
  people?: string[];
}

// Syncthing's copy of a note in conflict (`2023_03_20.sync-conflict-20230320-201611-TNRWM2K.md`) names no sync meeting.
const MEETING_WORDS = /(?:^|[^\p{L}\p{N}])(?:1-1|1:1|1on1|one[- ]on[- ]one|meet|meeting|meetings|sync(?!-conflict-)|standup|stand-up|retro|retrospective|interview|check-?in|catch-?up|planning)(?![\p{L}\p{N}])/iu;

/** The day a note's name gives: `2026-11-16 1-1 Ana`, or in the daily format's order `meeting-tom-06-07-23`. */
export function dayInName(name: string, settings: DaybookSettings): string | null {
  const iso = /(?:^|\D)(\d{4})[-_.](\d{2})[-_.](\d{2})(?:\D|$)/.exec(name);
  if (iso) return valid(iso[1], iso[2], iso[3]);
  const short = /(?:^|\D)(\d{2})[-_.](\d{2})[-_.](\d{4}|\d{2})(?:\D|$)/.exec(name);
  if (!short) return null;
  const dayFirst = /^D/i.test(settings.dailyFormat.replace(/^[^DMY]*/i, ''));
  const year = short[3].length === 2 ? `20${short[3]}` : short[3];
  return dayFirst ? valid(year, short[2], short[1]) : valid(year, short[1], short[2]);
}

function valid(year: string, month: string, day: string): string | null {
  const m = Number(month);
  const d = Number(day);
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 ? `${year}-${month}-${day}` : null;
}

function dateProperty(value: unknown): string | null {
  const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : '';
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  return iso ? valid(iso[1], iso[2], iso[3]) : null;
}

/** A meeting's title: its name without the date and the separators around it. */
function meetingTitle(path: string): string {
  const name = basename(path)
    .replace(/(\d{4}[-_.]\d{2}[-_.]\d{2}|\d{2}[-_.]\d{2}[-_.]\d{2,4})/, ' ')
    .replace(/^[\s_–—-]+|[\s_–—-]+$/g, '')
    .trim();
  return name || 'Meeting';
}

/**
 * Every meeting note of the journal with its day, in listing order: in the
 * meetings folder (by name or `date:`), or named like one anywhere. Worked
 * out once per journal: a rebuild asks for hundreds of periods.
 */
function meetingDays(journal: Journal, dailyPaths: Set<string>): Promise<{ path: string; day: string }[]> {
  let known = meetingDayLists.get(journal);
  if (!known) {
    known = findMeetingDays(journal, dailyPaths);
    meetingDayLists.set(journal, known);
  }
  return known;
}

const meetingDayLists = new WeakMap<Journal, Promise<{ path: string; day: string }[]>>();

/**
 * Whether a note may be a meeting note, by its folder or its name, before any
 * `date:` is read (daily notes aside): the CLI's memo keys reviews by these.
 */
export function mayBeMeetingNote(path: string, settings: DaybookSettings): boolean {
  return meetingNoteSigns(path, settings) !== null;
}

/**
 * What makes a note a meeting note before its `date:` is read, or null for a note that is none
 * (most of a vault): whether it sits in a folder of meetings, and the day its name gives.
 */
function meetingNoteSigns(path: string, settings: DaybookSettings): { inFolder: boolean; named: string | null } | null {
  if (settings.reviewsFolder !== '' && isInFolder(path, settings.reviewsFolder)) return null;
  const inFolder = inMeetingsFolder(path, settings);
  const name = basename(path);
  const named = dayInName(name, settings);
  return inFolder || (named !== null && MEETING_WORDS.test(name)) ? { inFolder, named } : null;
}

async function findMeetingDays(journal: Journal, dailyPaths: Set<string>): Promise<{ path: string; day: string }[]> {
  const { settings } = journal;
  const found: { path: string; day: string }[] = [];
  for (const file of journal.files) {
    const { path } = file;
    if (dailyPaths.has(path)) continue;
    const signs = meetingNoteSigns(path, settings);
    if (signs === null) continue;
    const { inFolder, named } = signs;
    // In a folder of meetings, or named with a meeting word: the day in its name is its day.
    if (named !== null) found.push({ path, day: named });
    else if (inFolder) {
      // Only the frontmatter, which the CLI caches: a meeting folder of a thousand notes costs a thousand small reads once.
      try {
        const day = dateProperty((await journal.source.frontmatter(path)).data.date);
        if (day !== null) found.push({ path, day });
      } catch {
        // An unreadable note is reported where it is linked; it is no meeting here.
      }
    }
  }
  return found;
}

/** The meeting notes of the period (see meetingDays). `dailyPaths`: the journal's daily notes, the same for every period. */
export function meetingNotes(journal: Journal, period: Period, dailyPaths: Set<string>): Promise<DayExtra[]> {
  return meetingNotesOn(journal, dailyPaths, (day) => periodContainsDay(period, day));
}

/** The meeting notes of the days before `day`: whom they meet is met by a later period too, as whom earlier daily notes meet. */
export function meetingNotesBefore(journal: Journal, day: string, dailyPaths: Set<string>): Promise<DayExtra[]> {
  return meetingNotesOn(journal, dailyPaths, (on) => on < day);
}

async function meetingNotesOn(journal: Journal, dailyPaths: Set<string>, onDay: (day: string) => boolean): Promise<DayExtra[]> {
  if (!journal.settings.meetingNotes) return [];
  const { settings } = journal;
  const found = (await meetingDays(journal, dailyPaths)).filter(({ day }) => onDay(day));
  const notes = await Promise.all(found.map(async ({ path, day }) => ({ path, day, note: await journal.otherNote(path) })));
  return notes
    .filter((n): n is { path: string; day: string; note: NoteModel } => n.note !== null)
    .map((n) => {
      // A note's own title (`# Meeting with Barbs on bsk-els`) says more than its file name.
      const heading = n.note.blocks.find((b) => b.kind === 'heading' && b.level === 1);
      let title = heading && heading.text.trim() !== '' && dayInName(heading.text, settings) === null ? heading.text.trim() : meetingTitle(n.path);
      // A note named only by its date is of the series its folders name (`Meetings/AI/2026-08-05.md`: "AI"), else
      // (`Meetings/2025-05-16.md`) told by its first line.
      if (title === 'Meeting') title = meetingSeries(n.path, settings) ?? n.note.blocks.find((b) => b.kind !== 'heading' && b.text.trim().length > 3 && !/^\s*\[!/.test(b.text))?.text.trim() ?? title;
      const listed = stringList(n.note.frontmatter.attendees ?? n.note.frontmatter.people ?? n.note.frontmatter.participants).map((p) => p.replace(/^\[\[|\]\]$/g, '').split('|')[0].trim());
      const folderPerson = oneOnOneFolderPerson(n.path);
      const people = listed.length === 0 && folderPerson !== null ? [folderPerson] : listed;
      return { ...n, kind: 'meeting' as const, title, ...(people.length ? { people } : {}) };
    });
}

/**
 * Whether a note's raw text may file anything under a day (`filedUnderDays`):
 * that takes a block starting with a wikilink, so `[[` in the text, or text
 * the parser decodes into one (an entity, an escape) or a markdown link.
 */
export function mayFileUnderDays(raw: string): boolean {
  return raw.includes('[[') || raw.includes('](') || raw.includes('&') || raw.includes('\\') || raw.includes('((');
}

/** Per journal, each possible host's model, or null when its raw text can file nothing under a day. */
const hostNotes = new WeakMap<Journal, Map<string, Promise<NoteModel | null>>>();

/**
 * A note that may file something under a day (`filedUnderDays`): its model, or
 * null when its text holds no link (read, not parsed). Read once per journal: a
 * rebuild asks the same thousand people's notes again for each of its hundreds of
 * periods, and reading them each time was a sixth of its time.
 */
export function hostNote(journal: Journal, path: string): Promise<NoteModel | null> {
  let known = hostNotes.get(journal);
  if (!known) hostNotes.set(journal, (known = new Map<string, Promise<NoteModel | null>>()));
  let pending = known.get(path);
  if (!pending) {
    pending = journal.source.read(path).then(
      (raw) => (mayFileUnderDays(raw) ? journal.otherNote(path) : null),
      () => journal.otherNote(path),
    );
    known.set(path, pending);
  }
  return pending;
}

/** Per journal, the notes of the people folder: the listing is the same for every period of a rebuild. */
const peopleFolderNotes = new WeakMap<Journal, string[]>();

/** The notes in the people folder (none without one), worked out once per journal. */
export function notesInPeopleFolder(journal: Journal): string[] {
  let known = peopleFolderNotes.get(journal);
  if (!known) {
    const folder = journal.settings.peopleFolder;
    known = folder ? journal.files.filter((file) => isInFolder(file.path, folder)).map((file) => file.path) : [];
    peopleFolderNotes.set(journal, known);
  }
  return known;
}

/**
 * What `note` files under links to days of the period: a block that starts
 * with a day link (`- [[2024-04-01]]`, `### [[2024-04-01]] 1:1`) and
 * everything nested under it. The day link itself is no mention.
 */
export function filedUnderDays(note: NoteModel, path: string, period: Period, dayOf: (link: WikiLink) => string | null): DayExtra[] {
  const out: DayExtra[] = [];
  const { blocks } = note;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    const lead = /^\s*(?:#{1,6}\s+)?\[\[([^\]|#]+)/.exec(block.quote);
    if (!lead) continue;
    const link = block.links.find((l) => l.target === lead[1].trim());
    const day = link ? dayOf(link) : null;
    if (day === null || !periodContainsDay(period, day)) continue;
    out.push({ day, path, note: { frontmatter: {}, problems: [], blocks: subtree(blocks, i, link) }, kind: 'filed', title: basename(path) });
    // What is nested under this day is this day's, not also a later one's.
    i = block.end - 1;
  }
  return out;
}

/** Blocks `index … end` as a note of their own, with the day link taken out of the first. */
function subtree(blocks: Block[], index: number, dayLink: WikiLink | undefined): Block[] {
  return blocks.slice(index, blocks[index].end).map((block, k) => ({
    ...block,
    parent: k === 0 ? -1 : block.parent - index,
    end: block.end - index,
    links: k === 0 ? block.links.filter((l) => l !== dayLink) : block.links,
  }));
}
