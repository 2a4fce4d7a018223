#!/usr/bin/env node
// An independent counter of links, tags and tasks in a note, written from the apps'
// documented rules (Obsidian help: Internal links, Tags, Basic formatting syntax →
// Escaping and Comments; Logseq docs: Tasks, page references) on top of markdown-it.
// It never imports Daybook's parser: it is the yardstick Daybook is compared with.
//
//   node scripts/real-vaults/counter.mjs NOTE.md       prints what it counts, as JSON
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';

// ---------------------------------------------------------------- markdown-it rules

/** `[[target]]`, `[[target|alias]]`, `[[target#heading]]` and the embed `![[x]]`, before markdown links are tried. */
function wikiLinkRule(state, silent) {
  const src = state.src;
  let pos = state.pos;
  let embed = false;
  if (src.charCodeAt(pos) === 0x21 /* ! */) {
    embed = true;
    pos++;
  }
  if (src.charCodeAt(pos) !== 0x5b || src.charCodeAt(pos + 1) !== 0x5b) return false;
  // `[[[x]]]`: the link starts at the last of the opening brackets.
  if (src.charCodeAt(pos + 2) === 0x5b) return false;
  const close = src.indexOf(']]', pos + 2);
  if (close < 0 || close + 2 > state.posMax) return false;
  const inner = src.slice(pos + 2, close);
  if (inner.includes('\n') || inner.includes('[[')) return false;
  if (!silent) {
    const token = state.push('wikilink', '', 0);
    token.meta = { inner, embed, hashTag: false };
  }
  state.pos = close + 2;
  return true;
}

/**
 * Obsidian's tag rule (its help page *Tags*, and the expression the app uses, quoted in
 * obsidian-help issue 816): `#` at the start of a line or after white space, then any
 * characters but white space, ASCII punctuation other than `_ - /`, and the General and
 * Supplemental Punctuation blocks; at least one non-digit. Logseq's `#[[multi word]]` too.
 */
const TAG_BODY = /^[^\u2000-\u206F\u2E00-\u2E7F'!"#$%&()*+,.:;<=>?@^`{|}~[\]\\\s]+/u;

/**
 * Logseq's tag rule (logseq/mldoc lib/syntax/extended/hash_tag.ml, read in the source): after
 * the `#`, characters up to white space or another `#`; of `, ; . ! ? ' " :`, a run that white
 * space or the end follows is not part of the name, and inside a word only `.` and `;` are.
 * So `#node.js` and `#c++` name the pages node.js and c++, and `#done.` names done. A `]`
 * ends it here, as the end of a link's label does in mldoc (markdown-it looks for the label's
 * end through this rule).
 */
function logseqTagName(src, from, max) {
  const delims = ',;.!?\'":';
  let i = from;
  while (i < max) {
    const c = src[i];
    if (c === '#' || c === ']' || /\s/u.test(c) || src.startsWith('[[', i)) break;
    if (delims.includes(c)) {
      let j = i;
      while (j < max && delims.includes(src[j])) j++;
      if (j >= max || /\s/u.test(src[j]) || !'.;'.includes(c)) break;
    }
    i++;
  }
  return src.slice(from, i);
}

function logseqTagRule(state, silent) {
  const src = state.src;
  const pos = state.pos;
  if (src.charCodeAt(pos) !== 0x23 /* # */ || src.startsWith('#[[', pos)) return tagRule(state, silent);
  if (pos > 0 && !/\s/u.test(src[pos - 1])) return false;
  const name = logseqTagName(src, pos + 1, Math.min(state.posMax, pos + 1 + 400));
  if (name === '' || /^\d+$/.test(name)) return false;
  if (!silent) state.push('hashtag', '', 0).meta = { name };
  state.pos = pos + 1 + name.length;
  return true;
}

function tagRule(state, silent) {
  const src = state.src;
  const pos = state.pos;
  if (src.charCodeAt(pos) !== 0x23 /* # */) return false;
  if (pos > 0 && !/\s/u.test(src[pos - 1])) return false;
  if (src.startsWith('#[[', pos)) {
    const close = src.indexOf(']]', pos + 3);
    const inner = close < 0 ? '' : src.slice(pos + 3, close);
    if (inner === '' || inner.includes('\n') || inner.includes('[')) return false;
    if (!silent) state.push('hashtag', '', 0).meta = { name: inner.trim() };
    state.pos = close + 2;
    return true;
  }
  const match = TAG_BODY.exec(src.slice(pos + 1, Math.min(state.posMax, pos + 1 + 400)));
  if (!match || /^\d+$/.test(match[0])) return false;
  if (!silent) state.push('hashtag', '', 0).meta = { name: match[0] };
  state.pos = pos + 1 + match[0].length;
  return true;
}

/** Obsidian comments `%%…%%` inside a paragraph; an unclosed one hides the rest of it. */
function commentInlineRule(state, silent) {
  const src = state.src;
  const pos = state.pos;
  if (src.charCodeAt(pos) !== 0x25 || src.charCodeAt(pos + 1) !== 0x25) return false;
  const close = src.indexOf('%%', pos + 2);
  const end = close < 0 || close + 2 > state.posMax ? state.posMax : close + 2;
  if (!silent) state.push('hidden', '', 0);
  state.pos = end;
  return true;
}

/** Inline math: `$$…$$`, or `$…$` opened before a non-space and closed after one, not by a `$` before a digit (`$5 and $6` is money). */
function mathInlineRule(state, silent) {
  const src = state.src;
  const pos = state.pos;
  if (src.charCodeAt(pos) !== 0x24) return false;
  if (src.charCodeAt(pos + 1) === 0x24) {
    const close = src.indexOf('$$', pos + 2);
    if (close < 0 || close + 2 > state.posMax) return false;
    if (!silent) state.push('hidden', '', 0);
    state.pos = close + 2;
    return true;
  }
  if (pos + 1 >= state.posMax || /\s/u.test(src[pos + 1])) return false;
  for (let j = src.indexOf('$', pos + 1); j >= 0 && j < state.posMax; j = src.indexOf('$', j + 1)) {
    if (/\s/u.test(src[j - 1]) || src[j - 1] === '\\') continue;
    if (/\d/.test(src[j + 1] ?? '')) continue;
    if (!silent) state.push('hidden', '', 0);
    state.pos = j + 1;
    return true;
  }
  return false;
}

/** A block fenced by `open`/`close` marks at a line's start (`$$` math, `%%` comments): no mentions inside. */
function fencedBlockRule(mark, closesAtEnd) {
  return (state, startLine, endLine, silent) => {
    const start = state.bMarks[startLine] + state.tShift[startLine];
    if (state.sCount[startLine] - state.blkIndent >= 4) return false;
    const first = state.src.slice(start, state.eMarks[startLine]);
    if (!first.startsWith(mark)) return false;
    let last = -1;
    if (first.indexOf(mark, mark.length) >= 0) last = startLine;
    for (let line = startLine + 1; last < 0 && line < endLine; line++) {
      const text = state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
      if (text.includes(mark)) last = line;
    }
    if (last < 0) {
      if (!closesAtEnd) return false;
      last = endLine - 1;
    }
    if (silent) return true;
    const token = state.push('hidden_block', '', 0);
    token.map = [startLine, last + 1];
    state.line = last + 1;
    return true;
  };
}

/** A footnote reference `[^1]` is not a link (Obsidian reads footnotes), whatever definitions the note has. */
function footnoteRefRule(state, silent) {
  const match = /^\[\^[^\]\s]+\]/.exec(state.src.slice(state.pos, state.posMax));
  if (!match) return false;
  if (!silent) state.push('hidden', '', 0);
  state.pos += match[0].length;
  return true;
}

/**
 * A footnote definition `[^1]: text` is a paragraph of the note (its mentions count),
 * not a link reference definition; its indented continuation lines are read as text.
 */
function footnoteDefRule(state, startLine, endLine, silent) {
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const match = /^\[\^[^\]\s]+\]:[ \t]*/.exec(state.src.slice(start, state.eMarks[startLine]));
  if (!match) return false;
  if (silent) return true;
  let last = startLine;
  while (last + 1 < endLine && !state.isEmpty(last + 1) && state.sCount[last + 1] > state.blkIndent) last++;
  const lines = [];
  for (let line = startLine; line <= last; line++) lines.push(state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]));
  lines[0] = lines[0].slice(match[0].length);
  state.push('paragraph_open', 'p', 1).map = [startLine, last + 1];
  const inline = state.push('inline', '', 0);
  inline.content = lines.join('\n');
  inline.map = [startLine, last + 1];
  inline.children = [];
  state.push('paragraph_close', 'p', -1);
  state.line = last + 1;
  return true;
}

export function makeMarkdown({ logseqTags = false } = {}) {
  // html: true so raw HTML is HTML (not text holding tags); linkify off, as in CommonMark.
  const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
  md.inline.ruler.before('link', 'wikilink', wikiLinkRule);
  md.inline.ruler.before('link', 'footnote_ref', footnoteRefRule);
  md.block.ruler.before('reference', 'footnote_def', footnoteDefRule, { alt: ['paragraph', 'reference'] });
  md.inline.ruler.before('link', 'hashtag', logseqTags ? logseqTagRule : tagRule);
  md.inline.ruler.before('link', 'comment', commentInlineRule);
  md.inline.ruler.before('link', 'math', mathInlineRule);
  // An unclosed block comment hides the rest of the note in Obsidian; unclosed `$$` is text.
  md.block.ruler.before('fence', 'comment_block', fencedBlockRule('%%', true), { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.block.ruler.before('fence', 'math_block', fencedBlockRule('$$', false), { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  return md;
}

// ---------------------------------------------------------------- counting

/** Frontmatter lines become blank lines: properties are metadata, not mentions, and line numbers stay true. */
export function blankFrontmatter(text) {
  const match = /^---\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?=\r?\n|$)/.exec(text);
  if (!match) return text;
  return match[0].replace(/[^\n]/g, '') + text.slice(match[0].length);
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The note a markdown link's destination names, or null when it names none: a URL
 * with a scheme, a heading of the same note (`#h`), a Logseq block ref `((uuid))`.
 * Logseq's labelled page reference `[label]([[Page]])` names Page.
 */
export function markdownLinkTarget(href) {
  const raw = safeDecode(href.trim());
  const logseq = /^\[\[([^\]]+)\]\]$/.exec(raw);
  if (logseq) return { target: splitWikiInner(logseq[1]).target, kind: 'logseq' };
  if (raw === '' || raw.startsWith('#') || raw.startsWith('((') || SCHEME.test(raw) || raw.startsWith('//')) return null;
  const path = raw.replace(/[?#].*$/, '');
  if (path === '' || path.endsWith('/')) return null;
  return { target: path, kind: 'markdown' };
}

/** `target#heading|alias` (and `\|` as written in tables) → the target note's link text. */
export function splitWikiInner(inner) {
  const bar = inner.search(/\\?\|/);
  const destination = bar < 0 ? inner : inner.slice(0, bar);
  const hash = destination.indexOf('#');
  return { target: (hash < 0 ? destination : destination.slice(0, hash)).trim() };
}

const CHECKBOX = /^\[([^\]])\](?=\s|$)/u;
const ROAM = /^\{\{\[\[(TODO|DONE)\]\]\}\}/;
const LOGSEQ = /^(TODO|DOING|NOW|LATER|WAITING|WAIT|IN-PROGRESS|DONE|CANCELED|CANCELLED)(?=\s|$)/;

/** A list item's task marker and status, from the raw text its first paragraph starts with. */
export function taskOf(content) {
  let match = CHECKBOX.exec(content);
  if (match) return { status: match[1] === ' ' ? 'open' : match[1] === '-' ? 'cancelled' : 'done', text: content.slice(match[0].length).trim() };
  match = ROAM.exec(content);
  if (match) return { status: match[1] === 'DONE' ? 'done' : 'open', text: content.slice(match[0].length).trim() };
  match = LOGSEQ.exec(content);
  if (match) {
    const status = match[1] === 'DONE' ? 'done' : match[1].startsWith('CANCEL') ? 'cancelled' : 'open';
    return { status, text: content.slice(match[0].length).trim() };
  }
  return null;
}

/**
 * A task's status as a review of the period ending `end` reads it, from the Tasks
 * plugin's emoji fields (README, What counts as what: Tasks): `❌ date` on an open box
 * cancels it; a `✅ date` after `end` means it was still open then.
 */
export function statusAsOf(task, end) {
  const cancelled = /❌\uFE0F?\s*\d{4}-\d{2}-\d{2}/u.test(task.text);
  const done = /✅\uFE0F?\s*(\d{4}-\d{2}-\d{2})/u.exec(task.text)?.[1];
  if (task.status === 'open' && cancelled) return 'cancelled';
  if (task.status === 'done' && done !== undefined && done > end) return 'open';
  return task.status;
}

/** Mentions in one inline token's children; `line` is the line the inline starts on (1-based). */
function walkInline(children, line, out) {
  let inLink = 0;
  let inMacro = 0;
  for (const token of children) {
    switch (token.type) {
      case 'softbreak':
      case 'hardbreak':
        line++;
        break;
      case 'link_open': {
        inLink++;
        const found = markdownLinkTarget(token.attrGet('href') ?? '');
        if (found && found.target !== '' && inMacro === 0) out.links.push({ ...found, line, raw: token.attrGet('href') });
        break;
      }
      case 'link_close':
        inLink--;
        break;
      case 'text':
        // Logseq/Roam macros `{{embed [[x]]}}`, `{{query …}}`: embeds and renderers, not mentions.
        for (const ch of token.content) {
          if (ch === '\n') line++;
        }
        inMacro += count(token.content, '{{') - count(token.content, '}}');
        if (inMacro < 0) inMacro = 0;
        break;
      case 'wikilink': {
        if (token.meta.embed || inMacro > 0) break;
        const { target } = splitWikiInner(token.meta.inner);
        if (target !== '') out.links.push({ target, kind: 'wiki', line, raw: `[[${token.meta.inner}]]` });
        break;
      }
      case 'hashtag':
        if (inLink === 0 && inMacro === 0) out.tags.push({ name: token.meta.name, line });
        break;
      default:
        break;
    }
  }
}

function count(text, needle) {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

const md = makeMarkdown();

/**
 * Obsidian's help (Advanced formatting syntax → Tables) asks for `[[a\|b]]` inside
 * tables; real notes often write `[[a|b]]` there, and the link is meant all the same.
 * Escaping the bar up front keeps it one link wherever it is; outside tables `\|` and `|`
 * read alike. The text keeps its lines.
 */
function escapeBarsInWikiLinks(text) {
  return text.includes('[[') ? text.replace(/\[\[[^\]\n]*\]\]/g, (link) => link.replace(/(^|[^\\])\|/g, '$1\\|')) : text;
}

/** Everything the counter reads from a note: raw link targets, tags and tasks, with 1-based lines. */
export function countNote(text) {
  const body = escapeBarsInWikiLinks(blankFrontmatter(text.replace(/^\uFEFF/, '')));
  const tokens = md.parse(body, {});
  const out = { links: [], tags: [], tasks: [] };
  // Table cells' inline tokens carry no line: they are on their row's.
  let lastLine = 1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.map) lastLine = token.map[0] + 1;
    if (token.type === 'list_item_open') {
      // The item's own first paragraph holds its task marker.
      const para = tokens[i + 1];
      const inline = tokens[i + 2];
      if (para?.type === 'paragraph_open' && inline?.type === 'inline') {
        const task = taskOf(inline.content);
        if (task && task.text !== '') out.tasks.push({ status: task.status, line: inline.map[0] + 1, text: task.text });
      }
    }
    if (token.type === 'inline' && token.children) walkInline(token.children, lastLine, out);
  }
  return out;
}

// ---------------------------------------------------------------- resolution

const lower = (s) => s.normalize('NFC').toLowerCase();
const withoutMd = (p) => (p.toLowerCase().endsWith('.md') ? p.slice(0, -3) : p);
const byLengthThenCodeUnit = (a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/**
 * Obsidian's link resolution (help: Internal links): a path from the vault root, then a
 * note whose path ends with the link's folders and name, then the note of that name,
 * the shortest path winning; case-insensitive. Markdown links may be relative to the
 * linking note (`./x.md`, `../x.md`). Aliases from every note's frontmatter fold into
 * their note when no note has the name (Daybook's rule: aliases fold).
 */
export class Resolver {
  constructor(paths, aliasesOf) {
    this.byPath = new Map();
    this.byName = new Map();
    for (const path of [...paths].sort(byLengthThenCodeUnit)) {
      const key = lower(withoutMd(path));
      if (!this.byPath.has(key)) this.byPath.set(key, path);
      const name = key.slice(key.lastIndexOf('/') + 1);
      if (!this.byName.has(name)) this.byName.set(name, []);
      this.byName.get(name).push(path);
    }
    this.aliases = new Map();
    for (const path of [...paths].sort(byLengthThenCodeUnit)) {
      for (const alias of aliasesOf(path)) {
        const key = lower(alias.trim());
        if (key !== '' && !this.aliases.has(key)) this.aliases.set(key, path);
      }
    }
  }

  /** The identity of a link's target: `path:<vault path>`, or `name:<link text as written, lower case>` when no note has it. */
  resolve(target, fromPath, kind) {
    const written = target.trim();
    let text = written.replace(/\\/g, '/');
    if (kind === 'markdown' && /^\.\.?\//.test(text)) {
      const parts = fromPath.split('/').slice(0, -1);
      for (const part of text.split('/')) {
        if (part === '..') parts.pop();
        else if (part !== '.') parts.push(part);
      }
      text = parts.join('/');
    }
    text = text.replace(/^\/+/, '');
    const key = lower(withoutMd(text));
    if (key === '') return null;
    const exact = this.byPath.get(key);
    if (exact) return 'path:' + exact;
    const name = key.slice(key.lastIndexOf('/') + 1);
    const candidates = this.byName.get(name) ?? [];
    const found = key.includes('/') ? candidates.find((p) => lower(withoutMd(p)).endsWith('/' + key)) : candidates[0];
    if (found) return 'path:' + found;
    const alias = this.aliases.get(key);
    if (alias) return 'path:' + alias;
    // A link that resolves to nothing is named as it is written (`../../CONTRIBUTING`, `/x/y.png`).
    return 'name:' + lower(withoutMd(written));
  }
}

/** `aliases:` / `alias:` of a note's frontmatter, read with a small YAML subset (lists, inline lists, scalars). */
export function aliasesInFrontmatter(text) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) return [];
  const lines = match[1].split(/\r?\n/);
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const key = /^(aliases|alias)\s*:\s*(.*)$/.exec(lines[i]);
    if (!key) continue;
    const value = key[2].trim();
    if (value.startsWith('[')) out.push(...value.slice(1, value.lastIndexOf(']')).split(',').map(unquote));
    else if (value !== '') out.push(unquote(value));
    else for (let j = i + 1; j < lines.length && /^\s*-\s/.test(lines[j]); j++) out.push(unquote(lines[j].replace(/^\s*-\s*/, '')));
  }
  return out.filter((a) => a !== '');
}

function unquote(text) {
  const t = text.trim();
  return /^(['"]).*\1$/.test(t) ? t.slice(1, -1) : t;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of process.argv.slice(2)) process.stdout.write(JSON.stringify({ file, ...countNote(readFileSync(file, 'utf8')) }, null, 1) + '\n');
}
