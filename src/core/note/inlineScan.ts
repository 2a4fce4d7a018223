import { findTags, findWikiLinks, readTaskMark, type TaskMark, type WikiLink } from './tokens';

/**
 * Reads a block's links, tags and task marker from its own markdown, not from
 * the parser's rendering of it: a link reference definition elsewhere in the
 * note (`[x]: x.md`, as Foam writes them) turns `[[x]]` into a reference in
 * the rendering, and `[[Note]](…)` into a markdown link around `[Note]`.
 * What the apps show as text is blanked first, keeping every offset:
 * code spans and HTML (ranges from the parse tree), backslash escapes,
 * math (`$…$`, `$$…$$`). Every step is a single pass or a regex that cannot
 * backtrack beyond one line, so hostile text costs linear time.
 */
export interface InlineScan {
  links: WikiLink[];
  tags: string[];
  task: TaskMark | null;
}

/** Characters a backslash escapes in CommonMark; `\|` stays, as Obsidian reads it inside `[[a\|b]]` in tables. */
const ESCAPABLE = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{}~');
/** How far a markdown link's destination may run: real ones are short, and the cap keeps a scan linear. */
const MAX_DESTINATION = 2048;
const MARKDOWN_LINK = /(!?)\[([^[\]\n]*)\]\(/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const URL = /\b[a-z][a-z0-9+.-]{1,31}:\/\/[^\s<>]*/gi;
const MACRO = /\{\{[^{}\n]*\}\}/g;
const WIKI_LINK = /(!?)\[\[([^[\]\n]+?)\]\]/g;

export function scanInline(markdown: string, masks: [number, number][], options: { heading: boolean; item: boolean; fileLinks?: boolean; logseqTags?: boolean }): InlineScan {
  const escaped = markdown.includes('\\') ? escapes(markdown) : [];
  let clean = blankRanges(markdown, masks.length ? [...masks, ...escaped] : escaped);
  // What was code or HTML is not white space to what follows it: `<b>#x</b>` and `` `c`#x `` hold no tag.
  if (masks.length) clean = markMaskEnds(clean, masks);
  if (clean.includes('$')) clean = blankRanges(clean, math(clean));
  if (options.heading) clean = clean.replace(/^(\s*)(#{1,6})(?=\s|$)/, (_, space: string, marks: string) => space + ' '.repeat(marks.length));
  const task = options.item && !options.heading ? readTaskMark(clean.trimStart()) : null;
  const found: { at: number; link: WikiLink }[] = [];
  const linkRanges: [number, number][] = [];
  if (clean.includes('](')) {
    for (const match of clean.matchAll(MARKDOWN_LINK)) {
      const at = match.index ?? 0;
      const parsed = destination(clean, at + match[0].length);
      if (!parsed) continue;
      linkRanges.push([at, parsed.end]);
      const link = markdownLinkTarget(parsed.text, match[1] === '!', options.fileLinks ?? true);
      if (link) found.push({ at, link });
    }
  }
  let rest = linkRanges.length ? blankRanges(clean, linkRanges) : clean;
  if (rest.includes('{{')) rest = rest.replace(MACRO, (macro) => ' '.repeat(macro.length));
  const tagText: [number, number][] = [];
  if (rest.includes('[[')) {
    for (const match of rest.matchAll(WIKI_LINK)) {
      const at = match.index ?? 0;
      // Roam's `#[[tag]]` is a tag, not a link, when its `#` starts a word (`###[[x]]` holds a link).
      if (at > 0 && rest[at - 1] === '#' && (at === 1 || /\s/.test(rest[at - 2]))) continue;
      tagText.push([at, at + match[0].length]);
      for (const link of findWikiLinks(match[0])) found.push({ at, link });
    }
  }
  if (found.length > 1) found.sort((a, b) => a.at - b.at);
  const links = found.map((f) => f.link);
  // Blanking only ever removes a `#`: without one there is no tag to read.
  if (!rest.includes('#')) return { links, tags: [], task };
  let tagSource = tagText.length ? blankRanges(rest, tagText) : rest;
  if (tagSource.includes('://')) tagSource = tagSource.replace(URL, (url) => ' '.repeat(url.length));
  return { links, tags: tagSource.includes('#') ? findTags(tagSource, options.logseqTags) : [], task };
}

/** Puts a U+0001 in the last place of each masked range that ends in a blank. */
function markMaskEnds(text: string, masks: [number, number][]): string {
  let out = text;
  for (const [, to] of masks) if (to > 0 && to <= out.length && out.charCodeAt(to - 1) === 32) out = out.slice(0, to - 1) + '\u0001' + out.slice(to);
  return out;
}

/** `text` with each range replaced by spaces (newlines kept), so offsets and lines still match. */
function blankRanges(text: string, ranges: [number, number][]): string {
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [from, to] of ranges) {
    const start = Math.max(from, at);
    if (to <= start) continue;
    const stop = Math.min(to, text.length);
    const newline = text.indexOf('\n', start);
    out += text.slice(at, start) + (newline === -1 || newline >= stop ? ' '.repeat(Math.max(0, stop - start)) : text.slice(start, stop).replace(/[^\n]/g, ' '));
    at = to;
  }
  return out + text.slice(at);
}

/** Backslash escapes (`\[`, `\#`): the escaped character is text, never syntax. */
function escapes(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = text.indexOf('\\'); i !== -1 && i < text.length - 1; i = text.indexOf('\\', i)) {
    const next = text[i + 1];
    if (ESCAPABLE.has(next)) {
      ranges.push([i, i + 2]);
      i += 2;
    } else i += 1;
  }
  return ranges;
}

/**
 * Math as Obsidian reads it: `$$…$$`, and `$…$` whose opening `$` is followed
 * and closing `$` preceded by a non-space (so `$5 and $6` is text).
 */
function math(text: string): [number, number][] {
  if (!text.includes('$')) return [];
  const ranges: [number, number][] = [];
  // The nearest `$` at or after each index that can close inline math, found in one backward pass.
  const closer = new Int32Array(text.length + 1).fill(-1);
  for (let i = text.length - 1; i >= 0; i--) {
    const closes = text[i] === '$' && i > 0 && !/\s/.test(text[i - 1]) && !/\d/.test(text[i + 1] ?? '');
    closer[i] = closes ? i : closer[i + 1];
  }
  let i = text.indexOf('$');
  while (i !== -1) {
    if (text[i + 1] === '$') {
      const end = text.indexOf('$$', i + 2);
      if (end === -1) break;
      ranges.push([i, end + 2]);
      i = text.indexOf('$', end + 2);
      continue;
    }
    const next = text[i + 1];
    if (next !== undefined && !/\s/.test(next)) {
      const end = closer[i + 1];
      if (end === -1) break;
      ranges.push([i, end + 1]);
      i = text.indexOf('$', end + 1);
      continue;
    }
    i = text.indexOf('$', i + 1);
  }
  return ranges;
}

/** A markdown link's destination from just after `(`: `<a b.md>`, `[[Page]]` (Logseq), or a run without spaces. */
function destination(text: string, from: number): { text: string; end: number } | null {
  let i = from;
  while (text[i] === ' ' || text[i] === '\t') i++;
  const limit = Math.min(text.length, i + MAX_DESTINATION);
  let dest: string;
  if (text[i] === '<') {
    const close = findWithin(text, '>', i, limit);
    if (close === -1 || text.slice(i, close).includes('\n')) return null;
    dest = text.slice(i + 1, close);
    i = close + 1;
  } else if (text.startsWith('[[', i)) {
    const close = findWithin(text, ']]', i, limit);
    if (close === -1 || text.slice(i, close).includes('\n')) return null;
    dest = text.slice(i, close + 2);
    i = close + 2;
  } else {
    let depth = 0;
    const start = i;
    for (; i < limit; i++) {
      const c = text[i];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      } else if (c === ' ' || c === '\t' || c === '\n') break;
    }
    dest = text.slice(start, i);
  }
  // An optional title, then the closing parenthesis, on the same line.
  const close = findWithin(text, ')', i, i + MAX_DESTINATION);
  if (close === -1) return null;
  const between = text.slice(i, close).trim();
  if (between !== '' && !/^(["']).*\1$/.test(between)) return null;
  return { text: dest, end: close + 1 };
}

/** The note a markdown link's destination names, or null for a URL with a scheme or a link within the note. */
function markdownLinkTarget(dest: string, embed: boolean, fileLinks: boolean): WikiLink | null {
  if (dest.startsWith('[[')) {
    const inner = findWikiLinks(dest)[0];
    return inner ? { ...inner, embed } : null;
  }
  if (!fileLinks) return null;
  // Logseq's `[label](((uuid)))` quotes a block, which is no note.
  if (dest === '' || SCHEME.test(dest) || dest.startsWith('((')) return null;
  const hash = dest.indexOf('#');
  const path = decode((hash === -1 ? dest : dest.slice(0, hash)).replace(/\?.*$/, '')).replace(/\.md$/i, '');
  const heading = hash === -1 ? null : decode(dest.slice(hash + 1)) || null;
  const bare = path.replace(/^(?:\.\/)+/, '');
  if (bare === '') return null;
  return bare === path ? { target: path, heading, alias: null, embed } : { target: bare, heading, alias: null, embed, relative: path };
}

/** `indexOf` that looks no further than `limit`, so a search for a missing closer costs a bounded stretch, not the rest of the note. */
function findWithin(text: string, needle: string, from: number, limit: number): number {
  const at = text.slice(from, limit + needle.length).indexOf(needle);
  return at === -1 ? -1 : from + at;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
