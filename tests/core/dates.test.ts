import { dailyNotePath, dayOfDailyNote } from '../../src/core/dailyNotes';
import { dateFnsFormatter, dateFormatter, type DateFormatter, formatDate, parseDate, useDateFormatter } from '../../src/core/dates/dateFormatter';
import { reviewNotePath } from '../../src/core/review/buildReview';
import { resolveSettings } from '../../src/core/settings';
import { fillTemplate } from '../../src/core/template';
import { formatMoment, parseMoment } from '../../src/core/dates/momentFormat';
import { addDay, dateToDay, daysFromTo, dayToDate, isDay, parsePeriodId, PERIOD_KINDS, type Period, periodContaining, periodsOfDays, resolvePeriod, shiftPeriod } from '../../src/core/dates/periods';

describe('moment formats, as users type them in Obsidian', () => {
  it.each([
    ['YYYY-MM-DD', '2026-11-22'],
    ['DD.MM.YYYY', '22.11.2026'],
    ['YYYY/MM/YYYY-MM-DD', '2026/11/2026-11-22'],
    ['YYYY/MMMM/D MMM YYYY', '2026/November/22 Nov 2026'],
    ['dddd, MMMM Do YYYY', 'Sunday, November 22nd 2026'],
    ['gggg-[W]ww', '2026-W48'],
    ['GGGG-[W]WW', '2026-W47'],
    ['YYYY-[Q]Q', '2026-Q4'],
    ['[Journal] YYYY-MM-DD', 'Journal 2026-11-22'],
  ])('%s formats and parses %s', (format, text) => {
    expect(formatMoment(dayToDate('2026-11-22'), format)).toBe(text);
    expect(parseMoment(text, format)).not.toBeNull();
  });

  it('parses strictly: text that does not format back is not a date', () => {
    expect(parseMoment('2026-11-31', 'YYYY-MM-DD')).toBeNull();
    expect(parseMoment('2026-1-5', 'YYYY-MM-DD')).toBeNull();
    expect(parseMoment('2025/11/2026-11-22', 'YYYY/MM/YYYY-MM-DD')).toBeNull();
    expect(parseMoment('meeting notes', 'YYYY-MM-DD')).toBeNull();
  });
});

describe('ISO weeks are named by their ISO week-year', () => {
  it.each([
    ['2026-12-31', '2026-W53'],
    ['2027-01-01', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
    ['2026-11-22', '2026-W47'],
  ])('%s is in %s', (day, week) => {
    expect(periodContaining('week', day).id).toBe(week);
    expect(formatMoment(dayToDate(day), 'GGGG-[W]WW')).toBe(week);
  });

  it('knows which years have a week 53', () => {
    expect(parsePeriodId('2026-W53')).toMatchObject({ start: '2026-12-28', end: '2027-01-03' });
    expect(parsePeriodId('2025-W53')).toBeNull();
  });
});

describe('periods', () => {
  it.each([
    ['2026-W47', 'week', '2026-11-16', '2026-11-22', '2026-W46', '2026-W48'],
    ['2026-W53', 'week', '2026-12-28', '2027-01-03', '2026-W52', '2027-W01'],
    ['2026-11', 'month', '2026-11-01', '2026-11-30', '2026-10', '2026-12'],
    ['2026-Q4', 'quarter', '2026-10-01', '2026-12-31', '2026-Q3', '2027-Q1'],
    ['2026', 'year', '2026-01-01', '2026-12-31', '2025', '2027'],
  ])('%s is a %s from %s to %s between %s and %s', (id, kind, start, end, previous, next) => {
    const period = parsePeriodId(id);
    expect(period).toEqual({ id, kind, start, end });
    expect(shiftPeriod(period!, -1).id).toBe(previous);
    expect(shiftPeriod(period!, 1).id).toBe(next);
  });

  it('resolves a kind to the period holding the day, and rejects nonsense', () => {
    expect(resolvePeriod('week', '2027-01-01')?.id).toBe('2026-W53');
    expect(resolvePeriod('Quarter', '2026-02-10')?.id).toBe('2026-Q1');
    expect(resolvePeriod('2026-w07', '2026-02-10')?.id).toBe('2026-W07');
    expect(resolvePeriod('fortnight', '2026-02-10')).toBeNull();
    expect(resolvePeriod('2026-13', '2026-02-10')).toBeNull();
    expect(resolvePeriod('2026-Q5', '2026-02-10')).toBeNull();
  });
});

describe('the date-formatting seam', () => {
  const settings = resolveSettings({ dailyFolder: 'Daily', dailyFormat: 'dddd D MMMM YYYY' }).settings;
  /** A stand-in for another language: day and month names in Dutch, for the few tokens these formats use. */
  const dutch: DateFormatter = {
    format: (date, pattern) =>
      pattern
        .replace('dddd', ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'][date.getDay()])
        .replace('MMMM', ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'][date.getMonth()])
        .replace('YYYY', String(date.getFullYear()))
        .replace(/\bD\b/, String(date.getDate()))
        .replace('HH:mm', 'uur'),
    parse: (text) => (text === 'zondag 22 november 2026' ? new Date(2026, 10, 22) : null),
  };
  let restore: () => void = () => {};
  afterEach(() => restore());

  it('defaults to date-fns in English, as the CLI uses it', () => {
    expect(dateFormatter()).toBe(dateFnsFormatter);
    expect(dailyNotePath('2026-11-22', settings)).toBe('Daily/Sunday 22 November 2026.md');
  });

  it('names daily notes, reads them back, fills templates and names reviews with the formatter in use', () => {
    restore = useDateFormatter(dutch);
    expect(dailyNotePath('2026-11-22', settings)).toBe('Daily/zondag 22 november 2026.md');
    expect(dayOfDailyNote('Daily/zondag 22 november 2026.md', settings)).toBe('2026-11-22');
    expect(dayOfDailyNote('Daily/Sunday 22 November 2026.md', settings)).toBeNull();
    const filled = fillTemplate('{{date}} {{date:MMMM}} {{time}}', { day: '2026-11-22', title: 't', now: new Date(2026, 10, 22, 9), settings });
    expect(filled).toBe('zondag 22 november 2026 november uur');
    const monthly = { ...settings, reviewFormats: { ...settings.reviewFormats, month: 'MMMM YYYY' } };
    expect(reviewNotePath(parsePeriodId('2026-11')!, monthly)).toBe('Reviews/november 2026.md');
  });

  it('goes back to date-fns when the plugin unloads', () => {
    useDateFormatter(dutch)();
    expect(formatDate(dayToDate('2026-11-22'), 'dddd')).toBe('Sunday');
    expect(parseDate('Sunday 22 November 2026', 'dddd D MMMM YYYY')).not.toBeNull();
  });
});

describe('isDay', () => {
  it('says of every YYYY-MM-DD text what reading it as a date and writing it back says', () => {
    const years = [0, 1, 99, 100, 101, 1000, 1582, 1700, 1800, 1900, 1999, 2000, 2004, 2023, 2024, 2100, 2400, 9999];
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    for (const year of years)
      for (let month = 0; month <= 13; month++)
        for (let day = 0; day <= 32; day++) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          expect([text, isDay(text)]).toEqual([text, dateToDay(dayToDate(text)) === text]);
        }
  });

  it('refuses texts of another shape', () => {
    for (const text of ['2024-1-01', '2024-01-1', ' 2024-01-01', '2024-01-01 ', '２０２４-01-01', '2024/01/01', '']) expect(isDay(text)).toBe(false);
  });
});

describe('periodsOfDays', () => {
  /** Every day's week, month, quarter and year, one by one. */
  function reference(days: string[]): Period[] {
    const found = new Map<string, Period>();
    for (const day of days) for (const kind of PERIOD_KINDS) found.set(periodContaining(kind, day).id, periodContaining(kind, day));
    return [...found.values()].sort((a, b) => (a.kind === b.kind ? a.start.localeCompare(b.start) : PERIOD_KINDS.indexOf(a.kind) - PERIOD_KINDS.indexOf(b.kind)));
  }

  it('finds the periods of consecutive, scattered and unordered days, across year ends and ISO week-years', () => {
    const run: string[] = [];
    for (let day = '2019-12-20'; day < '2021-01-10'; day = addDay(day, 1)) run.push(day);
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const scattered = Array.from({ length: 300 }, () => addDay('2000-01-01', Math.floor(random() * 12000)));
    for (const days of [run, scattered, [...run].reverse(), ['2026-12-31', '2027-01-01', '2026-12-28', '2027-01-04'], []]) expect(periodsOfDays(days)).toEqual(reference(days));
  });

  it('gives every week, month, quarter and year of 1990–2040 as date-fns does, days in order or every seventh', () => {
    const all: string[] = [];
    for (let day = '1990-01-01'; day < '2041-01-01'; day = addDay(day, 1)) all.push(day);
    const weekly = all.filter((_, i) => i % 7 === 3);
    for (const days of [all, weekly, weekly.filter((_, i) => i % 2 === 0)]) expect(periodsOfDays(days)).toEqual(reference(days));
  });
});

describe('the days a period spans', () => {
  it('counts both ends, as many as stepping a day at a time finds, in leap years and across year ends', () => {
    let seed = 11;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 300; i++) {
      const start = addDay('1990-01-01', Math.floor(random() * 15000));
      const span = Math.floor(random() * 400);
      expect(daysFromTo(start, addDay(start, span))).toBe(span + 1);
    }
    expect(daysFromTo('2024-02-01', '2024-02-29')).toBe(29);
    expect(daysFromTo('2026-01-01', '2026-12-31')).toBe(365);
  });
});
