/**
 * The inline syntax Daybook reads, shared by the note parser, the review
 * builder and the editor's slider extension so they never disagree.
 * No regex uses lookbehind: older iOS WebKit rejects it.
 */

export interface WikiLink {
  target: string;
  heading: string | null;
  alias: string | null;
  embed: boolean;
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
 * `#tag`, `#nested/tag`, `#emoji🚀`, and Roam's `#[[multi word]]`. A tag starts
 * after whitespace, an opening bracket or the line start, and is not all digits
 * (`#1` is an issue number, as in Obsidian).
 */
const TAG = /(^|[\s(,;])#(\[\[([^[\]\n]+)\]\]|[^\s#!"$%&'()*+,.:;<=>?@[\]\\^`{|}~]+)/gu;

export function findTags(text: string): string[] {
  const tags: string[] = [];
  for (const match of text.matchAll(TAG)) {
    const name = match[3] ?? match[2];
    if (/^\d+$/.test(name)) continue;
    tags.push(name.trim());
  }
  return tags;
}

/** Removes wiki links, so tags are never read from link text such as `[[C#]]`; Roam's `#[[tag]]` stays. */
export function withoutWikiLinks(text: string): string {
  return text.replace(WIKI_LINK, (link: string, _embed: string, _inner: string, offset: number) => (offset > 0 && text[offset - 1] === '#' ? link : ' '));
}

/** Dataview/Logseq inline fields: `key:: value`, one per line, or `[key:: value]` inline. */
const FIELD_LINE = /^\s*([\p{L}\p{N}_][\p{L}\p{N}_ -]*?)::\s?(.*)$/gmu;
const FIELD_BRACKET = /[[(]([\p{L}\p{N}_][\p{L}\p{N}_ -]*?)::\s*([^\])]*)[\])]/gu;

export function findFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of text.matchAll(FIELD_LINE)) fields[normaliseKey(match[1])] = match[2].trim();
  for (const match of text.matchAll(FIELD_BRACKET)) fields[normaliseKey(match[1])] = match[2].trim();
  return fields;
}

function normaliseKey(key: string): string {
  return key.trim().toLowerCase().replace(/\s+/g, '-');
}

/** `- [ ] open`, `- [x] done` (`[-]` cancelled counts as closed) and Roam's `{{[[TODO]]}}` / `{{[[DONE]]}}`. */
export interface TaskMark {
  done: boolean;
  /** The item text without its checkbox or TODO marker. */
  text: string;
}

const CHECKBOX = /^\[([ xX/>!?*-])\]\s+/;
const ROAM_TASK = /^\{\{\[\[(TODO|DONE)\]\]\}\}\s*/;
const LOGSEQ_TASK = /^(TODO|DOING|NOW|LATER|DONE|CANCELED|CANCELLED)\s+/;

export function readTaskMark(text: string): TaskMark | null {
  let match = CHECKBOX.exec(text);
  if (match) return { done: /[xX-]/.test(match[1]), text: text.slice(match[0].length) };
  match = ROAM_TASK.exec(text);
  if (match) return { done: match[1] === 'DONE', text: text.slice(match[0].length) };
  match = LOGSEQ_TASK.exec(text);
  if (match) return { done: /^(DONE|CANCEL)/.test(match[1]), text: text.slice(match[0].length) };
  return null;
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

/**
 * A block's name as sections are matched by it: `- # [Impact]`, `### 🔥 Incidents`
 * and `## 5 Whys:` name "impact", "incidents" and "5 whys".
 */
export function blockName(text: string): string {
  return text
    .replace(/\[\[([^\]|]*)(?:\|([^\]]*))?\]\]/g, (_, target: string, alias?: string) => alias ?? target)
    .replace(/[\p{Extended_Pictographic}\uFE0F]/gu, '')
    .replace(/[[\]():*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
