import { type Period, periodContaining } from '../dates/periods';
import type { DailyNoteFile } from '../dailyNotes';
import type { DailyNote, Journal } from '../journal';
import { foldName } from '../links/targets';
import type { HistoryFacts } from './buildReview';
import { keysNeedingEarlier } from './changes';
import { addNotes, type Digester, emptyHistory, type History, journalHistory, projectTrack, readsWholeHistory, type TaskEvent, type Track } from './history';
import { EarlierMatcher } from './earlierMatches';
import { lastSegmentWords, type NoteText, wordsOf } from './noteWords';
import { sameText } from './renderSections';

/**
 * How many earlier notes are spelled ahead of the one the search looks at: a
 * speller on worker threads spells them while this thread digests, and each
 * waits, tens of kilobytes of words, until the search reaches it (all of a
 * year's at once put 80 MB on the peak). A speller on this thread spells none
 * ahead (`Journal.spellsAhead`): 512 held for nothing were ~40 MB of the
 * one-thread yearly review's peak on the bench vault.
 */
export const SPELLED_AHEAD = 512;

/**
 * How many of the period's and the baseline's notes, or of the earlier notes searched, are parsed and
 * counted at a time, the next as many parsing meanwhile: all of them at once held a year's models
 * beside the period's (56 against 33 MB live on the bench vault's yearly review), and the heap grows
 * to a multiple of what is live.
 */
const COUNTED_AT_ONCE = 64;

/** The timelines of a history a query can be about. */
type Timeline = 'people' | 'topics' | 'projects' | 'others' | 'tasks';

/** A key's first appearance in one note: where in the note (the history lists keys in that order) and what it was called there. */
interface Appearance {
  date: string;
  path: string;
  position: number;
  track?: Omit<Track, 'days'>;
  event?: TaskEvent;
}

/** Which keys of each timeline a parsed note holds, each at its first appearance in it. */
function appearances(daily: DailyNote, facts: HistoryFacts): Record<Timeline, Map<string, Appearance>> {
  const out = noAppearances();
  const at = (timeline: Timeline, key: string, position: number, more: Partial<Appearance>) => {
    if (!out[timeline].has(key)) out[timeline].set(key, { date: daily.day, path: daily.path, position, ...more });
  };
  const track = (target: HistoryFacts['mentions'][number]['target']) => ({ track: { name: target.name, path: target.path, ...(target.link ? { link: target.link } : {}), linked: true } });
  facts.mentions.forEach(({ kind, target }, i) => at(kind === 'person' ? 'people' : kind === 'topic' ? 'topics' : 'others', target.key, i, track(target)));
  // After the note's mentions, as the whole history adds them.
  facts.projectMentions.forEach(({ target }, i) => at('others', target.key, facts.mentions.length + i, track(target)));
  facts.projects.forEach((project, i) => {
    const { days: _days, ...kept } = projectTrack(project, facts);
    at('projects', foldName(project.name), i, { track: kept });
  });
  facts.tasks.forEach((task, i) => {
    const key = sameText(task.text);
    if (key !== '') at('tasks', key, i, { event: { date: task.date, path: task.path, line: task.line, text: task.text, status: task.status, ...(task.doneDate ? { doneDate: task.doneDate } : {}) } });
  });
  return out;
}

/** One key of the period or its baseline, searched for in the notes before the baseline. */
interface Query {
  timeline: Timeline;
  key: string;
  /** Each a list of words: a note can hold the key only if it has every word of one of them. */
  forms: string[][];
  /** Its last appearance is wanted too: none in the baseline says when it was last seen. */
  wantsLast: boolean;
  /** Indexes into the earlier notes that may hold it, oldest first. */
  candidates: number[];
  next: number;
  previous: number;
  first?: Appearance | null;
  last?: Appearance | null;
}

/** The word lists a link or tag that reaches this key must spell: by the note's names, or the name written. */
export function formsOf(journal: Journal, timeline: Timeline, key: string): string[][] {
  if (timeline === 'tasks' || timeline === 'projects') return [wordsOf(key)];
  if (key.startsWith('path:')) return journal.catalog.namesOf(key.slice(5)).map(lastSegmentWords);
  if (key.startsWith('name:')) return [lastSegmentWords(key.slice(5))];
  if (key.startsWith('tag:')) return [wordsOf(key.slice(4))];
  // A key of a shape not known here: every note may hold it.
  return [[]];
}

/**
 * The history What changed reads for one period, without digesting every
 * earlier note: the period and its baseline in full, and for each person,
 * topic, project and task of theirs only its first appearance ever and (when
 * the baseline lacks it) its last one before. Earlier notes are searched by
 * their raw words, parsed only when they may hold what is asked, newest or
 * oldest first, until the answer is certain. `changesOf` answers from it
 * exactly as from the whole history.
 */
export async function periodHistory(journal: Journal, period: Period, digestNotes: Digester, people: Set<string> = new Set()): Promise<History> {
  const dailies = [...journal.dailyNotes].sort((a, b) => a.day.localeCompare(b.day));
  const before = dailies.filter((n) => n.day < period.start);
  // The baseline is the period of the last earlier note that can be read.
  let baseline: Period | null = null;
  for (let i = before.length - 1; i >= 0 && baseline === null; i--) {
    const text = await readable(journal, before[i]);
    if (text === null) continue;
    baseline = periodContaining(period.kind, before[i].day);
  }
  const history = emptyHistory();
  const near = dailies.filter((n) => n.day <= period.end && (n.day >= period.start || (baseline !== null && n.day >= baseline.start)));
  // Counted in the history, the period's and the baseline's models are read no more by this review.
  await inFews(journal, near, digestNotes, (notes, digests) => addNotes(history, notes, digests));
  if (baseline === null) {
    journal.keepRawTexts(new Set());
    return history;
  }
  const start = baseline.start;

  // A topic or other link the review counts as a person (met one to one) is said as one: its first and last mentions
  // before are wanted in both timelines, as either may hold its earlier ones; a project naming such a person is none.
  const asPerson = (q: { timeline: string; key: string }) => (q.timeline === 'topics' && people.has(q.key)) || (q.timeline === 'projects' && people.has(history.projects.get(q.key)?.target ?? ''));
  const asked = keysNeedingEarlier(history, period, baseline).filter((q) => !asPerson(q));
  const found = [...asked, ...[...people].flatMap((key) => (['topics', 'others'] as const).map((timeline) => ({ timeline, key, last: true })))];
  const earlier: DailyNoteFile[] = [];
  let queries: Query[] | null = null;
  let matcher: EarlierMatcher | null = null;
  const window = journal.spellsAhead() ? SPELLED_AHEAD : 0;
  for (const [i, file] of before.entries()) {
    if (file.day >= start) break;
    const ahead = before[i + window];
    if (ahead !== undefined && ahead.day < start) journal.spelling(ahead.path).catch(() => undefined);
    let text: NoteText | null;
    try {
      text = await journal.spelling(file.path);
    } catch {
      continue;
    }
    if (queries === null || matcher === null) {
      // A note's aliases widen the search for it (`[[Annie]]` is Ana), so they are read when a note is searched for.
      if (found.some((q) => q.timeline !== 'tasks' && q.timeline !== 'projects' && q.key.startsWith('path:'))) await journal.catalog.loadAliasesNow();
      queries = found.map(({ timeline, key, last }) => ({ timeline, key, forms: formsOf(journal, timeline, key), wantsLast: last, candidates: [], next: 0, previous: 0 }));
      matcher = new EarlierMatcher(queries.map((q) => ({ forms: q.forms, tasks: q.timeline === 'tasks' })));
    }
    const index = earlier.length;
    earlier.push(file);
    const matched = matcher.matches(text);
    for (const q of matched) queries[q].candidates.push(index);
    // Its words are looked at once, and its text goes too: one to be parsed is read again then, which costs
    // far less than holding the texts of every candidate through the search (9 MB live on the bench vault).
    journal.letGo(file.path);
  }
  if (queries === null) {
    journal.keepRawTexts(new Set());
    return history;
  }
  for (const query of queries) query.previous = query.candidates.length - 1;
  const searched = new Set(queries.flatMap((q) => q.candidates.map((i) => earlier[i].path)));
  journal.keepRawTexts(searched);
  // Earlier notes parsed for whom the review met and not searched here are read no more.
  journal.forget(earlier.map((file) => file.path).filter((path) => !searched.has(path)));
  await search(journal, earlier, queries, digestNotes);
  return withEarlier(history, queries);
}

/**
 * What `periodHistory` will read of the notes before the period, as far as it
 * can be told before reading any: the baseline's notes (the period of the last
 * earlier note, if that one can be read) to parse, and the first notes before
 * it to spell (`SPELLED_AHEAD`). Started ahead, they are ready when asked for.
 */
export function notesAhead(journal: Journal, period: Period): { baseline: DailyNoteFile[]; earlier: DailyNoteFile[] } {
  const before = journal.dailyNotes.filter((n) => n.day < period.start);
  const last = before.reduce((max, n) => (n.day > max ? n.day : max), '');
  if (last === '') return { baseline: [], earlier: [] };
  const baseline = periodContaining(period.kind, last);
  const inBaseline = (n: DailyNoteFile) => n.day >= baseline.start;
  return { baseline: before.filter(inBaseline), earlier: before.filter((n) => !inBaseline(n)).sort((a, b) => a.day.localeCompare(b.day)).slice(0, SPELLED_AHEAD) };
}

async function readable(journal: Journal, file: DailyNoteFile): Promise<string | null> {
  try {
    return await journal.rawText(file.path);
  } catch {
    return null;
  }
}

/**
 * Parses and digests these notes `COUNTED_AT_ONCE` at a time, the next few parsing meanwhile, hands each few's
 * readable ones (in the order given) and their digests to `use`, and then lets their models go.
 */
async function inFews(journal: Journal, files: DailyNoteFile[], digestNotes: Digester, use: (notes: DailyNote[], digests: HistoryFacts[]) => void): Promise<void> {
  for (let i = 0; i < files.length; i += COUNTED_AT_ONCE) {
    const some = files.slice(i, i + COUNTED_AT_ONCE);
    journal.preload(files.slice(i + COUNTED_AT_ONCE, i + 2 * COUNTED_AT_ONCE));
    await journal.load(some);
    const notes = some.map((file) => journal.parsedNote(file.path)).filter((n): n is DailyNote => n !== null);
    use(notes, await digestNotes(journal, notes));
    journal.forget(some.map((file) => file.path));
  }
}

/**
 * Walks each query's candidates from both ends, parsing a growing batch of
 * them at a time (every query's next ones at once, so worker threads stay
 * busy), until each has its first appearance and, if wanted, its last.
 */
async function search(journal: Journal, earlier: DailyNoteFile[], queries: Query[], digestNotes: Digester): Promise<void> {
  const seen = new Map<number, Record<Timeline, Map<string, Appearance>>>();
  let batch = 1;
  for (;;) {
    const parse = new Set<number>();
    for (const q of queries) {
      const take = (from: number, step: number) => {
        for (let i = from, n = 0; i >= 0 && i < q.candidates.length && n < batch; i += step) {
          if (seen.has(q.candidates[i])) continue;
          parse.add(q.candidates[i]);
          n++;
        }
      };
      if (q.first === undefined) take(q.next, 1);
      if (q.wantsLast && q.last === undefined) take(q.previous, -1);
    }
    // The first round asks for most of the candidates at once (286 notes on the bench vault's yearly review).
    // Parsed only to be looked in (or, earlier in the review, for whom it met): their models go once their appearances are known.
    const order = [...parse].sort((a, b) => a - b);
    const found = new Map<string, Record<Timeline, Map<string, Appearance>>>();
    await inFews(
      journal,
      order.map((i) => earlier[i]),
      digestNotes,
      (notes, digests) => notes.forEach((daily, at) => found.set(daily.path, appearances(daily, digests[at]))),
    );
    // A note that could be read for its words but not parsed holds nothing, as in the whole history.
    for (const i of order) seen.set(i, found.get(earlier[i].path) ?? noAppearances());
    let open = false;
    for (const q of queries) {
      while (q.first === undefined) {
        if (q.next >= q.candidates.length) q.first = null;
        else if (!seen.has(q.candidates[q.next])) break;
        else q.first = seen.get(q.candidates[q.next++])?.[q.timeline].get(q.key);
      }
      while (q.wantsLast && q.last === undefined) {
        if (q.previous < 0) q.last = null;
        else if (!seen.has(q.candidates[q.previous])) break;
        else q.last = seen.get(q.candidates[q.previous--])?.[q.timeline].get(q.key);
      }
      if (q.first === undefined || (q.wantsLast && q.last === undefined)) open = true;
    }
    if (!open) return;
    batch *= 2;
  }
}

function noAppearances(): Record<Timeline, Map<string, Appearance>> {
  return { people: new Map(), topics: new Map(), projects: new Map(), others: new Map(), tasks: new Map() };
}

/**
 * The history with each key's earlier appearances put before its days, and
 * the keys first seen earlier listed first, in the order they appeared: the
 * order the whole history would hold them in, which ties in ranking keep.
 */
function withEarlier(history: History, queries: Query[]): History {
  const found = queries.filter((q) => q.first);
  const order = (a: Query, b: Query) => (a.first as Appearance).date.localeCompare((b.first as Appearance).date) || (a.first as Appearance).position - (b.first as Appearance).position;
  const out: History = { ...history, people: new Map(), topics: new Map(), projects: new Map(), others: new Map(), tasks: new Map() };
  for (const timeline of ['people', 'topics', 'projects', 'others'] as const) {
    for (const q of found.filter((f) => f.timeline === timeline).sort(order)) {
      // A person's mentions in a timeline the period and baseline do not use are only earlier ones.
      const track = history[timeline].get(q.key) ?? { days: [] };
      const first = q.first as Appearance;
      const days = [{ date: first.date, path: first.path, count: 1 }];
      const last = q.last ?? null;
      if (last && last.date !== first.date) days.push({ date: last.date, path: last.path, count: 1 });
      out[timeline].set(q.key, { ...(first.track as Omit<Track, 'days'>), days: [...days, ...track.days] });
    }
    for (const [key, track] of history[timeline]) if (!out[timeline].has(key)) out[timeline].set(key, track);
  }
  for (const q of found.filter((f) => f.timeline === 'tasks').sort(order)) out.tasks.set(q.key, [(q.first as Appearance).event as TaskEvent, ...(history.tasks.get(q.key) ?? [])]);
  for (const [key, events] of history.tasks) if (!out.tasks.has(key)) out.tasks.set(key, events);
  return out;
}

/**
 * The history a review of `period` compares from: the whole one when the journal reads it (a rebuild), else the period's own.
 * `whole` digests for the whole history (a rebuild's reviews read every note's digest anyway), `period` for the period's own.
 */
export async function historyFor(journal: Journal, period: Period, digesters: { whole: Digester; period: Digester }, people: Set<string> = new Set()): Promise<History> {
  const history = readsWholeHistory(journal, period.end) ? await journalHistory(journal, period.end, digesters.whole) : await periodHistory(journal, period, digesters.period, people);
  return asPeople(history, people);
}

/**
 * The history with these topics and other links as people: the review lists whom the journal met
 * one to one under People, so What changed says them as people too, and no project names them.
 * After the people already there, in the topics' then the other links' order, so both histories
 * (the period's own and the whole) list them alike.
 */
export function asPeople(history: History, keys: Set<string>): History {
  const namesPerson = (track: Track) => track.target !== undefined && keys.has(track.target);
  if (![...keys].some((key) => history.topics.has(key) || history.others.has(key)) && ![...history.projects.values()].some(namesPerson)) return history;
  const people = new Map(history.people);
  const take = (key: string, track: Track) => people.set(key, people.has(key) ? mergedDays(people.get(key) as Track, track) : track);
  const topics = new Map<string, Track>();
  for (const [key, track] of history.topics) {
    if (!keys.has(key)) topics.set(key, track);
    else take(key, track);
  }
  for (const [key, track] of history.others) if (keys.has(key)) take(key, track);
  // Whom the review met is a person, never a project: the link under *Projects* is among their mentions (others).
  const projects = new Map([...history.projects].filter(([, track]) => !namesPerson(track)));
  return { ...history, people, topics, projects };
}

function mergedDays(kept: Track, other: Track): Track {
  const byDate = new Map<string, { date: string; path: string; count: number }>();
  for (const day of [...kept.days, ...other.days]) {
    const known = byDate.get(day.date);
    byDate.set(day.date, known ? { ...known, count: known.count + day.count } : { ...day });
  }
  return { ...kept, days: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)) };
}
