// The independent counter's reading of a Logseq graph, from Logseq's documented rules
// (docs.logseq.com: "Page references", "Tags", "Properties", "Block references",
// "Namespaces", "Journals", and the comments of the default config.edn), on top of the
// same markdown-it reading as counter.mjs. It never imports Daybook's code.
//
// - A graph's file is an outline: a line `- text` (any indentation) starts a block, the
//   lines after it up to the next bullet are its continuation; text before the first
//   bullet is the page's first block. A block's text is markdown of its own, so
//   indentation never makes code; only fences do.
// - `[[X]]`, `#X` and `#[[X]]` all reference page X; page names ignore case. A tag's name
//   runs by mldoc's rule (hash_tag.ml): `#node.js` is node.js, `#done.` is done.
// - Block references `((uuid))`, `{{embed ((uuid))}}`, `[t](((uuid)))` reference a block,
//   not a page: they are not page mentions.
// - Property lines (`key:: value`) are part of their block; page refs in their values
//   are references of that block, as Logseq's "linked references" show them.
// - A page's name comes from its file name: `a___b` (`:file/name-format :triple-lowbar`)
//   or `a.b` (legacy) is `a/b`, and `%2F` is `/`; a journal's name is its date in
//   `:journal/page-title-format` (default `MMM do, yyyy`). `alias::` names the page too.
// - Journals are the files of `:journals-directory` (default `journals`) whose name is a
//   date in `:journal/file-name-format` (default `yyyy_MM_dd`). Logseq's own folder
//   (`logseq/`: bak, .recycle, version-files), dot-folders and `:hidden` folders hold no pages.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEDNString } from 'edn-data';
import { format, isValid, parse } from 'date-fns';
import { makeMarkdown, markdownLinkTarget, splitWikiInner, taskOf } from './counter.mjs';

export function readGraphConfig(dir) {
  const raw = parseEDNString(readFileSync(join(dir, 'logseq', 'config.edn'), 'utf8'), { mapAs: 'object', keywordAs: 'string', listAs: 'array', setAs: 'array' }) ?? {};
  const folder = (v, d) => (typeof v === 'string' && v.trim() !== '' ? v.trim().replace(/^\.?\/+|\/+$/g, '') : d);
  return {
    journals: folder(raw['journals-directory'], 'journals'),
    fileFormat: typeof raw['journal/file-name-format'] === 'string' ? raw['journal/file-name-format'] : 'yyyy_MM_dd',
    titleFormat: typeof raw['journal/page-title-format'] === 'string' ? raw['journal/page-title-format'] : 'MMM do, yyyy',
    tripleLowbar: raw['file/name-format'] === 'triple-lowbar',
    hidden: Array.isArray(raw.hidden) ? raw.hidden.map((h) => folder(h, '')).filter(Boolean) : [],
  };
}

/** The graph's markdown files, graph-relative, without Logseq's own folder, dot-folders or hidden ones. */
export function graphFiles(dir, config) {
  const out = [];
  const walk = (abs, prefix) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (path === 'logseq' || config.hidden.includes(path)) continue;
      if (entry.isDirectory()) walk(join(abs, entry.name), path);
      else if (entry.isFile() && entry.name.endsWith('.md')) out.push(path);
    }
  };
  walk(dir, '');
  return out.sort();
}

/**
 * YYYY-MM-DD of a journal file, or null. Logseq names a page by its file name and takes a
 * name that is a date in the graph's title format or in `MMM do, yyyy`, `yyyy-MM-dd` or
 * `yyyy_MM_dd` (date-time-util safe-journal-title-formatters) as that day's journal, so
 * `journals/2022-04-26.md` is a journal in a `yyyy_MM_dd` graph.
 */
export function journalDay(path, config) {
  const prefix = config.journals + '/';
  if (!path.startsWith(prefix) || path.slice(prefix.length).includes('/')) return null;
  const name = path.slice(prefix.length, -3);
  for (const pattern of [config.fileFormat, config.titleFormat, 'MMM do, yyyy', 'yyyy-MM-dd', 'yyyy_MM_dd']) {
    const date = parse(name, pattern, new Date(2000, 0, 1, 12));
    if (isValid(date) && format(date, pattern) === name) return format(date, 'yyyy-MM-dd');
  }
  return null;
}

function pageNameOf(path, config) {
  const day = journalDay(path, config);
  if (day) return format(parse(day, 'yyyy-MM-dd', new Date(2000, 0, 1, 12)), config.titleFormat);
  const file = path.slice(path.lastIndexOf('/') + 1, -3);
  const named = config.tripleLowbar ? file.split('___').join('/') : file.split('.').join('/');
  try {
    return decodeURIComponent(named);
  } catch {
    return named;
  }
}

/** Other names of a page: `title::` and `alias::` of its first block, `title:`, `alias:`/`aliases:` of YAML frontmatter. */
function aliasesOf(text) {
  const out = [];
  const body = text.replace(/^---\r?\n([\s\S]*?)\r?\n---[^\n]*\n?/, (_, yaml) => {
    for (const line of yaml.split(/\r?\n/)) {
      const m = /^(aliases|alias|title)\s*:\s*(.+)$/.exec(line);
      if (m) out.push(...(m[1] === 'title' ? [m[2]] : m[2].replace(/^\[|\]$/g, '').split(',')));
    }
    return '';
  });
  for (const line of body.split(/\r?\n/)) {
    const m = /^\s*(?:-\s+)?([^\s:]+)::\s*(.*)$/.exec(line);
    if (!m) break;
    if (m[1].toLowerCase() === 'alias') out.push(...m[2].split(','));
    if (m[1].toLowerCase() === 'title') out.push(m[2]);
  }
  return out.map((a) => a.trim().replace(/^(['"])(.*)\1$/, '$2').replace(/^\[\[|\]\]$/g, '').replace(/^#/, '').trim()).filter(Boolean);
}

const lower = (s) => s.normalize('NFC').trim().toLowerCase();

export class GraphResolver {
  constructor(dir, files, config) {
    this.byName = new Map();
    const aliases = [];
    for (const path of files) {
      const key = lower(pageNameOf(path, config));
      if (!this.byName.has(key)) this.byName.set(key, path);
      // A journal page is named by its date (Daybook's decision too: daily notes hold no aliases).
      if (journalDay(path, config)) continue;
      for (const alias of aliasesOf(readFileSync(join(dir, ...path.split('/')), 'utf8'))) aliases.push([lower(alias), path]);
    }
    for (const [alias, path] of aliases) if (!this.byName.has(alias)) this.byName.set(alias, path);
  }

  /** The name of the page a reference reaches: an alias (`[[P0]]`) names its page (`Priority/P0`). */
  pageName(target, config) {
    const path = this.byName.get(lower(target.replace(/\.md$/i, '')));
    return path ? pageNameOf(path, config) : target;
  }

  resolve(target) {
    const key = lower(target.replace(/\.md$/i, ''));
    if (key === '') return null;
    const path = this.byName.get(key);
    return path ? 'path:' + path : 'name:' + key;
  }
}

const md = makeMarkdown({ logseqTags: true });
// A block's text never holds an indented code block in Logseq.
md.disable('code');

const BULLET = /^([ \t]*)[-*+](?:[ \t]+(.*))?$/;
const FENCE = /^\s*(```|~~~)/;

/** The outline's blocks: first line (1-based) and the block's own text, dedented. */
export function outlineBlocks(text) {
  const blocks = [];
  let current = null;
  let fence = false;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const bullet = fence ? null : BULLET.exec(raw);
    if (bullet) {
      current = { line: i + 1, indent: bullet[1].length, lines: [bullet[2] ?? ''] };
      blocks.push(current);
    } else if (current) {
      // Continuation lines are indented past the bullet; drop that indentation only.
      current.lines.push(raw.replace(new RegExp(`^[ \\t]{0,${current.indent + 2}}`), ''));
    } else {
      current = { line: i + 1, indent: -2, lines: [raw] };
      blocks.push(current);
    }
    if (FENCE.test(bullet ? (bullet[2] ?? '') : raw)) fence = !fence;
  });
  return blocks;
}

/**
 * Logseq's graph parser (get-page-reference, with logseq.common.config `draw?` and
 * `local-asset?`): a `[[X]]` whose X starts with `draws` (an Excalidraw drawing) or with
 * `assets` after only dots and slashes (`[[../assets/q.pdf]]`) links that file; it
 * references no page.
 */
const isFileRef = (target) => target.startsWith('draws') || /^[./]*assets/.test(target);

/** Page references of one block's markdown; `line` is the block's first line. */
function refsOf(content, line, out) {
  const tokens = md.parse(content, {});
  for (const token of tokens) {
    if (token.type !== 'inline' || !token.children) continue;
    let at = line + (token.map ? token.map[0] : 0);
    let inLink = 0;
    let inMacro = 0;
    for (const child of token.children) {
      if (child.type === 'softbreak' || child.type === 'hardbreak') at++;
      else if (child.type === 'link_open') {
        inLink++;
        const found = markdownLinkTarget(child.attrGet('href') ?? '');
        if (found && found.kind === 'logseq' && inMacro === 0 && !isFileRef(found.target)) out.refs.push({ target: found.target, line: at });
      } else if (child.type === 'link_close') inLink--;
      else if (child.type === 'text') {
        inMacro = Math.max(0, inMacro + (child.content.split('{{').length - 1) - (child.content.split('}}').length - 1));
      } else if (child.type === 'wikilink' && !child.meta.embed && inMacro === 0) {
        const { target } = splitWikiInner(child.meta.inner);
        if (target !== '' && !isFileRef(target)) out.refs.push({ target, line: at });
      } else if (child.type === 'hashtag' && inLink === 0 && inMacro === 0) out.refs.push({ target: child.meta.name, line: at, tag: true });
    }
  }
}

/** What a Logseq page references (pages, one entry per mention with its block's line) and its tasks. */
export function countLogseqNote(text) {
  const out = { refs: [], tasks: [] };
  const body = text.replace(/^\uFEFF/, '').replace(/^---\r?\n[\s\S]*?\r?\n---[ \t]*(?=\r?\n|$)/, (fm) => fm.replace(/[^\n]/g, ''));
  const blocks = outlineBlocks(body);
  for (const [i, block] of blocks.entries()) {
    const content = block.lines.join('\n');
    if (block.indent >= -1) {
      const task = taskOf(block.lines[0]);
      // A decision, not a count (README): a bare keyword (`- DONE`, its clock drawer aside) over bullets with words is a task told by them.
      const toldBelow = () => {
        for (const next of blocks.slice(i + 1)) {
          if (next.indent <= block.indent) return false;
          if (next.lines.join(' ').trim() !== '') return true;
        }
        return false;
      };
      if (task && (task.text !== '' || toldBelow())) out.tasks.push({ status: task.status, line: block.line, text: task.text });
    }
    refsOf(content, block.line, out);
  }
  return out;
}
