import { format } from 'date-fns';
import { dayToDate } from '../dates/periods';
import { withoutExtension } from '../vault';

/** Small pieces of markdown the review renderers share. */

/** `[[Daily/2026-11-17|2026-11-17]]`: the day's note, linked by path so it is never ambiguous. */
export function dayLink(path: string, date: string): string {
  return `[[${withoutExtension(path)}|${date}]]`;
}

export function noteLink(path: string, label: string): string {
  return `[[${withoutExtension(path)}|${label}]]`;
}

/**
 * How a person, topic or other link is written in the review: a real link by
 * the note's name (resolving as the daily notes' own links do), or the tag
 * (Roam's `#[[multi word]]` form when it has spaces, as the notes wrote it).
 */
export function entryLink(entry: { name: string; path: string | null; link?: string }): string {
  if (entry.name.startsWith('#') && entry.path === null) return /\s/.test(entry.name) ? `#[[${entry.name.slice(1)}]]` : entry.name;
  return entry.link ? `[[${entry.link}|${entry.name}]]` : `[[${entry.name}]]`;
}

/** Roam macros read as noise in a quote; checkboxes are shown by the list they sit in. */
function cleanQuote(text: string): string {
  // Most quotes hold neither macros nor runs of white space: skip the regexes for them.
  let clean = text.includes('{{') ? text.replace(/\{\{\[\[(TODO|DONE)\]\]\}\}\s*/g, '').replace(/\{\{[^{}]*\}\}/g, '') : text;
  if (/\s\s|[\t\n\r]/.test(clean)) clean = clean.replace(/\s+/g, ' ');
  return clean.trim();
}

/**
 * A quote cut to about `max` characters at a word boundary, never inside a
 * `[[link]]` or a `code span`, so the cut never breaks the markdown around it.
 */
export function shorten(text: string, max = 180): string {
  const clean = cleanQuote(text);
  if (clean.length <= max) return clean;
  let depth = 0;
  let code = false;
  let cut = -1;
  for (let i = 0; i < clean.length && i <= max; i++) {
    const ch = clean[i];
    if (ch === '`') code = !code;
    else if (!code && clean.startsWith('[[', i)) depth++;
    else if (!code && clean.startsWith(']]', i) && depth > 0) depth--;
    else if (ch === ' ' && depth === 0 && !code) cut = i;
  }
  return cut > 0 ? clean.slice(0, cut).replace(/[,;:.\s-]+$/, '') + ' …' : clean;
}

export function plural(count: number, one: string, many = one + 's'): string {
  return `${count} ${count === 1 ? one : many}`;
}

const shortDates = new Map<string, string>();

/** `Tue 17 Nov`: how a day is labelled beside a quote (memoised: a yearly review labels thousands). */
export function shortDate(day: string): string {
  let label = shortDates.get(day);
  if (label === undefined) {
    label = format(dayToDate(day), 'EEE d MMM');
    shortDates.set(day, label);
  }
  return label;
}

export function bullet(text: string, depth = 0): string {
  return `${'    '.repeat(depth)}- ${text}`;
}
