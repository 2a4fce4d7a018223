import type { DailyNote, Journal } from '../journal';
import { foldName } from '../links/targets';
import type { HistoryFacts } from './buildReview';
import { sameText } from './renderSections';
import type { ReviewIncident } from './types';

/** A day something was mentioned on: its note and how many blocks of it. */
export interface TrackDay {
  date: string;
  path: string;
  count: number;
}

/** A person, topic or project across the whole journal, oldest day first. */
export interface Track {
  name: string;
  path: string | null;
  link?: string;
  /** Whether the review writes it as a link (a project may be plain text). */
  linked: boolean;
  /** A linked project: the key of the page its name links, so What changed can tell a person met under *Projects*. */
  target?: string;
  days: TrackDay[];
}

export interface TaskEvent {
  date: string;
  path: string;
  line: number;
  text: string;
  status: 'open' | 'done' | 'cancelled';
  /** A done task's `✅ date`: before it the task was open. */
  doneDate?: string;
}

/** A task's state as it stood on `end`: one done after it was still open then. */
export function statusOn(event: TaskEvent, end: string): TaskEvent['status'] {
  return event.doneDate !== undefined && event.doneDate > end ? 'open' : event.status;
}

/**
 * The journal as a timeline: what every daily note mentioned, in day order.
 * Built once per journal from the notes' digests (each note digested once per
 * run, shared with the reviews), so comparing a period with earlier ones reads
 * nothing a review has not read already.
 */
export interface History {
  /** Every day with a readable daily note, oldest first. */
  days: { date: string; path: string; mood: Record<string, number> }[];
  people: Map<string, Track>;
  topics: Map<string, Track>;
  projects: Map<string, Track>;
  /**
   * Other links, and the links naming a project: a review takes whom it meets among
   * them for people (a colleague with no note, met one to one), and What changed
   * says those as people, from every mention.
   */
  others: Map<string, Track>;
  /** One entry per task text (the same task carried from day to day is one), its writings oldest first. */
  tasks: Map<string, TaskEvent[]>;
  /** Every incident, oldest first. */
  incidents: ReviewIncident[];
}

/** What the history reads of each of these notes, in their order. */
export type Digester = (journal: Journal, notes: DailyNote[]) => Promise<HistoryFacts[]>;

interface Growing {
  history: History;
  /** The last day the history covers: it holds every daily note up to it. */
  through: string;
  /** One extension at a time, so two reviews built at once never add a note twice. */
  pending: Promise<void>;
}

const histories = new WeakMap<Journal, Growing>();

/** Journals whose reviews read the whole history: a rebuild asks every period, and grows it once for all. */
const whole = new WeakSet<Journal>();

/** Makes every review of this journal compare from the whole history, digested once (a rebuild, the incident index). */
export function readWholeHistory(journal: Journal): void {
  whole.add(journal);
}

/** Whether reviews of this journal read the whole history: asked for, or already grown to `end`. */
export function readsWholeHistory(journal: Journal, end: string): boolean {
  return whole.has(journal) || (histories.get(journal)?.through ?? '') >= end;
}

export function emptyHistory(): History {
  return { days: [], people: new Map(), topics: new Map(), projects: new Map(), others: new Map(), tasks: new Map(), incidents: [] };
}

/**
 * The journal's history up to `end` (and perhaps beyond), digesting only notes
 * it has not seen yet: a review depends on no note after its period.
 */
export async function journalHistory(journal: Journal, end: string, digestNotes: Digester): Promise<History> {
  let growing = histories.get(journal);
  if (!growing) {
    growing = { history: emptyHistory(), through: '', pending: Promise.resolve() };
    histories.set(journal, growing);
  }
  const state = growing;
  state.pending = state.pending.then(async () => {
    if (end <= state.through) return;
    const files = journal.dailyNotes.filter((n) => n.day > state.through && n.day <= end);
    await journal.load(files);
    const notes = files
      .map((file) => journal.parsedNote(file.path))
      .filter((n): n is DailyNote => n !== null)
      .sort((a, b) => a.day.localeCompare(b.day));
    addNotes(state.history, notes, await digestNotes(journal, notes));
    state.through = end;
  });
  await state.pending;
  return state.history;
}

/** The daily notes that come before `day`, as the history of a period starting then depends on them. */
export function notesBefore(journal: Journal, day: string): string[] {
  return journal.dailyNotes.filter((n) => n.day < day).map((n) => n.path);
}

function addDay(track: Track, date: string, path: string): void {
  const last = track.days[track.days.length - 1];
  if (last && last.date === date) last.count++;
  else track.days.push({ date, path, count: 1 });
}

/** Adds notes later than any the history holds, in day order, so every list stays oldest first. */
export function addNotes(history: History, notes: DailyNote[], digests: HistoryFacts[]): void {
  notes.forEach((daily, i) => {
    const facts = digests[i];
    history.days.push({ date: daily.day, path: daily.path, mood: facts.mood });
    const mention = (tracks: Map<string, Track>, target: HistoryFacts['mentions'][number]['target']) => {
      let track = tracks.get(target.key);
      if (!track) {
        track = { name: target.name, path: target.path, ...(target.link ? { link: target.link } : {}), linked: true, days: [] };
        tracks.set(target.key, track);
      }
      addDay(track, daily.day, daily.path);
    };
    for (const { kind, target } of facts.mentions) mention(kind === 'person' ? history.people : kind === 'topic' ? history.topics : history.others, target);
    for (const { target } of facts.projectMentions) mention(history.others, target);
    const projectsToday = new Set<string>();
    for (const project of facts.projects) {
      const key = foldName(project.name);
      if (projectsToday.has(key)) continue;
      projectsToday.add(key);
      let track = history.projects.get(key);
      if (!track) {
        track = projectTrack(project, facts);
        history.projects.set(key, track);
      }
      addDay(track, daily.day, daily.path);
    }
    for (const task of facts.tasks) {
      const key = sameText(task.text);
      if (key === '') continue;
      const events = history.tasks.get(key) ?? [];
      events.push({ date: task.date, path: task.path, line: task.line, text: task.text, status: task.status, ...(task.doneDate ? { doneDate: task.doneDate } : {}) });
      history.tasks.set(key, events);
    }
    history.incidents.push(...facts.incidents);
  });
}

/** A project's track, before its days: a linked one knows the page its name links (the link named on its line). */
export function projectTrack(project: HistoryFacts['projects'][number], facts: HistoryFacts): Track {
  const named = project.linked ? facts.projectMentions.find((m) => m.line === project.line && m.mention.path === project.path) : undefined;
  return { name: project.name, path: null, linked: project.linked, ...(named ? { target: named.target.key } : {}), days: [] };
}
