import {
  addMonths,
  addQuarters,
  addWeeks,
  addYears,
  endOfISOWeek,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  getISOWeek,
  getISOWeekYear,
  getQuarter,
  setISOWeek,
  startOfISOWeek,
  startOfMonth,
  startOfQuarter,
  startOfYear,
} from 'date-fns';
// The minimal class: getters and setters only. The full one builds two Intl formatters when loaded, a sixth of a warm CLI run's start.
import { UTCDateMini } from '@date-fns/utc/date/mini';

export type PeriodKind = 'week' | 'month' | 'quarter' | 'year';
export const PERIOD_KINDS: readonly PeriodKind[] = ['week', 'month', 'quarter', 'year'];

/** A review period. Dates are calendar days written `YYYY-MM-DD`. */
export interface Period {
  id: string;
  kind: PeriodKind;
  start: string;
  end: string;
}

/**
 * A calendar day as a Date at noon UTC, read and changed through UTC fields
 * (UTCDateMini): day arithmetic never depends on the process's time zone, not even
 * in one that skipped a day (Pacific/Apia had no 2011-12-30) or whose DST
 * shift falls at midnight. `month` counts from 1.
 */
export function calendarDate(year: number, month: number, day: number): Date {
  return new UTCDateMini(year, month - 1, day, 12);
}

export function dayToDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return calendarDate(y, m, d);
}

export function dateToDay(date: Date): string {
  // By hand rather than date-fns' format: this runs for every daily note of the vault.
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Whether `text` is a day that exists, written `YYYY-MM-DD`, as
 * `dateToDay(dayToDate(text)) === text` says (years below 100 never are: a
 * Date reads them as 19xx), by arithmetic: a warm run checks every daily note's day.
 */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  return year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Orders days written `YYYY-MM-DD` (or any strings of one shape) by calendar: by code unit, with no collator to load. */
export function compareDays(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A day's midnight in UTC milliseconds: day arithmetic no time zone can skip or double. */
function utcOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/** How many days run from `start` to `end`, both counted. */
export function daysFromTo(start: string, end: string): number {
  return Math.round((utcOf(end) - utcOf(start)) / 86_400_000) + 1;
}

/** The ISO week after `week`: numbered on unless its Thursday, which names its week-year, is in the next year. */
function weekAfter(week: Period): Period {
  const start = addDay(week.end, 1);
  const thursdayYear = addDay(start, 3).slice(0, 4);
  const number = thursdayYear === week.id.slice(0, 4) ? Number(week.id.slice(6)) + 1 : 1;
  return { id: `${thursdayYear}-W${String(number).padStart(2, '0')}`, kind: 'week', start, end: addDay(start, 6) };
}

/** The week holding `day`: days in order mostly fall in the week after `last`, found by arithmetic, not date-fns (cold code in a short run). */
function weekHolding(day: string, last: Period | null): Period {
  const next = last !== null && day > last.end ? weekAfter(last) : null;
  return next !== null && day <= next.end ? next : periodContaining('week', day);
}

/** The month, quarter or year starting with `firstMonth` of `year`, by arithmetic: what periodContaining gives for any of its days. */
function calendarPeriod(kind: 'month' | 'quarter' | 'year', year: number, firstMonth: number): Period {
  const months = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
  const y = String(year).padStart(4, '0');
  const start = `${y}-${String(firstMonth).padStart(2, '0')}-01`;
  // Day 0 of the month after the period is its last day.
  const end = dayOfUtc(Date.UTC(year, firstMonth - 1 + months, 0));
  const id = kind === 'month' ? start.slice(0, 7) : kind === 'quarter' ? `${y}-Q${Math.ceil(firstMonth / 3)}` : y;
  return { id, kind, start, end };
}

/** The day of a UTC moment, written as dateToDay writes a day. */
function dayOfUtc(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** `day` moved by `amount` days, by UTC arithmetic. */
export function addDay(day: string, amount: number): string {
  return dayOfUtc(utcOf(day) + amount * 86_400_000);
}

function periodOf(kind: PeriodKind, date: Date): Period {
  switch (kind) {
    case 'week': {
      // ISO weeks are named by their ISO week-year: 2027-01-01 is in 2026-W53.
      const id = `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`;
      return { id, kind, start: dateToDay(startOfISOWeek(date)), end: dateToDay(endOfISOWeek(date)) };
    }
    case 'month':
      return { id: dateToDay(date).slice(0, 7), kind, start: dateToDay(startOfMonth(date)), end: dateToDay(endOfMonth(date)) };
    case 'quarter':
      return {
        id: `${dateToDay(date).slice(0, 4)}-Q${getQuarter(date)}`,
        kind,
        start: dateToDay(startOfQuarter(date)),
        end: dateToDay(endOfQuarter(date)),
      };
    case 'year':
      return { id: dateToDay(date).slice(0, 4), kind, start: dateToDay(startOfYear(date)), end: dateToDay(endOfYear(date)) };
  }
}

export function periodContaining(kind: PeriodKind, day: string): Period {
  return periodOf(kind, dayToDate(day));
}

const SHIFT: Record<PeriodKind, (date: Date, amount: number) => Date> = {
  week: addWeeks,
  month: addMonths,
  quarter: addQuarters,
  year: addYears,
};

export function shiftPeriod(period: Period, amount: number): Period {
  return periodOf(period.kind, SHIFT[period.kind](dayToDate(period.start), amount));
}

/**
 * Parses a period id: `2026-W47`, `2026-11`, `2026-Q4` or `2026`. Returns null
 * for anything else, including weeks a year does not have (`2025-W53`).
 */
export function parsePeriodId(id: string): Period | null {
  let match = /^(\d{4})-W(\d{2})$/.exec(id);
  if (match) {
    const week = Number(match[2]);
    // Jan 4th is always in ISO week 1 of its year.
    const date = setISOWeek(calendarDate(Number(match[1]), 1, 4), week);
    const period = periodOf('week', date);
    return period.id === id ? period : null;
  }
  match = /^(\d{4})-(\d{2})$/.exec(id);
  if (match) {
    const month = Number(match[2]);
    return month >= 1 && month <= 12 ? periodOf('month', calendarDate(Number(match[1]), month, 1)) : null;
  }
  match = /^(\d{4})-Q([1-4])$/.exec(id);
  if (match) return periodOf('quarter', calendarDate(Number(match[1]), (Number(match[2]) - 1) * 3 + 1, 1));
  match = /^(\d{4})$/.exec(id);
  if (match) return periodOf('year', calendarDate(Number(match[1]), 1, 1));
  return null;
}

export function periodContainsDay(period: Period, day: string): boolean {
  return day >= period.start && day <= period.end;
}

/** Every period of every kind that holds at least one of `days`, each once. */
export function periodsOfDays(days: Iterable<string>): Period[] {
  const found = new Map<string, Period>();
  // A month, quarter or year is named by the day's first digits, and a week holds the days from its start to its end:
  // only a day outside every period found so far needs its period worked out (date-fns, thousands of days in a rebuild).
  const coarse = new Set<string>();
  let week: Period | null = null;
  for (const day of days) {
    if (!(week && day >= week.start && day <= week.end)) {
      week = weekHolding(day, week);
      if (!found.has(week.id)) found.set(week.id, week);
    }
    const year = day.slice(0, 4);
    const month = Number(day.slice(5, 7));
    const quarter = Math.ceil(month / 3);
    for (const [kind, key] of [['month', day.slice(0, 7)], ['quarter', `${year}-Q${quarter}`], ['year', year]] as const) {
      if (coarse.has(key)) continue;
      coarse.add(key);
      const period = calendarPeriod(kind, Number(year), kind === 'month' ? month : kind === 'quarter' ? quarter * 3 - 2 : 1);
      if (!found.has(period.id)) found.set(period.id, period);
    }
  }
  // Days written YYYY-MM-DD sort by code unit as by calendar; localeCompare would load ICU's collator, 7 ms of a warm run.
  return [...found.values()].sort((a, b) => (a.kind === b.kind ? compareDays(a.start, b.start) : PERIOD_KINDS.indexOf(a.kind) - PERIOD_KINDS.indexOf(b.kind)));
}

/**
 * A period as the CLI and commands name it: an id (`2026-W47`, `2026-11`,
 * `2026-Q4`, `2026`) or a kind (`week`, `month`, `quarter`, `year`) meaning
 * the one that holds `day`.
 */
export function resolvePeriod(name: string, day: string): Period | null {
  const kind = name.trim().toLowerCase();
  if ((PERIOD_KINDS as readonly string[]).includes(kind)) return periodContaining(kind as PeriodKind, day);
  return parsePeriodId(name.trim().toUpperCase().replace(/^(\d{4})-W/, '$1-W'));
}
