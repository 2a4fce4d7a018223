import { type PeriodKind, periodContaining } from '../dates/periods';
import type { DaybookSettings } from '../settings';
import { withoutExtension } from '../vault';
import { bullet, daySpan, entryLink, noteLink, plural } from './renderMarkdown';
import { reviewNotePath } from './reviewPath';
import type { Entry } from './types';

/**
 * How much of each list a review shows before it summarises the rest. A heavy
 * journal links thousands of notes a year; the review names the ones that
 * mattered and counts the others, and the JSON keeps every one of them.
 */
export interface ListLimits {
  /** Entries with a line each (their counts and days). */
  lines: number;
  /** Then rows of names with counts, eight to a row. */
  rows: number;
  /** Open tasks listed; the older ones are counted and pointed to. */
  openTasks: number;
  warnings: number;
}

export const LIMITS: Record<PeriodKind, ListLimits> = {
  week: { lines: 150, rows: 10, openTasks: 150, warnings: 40 },
  month: { lines: 50, rows: 6, openTasks: 50, warnings: 25 },
  quarter: { lines: 30, rows: 5, openTasks: 30, warnings: 20 },
  year: { lines: 30, rows: 5, openTasks: 30, warnings: 20 },
};

const PER_ROW = 8;

function times(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
}

/** "…and 2,412 more, mentioned once (2,100), twice (250), 3 times (62)": the least-mentioned, by count. */
export function countsLine(entries: { mentions: number }[], what: string): string {
  const byCount = new Map<number, number>();
  for (const entry of entries) byCount.set(entry.mentions, (byCount.get(entry.mentions) ?? 0) + 1);
  const counts = [...byCount].sort(([a], [b]) => a - b);
  const shown = counts.slice(0, 3).map(([mentions, n]) => `${times(mentions)} (${n.toLocaleString('en')})`);
  const rest = counts.slice(3).reduce((sum, [, n]) => sum + n, 0);
  if (rest > 0) shown.push(`more often (${rest.toLocaleString('en')})`);
  return bullet(`…and ${entries.length.toLocaleString('en')} more ${what}, mentioned ${shown.join(', ')}: each is in the reviews of its weeks`);
}

/** Rows of linked names with their counts: a page for a hundred entries, not a book. */
export function tailRows(entries: Entry[], ambiguous: ReadonlySet<string>): string[] {
  const lines: string[] = [];
  for (let i = 0; i < entries.length; i += PER_ROW) {
    lines.push(bullet(entries.slice(i, i + PER_ROW).map((e) => `${entryLink(e, ambiguous)} (${e.mentions})`).join(', ')));
  }
  return lines;
}

/**
 * A list of entries at any size: the first `lines` in full (as `line` writes
 * them), the next in rows of names with counts, the least mentioned as one
 * line of counts.
 */
export function boundedEntries(entries: Entry[], limits: Pick<ListLimits, 'lines' | 'rows'>, ambiguous: ReadonlySet<string>, line: (entries: Entry[]) => string[], what = 'links'): string[] {
  const full = entries.slice(0, limits.lines);
  const rows = entries.slice(limits.lines, limits.lines + limits.rows * PER_ROW);
  const rest = entries.slice(limits.lines + limits.rows * PER_ROW);
  return [...line(full), ...tailRows(rows, ambiguous), ...(rest.length ? [countsLine(rest, what)] : [])];
}

/**
 * The other links of a review: the pages the notes link, then on one line the days and
 * periods they name (a deadline, "follow up [[Mar 8th, 2023]]"), each with its count —
 * dates, not subjects, so they take no line each.
 */
export function otherLinkLines(entries: Entry[], limits: Pick<ListLimits, 'lines' | 'rows'>, ambiguous: ReadonlySet<string>, line: (entries: Entry[]) => string[]): string[] {
  const dates = entries.filter((e) => e.dated);
  const pages = dates.length ? entries.filter((e) => !e.dated) : entries;
  const listed = pages.length ? boundedEntries(pages, limits, ambiguous, line) : [];
  return dates.length ? [...listed, bullet(`**Dates linked:** ${dates.map((e) => `${entryLink(e, ambiguous)} (${e.mentions})`).join(', ')}`)] : listed;
}

/**
 * Where open tasks too old to list are: "…and 174 older open tasks, 3 Jan –
 * 30 Jun: each is listed in its week's review (from 2026-W01 to 2026-W26)".
 */
export function olderTasksLine(days: { date: string }[], settings: DaybookSettings): string {
  const dates = days.map((d) => d.date).sort();
  const first = periodContaining('week', dates[0]);
  const last = periodContaining('week', dates[dates.length - 1]);
  const link = (start: string) => {
    const path = reviewNotePath(periodContaining('week', start), settings);
    return noteLink(path, withoutExtension(path).slice(withoutExtension(path).lastIndexOf('/') + 1));
  };
  const weeks = first.id === last.id ? `in ${link(first.start)}` : `from ${link(first.start)} to ${link(last.start)}`;
  return bullet(`…and ${plural(days.length, 'older open task')}, ${daySpan(dates[0], dates[dates.length - 1])}: each is listed in its week's review (${weeks})`);
}
