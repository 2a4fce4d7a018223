import { format } from 'date-fns';
import { dayToDate, type Period, type PeriodKind } from '../dates/periods';
import { LIMITS } from './longTails';
import { bullet, compactDays, dayLink, plural, shortDate, shorten } from './renderMarkdown';
import { taskKey } from './renderSections';
import type { ReviewData, ReviewTask } from './types';

/** How many done tasks a review lists: a week or month all of them up to its line limit; a quarter or year only this few, else it counts them by month. */
const SHOWN: Record<PeriodKind, number> = { week: LIMITS.week.lines, month: LIMITS.month.lines, quarter: 10, year: 15 };

interface DoneItem {
  text: string;
  /** Every day the task was written down, open or done. */
  days: { date: string; path: string }[];
  /** The last day it was checked; '' while none of its copies is. */
  doneOn: string;
}

/**
 * The period's done tasks, one item per task: a task copied from day to day
 * and checked on the last is one item, with every day it was written down, so
 * a journal kept as a task list says what got done, not only how many.
 * Cancelled tasks and tasks with no words were not done work; an incident's
 * follow-ups are listed with the incident.
 */
function doneItems(data: ReviewData): DoneItem[] {
  const byKey = new Map<string, DoneItem>();
  // An incident's follow-ups are shown, checked, with the incident.
  const actions = new Set(data.incidents.flatMap((i) => i.actions.map((a) => `${i.path}\u0000${taskKey(a.text)}`)));
  for (const task of data.tasks) {
    const key = taskKey(task.text);
    if (task.status === 'cancelled' || key === '' || actions.has(`${task.path}\u0000${key}`)) continue;
    const item = byKey.get(key) ?? { text: task.text, days: [], doneOn: '' };
    item.days.push({ date: task.date, path: task.path });
    const doneOn = task.status === 'done' ? checkedOn(task, data.period) : task.doneOn;
    if (doneOn !== undefined && doneOn > item.doneOn) item.doneOn = doneOn;
    byKey.set(key, item);
  }
  // Never checked, in any of its copies: still open.
  return [...byKey.values()].filter((item) => item.doneOn !== '');
}

/**
 * The day a done task was done: its Tasks-plugin `✅ date` when that lies in the period
 * (a task written on 28 Jan and checked `✅ 2026-02-03` was done in February), else the
 * day of the note it is written in (no date, or one outside the period: a task copied
 * forward already done keeps the day it is listed on).
 */
function checkedOn(task: ReviewTask, period: Period): string {
  return task.doneDate !== undefined && task.doneDate >= period.start && task.doneDate <= period.end ? task.doneDate : task.date;
}

function daysOf(item: { days: { date: string }[] }): number {
  return new Set(item.days.map((d) => d.date)).size;
}

function itemLine({ text, days }: DoneItem): string {
  return bullet(`☑ ${shorten(text)} (${daysOf({ days }) === 1 ? dayLink(days[0].path, shortDate(days[0].date)) : compactDays(days, 3)})`);
}

/** "Jan 40 · Feb 38 · …": how the done tasks spread over the months they were checked in. */
function byMonth(items: DoneItem[]): string {
  const months = new Map<string, number>();
  for (const item of [...items].sort((a, b) => a.doneOn.localeCompare(b.doneOn))) months.set(item.doneOn.slice(0, 7), (months.get(item.doneOn.slice(0, 7)) ?? 0) + 1);
  return [...months].map(([month, count]) => `${format(dayToDate(`${month}-01`), 'MMM')} ${count}`).join(' · ');
}

/**
 * The *Done* section's lines. A week or month lists each done task with its
 * day (or days), in the order written; so does a quarter or year with a few.
 * A quarter or year with more says how many were done, month by month, and
 * where each is listed: the notes hold no measure of
 * which task was the larger piece of work (on real task journals, the tasks
 * carried longest were routines such as "Check email"), so none is picked.
 */
export function doneTaskLines(data: ReviewData): string[] {
  const items = doneItems(data);
  if (items.length === 0) return [];
  const { kind } = data.period;
  if (kind === 'week' || kind === 'month' || items.length <= SHOWN[kind]) {
    const lines = items.slice(0, SHOWN[kind]).map(itemLine);
    const rest = items.length - SHOWN[kind];
    if (rest > 0) lines.push(bullet(`…and ${plural(rest, 'more done task')}${kind === 'week' ? ' (all of them in `daybook review --json`)' : ': each is in the review of its week'}`));
    return lines;
  }
  return [bullet(`**By month:** ${byMonth(items)}; each done task is in the review of its week`)];
}
