import { format } from 'date-fns';
import { dayToDate } from '../dates/periods';
import { withoutExtension } from '../vault';
import { wikiLink, withoutOpenWikiBrackets } from './escape';
import { graphBeingWritten, pageLink } from './pageLinks';
import { relativeTo } from './relink';
import { withoutTaskFields } from '../note/taskFields';

/** Small pieces of markdown the review renderers share. */

/** `[[Daily/2026-11-17|2026-11-17]]`: the day's note, linked by path so it is never ambiguous (in a Logseq graph, its journal page by title). */
export function dayLink(path: string, date: string): string {
  return noteLink(path, date);
}

export function noteLink(path: string, label: string): string {
  const graph = graphBeingWritten();
  return graph ? pageLink(graph.pageOf(path), label) : wikiLink(withoutExtension(path), label, path);
}

/**
 * A chart beside the review, embedded in a Logseq graph as a markdown image
 * relative to the review note (Logseq embeds no `![[file]]`; both apps resolve
 * `./` from the note); null in an Obsidian vault, which keeps its `![[…]]`.
 */
export function graphImage(chartPath: string): string | null {
  if (!graphBeingWritten()) return null;
  // Charts are written beside their review note.
  const name = chartPath.slice(chartPath.lastIndexOf('/') + 1);
  return `![${name.replace(/\.svg$/, '').replace(/[\\[\]]/g, '\\$&')}](./${encodeURIComponent(name)})`;
}

/**
 * How a person, topic or other link is written in the review: a real link by
 * the note's name (resolving as the daily notes' own links do), or the tag
 * (Roam's `#[[multi word]]` form when it has spaces, as the notes wrote it).
 */
export function entryLink(entry: { name: string; path: string | null; link?: string; alias?: string }, ambiguous?: ReadonlySet<string>): string {
  if (entry.name.startsWith('#') && entry.path === null) return /\s/.test(entry.name) ? `#[[${entry.name.slice(1)}]]` : entry.name;
  const graph = graphBeingWritten();
  if (graph) {
    // A file that is no page (an asset) is linked as Logseq links assets: by its path from the review note.
    if (entry.path !== null && !entry.path.endsWith('.md')) return `[${entry.name.replace(/[\\[\]]/g, '\\$&')}](${encodeURI(relativeTo(entry.path, graph.review))})`;
    // A page's name is unique (two files of one name are one page): the name is the link.
    return pageLink(entry.name, entry.alias);
  }
  if (entry.alias) return `[[${entry.link ?? entry.name}|${entry.alias}]]`;
  // Another note of the vault shares the name: linked by path, so neither link is ambiguous.
  if (entry.link) return wikiLink(entry.link, entry.name, entry.path);
  if (entry.path !== null && ambiguous?.has(entry.name.toLowerCase())) return wikiLink(withoutExtension(entry.path), entry.name, entry.path);
  return wikiLink(entry.name, undefined, entry.path);
}

/** The names that more than one entry (of any kind) carries: those are linked by path. */
export function ambiguousNames(entries: { name: string; path: string | null }[]): Set<string> {
  const paths = new Map<string, Set<string>>();
  for (const entry of entries) {
    if (entry.path === null) continue;
    const key = entry.name.toLowerCase();
    const set = paths.get(key) ?? new Set<string>();
    set.add(entry.path);
    paths.set(key, set);
  }
  return new Set([...paths].filter(([, set]) => set.size > 1).map(([key]) => key));
}

/** `3 Jan`: a day in a compact list. */
export function tinyDate(day: string): string {
  return format(dayToDate(day), 'd MMM');
}

/** `Tue 10 Nov` for one day, `3 Jan – 18 Dec` for several. */
export function daySpan(first: string, last: string): string {
  return first === last ? shortDate(first) : `${tinyDate(first)} – ${tinyDate(last)}`;
}

/** "1 mention", "4 mentions on 3 days": a block mentions a thing once, a day may hold several blocks. */
export function mentionCount(mentions: number, days: number): string {
  return mentions === 1 ? '1 mention' : `${plural(mentions, 'mention')} on ${plural(days, 'day')}`;
}

/**
 * The days something happened, compactly: one day is one linked date; a few
 * are all linked; many are "on 41 days, 3 Jan – 18 Dec:" with the first few
 * linked, so a busy target never makes a line a reader cannot take in.
 */
export function compactDays(refs: { date: string; path: string }[], linked = 4): string {
  const byDate = new Map<string, string>();
  for (const ref of refs) if (!byDate.has(ref.date)) byDate.set(ref.date, ref.path);
  const days = [...byDate].sort(([a], [b]) => a.localeCompare(b));
  if (days.length === 0) return '';
  if (days.length === 1) return `on ${dayLink(days[0][1], shortDate(days[0][0]))}`;
  const links = days.slice(0, linked).map(([date, path]) => dayLink(path, tinyDate(date)));
  if (days.length <= linked) return `on ${plural(days.length, 'day')}: ${links.join(', ')}`;
  return `on ${plural(days.length, 'day')}, ${daySpan(days[0][0], days[days.length - 1][0])}: ${links.join(', ')} …`;
}

/**
 * Roam macros and the Tasks plugin's fields read as noise in a quote; checkboxes are shown by the list they
 * sit in; an unclosed `[[` would swallow the day link written after the quote.
 */
function cleanQuote(text: string): string {
  // Most quotes hold neither macros nor runs of white space: skip the regexes for them.
  let clean = text.includes('{{') ? text.replace(/\{\{\[\[(TODO|DONE)\]\]\}\}\s*/g, '').replace(/\{\{[^{}]*\}\}/g, '') : text;
  if (/\s\s|[\t\n\r]/.test(clean)) clean = clean.replace(/\s+/g, ' ');
  return withoutOpenWikiBrackets(withoutTaskFields(clean.trim()));
}

/** `[text](address)`, the address without spaces, as quotes copy links from the web. */
const MARKDOWN_LINK = /^\[([^[\]\n]*)\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)/;

/**
 * A quote cut to about `max` characters at a word boundary, never inside a
 * `[[link]]`, a `[text](address)` or a `code span`, so the cut never breaks the
 * markdown around it. A markdown link counts as its text: its address is not read.
 */
export function shorten(text: string, max = 180): string {
  const clean = cleanQuote(text);
  if (clean.length <= max) return clean;
  let depth = 0;
  let code = false;
  let parens = 0;
  let cut = -1;
  // A cut outside parentheses reads better ("…(account_id …" leaves one open); take one if there is any.
  let balanced = -1;
  let hidden = 0;
  let i = 0;
  for (; i < clean.length && i - hidden <= max; i++) {
    const ch = clean[i];
    if (ch === '[' && !code && depth === 0 && clean[i + 1] !== '[') {
      const link = MARKDOWN_LINK.exec(clean.slice(i, i + 4096));
      if (link) {
        // A link that does not fit is left out whole, from the last word boundary before it.
        if (i - hidden + link[1].length + 2 > max) break;
        hidden += link[0].length - link[1].length - 2;
        i += link[0].length - 1;
        continue;
      }
    }
    if (ch === '`') code = !code;
    else if (!code && clean.startsWith('[[', i)) depth++;
    else if (!code && clean.startsWith(']]', i) && depth > 0) depth--;
    else if (!code && ch === '(') parens++;
    else if (!code && ch === ')' && parens > 0) parens--;
    else if (ch === ' ' && depth === 0 && !code) {
      cut = i;
      if (parens === 0) balanced = i;
    }
  }
  if (i >= clean.length) return clean;
  if (balanced > max / 2) cut = balanced;
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
