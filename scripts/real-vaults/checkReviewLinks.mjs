#!/usr/bin/env node
// Checks that every link in a review points where the quoted line's link pointed.
//
//   node scripts/real-vaults/checkReviewLinks.mjs --vault DIR [--vault DIR …] [--periods 2024,2024-W23]
//
// For each period (default: every year with daily notes, and the first week of each),
// it prints the review (markdown) and its data (--json) with the built CLI
// (bin/daybook.js; run `npm run build:cli` first). Every link of every quoted text in
// the data is resolved from the note it was written in; every link of the markdown is
// resolved from the review note. A link of the review that points at no file (or at a
// heading its file does not have) must have pointed nowhere from its line too, and
// nothing may be embedded but the mood chart and heatmaps. Resolution is written here, from
// Obsidian's rules, without Daybook's code: an exact vault path, else the shortest
// path of that name; `./` and `../` from the note's folder; `#h` the note itself.
//
// A folder holding logseq/config.edn is a Logseq graph, and its reviews are read by
// Logseq's documented rules instead: `[[X]]` and `[label]([[X]])` name the page X
// (case ignored), which exists when a file is that page (its file name decoded by
// :file/name-format, its `title::`, a journal by :journal/page-title-format, an
// `alias::`) or when any note of the graph references it (`[[X]]`, `#X`, `#[[X]]`,
// `tags::`/`alias::` values, a namespace's parents): Logseq makes a page of every
// reference. A page has no headings to link (`[[X#h]]` is the page "X#h") and a
// markdown link to a file names no page: a relative one is checked as a file. A
// page link of the review naming no page must have pointed nowhere from its line too
// (an Obsidian `[[day#^block]]` in a graph names a page no file is, and so does the
// entry Daybook counts it as, `[[day]]`). Logseq takes every page name, a file's or a
// reference's, that reads as a date in the title format, `MMM do, yyyy`, `yyyy-MM-dd` or
// `yyyy_MM_dd` as that day's journal. A graph with an `.obsidian/` folder is opened in
// Obsidian too, and its reviews are checked by Obsidian's rules as well: every `[[X]]`
// (the one inside `[label]([[X]])` too) must find the file its line's link found. Two kinds
// of page find no file in Obsidian and are counted apart: a page no file is (a tag, a
// nested tag's parent, a link to no page file), which the lines naming it found no note for
// either, and a page a file is by another name than the file's (`title::`, `alias::`, a
// namespace `a___b.md`), which no one name finds in both apps.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseEDNString } from 'edn-data';
import { format, isValid, parse } from 'date-fns';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
const cli = join(root, 'bin', 'daybook.js');

function args(argv) {
  const out = { vaults: [], periods: null };
  for (let i = 2; i < argv.length; i++) {
    if (argv[i] === '--vault') out.vaults.push(resolve(argv[++i]));
    else if (argv[i] === '--periods') out.periods = argv[++i].split(',');
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return out;
}

function walk(dir, base = dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, base, out);
    else out.push(relative(base, path).split('\\').join('/'));
  }
  return out;
}


/** Whether a link target is relative to its note's folder (`./x`, `../x`). */
function isRelative(target) {
  const t = target.trim();
  return t.startsWith('./') || t.startsWith('../');
}

/** The vault path a relative target names from the note at `from`. */
function fromFolder(target, from) {
  const parts = from.split('/').slice(0, -1);
  for (const p of target.trim().split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

class Vault {
  constructor(dir) {
    this.dir = dir;
    this.files = walk(dir);
    this.byPath = new Map(this.files.map((f) => [f.toLowerCase(), f]));
    this.byName = new Map();
    for (const f of [...this.files].sort((a, b) => a.length - b.length || a.localeCompare(b))) {
      const name = f.slice(f.lastIndexOf('/') + 1).toLowerCase();
      for (const key of [name, name.replace(/\.md$/, '')]) if (!this.byName.has(key)) this.byName.set(key, f);
    }
    this.headings = new Map();
  }

  /** The file a link target names, or null. */
  file(target, from) {
    if (target.trim() === '') return from;
    if (isRelative(target)) {
      const t = fromFolder(target, from);
      return this.byPath.get(t.toLowerCase()) ?? this.byPath.get(`${t}.md`.toLowerCase()) ?? null;
    }
    const t = target.trim().replace(/^\/+/, '');
    const exact = this.byPath.get(t.toLowerCase()) ?? this.byPath.get(`${t}.md`.toLowerCase());
    if (exact) return exact;
    if (t.includes('/')) {
      const suffix = t.toLowerCase();
      return this.files.find((f) => f.toLowerCase().endsWith(`/${suffix}`) || f.toLowerCase().endsWith(`/${suffix}.md`)) ?? null;
    }
    return this.byName.get(t.toLowerCase()) ?? null;
  }

  hasHeading(file, heading) {
    if (!file.endsWith('.md')) return true;
    if (heading.startsWith('^')) return true; // block ids are not checked here
    if (!this.headings.has(file)) {
      const text = readFileSync(join(this.dir, file), 'utf8');
      this.headings.set(file, new Set([...text.matchAll(/^\s*(?:[-*+]\s+)?#{1,6}\s+(.+?)\s*#*\s*$/gm)].map((m) => m[1].trim().toLowerCase())));
    }
    return this.headings.get(file).has(heading.trim().toLowerCase());
  }
}

/** What the checker takes from config.edn, with Logseq's defaults (date-fns formats, as Logseq writes them). */
function graphConfig(dir) {
  const data = parseEDNString(readFileSync(join(dir, 'logseq', 'config.edn'), 'utf8'), { mapAs: 'object', keywordAs: 'string', listAs: 'array', setAs: 'array' });
  const folder = (value, fallback) => (typeof value === 'string' && value.trim() !== '' ? value.trim().replace(/^\.?\/+|\/+$/g, '') : fallback);
  return {
    journals: folder(data['journals-directory'], 'journals'),
    fileFormat: typeof data['journal/file-name-format'] === 'string' ? data['journal/file-name-format'] : 'yyyy_MM_dd',
    titleFormat: typeof data['journal/page-title-format'] === 'string' ? data['journal/page-title-format'] : 'MMM do, yyyy',
    tripleLowbar: data['file/name-format'] === 'triple-lowbar',
    hidden: Array.isArray(data.hidden) ? data.hidden.map((h) => folder(h, '')).filter(Boolean) : [],
  };
}

const inFolder = (path, folder) => folder !== '' && (path === folder || path.startsWith(`${folder}/`));

/** Every page name a text references, by Logseq's syntax (code spans and fences left out). */
function referencedPages(text) {
  const out = [];
  const plain = text.replace(/^(\s*(?:[-*+]\s+)?)(```|~~~)[\s\S]*?^\s*\2/gm, ' ').replace(/`+[^`\n]*`+/g, ' ');
  for (const m of plain.matchAll(/\[\[([^[\]\n]+)\]\]/g)) out.push(m[1]);
  for (const m of plain.matchAll(/(?:^|\s)#(?!\[\[)([^\s#,[\]()]+)/g)) out.push(m[1].replace(/[.!?;:"']+$/, ''));
  for (const m of plain.matchAll(/^\s*(?:[-*+]\s+)?(?:tags|alias)::[ \t]*(.*)$/gim)) {
    for (const part of m[1].split(',')) {
      const name = part.trim().replace(/^#/, '').replace(/^\[\[(.*)\]\]$/, '$1').trim();
      if (name !== '') out.push(name);
    }
  }
  return out;
}

class Graph {
  constructor(dir) {
    this.dir = dir;
    this.config = graphConfig(dir);
    const own = ['logseq', ...this.config.hidden];
    this.files = walk(dir).filter((f) => !own.some((folder) => inFolder(f, folder)));
    this.byPath = new Map(this.files.map((f) => [f.toLowerCase(), f]));
    this.pages = new Map();
    const add = (name, why) => {
      const key = this.pageKey(name);
      if (key === '') return;
      if (!this.pages.has(key)) this.pages.set(key, why);
      // A namespace page `a/b/c` makes `a` and `a/b` pages too.
      const parts = key.split('/');
      for (let i = 1; i < parts.length; i++) if (!this.pages.has(parts.slice(0, i).join('/'))) this.pages.set(parts.slice(0, i).join('/'), 'namespace');
    };
    for (const f of this.files) {
      if (!/\.(md|org)$/i.test(f)) continue;
      const text = readFileSync(join(dir, f), 'utf8');
      const journal = this.journalTitle(f);
      if (journal) add(journal, 'journal');
      else {
        const title = /^(?:---\n[\s\S]*?\n---\n)?\s*(?:[-*+]\s+)?(?:[\w-]+::.*\n)*?\s*title::[ \t]*(.+)$/im.exec(text.slice(0, 4000));
        add(title ? title[1] : this.fileName(f), 'file');
      }
      for (const name of referencedPages(text)) add(name, 'referenced');
      const yaml = /^---\n([\s\S]*?)\n---/.exec(text);
      if (yaml) for (const m of yaml[1].matchAll(/^(?:alias|aliases|title):[ \t]*(.+)$/gim)) for (const part of m[1].replace(/^\[|\]$/g, '').split(',')) add(part.trim().replace(/^["']|["']$/g, ''), 'file');
    }
  }

  /** The journal title of a file of the journals folder named by the file name format (or a name Logseq takes as a day), or null. */
  journalTitle(file) {
    if (!inFolder(file, this.config.journals)) return null;
    const name = file.slice(file.lastIndexOf('/') + 1).replace(/\.(md|org)$/i, '');
    return this.dayTitle(name, [this.config.fileFormat]);
  }

  /**
   * The journal title a name is to Logseq, or null: every page name, a file's or a
   * reference's, goes through its convert-page-if-journal, which takes a name that parses by
   * the title format or by `MMM do, yyyy`, `yyyy-MM-dd` or `yyyy_MM_dd`
   * (safe-journal-title-formatters) as that day's journal. So `[[2022_04_26]]` and a file
   * `journals/2022-04-26.md` are the journal `Apr 26th, 2022`.
   */
  dayTitle(name, first = []) {
    const trimmed = name.trim();
    for (const fmt of [...first, this.config.titleFormat, 'MMM do, yyyy', 'yyyy-MM-dd', 'yyyy_MM_dd']) {
      const date = parse(trimmed, fmt, new Date(2000, 0, 1));
      if (isValid(date) && format(date, fmt).toLowerCase() === trimmed.toLowerCase()) return format(date, this.config.titleFormat);
    }
    return null;
  }

  /** The key Logseq files a page name under: lower case, a day's name as its journal title. */
  pageKey(name) {
    return (this.dayTitle(name) ?? name).trim().toLowerCase();
  }

  /** A page's name from its file name: `a___b` (triple-lowbar) or `a.b` (legacy) is `a/b`, percent-escapes decoded; folders left out. */
  fileName(file) {
    const body = file.slice(file.lastIndexOf('/') + 1).replace(/\.(md|org)$/i, '');
    const separated = this.config.tripleLowbar ? body.replace(/___/g, '/') : body.replace(/\./g, '/');
    try {
      return decodeURIComponent(separated);
    } catch {
      return separated;
    }
  }

  /** A relative file link resolved from its note, or null. */
  file(target, from) {
    const t = isRelative(target) ? fromFolder(target, from) : target.trim().replace(/^\/+/, '');
    return this.byPath.get(t.toLowerCase()) ?? null;
  }
}

/** Where a link points in a graph: "page:…", "missing-page:…", a file, "missing:…", or null for a link Logseq resolves to nothing (a markdown link to a file by a bare name). */
function graphDestination(graph, link, from) {
  if (link.page !== undefined) {
    const key = graph.pageKey(link.page);
    return graph.pages.has(key) ? `page:${key}` : `missing-page:${key}`;
  }
  if (!isRelative(link.target)) return null;
  const file = graph.file(link.target, from);
  return file ?? `missing:${fromFolder(link.target, from).toLowerCase()}`;
}

/** Every link of a markdown line as Logseq reads it: page references (`[[X]]`, `[t]([[X]])`) and markdown links to files. */
function graphLinksOf(text) {
  const out = [];
  const plain = text.replace(/`+[^`]*`+/g, ' ');
  for (const m of plain.matchAll(/(!?)\[((?:[^[\]\n]|\\[[\]])*)\]\(\[\[([^[\]\n]+)\]\]\)/g)) out.push({ page: m[3], embed: m[1] === '!', text: m[0] });
  const rest = plain.replace(/(!?)\[((?:[^[\]\n]|\\[[\]])*)\]\(\[\[([^[\]\n]+)\]\]\)/g, ' ');
  for (const m of rest.matchAll(/(!?)\[\[([^[\]\n]+?)\]\]/g)) out.push({ page: m[2], embed: m[1] === '!', text: m[0] });
  for (const link of linksOf(rest)) if (!link.text.startsWith('[[') && !link.text.startsWith('![[')) out.push(link);
  return out;
}

/** Every link of a markdown line: [target, heading, embed]. Code spans are skipped. */
function linksOf(text) {
  const out = [];
  const plain = text.replace(/`+[^`]*`+/g, ' ');
  for (const m of plain.matchAll(/(!?)\[\[([^[\]\n]+?)\]\]/g)) {
    const [target] = m[2].split('|');
    const hash = target.indexOf('#');
    out.push({ target: hash === -1 ? target : target.slice(0, hash), heading: hash === -1 ? null : target.slice(hash + 1), embed: m[1] === '!', text: m[0] });
  }
  for (const m of plain.matchAll(/(!?)\[([^[\]\n]*)\]\(\s*(<[^<>\n]*>|[^\s()<>]+)(?:\s+"[^"\n]*")?\s*\)/g)) {
    let dest = m[3].startsWith('<') ? m[3].slice(1, -1) : m[3];
    if (/^[a-z][a-z0-9+.-]*:/i.test(dest)) continue;
    try {
      dest = m[3].startsWith('<') ? dest : decodeURI(dest);
    } catch {
      // left as written
    }
    const hash = dest.indexOf('#');
    out.push({ target: hash === -1 ? dest : dest.slice(0, hash), heading: hash === -1 ? null : dest.slice(hash + 1), embed: m[1] === '!', text: m[0] });
  }
  return out;
}

/** Where a link points from `from`: "file#heading", "missing:…" or "no-heading:…". */
function destination(vault, link, from) {
  const file = vault.file(link.target, from);
  if (file === null) {
    // A missing file is named by the vault path the link names, so `../x.pdf` from a day and `x.pdf` from the review compare.
    const t = isRelative(link.target) ? fromFolder(link.target, from) : link.target.trim();
    return `missing:${t.toLowerCase()}`;
  }
  if (link.heading && !vault.hasHeading(file, link.heading)) return `no-heading:${file}#${link.heading.toLowerCase()}`;
  return `${file}${link.heading ? `#${link.heading.toLowerCase()}` : ''}`;
}

/** A review name Daybook writes by its default formats (`2023-W09`, `2023-02`, `2023-Q1`, `2023`): a page once `--write` has run. */
const REVIEW_NAME = /^\d{4}(?:-W\d{2}|-\d{2}|-Q[1-4])?$/i;

/** The links of a graph's review, each checked by Logseq's rules from the review note. */
function checkGraphReview(graph, data, markdown, fromSource) {
  const review = data.notes.review;
  let links = 0;
  let skipped = 0;
  const problems = [];
  markdown.split('\n').forEach((line, i) => {
    for (const link of graphLinksOf(line)) {
      links++;
      if (link.embed) {
        if (!/ (?:mood|[^/]* heatmap)\.svg$/.test(link.page ?? link.target)) problems.push(`line ${i + 1}: embed ${link.text}`);
        continue;
      }
      if (link.page !== undefined && REVIEW_NAME.test(link.page.trim())) continue;
      const dest = graphDestination(graph, link, review);
      if (dest === null) {
        skipped++;
        continue;
      }
      const broken = dest.startsWith('missing-page:') || dest.startsWith('missing:');
      if (broken && !fromSource.has(dest)) problems.push(`line ${i + 1}: ${link.text} → ${dest}, which no quoted line pointed at`);
    }
  });
  return { links, problems, skipped };
}

/** Every quoted text of the review data, with the note it was written in. */
function quotes(data) {
  const out = [];
  const add = (text, path) => typeof text === 'string' && path && out.push({ text, path });
  for (const list of [data.people, data.topics, data.otherLinks]) for (const e of list ?? []) for (const b of e.blocks) add(data.quotes && b.quote !== undefined ? data.quotes[b.quote] : b.text, b.path);
  for (const d of data.days ?? []) add(d.summary, d.path);
  for (const m of [...(data.highlights ?? []), ...(data.collaboration ?? []), ...(data.workLog ?? []), ...(data.tasks ?? []), ...(data.design?.lines ?? [])]) add(m.text, m.path);
  for (const p of data.projects ?? []) for (const l of [...p.lines, ...p.impact]) add(l, p.path);
  for (const i of data.incidents ?? []) for (const t of [i.title, ...i.whys, ...i.prevention, ...i.impact, ...(i.context ?? []), ...(i.learnings ?? []), ...i.actions.map((a) => a.text)]) add(t, i.path);
  for (const g of data.goals ?? []) add(g.text, g.path);
  for (const list of Object.values(data.changes?.tasks ?? {})) if (Array.isArray(list)) for (const t of list) add(t.text, t.path);
  for (const n of [...(data.design?.docs ?? []), ...(data.reading ?? [])]) for (const m of [...n.mentions, ...n.takeaways]) add(m.text, m.path);
  return out;
}

function run(vault, period, json) {
  return execFileSync(process.execPath, [cli, 'review', '--vault', vault, '--period', period, ...(json ? ['--json'] : []), '--no-cache'], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
}

function periodsOf(dir) {
  const years = new Set();
  for (let y = 2015; y <= 2027; y++) {
    const d = JSON.parse(run(dir, String(y), true));
    if (d.days.length) years.add(String(y));
  }
  const out = [];
  for (const y of years) {
    out.push(y);
    const d = JSON.parse(run(dir, y, true));
    const first = d.days[0].date;
    out.push(`week`, first);
  }
  return out;
}

const { vaults, periods } = args(process.argv);
let total = 0;
let bad = 0;
for (const dir of vaults) {
  const isGraph = existsSync(join(dir, 'logseq', 'config.edn'));
  const vault = isGraph ? null : new Vault(dir);
  const graph = isGraph ? new Graph(dir) : null;
  // A graph kept in Obsidian as well (an `.obsidian/` folder) is checked by both apps' rules.
  const obsidian = isGraph && existsSync(join(dir, '.obsidian')) ? new Vault(dir) : null;
  const list = periods ?? periodsOf(dir);
  for (let k = 0; k < list.length; k++) {
    let period = list[k];
    let dateArgs = [];
    if (period === 'week') {
      dateArgs = ['--date', list[++k]];
    }
    const cliArgs = (json) => [cli, 'review', '--vault', dir, '--period', period, ...dateArgs, ...(json ? ['--json'] : []), '--no-cache'];
    const data = JSON.parse(execFileSync(process.execPath, cliArgs(true), { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] }));
    const markdown = execFileSync(process.execPath, cliArgs(false), { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
    period = data.period.id;
    const review = data.notes.review;
    const fromSource = new Set();
    if (graph) {
      for (const q of quotes(data)) {
        for (const link of graphLinksOf(q.text)) {
          const dest = graphDestination(graph, link, q.path);
          fromSource.add(dest);
          // An Obsidian heading link or relative path in a graph (`[[2021-12-13#^bia6rq]]`, `[[../assets/x.pdf]]`) names in Logseq
          // a page no file is; Daybook counts it by the name Obsidian reads (`2021-12-13`, `assets/x.pdf`): pointing nowhere, as it did.
          const base = link.page === undefined ? null : link.page.split('#')[0].trim().replace(/^(?:\.\.?\/)+/, '');
          if (base && base !== link.page.trim() && !graph.pages.has(base.toLowerCase())) fromSource.add(`missing-page:${base.toLowerCase()}`);
        }
      }
      const { links, problems, skipped } = checkGraphReview(graph, data, markdown, fromSource);
      total += links;
      bad += problems.length;
      console.log(`${relative(process.cwd(), dir) || dir} ${data.period.id} (Logseq graph): ${links} links, ${problems.length} pointing elsewhere${skipped ? `, ${skipped} markdown links to files by a bare name (no page in Logseq)` : ''}`);
      for (const p of problems.slice(0, 10)) console.log(`  ${p}`);
      if (obsidian) {
        // The same review read by Obsidian, which opens the graph's folder too: every `[[X]]`, the one inside `[label]([[X]])` as well.
        const fromObsidian = new Set();
        for (const q of quotes(data)) for (const link of linksOf(q.text)) fromObsidian.add(destination(obsidian, link, q.path));
        // A Logseq page no file is (`#cruise`, `#lunapipe/ideas` and its parent, `[[Games People Play]]` with no page file)
        // is, in Obsidian, a tag or a link to no note wherever the graph names it: the review's `[[cruise]]` points at no note, as they did.
        const named = (dest) => dest.startsWith('missing:') && ['referenced', 'namespace'].includes(graph.pages.get(graph.pageKey(dest.slice('missing:'.length))));
        let seen = 0;
        let nowhere = 0;
        let renamed = 0;
        const wrong = [];
        markdown.split('\n').forEach((line, i) => {
          for (const link of linksOf(line)) {
            if (link.embed || link.target.startsWith('[[') || REVIEW_NAME.test(link.target.trim())) continue;
            seen++;
            const dest = destination(obsidian, link, review);
            if (!(dest.startsWith('missing:') || dest.startsWith('no-heading:')) || fromObsidian.has(dest)) continue;
            if (named(dest)) nowhere++;
            // A page a file is by its `title::`, an alias or a namespace file name (`a___b.md`) has no name Obsidian finds the file by.
            else if (dest.startsWith('missing:') && graph.pages.get(graph.pageKey(dest.slice('missing:'.length))) === 'file') renamed++;
            else wrong.push(`line ${i + 1}: ${link.text} → ${dest}, which no quoted line pointed at`);
          }
        });
        total += seen;
        bad += wrong.length;
        console.log(`${relative(process.cwd(), dir) || dir} ${data.period.id} (the graph in Obsidian): ${seen} links, ${wrong.length} pointing elsewhere${nowhere ? `, ${nowhere} to pages no file is (a tag or a link to no note in their lines too)` : ''}${renamed ? `, ${renamed} to pages named otherwise than their files (title::, alias, namespace: no name both apps find)` : ''}`);
        for (const p of wrong.slice(0, 10)) console.log(`  ${p}`);
      }
      continue;
    }
    for (const q of quotes(data)) for (const link of linksOf(q.text)) fromSource.add(destination(vault, link, q.path));
    const generated = new Set([data.notes.previous, data.notes.next, ...data.days.map((d) => d.path)].map((p) => p.replace(/\.md$/, '').toLowerCase()));
    // Daybook's own review notes (the weekly reviews a long list points at) exist once written.
    const reviews = review.slice(0, review.lastIndexOf('/') + 1).toLowerCase();
    let links = 0;
    const problems = [];
    markdown.split('\n').forEach((line, i) => {
      for (const link of linksOf(line)) {
        links++;
        if (link.embed) {
          if (!/ (?:mood|[^/]* heatmap)\.svg$/.test(link.target)) problems.push(`line ${i + 1}: embed ${link.text}`);
          continue;
        }
        if (generated.has(link.target.toLowerCase()) || (reviews !== '' && link.target.toLowerCase().startsWith(reviews))) continue;
        const dest = destination(vault, link, review);
        const broken = dest.startsWith('missing:') || dest.startsWith('no-heading:');
        if (dest === `${review}` || (link.heading && vault.file(link.target, review) === review)) problems.push(`line ${i + 1}: points at the review itself: ${link.text}`);
        else if (broken && !fromSource.has(dest)) problems.push(`line ${i + 1}: ${link.text} → ${dest}, which no quoted line pointed at`);
      }
    });
    total += links;
    bad += problems.length;
    console.log(`${relative(process.cwd(), dir) || dir} ${period}: ${links} links, ${problems.length} pointing elsewhere`);
    for (const p of problems.slice(0, 10)) console.log(`  ${p}`);
  }
}
console.log(`ALL: ${total} links checked, ${bad} pointing elsewhere`);
process.exitCode = bad === 0 ? 0 : 1;
