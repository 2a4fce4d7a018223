import { type Period, periodContaining, shiftPeriod } from '../dates/periods';
import type { SliderSetting } from '../settings';
import { type History, statusOn, type TaskEvent, type Track } from './history';

/**
 * What changed in a period against the previous period of the same kind that
 * has notes, read from the whole journal: `first` when nothing comes before.
 */
export interface ReviewChanges {
  /** No daily note before this period: nothing to compare with. */
  first: boolean;
  /** The period compared with: the previous one of the same kind with notes (null when `first`). */
  baseline: { id: string; start: string; end: string; note: string } | null;
  /** Periods of this kind between the baseline and this one without any note (a gap in the journal). */
  skipped: number;
  /** Days with a daily note, in this period and in the baseline. */
  days: { count: number; previous: number };
  people: { new: ChangeItem[]; back: ChangeItem[]; quiet: ChangeItem[] };
  topics: TrendChanges;
  projects: TrendChanges;
  mood: MoodChange[];
  tasks: { opened: TaskChange[]; closed: TaskChange[]; carried: TaskChange[] };
  incidents: { count: number; previous: number; bySeverity: { severity: string; count: number; previous: number }[]; days: DayRef[]; previousDays: DayRef[] };
}

export interface TrendChanges {
  started: ChangeItem[];
  rose: ChangeItem[];
  faded: ChangeItem[];
  quiet: ChangeItem[];
}

export interface DayRef {
  date: string;
  path: string;
}

/** A person, topic or project whose presence changed: mentions now and in the baseline, first and last mention. */
export interface ChangeItem {
  name: string;
  path: string | null;
  link?: string;
  linked: boolean;
  count: number;
  previous: number;
  /** The first day it was ever mentioned. */
  first: string;
  /** Its last mention before this period, or null if none. */
  lastBefore: string | null;
  /** The days the line points at: this period's mentions, or the baseline's for something gone quiet. */
  days: DayRef[];
}

export interface MoodChange {
  property: string;
  question: string;
  average: number | null;
  previous: number | null;
  /** `average - previous`, rounded to a tenth; null unless both exist. */
  change: number | null;
  /** This period's days with a value. */
  days: DayRef[];
}

export interface TaskChange {
  text: string;
  /** The day it was first written, and its note. */
  opened: string;
  path: string;
  /** The day it was closed in this period (closed tasks only). */
  closed?: string;
  /** Days from its first writing to the period's end (carried-over tasks only). */
  age?: number;
  /** Every day of this period (or, carried over, the last day) it was written on. */
  days: DayRef[];
}

/** Mentions of a gone-quiet person in the baseline for them to count as "seen often". */
const OFTEN = 2;

interface Range {
  start: string;
  end: string;
}

function within(day: string, range: Range): boolean {
  return day >= range.start && day <= range.end;
}

/** The index of the first of these (in date order) dated after `day`, or (`from`) on or after it. */
function firstAfter(dated: readonly { date: string }[], day: string, from = false): number {
  let low = 0;
  let high = dated.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (dated[mid].date < day || (!from && dated[mid].date === day)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The index of a track's first day on or after `day` (its days are in date order): a rebuild asks this of every track for every period. */
function firstFrom(track: Track, day: string): number {
  return firstAfter(track.days, day, true);
}

function countIn(track: Track, range: Range): number {
  let n = 0;
  for (let i = firstFrom(track, range.start); i < track.days.length && track.days[i].date <= range.end; i++) n += track.days[i].count;
  return n;
}

function daysIn(track: Track, range: Range): DayRef[] {
  const out: DayRef[] = [];
  for (let i = firstFrom(track, range.start); i < track.days.length && track.days[i].date <= range.end; i++) out.push({ date: track.days[i].date, path: track.days[i].path });
  return out;
}

function lastBefore(track: Track, day: string): string | null {
  const i = firstFrom(track, day);
  return i === 0 ? null : track.days[i - 1].date;
}

/**
 * The first day of the period or its baseline: a track or task seen last before it has no
 * mention in either, and nothing to say (new, back, rose, quiet and carried all need one).
 * A rebuild asks every period about everything the journal ever mentioned: most of it is
 * answered by this alone.
 */
function horizon(period: Range, baseline: Range | null): string {
  return baseline && baseline.start < period.start ? baseline.start : period.start;
}

function lastDay(track: Track): string {
  return track.days[track.days.length - 1].date;
}

function item(track: Track, period: Range, baseline: Range | null, days: DayRef[]): ChangeItem {
  return {
    name: track.name,
    path: track.path,
    ...(track.link ? { link: track.link } : {}),
    linked: track.linked,
    count: countIn(track, period),
    previous: baseline ? countIn(track, baseline) : 0,
    first: track.days[0].date,
    lastBefore: lastBefore(track, period.start),
    days,
  };
}

const byCount = (a: ChangeItem, b: ChangeItem) => b.count - a.count || a.name.localeCompare(b.name);
const byPrevious = (a: ChangeItem, b: ChangeItem) => b.previous - a.previous || a.name.localeCompare(b.name);
const byDelta = (a: ChangeItem, b: ChangeItem) => Math.abs(b.count - b.previous) - Math.abs(a.count - a.previous) || a.name.localeCompare(b.name);

function peopleChanges(tracks: Map<string, Track>, period: Range, baseline: Range | null): ReviewChanges['people'] {
  const out: ReviewChanges['people'] = { new: [], back: [], quiet: [] };
  const since = horizon(period, baseline);
  for (const track of tracks.values()) {
    if (track.days[0].date > period.end || lastDay(track) < since) continue;
    const now = daysIn(track, period);
    const before = lastBefore(track, period.start);
    if (now.length && before === null) out.new.push(item(track, period, baseline, now));
    else if (now.length && baseline && countIn(track, baseline) === 0) out.back.push(item(track, period, baseline, now));
    else if (!now.length && baseline && countIn(track, baseline) >= OFTEN) out.quiet.push(item(track, period, baseline, daysIn(track, baseline)));
  }
  out.new.sort(byCount);
  out.back.sort(byCount);
  out.quiet.sort(byPrevious);
  return out;
}

const rose = (now: number, before: number) => before > 0 && now >= 2 * before && now - before >= 2;
const faded = (now: number, before: number) => now > 0 && 2 * now <= before && before - now >= 2;

/** Mentions in the baseline for a topic or project to count as gone quiet when none now. */
const QUIET_AFTER = { topics: OFTEN, projects: 1 } as const;

function trendChanges(tracks: Map<string, Track>, period: Range, baseline: Range | null, quietAfter: number): TrendChanges {
  const out: TrendChanges = { started: [], rose: [], faded: [], quiet: [] };
  // Gone quiet needs a mention in the baseline (quietAfter is at least one), as every other change needs one.
  const since = quietAfter > 0 ? horizon(period, baseline) : '';
  for (const track of tracks.values()) {
    if (track.days[0].date > period.end || lastDay(track) < since) continue;
    const now = countIn(track, period);
    const before = baseline ? countIn(track, baseline) : 0;
    if (now > 0 && lastBefore(track, period.start) === null) out.started.push(item(track, period, baseline, daysIn(track, period)));
    else if (!baseline) continue;
    else if (now === 0 && before >= quietAfter) out.quiet.push(item(track, period, baseline, daysIn(track, baseline)));
    else if (rose(now, before)) out.rose.push(item(track, period, baseline, daysIn(track, period)));
    else if (faded(now, before)) out.faded.push(item(track, period, baseline, daysIn(track, period)));
  }
  out.started.sort(byCount);
  out.rose.sort(byDelta);
  out.faded.sort(byDelta);
  out.quiet.sort(byPrevious);
  return out;
}

type HistoryDay = History['days'][number];

/** The history's days within a range, found by their order: a rebuild asks every period, and a journal of ten years has 3,650 days. */
function daysWithin(history: History, range: Range): HistoryDay[] {
  const from = firstAfter(history.days, range.start, true);
  let to = from;
  while (to < history.days.length && history.days[to].date <= range.end) to++;
  return history.days.slice(from, to);
}

function average(days: HistoryDay[], property: string): number | null {
  const values = days.filter((d) => d.mood[property] !== undefined).map((d) => d.mood[property]);
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

function moodChanges(periodDays: HistoryDay[], baselineDays: HistoryDay[] | null, sliders: SliderSetting[]): MoodChange[] {
  const out: MoodChange[] = [];
  for (const slider of sliders) {
    const now = average(periodDays, slider.property);
    const before = baselineDays ? average(baselineDays, slider.property) : null;
    if (now === null && before === null) continue;
    const change = now !== null && before !== null ? Math.round((now - before) * 10) / 10 : null;
    const days = periodDays.filter((d) => d.mood[slider.property] !== undefined).map(({ date, path }) => ({ date, path }));
    out.push({ property: slider.property, question: slider.question, average: now, previous: before, change, days });
  }
  return out;
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

function taskChanges(tasks: Map<string, TaskEvent[]>, period: Range, baseline: Range | null): ReviewChanges['tasks'] {
  const out: ReviewChanges['tasks'] = { opened: [], closed: [], carried: [] };
  const since = horizon(period, baseline);
  for (const events of tasks.values()) {
    const first = events[0];
    // Written last before the baseline: not opened, closed or written in the period, nor carried over from the baseline.
    if (first.date > period.end || events[events.length - 1].date < since) continue;
    // Its events are in date order: a task carried over for years is written on a thousand days, and asked of every period.
    const end = firstAfter(events, period.end);
    const last = events[end - 1];
    const inPeriod = events.slice(firstAfter(events, period.start, true), end);
    const days = [...new Map(inPeriod.map((e) => [e.date, { date: e.date, path: e.path }])).values()];
    const base = { text: last.text, opened: first.date, path: first.path };
    if (first.date >= period.start) out.opened.push({ ...base, days });
    const closing = inPeriod.find((e) => statusOn(e, period.end) !== 'open');
    if (closing && statusOn(last, period.end) !== 'open') out.closed.push({ ...base, closed: closing.date, days });
    else if (statusOn(last, period.end) === 'open' && first.date < period.start && baseline && last.date >= baseline.start) {
      out.carried.push({ ...base, age: daysBetween(first.date, period.end), days: days.length ? days : [{ date: last.date, path: last.path }] });
    }
  }
  out.opened.sort((a, b) => a.opened.localeCompare(b.opened) || a.text.localeCompare(b.text));
  out.closed.sort((a, b) => (a.closed ?? '').localeCompare(b.closed ?? '') || a.text.localeCompare(b.text));
  out.carried.sort((a, b) => (b.age ?? 0) - (a.age ?? 0) || a.text.localeCompare(b.text));
  return out;
}

function dayRefs(items: DayRef[]): DayRef[] {
  return [...new Map(items.map((i) => [i.date, { date: i.date, path: i.path }])).values()];
}

function incidentChanges(history: History, period: Range, baseline: Range | null): ReviewChanges['incidents'] {
  const now = history.incidents.filter((i) => within(i.date, period));
  const before = baseline ? history.incidents.filter((i) => within(i.date, baseline)) : [];
  const severities = new Map<string, { count: number; previous: number }>();
  const tally = (severity: string | null, field: 'count' | 'previous') => {
    const key = severity ?? 'no severity';
    const entry = severities.get(key) ?? { count: 0, previous: 0 };
    entry[field]++;
    severities.set(key, entry);
  };
  for (const i of now) tally(i.severity, 'count');
  for (const i of before) tally(i.severity, 'previous');
  return {
    count: now.length,
    previous: before.length,
    bySeverity: [...severities].sort(([a], [b]) => a.localeCompare(b)).map(([severity, c]) => ({ severity, ...c })),
    days: dayRefs(now),
    previousDays: dayRefs(before),
  };
}

/** The previous period of the same kind that holds a daily note, and how many empty ones lie between. */
function baselineOf(history: History, period: Period): { baseline: Period; skipped: number } | null {
  const before = firstAfter(history.days, period.start, true);
  if (before === 0) return null;
  const baseline = periodContaining(period.kind, history.days[before - 1].date);
  let skipped = 0;
  for (let p = shiftPeriod(period, -1); p.start > baseline.start; p = shiftPeriod(p, -1)) skipped++;
  return { baseline, skipped };
}

/**
 * The topics and other links that went quiet (no mention in the period, often in its
 * baseline): whom of them the journal met is a person gone quiet, never a topic.
 */
export function quietCandidates(history: History, period: Period): string[] {
  const baseline = baselineOf(history, period)?.baseline;
  if (!baseline) return [];
  const out: string[] = [];
  for (const timeline of ['topics', 'others'] as const) {
    for (const [key, track] of history[timeline]) if (lastDay(track) >= baseline.start && countIn(track, period) === 0 && countIn(track, baseline) >= OFTEN && !history.people.has(key)) out.push(key);
  }
  return out;
}

/** What changed in `period` against the previous period of its kind with notes. Depends only on notes up to the period's end. */
export function changesOf(history: History, period: Period, sliders: SliderSetting[], notePath: (period: Period) => string): ReviewChanges {
  const found = baselineOf(history, period);
  const baseline = found?.baseline ?? null;
  const periodDays = daysWithin(history, period);
  const baselineDays = baseline ? daysWithin(history, baseline) : null;
  return {
    first: found === null,
    baseline: baseline ? { id: baseline.id, start: baseline.start, end: baseline.end, note: notePath(baseline) } : null,
    skipped: found?.skipped ?? 0,
    days: { count: periodDays.length, previous: baselineDays?.length ?? 0 },
    people: peopleChanges(history.people, period, baseline),
    topics: trendChanges(history.topics, period, baseline, QUIET_AFTER.topics),
    projects: trendChanges(history.projects, period, baseline, QUIET_AFTER.projects),
    mood: moodChanges(periodDays, baselineDays, sliders),
    tasks: taskChanges(history.tasks, period, baseline),
    incidents: incidentChanges(history, period, baseline),
  };
}

/** A key of the period or its baseline whose earlier appearances What changed may say. */
export interface EarlierQuery {
  timeline: 'people' | 'topics' | 'projects' | 'tasks';
  key: string;
  /** Its last appearance before the period is wanted too (the baseline lacks it). */
  last: boolean;
}

/**
 * Of a history holding only the period and its baseline, the keys whose
 * earlier appearances can change what `changesOf` says (by the rules above):
 * what is only in the period may be new or back; what went quiet, rose or faded
 * is listed with its first mention; a task of the period or still open in the
 * baseline with the day it was first written. Of the rest nothing earlier is said.
 */
export function keysNeedingEarlier(history: History, period: Period, baseline: Period): EarlierQuery[] {
  const out: EarlierQuery[] = [];
  for (const timeline of ['people', 'topics', 'projects'] as const) {
    for (const [key, track] of history[timeline]) {
      const now = countIn(track, period);
      const before = countIn(track, baseline);
      if (before === 0) out.push({ timeline, key, last: true });
      else if (timeline === 'people' ? now === 0 && before >= OFTEN : (now === 0 && before >= QUIET_AFTER[timeline]) || (now > 0 && (rose(now, before) || faded(now, before)))) out.push({ timeline, key, last: false });
    }
  }
  for (const [key, events] of history.tasks) {
    const last = events[events.length - 1];
    if (last.date >= period.start || statusOn(last, period.end) === 'open') out.push({ timeline: 'tasks', key, last: false });
  }
  return out;
}
