/**
 * The inline syntax Daybook reads, shared by the note parser, the review
 * builder and the editor's slider extension so they never disagree.
 * No regex uses lookbehind: older iOS WebKit rejects it.
 */

import { oneSpaced } from '../text';

export interface WikiLink {
  target: string;
  heading: string | null;
  alias: string | null;
  embed: boolean;
  /** A markdown link's `./x` destination, which names a path from the linking note's folder; `target` is `x`. */
  relative?: string;
}

/**
 * `[[Target]]`, `[[Target|alias]]`, `[[Target#Heading]]`, `[[Target#^block]]`,
 * `![[embed]]`, and `[[Target\|alias]]` as written inside tables.
 */
const WIKI_LINK = /(!?)\[\[([^[\]\n]+?)\]\]/g;

export function findWikiLinks(text: string): WikiLink[] {
  const links: WikiLink[] = [];
  for (const match of text.matchAll(WIKI_LINK)) {
    const inner = match[2];
    const bar = inner.search(/\\?\|/);
    const destination = bar === -1 ? inner : inner.slice(0, bar);
    const alias = bar === -1 ? null : inner.slice(bar).replace(/^\\?\|/, '').trim() || null;
    const hash = destination.indexOf('#');
    const target = (hash === -1 ? destination : destination.slice(0, hash)).trim();
    const heading = hash === -1 ? null : destination.slice(hash + 1).trim() || null;
    if (target === '' && heading === null) continue;
    links.push({ target, heading, alias, embed: match[1] === '!' });
  }
  return links;
}

/**
 * Obsidian's tag rules (help page *Tags*): letters, numbers, `_`, `-`, `/` and
 * any other script or emoji; ASCII punctuation and the Unicode punctuation
 * blocks end a tag; at least one character is not a digit (`#1984` is not a
 * tag). The `#` must start a word: it follows white space or the line start
 * (`a#b` and `(#x` are not tags in Obsidian), or directly ends a previous tag
 * (`#a#b` is two tags). Roam's `#[[multi word]]` is a tag too.
 */
const TAG_START = /(?:^|\s)#/g;
const TAG_BODY = /\[\[([^[\]\n]+)\]\]|[^\s#!"$%&'()*+,.:;<=>?@[\]\\^`{|}~\u2000-\u206F\u2E00-\u2E7F]+/uy;

export function findTags(text: string, logseq = false): string[] {
  const tags: string[] = [];
  for (const start of text.matchAll(TAG_START)) {
    let at = (start.index ?? 0) + start[0].length;
    // A chain `#a#b` is read here, so the search for the next start skips it.
    for (;;) {
      let name: string;
      if (logseq && !text.startsWith('[[', at)) {
        const end = logseqTagEnd(text, at);
        if (end === at) break;
        name = text.slice(at, end);
        at = end;
      } else {
        TAG_BODY.lastIndex = at;
        const match = TAG_BODY.exec(text);
        if (!match) break;
        name = (match[1] ?? match[0]).trim();
        at = TAG_BODY.lastIndex;
      }
      if (name !== '' && !/^\d+$/.test(name)) tags.push(name);
      if (text[at] !== '#') break;
      at += 1;
    }
  }
  return tags;
}

/** What may end a Logseq tag (mldoc's tag_delims), and of them what ends it even inside a word. */
const LOGSEQ_TAG_DELIMS = new Set([',', ';', '.', '!', '?', "'", '"', ':']);
const LOGSEQ_TAG_STOPS = new Set([',', '!', '?', "'", '"', ':']);

/**
 * Where a Logseq tag's name that starts at `at` ends, by mldoc's hashtag rule (hash_tag.ml):
 * any characters but white space and `#` (`#c++`, `#foo(bar)`); the delimiters `, ; . ! ? ' " :`
 * end it when white space or the end follows them (`#end.`), and `,` `!` `?` `'` `"` `:` always
 * do, where `.` and `;` inside a word do not: `#node.js` is the page node.js, `#a,b` the page a.
 * A `[[` ends it too (the link is read as one), and so does a `]`, as a link's label ends there.
 */
function logseqTagEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    const c = text[i];
    if (c === '#' || c === ']' || /\s/u.test(c) || (c === '[' && text[i + 1] === '[')) break;
    if (LOGSEQ_TAG_DELIMS.has(c)) {
      let j = i;
      while (j < text.length && LOGSEQ_TAG_DELIMS.has(text[j])) j++;
      if (j === text.length || /\s/u.test(text[j]) || LOGSEQ_TAG_STOPS.has(c)) break;
    }
    i++;
  }
  return i;
}

/** Removes wiki links, so tags are never read from link text such as `[[C#]]`; Roam's `#[[tag]]` stays. */
export function withoutWikiLinks(text: string): string {
  return text.replace(WIKI_LINK, (link: string, _embed: string, _inner: string, offset: number) => (offset > 0 && text[offset - 1] === '#' ? link : ' '.repeat(link.length)));
}

/** Dataview/Logseq inline fields: `key:: value`, one per line, or `[key:: value]` inline. */
const FIELD_LINE = /^\s*([\p{L}\p{N}_][\p{L}\p{N}_ -]*?)::\s?(.*)$/gmu;
// The value may hold `[[links]]` but no other bracket, so a scan never runs past the next field (no backtracking blow-up).
const FIELD_BRACKET = /[[(]([\p{L}\p{N}_][\p{L}\p{N}_ -]*?)::[ \t]*((?:[^[\]()\n]|\[\[[^[\]\n]*\]\])*)[\])]/gu;

export function findFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of text.matchAll(FIELD_LINE)) fields[normaliseKey(match[1])] = match[2].trim();
  for (const match of text.matchAll(FIELD_BRACKET)) fields[normaliseKey(match[1])] = match[2].trim();
  return fields;
}

function normaliseKey(key: string): string {
  return key.trim().toLowerCase().replace(/\s+/g, '-');
}

export type TaskStatus = 'open' | 'done' | 'cancelled';

/**
 * A task's marker: Obsidian's `- [ ]` open, any other single character checked
 * except `[-]` cancelled (the Tasks plugin's convention); Logseq's `TODO DOING
 * NOW LATER WAIT WAITING IN-PROGRESS` open, `DONE` done, `CANCELED`/`CANCELLED`
 * cancelled; Roam's `{{[[TODO]]}}` / `{{[[DONE]]}}`.
 */
export interface TaskMark {
  status: TaskStatus;
  /** The item text without its checkbox or TODO marker. */
  text: string;
}

/** The marker at the start of a task item's text (checkbox, Roam macro or Logseq keyword), with the space after it. */
export const TASK_MARKER = /^(?:\[([^\]\n])\](?=\s|$)|\{\{\[\[(TODO|DONE)\]\]\}\}|(TODO|DOING|NOW|LATER|WAITING|WAIT|IN-PROGRESS|DONE|CANCELED|CANCELLED)(?=\s|$))\s*/u;

export function readTaskMark(text: string): TaskMark | null {
  const match = TASK_MARKER.exec(text);
  if (!match) return null;
  return { status: taskStatus(match[1] ?? match[2] ?? match[3]), text: text.slice(match[0].length) };
}

function taskStatus(mark: string): TaskStatus {
  if (mark === ' ' || mark === 'TODO' || mark === 'DOING' || mark === 'NOW' || mark === 'LATER' || mark === 'WAIT' || mark === 'WAITING' || mark === 'IN-PROGRESS') return 'open';
  if (mark === '-' || mark === 'CANCELED' || mark === 'CANCELLED') return 'cancelled';
  return 'done';
}

/**
 * Slider tokens: `{{slider mood_wake}}` binds to a property by name; a bare
 * `{{slider}}` (Roam/Logseq exports) binds through the question above it.
 */
export const SLIDER_TOKEN = /\{\{\s*(?:\[\[)?slider(?:\]\])?(?:\s+([\p{L}\p{N}_-]+))?\s*\}\}/gu;

const ONE_SLIDER_TOKEN = new RegExp(SLIDER_TOKEN.source, 'u');

/** Whether text holds a slider token. (A /g regex's `test` would leave state that `matchAll` copies.) */
export function hasSliderToken(text: string): boolean {
  return text.includes('{{') && ONE_SLIDER_TOKEN.test(text);
}

export interface SliderToken {
  from: number;
  to: number;
  property: string | null;
}

export function findSliderTokens(text: string): SliderToken[] {
  const tokens: SliderToken[] = [];
  for (const match of text.matchAll(SLIDER_TOKEN)) {
    tokens.push({ from: match.index ?? 0, to: (match.index ?? 0) + match[0].length, property: match[1] ?? null });
  }
  return tokens;
}

/** A question as it is compared: no link brackets, markup, punctuation or case. */
export function normaliseQuestion(text: string): string {
  return text
    .replace(SLIDER_TOKEN, ' ')
    .replace(/\[![^\]]*\][+-]?/g, ' ')
    .replace(/\[\[([^\]|]*)(?:\|[^\]]*)?\]\]/g, '$1')
    .replace(/[#*_`>~=-]/g, ' ')
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const NON_ASCII = /[\u0080-\uFFFF]/;

/**
 * A block's name as sections are matched by it: `- # [Impact]`, `### 🔥 Incidents`
 * and `## 5 Whys:` name "impact", "incidents" and "5 whys".
 */
export function blockName(text: string): string {
  const linked = text.includes('[[') ? text.replace(/\[\[([^\]|]*)(?:\|([^\]]*))?\]\]/g, (_, target: string, alias?: string) => alias ?? target) : text;
  // No ASCII character is a pictograph: the Unicode class is scanned only for text that may hold one.
  return oneSpaced((NON_ASCII.test(linked) ? linked.replace(/[\p{Extended_Pictographic}\uFE0F]/gu, '') : linked).replace(/[[\]():*_`]/g, ''))
    .trim()
    .toLowerCase();
}
