import { format, isValid, parse } from 'date-fns';
import { escapeRegExp } from '../text';
import { calendarDate } from './periods';

/**
 * Users type date formats in moment's syntax (Obsidian's Daily notes and
 * Periodic Notes settings), while date-fns speaks Unicode tokens. We translate
 * moment tokens into date-fns ones and let date-fns do the formatting and
 * parsing.
 *
 * Accepted moment tokens (longest match first): YYYY YY Y Q Qo MMMM MMM MM Mo M
 * DDDD DDD Do DD D dddd ddd dd E GGGG GG gggg gg WW Wo W ww wo w
 * HH H hh h mm m ss s A a X x, and [literal text]. The numeric local weekday
 * tokens `d` and `e` (0 = Sunday) have no date-fns twin and are not supported.
 */
const TOKEN_MAP: ReadonlyArray<[string, string]> = [
  ['YYYY', 'yyyy'],
  ['GGGG', 'RRRR'],
  ['gggg', 'YYYY'],
  ['MMMM', 'MMMM'],
  ['dddd', 'EEEE'],
  ['DDDD', 'DDD'],
  ['MMM', 'MMM'],
  ['ddd', 'EEE'],
  ['DDD', 'D'],
  ['YY', 'yy'],
  ['GG', 'RR'],
  ['gg', 'YY'],
  ['Qo', 'Qo'],
  ['MM', 'MM'],
  ['Mo', 'Mo'],
  ['DD', 'dd'],
  ['Do', 'do'],
  ['dd', 'EEEEEE'],
  ['WW', 'II'],
  ['Wo', 'Io'],
  ['ww', 'ww'],
  ['wo', 'wo'],
  ['HH', 'HH'],
  ['hh', 'hh'],
  ['mm', 'mm'],
  ['ss', 'ss'],
  ['Y', 'y'],
  ['Q', 'Q'],
  ['M', 'M'],
  ['D', 'd'],
  ['E', 'i'],
  ['W', 'I'],
  ['w', 'w'],
  ['H', 'H'],
  ['h', 'h'],
  ['m', 'm'],
  ['s', 's'],
  ['A', 'a'],
  ['a', 'aaa'],
  ['X', 't'],
  ['x', 'T'],
];

const OPTIONS = {
  useAdditionalWeekYearTokens: true,
  useAdditionalDayOfYearTokens: true,
  // moment's default (English) locale: weeks start on Sunday, week 1 holds Jan 1.
  weekStartsOn: 0 as const,
  firstWeekContainsDate: 1 as const,
};

const converted = new Map<string, string>();

function quoteLiteral(text: string): string {
  return text.length === 0 ? '' : `'${text.replace(/'/g, "''")}'`;
}

/** Translates a moment format string into a date-fns format string. */
export function momentToDateFns(momentFormat: string): string {
  const cached = converted.get(momentFormat);
  if (cached !== undefined) return cached;
  let out = '';
  let literal = '';
  let i = 0;
  while (i < momentFormat.length) {
    const ch = momentFormat[i];
    if (ch === '[') {
      const close = momentFormat.indexOf(']', i + 1);
      const end = close === -1 ? momentFormat.length : close;
      literal += momentFormat.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    const token = TOKEN_MAP.find(([m]) => momentFormat.startsWith(m, i));
    if (token) {
      out += quoteLiteral(literal) + token[1];
      literal = '';
      i += token[0].length;
    } else {
      literal += ch;
      i += 1;
    }
  }
  out += quoteLiteral(literal);
  converted.set(momentFormat, out);
  return out;
}

export function formatMoment(date: Date, momentFormat: string): string {
  return format(date, momentToDateFns(momentFormat), OPTIONS);
}

const numericParsers = new Map<string, ((text: string) => Date | null) | null>();

/**
 * Formats made only of YYYY, MM and DD and literal separators (`YYYY-MM-DD`,
 * `YYYY/MM/YYYY-MM-DD`, `DD.MM.YYYY`) are what most vaults use: read them with
 * one regex instead of a full date-fns parse, as a vault can hold thousands.
 */
function numericParser(momentFormat: string): ((text: string) => Date | null) | null {
  if (numericParsers.has(momentFormat)) return numericParsers.get(momentFormat) ?? null;
  let pattern = '';
  const fields: ('Y' | 'M' | 'D')[] = [];
  let rest = momentFormat;
  let ok = true;
  while (rest && ok) {
    const literal = /^\[([^\]]*)\]/.exec(rest);
    const token = /^(YYYY|MM|DD)/.exec(rest);
    if (literal) {
      pattern += escapeRegExp(literal[1]);
      rest = rest.slice(literal[0].length);
    } else if (token) {
      pattern += token[1] === 'YYYY' ? '(\\d{4})' : '(\\d{2})';
      fields.push(token[1][0] as 'Y' | 'M' | 'D');
      rest = rest.slice(token[1].length);
    } else if (/^[^A-Za-z]/.test(rest)) {
      pattern += escapeRegExp(rest[0]);
      rest = rest.slice(1);
    } else ok = false;
  }
  const regex = new RegExp(`^${pattern}$`);
  const parser =
    ok && fields.includes('Y') && fields.includes('M') && fields.includes('D')
      ? (text: string): Date | null => {
          const match = regex.exec(text);
          if (!match) return null;
          const value: Record<string, number> = {};
          for (const [i, field] of fields.entries()) {
            const n = Number(match[i + 1]);
            // A field that appears twice (`YYYY/MM/YYYY-MM-DD`) must agree with itself.
            if (value[field] !== undefined && value[field] !== n) return null;
            value[field] = n;
          }
          const date = calendarDate(value.Y, value.M, value.D);
          return date.getFullYear() === value.Y && date.getMonth() === value.M - 1 && date.getDate() === value.D ? date : null;
        }
      : null;
  numericParsers.set(momentFormat, parser);
  return parser;
}

/** Whether a format is read by the quick numeric parser (which rejects non-matching names cheaply itself). */
export function isNumericFormat(momentFormat: string): boolean {
  return numericParser(momentFormat) !== null;
}

const LETTER = /^\p{L}$/u;

/**
 * A text with each run of digits written `0` and each run of letters `a`:
 * `Monday, March 3rd 2026` → `a, a 0a 0`; a character at a time, as a vault's
 * every note name goes through it (the regexes `\d+` and `\p{L}+` cost four times as much).
 */
export function skeleton(text: string): string {
  let out = '';
  let run = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let kind = code >= 48 && code <= 57 ? '0' : (code | 32) >= 97 && (code | 32) <= 122 ? 'a' : '';
    if (kind === '' && code > 127) {
      // A letter beyond the first 65,536 is two code units: tested, and passed over, as one.
      const next = text.charCodeAt(i + 1);
      const wide = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
      if (LETTER.test(text.slice(i, i + wide))) {
        kind = 'a';
        i += wide - 1;
      }
    }
    if (kind !== '' && kind === run) continue;
    run = kind;
    out += kind === '' ? text[i] : kind;
  }
  return out;
}

const shapes = new Map<string, string | null>();

/** Days spread over weekdays, months, ordinals, hours and the years daily notes are named for. */
const SAMPLE_DAYS = Array.from({ length: 48 }, (_, i) => new Date(1971 + ((i * 7) % 129), i % 12, 1 + ((i * 5) % 28), (i * 5) % 24, (i * 13) % 60, (i * 17) % 60));

/**
 * The skeleton every name of a format has, when all of the sample days give
 * the same (else null): a strict parse yields only a text that formats back to
 * itself, so a name of another skeleton is no date of the format, found
 * without date-fns's parse (which a vault's every note name would otherwise go
 * through, for each of the formats tried: 20,000 notes, most of a second).
 * Timestamps (`X`, `x`) may turn negative: never filtered.
 */
export function shapeOf(momentFormat: string): string | null {
  let shape = shapes.get(momentFormat);
  if (shape !== undefined) return shape;
  const fmt = momentToDateFns(momentFormat);
  const unquoted = fmt.replace(/'[^']*'/g, '');
  shape = null;
  if (!/[tT]/.test(unquoted)) {
    try {
      const all = new Set(SAMPLE_DAYS.map((day) => skeleton(format(day, fmt, OPTIONS))));
      if (all.size === 1) shape = [...all][0];
    } catch {
      // A format date-fns cannot print: parsed as before, unfiltered.
    }
  }
  shapes.set(momentFormat, shape);
  return shape;
}

function parseWith(text: string, fmt: string): Date | null {
  try {
    const date = parse(text, fmt, calendarDate(2000, 1, 1), OPTIONS);
    return isValid(date) ? date : null;
  } catch {
    // date-fns refuses a format that repeats a field (`YYYY/YYYY-MM-DD`); the caller tries its parts.
    return null;
  }
}

/**
 * Parses `text` with a moment format, strictly: the text must format back to
 * itself, as moment's strict mode (which Obsidian uses for daily notes) demands.
 * Formats with folders often repeat a field (`YYYY/MM/YYYY-MM-DD`); then the
 * last segment that yields a date which formats back to the whole text wins.
 */
export function parseMoment(text: string, momentFormat: string): Date | null {
  const numeric = numericParser(momentFormat);
  if (numeric) return numeric(text);
  const fmt = momentToDateFns(momentFormat);
  const shape = shapeOf(momentFormat);
  if (shape !== null && skeleton(text) !== shape) return null;
  const whole = parseWith(text, fmt);
  if (whole) return format(whole, fmt, OPTIONS) === text ? whole : null;
  const textParts = text.split('/');
  const formatParts = momentFormat.split('/');
  if (textParts.length !== formatParts.length || formatParts.length < 2) return null;
  for (let i = formatParts.length - 1; i >= 0; i--) {
    const date = parseWith(textParts[i], momentToDateFns(formatParts[i]));
    if (date && format(date, fmt, OPTIONS) === text) return date;
  }
  return null;
}
