#!/usr/bin/env node
// Compares what Daybook's yearly reviews say each day mentions (links, tags, tasks)
// with what the independent counter finds in the same daily notes.
//
//   node scripts/real-vaults/compare.mjs --daybook <checkout dir> --vault /tmp/real/laid-out-foam
//
// --vault is a laid-out vault (it holds layout.json) or a folder of them (layout.mjs
// --split): their figures are given one by one and summed. --graph is a Logseq graph
// opened in place (it holds logseq/config.edn), read by Logseq's rules (logseqCounter.mjs). --obsidian is an
// Obsidian vault opened in place: its days are the notes of its daily folder named from
// YYYY-MM-DD (inPlaceLayout). The checkout's CLI is built
// first (npm run build:cli) unless --no-build. --limit N caps the differences printed per
// vault (default 60; 0 prints none); --report FILE writes every difference as JSON.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { markdownFiles } from './layout.mjs';
import { aliasesInFrontmatter, countNote, Resolver, statusAsOf } from './counter.mjs';
import { countLogseqNote, graphFiles, GraphResolver, journalDay, outlineBlocks, readGraphConfig } from './logseqCounter.mjs';

function args(argv) {
  const out = { daybook: process.cwd(), vaults: [], build: true, limit: 60, report: null };
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--daybook') out.daybook = resolve(argv[++i]);
    else if (a === '--vault') out.vaults.push(resolve(argv[++i]));
    else if (a === '--graph') out.vaults.push({ graph: resolve(argv[++i]) });
    else if (a === '--obsidian') out.vaults.push({ obsidian: resolve(argv[++i]) });
    else if (a === '--no-build') out.build = false;
    else if (a === '--limit') out.limit = Number(argv[++i]);
    else if (a === '--report') out.report = resolve(argv[++i]);
    else throw new Error(`unknown option ${a}`);
  }
  if (out.vaults.length === 0) throw new Error('usage: compare.mjs --daybook DIR (--vault DIR | --graph DIR | --obsidian DIR)… [--no-build] [--limit N] [--report FILE]');
  return out;
}

const lower = (s) => s.normalize('NFC').toLowerCase();
const withoutMd = (p) => (p.toLowerCase().endsWith('.md') ? p.slice(0, -3) : p);

function laidOutVaults(dir) {
  if (existsSync(join(dir, 'layout.json'))) return [dir];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'layout.json')))
    .map((e) => join(dir, e.name))
    .sort();
}

/** Runs the checkout's CLI for one year: the review JSON, or the crash. */
function daybookYear(daybook, vault, year) {
  const result = spawnSync(process.execPath, [join(daybook, 'bin', 'daybook.js'), 'review', '--vault', vault, '--period', String(year), '--json', '--no-cache'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const warningLines = (result.stderr ?? '').split('\n').filter((l) => l.startsWith('warning:'));
  if (result.status !== 0) return { crash: `exit ${result.status}: ${(result.stderr ?? '').split('\n').slice(-5).join(' | ')}`, warningLines };
  try {
    return { data: JSON.parse(result.stdout), warningLines };
  } catch (error) {
    return { crash: `output is not JSON: ${error.message}`, warningLines };
  }
}

/** day → Set of target keys, and (key, day) → lines, from one side. */
class Side {
  constructor() {
    this.days = new Map();
    this.lines = new Map();
  }

  add(key, day, line) {
    if (!this.days.has(key)) this.days.set(key, new Set());
    this.days.get(key).add(day);
    const at = `${key}\u0000${day}`;
    if (!this.lines.has(at)) this.lines.set(at, new Set());
    this.lines.get(at).add(line);
  }
}

function daybookKey(entry) {
  if (entry.path) return 'path:' + entry.path;
  if (entry.name.startsWith('#')) return 'tag:' + lower(entry.name.slice(1));
  return 'name:' + lower(withoutMd(entry.name.trim()));
}

const DEFAULT_QUESTIONS = ['How do you feel when you wake up?', 'How do you feel when you wind down?'];
const normalQuestion = (text) => lower(text).replace(/[\p{P}\p{S}]/gu, ' ').replace(/\s+/g, ' ').trim();

/** The vault's slider questions: a link that names one binds a slider, it mentions nothing. */
function sliderQuestions(vault) {
  let questions = DEFAULT_QUESTIONS;
  try {
    const settings = JSON.parse(readFileSync(join(vault, '.obsidian', 'plugins', 'daybook', 'data.json'), 'utf8'));
    if (Array.isArray(settings.sliders)) questions = settings.sliders.map((s) => String(s.question ?? ''));
  } catch {
    // No settings: Daybook's defaults.
  }
  return new Set(questions.map(normalQuestion));
}

/**
 * An Obsidian vault opened in place, nothing laid out: a day is a note of the daily folder
 * (Daybook's `dailyFolder`, else the core Daily notes plugin's `folder`, else the vault), at
 * any depth below it, whose name starts with `YYYY-MM-DD` (other daily formats need a layout).
 * A note of a meetings folder or named by a meeting word (`2024-06-04 1-1 Ben`) is a meeting
 * of that day, never its daily note (README, What counts as what), and is left out: the counter
 * reads daily notes only.
 */
function inPlaceLayout(vault, all) {
  const setting = (file, key) => {
    try {
      const value = JSON.parse(readFileSync(join(vault, '.obsidian', ...file), 'utf8'))[key];
      return typeof value === 'string' ? value.replace(/^[./]+|\/+$/g, '') : undefined;
    } catch {
      return undefined;
    }
  };
  const folder = setting(['plugins', 'daybook', 'data.json'], 'dailyFolder') ?? setting(['daily-notes.json'], 'folder') ?? '';
  const days = all
    .filter((p) => (folder === '' || p.startsWith(folder + '/')) && meetingDay(p) === null)
    .map((p) => ({ day: /(?:^|\/)(\d{4}-\d{2}-\d{2})(?:[^\d/][^/]*)?\.md$/.exec(p)?.[1], daily: p, original: p }))
    .filter((d) => d.day !== undefined);
  return { days };
}

function compareVault(daybook, vault, inPlace = false) {
  const questions = sliderQuestions(vault);
  const all = markdownFiles(vault);
  const layout = inPlace ? inPlaceLayout(vault, all) : JSON.parse(readFileSync(join(vault, 'layout.json'), 'utf8'));
  const texts = new Map(all.map((p) => [p, readFileSync(join(vault, ...p.split('/')), 'utf8')]));
  const resolver = new Resolver(all, (p) => aliasesInFrontmatter(texts.get(p)));
  const counter = new Side();
  const counterTasks = new Map();
  for (const { day, daily } of layout.days) {
    const found = countNote(texts.get(daily));
    const lines = inPlace ? texts.get(daily).split(/\r?\n/) : [];
    for (const link of found.links) {
      if (questions.has(normalQuestion(link.target))) continue;
      // A decision, not a count: in place, a line of nothing but links between days is the template's navigation (README, What counts as what).
      if (inPlace && isNavigationLine(lines[link.line - 1] ?? '')) continue;
      const key = resolver.resolve(link.target, daily, link.kind);
      if (key) counter.add(key, day, link.line);
    }
    for (const tag of found.tags) {
      // A decision, not a count: a CSS snippet's layout tags (`#mcl/list-grid`) are no topics, and in a vault opened in place
      // (Daybook's default settings; a layout writes `markerTags: []`) neither are marker tags (README, What counts as what).
      if (/^mcl\//i.test(tag.name) || (inPlace && isMarkerTag(tag.name))) continue;
      counter.add('tag:' + lower(tag.name), day, tag.line);
    }
    for (const task of found.tasks) counterTasks.set(`${day}:${task.line}`, statusAsOf(task, `${day.slice(0, 4)}-12-31`));
  }

  return finish(daybook, vault, layout, texts, counter, counterTasks, (name, path) => resolver.resolve(name, path, 'wiki'));
}

/**
 * The default `markerTags` as the README states them: a tag that marks what a line is (`#task`,
 * `#meeting/1:1`, `#Priority/P0`), matched by its first part, case and `-`/`_`/spaces folded.
 */
const MARKER_TAGS = ['task', 'tasks', 'todo', 'todos', 'meeting', 'meetings', 'question', 'questions', 'priority', 'daily', 'daily note', 'daily notes', 'dailynote', 'dailynotes', 'journal', 'fleeting', 'inbox', 'followup', 'follow up', 'next steps', 'nextsteps', 'waiting', '1:1', '1-1', '1on1', 'one on one', 'one to one'];
const fold = (name) => name.normalize('NFC').toLowerCase().replace(/[-_\s]+/g, ' ').trim();
const MARKERS = new Set(MARKER_TAGS.map(fold));
/** The README's rule for day navigation: a line of only day-named links, arrows, bars and the words yesterday/tomorrow/previous/next. */
function isNavigationLine(line) {
  const rest = line
    .replace(/\[\[\d{4}[-_/.]\d{2}[-_/.]\d{2}[^\]]*\]\]/g, ' ')
    .replace(/\b(?:yesterday|tomorrow|previous|next|prev|today)\b/gi, ' ')
    .replace(/[-<>|←→«»·•:\s]+/g, '');
  return rest === '' && /\[\[\d{4}/.test(line);
}

function isMarkerTag(name) {
  return MARKERS.has(fold(name.split('/')[0]));
}

/**
 * The README's rule for a graph: a page that says what a line is, not what it is about — a marker
 * tag's page, a page naming a kind (`Person`, `acme/project`: last part person(s), people,
 * colleague(s), project(s), topic(s)), or a task keyword's page (`[[DONE]]`, where Logseq lists tasks).
 */
const KIND_WORDS = new Set(['person', 'persons', 'people', 'colleague', 'colleagues', 'project', 'projects', 'topic', 'topics']);
const TASK_PAGES = new Set(['todo', 'doing', 'now', 'later', 'wait', 'waiting', 'in-progress', 'done', 'canceled', 'cancelled']);
function isGraphMarkerPage(name) {
  const trimmed = name.trim();
  return isMarkerTag(trimmed) || KIND_WORDS.has(fold(trimmed.slice(trimmed.lastIndexOf('/') + 1))) || TASK_PAGES.has(trimmed.toLowerCase());
}

/**
 * The README's rule for meeting notes (`meetingNotes`, on by default, so on in a graph opened
 * in place): a page named by a date (`2022-03-09 …`, `-`, `_` or `.` between its parts) that
 * lives in a meetings folder (`Meetings/`, `meeting-notes/`, `1-1s/`, `one-on-ones/`, at any
 * depth) or whose name holds a meeting word belongs to that day (a sync tool's conflict copy,
 * `….sync-conflict-….md`, names no sync). Its day, or null.
 */
const MEETING_WORDS = /(?:^|[^\p{L}\p{N}])(?:1-1|1:1|1on1|one[- ]on[- ]one|meet|meeting|meetings|sync(?!-conflict-)|standup|stand-up|retro|retrospective|interview|check-?in|catch-?up|planning)(?![\p{L}\p{N}])/iu;
const MEETING_FOLDER = /(?:^|\/)(?:meetings?|meeting[ _-]notes|1-1s?|one[ _-]on[ _-]ones?)\//i;
function meetingDay(path) {
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
  const date = /(?:^|\D)(\d{4})[-_.](\d{2})[-_.](\d{2})(?:\D|$)/.exec(name);
  if (!date || !(MEETING_FOLDER.test(path) || MEETING_WORDS.test(name))) return null;
  return `${date[1]}-${date[2]}-${date[3]}`;
}

/**
 * A Logseq graph opened in place: its journal pages are the days, read by the counter's
 * own reading of Logseq's rules (logseqCounter.mjs); nothing is laid out or copied.
 */
/**
 * The README's rule, read from the raw outline: per year, the pages whose tag is the whole of
 * the first block of the owner's own words (no property line, no empty bullet) on at least
 * half of the year's journal days and on three or more.
 */
function openingTagMarkers(days, texts, resolver) {
  const byYear = new Map();
  for (const { day, daily } of days) {
    const year = day.slice(0, 4);
    const entry = byYear.get(year) ?? { days: 0, counts: new Map() };
    entry.days++;
    byYear.set(year, entry);
    const body = texts.get(daily).replace(/^\uFEFF/, '').replace(/^---\r?\n[\s\S]*?\r?\n---[ \t]*(?=\r?\n|$)/, '');
    const first = outlineBlocks(body).map((b) => b.lines.filter((l) => !/^\s*[\p{L}\p{N}_][\p{L}\p{N}_ -]*::/u.test(l)).join(' ').trim()).find((t) => t !== '');
    const lone = first === undefined ? null : /^#(?:\[\[([^\]]+)\]\]|([^\s#]+))[\s:,;.–—-]*$/u.exec(first);
    if (!lone) continue;
    const key = resolver.resolve(lone[1] ?? lone[2]);
    if (key) entry.counts.set(key, (entry.counts.get(key) ?? 0) + 1);
  }
  return new Map([...byYear].map(([year, { days: n, counts }]) => [year, new Set([...counts].filter(([, c]) => c >= 3 && c * 2 >= n).map(([k]) => k))]));
}

function compareGraph(daybook, dir) {
  const config = readGraphConfig(dir);
  const files = graphFiles(dir, config);
  const texts = new Map(files.map((p) => [p, readFileSync(join(dir, ...p.split('/')), 'utf8')]));
  const resolver = new GraphResolver(dir, files, config);
  const days = files.map((path) => ({ day: journalDay(path, config), daily: path, original: path })).filter((d) => d.day !== null);
  const counter = new Side();
  const counterTasks = new Map();
  const years = new Set(days.map((d) => d.day.slice(0, 4)));
  // A decision, not a count: a meeting note is read with its day (the README's rule above).
  const meetings = files
    .filter((path) => journalDay(path, config) === null)
    .map((path) => ({ day: meetingDay(path), daily: path }))
    .filter((m) => m.day !== null && years.has(m.day.slice(0, 4)));
  const openers = openingTagMarkers(days, texts, resolver);
  for (const { day, daily } of [...days, ...meetings]) {
    const found = countLogseqNote(texts.get(daily));
    const lines = texts.get(daily).split(/\r?\n/);
    for (const ref of found.refs) {
      // A decision, not a count: a line of nothing but links between days (`<< [[2022-01-25]] | [[2022-01-27]] >>`) is the template's navigation.
      if (isNavigationLine(lines[ref.line - 1] ?? '')) continue;
      // A decision, not a count: a link made of a Templater command that never ran (`[[<% tp.date.now() %>]]`) names no note (README, What counts as what).
      if (/<%[\s\S]*?%>/.test(ref.target)) continue;
      // A decision, not a count: a graph opened in place has Daybook's default marker tags, which are no topics; `[[Meeting]]` is `#Meeting` there.
      if (isMarkerTag(ref.target)) continue;
      // A decision, not a count: a page that says what a line is (README, What counts as what), also when an alias reaches it.
      if (isGraphMarkerPage(ref.target) || isGraphMarkerPage(resolver.pageName(ref.target, config))) continue;
      // A decision, not a count: `#lunabrain/work` files the line as work on the project lunabrain (README, What counts as what).
      const project = /^(.*\S)\s*\/\s*work$/i.exec(ref.target.trim())?.[1];
      const key = resolver.resolve(project ?? ref.target);
      // A decision, not a count: a tag opening at least half of a year's days alone (and 3 or more) is a marker in that year's review (README, openingTagMarkers).
      if (key && openers.get(day.slice(0, 4))?.has(key)) continue;
      if (key) counter.add(key, day, ref.line);
    }
    for (const task of found.tasks) counterTasks.set(`${day}:${task.line}`, statusAsOf(task, `${day.slice(0, 4)}-12-31`));
  }
  return finish(daybook, dir, { days }, texts, counter, counterTasks, (name) => resolver.resolve(name));
}

function finish(daybook, vault, layout, texts, counter, counterTasks, resolveProject) {
  const originalOf = new Map(layout.days.map((d) => [d.day, d.original]));
  const dailyOf = new Map(layout.days.map((d) => [d.day, d.daily]));
  const daybookSide = new Side();
  const daybookTasks = new Map();
  const years = [...new Set(layout.days.map((d) => d.day.slice(0, 4)))].sort();
  const crashes = [];
  let warnings = 0;
  for (const year of years) {
    const { data, crash, warningLines } = daybookYear(daybook, vault, year);
    warnings += warningLines.length;
    if (crash) {
      crashes.push(`${year}: ${crash}`);
      continue;
    }
    warnings += Math.max(0, (data.warnings ?? []).length - warningLines.length);
    for (const entry of [...data.people, ...data.topics, ...data.otherLinks]) {
      const key = daybookKey(entry);
      for (const block of entry.blocks) daybookSide.add(key, block.date, block.line);
    }
    // A link that names a project under *Projects* is listed as the project, not again as a mention.
    for (const project of data.projects ?? []) {
      if (!project.linked) continue;
      const key = resolveProject(project.name, project.path);
      if (key) daybookSide.add(key, project.date, project.line);
    }
    for (const task of data.tasks) daybookTasks.set(`${task.date}:${task.line}`, task.status ?? (task.done ? 'done' : 'open'));
  }

  const keys = new Set([...counter.days.keys(), ...daybookSide.days.keys()]);
  const differences = [];
  let pairs = 0;
  let differingPairs = 0;
  for (const key of [...keys].sort()) {
    const a = counter.days.get(key) ?? new Set();
    const b = daybookSide.days.get(key) ?? new Set();
    const union = new Set([...a, ...b]);
    pairs += union.size;
    const onlyCounter = [...a].filter((d) => !b.has(d)).sort();
    const onlyDaybook = [...b].filter((d) => !a.has(d)).sort();
    differingPairs += onlyCounter.length + onlyDaybook.length;
    if (onlyCounter.length || onlyDaybook.length) {
      const where = (side, d) => [...(side.lines.get(`${key}\u0000${d}`) ?? [])].map((line) => excerpt(texts, dailyOf.get(d), originalOf.get(d), line));
      differences.push({
        target: key,
        counterOnly: onlyCounter.map((d) => ({ day: d, at: where(counter, d) })),
        daybookOnly: onlyDaybook.map((d) => ({ day: d, at: where(daybookSide, d) })),
      });
    }
  }

  const taskKeys = new Set([...counterTasks.keys(), ...daybookTasks.keys()]);
  const taskDifferences = [];
  for (const at of [...taskKeys].sort()) {
    const a = counterTasks.get(at) ?? 'none';
    const b = daybookTasks.get(at) ?? 'none';
    if (a === b) continue;
    const [day, line] = at.split(':');
    taskDifferences.push({ day, counter: a, daybook: b, at: excerpt(texts, dailyOf.get(day), originalOf.get(day), Number(line)) });
  }
  return { vault, notes: layout.days.length, years, targets: keys.size, differing: differences.length, pairs, differingPairs, tasks: taskKeys.size, differingTasks: taskDifferences.length, crashes, warnings, differences, taskDifferences };
}

function excerpt(texts, daily, original, line) {
  const text = (texts.get(daily) ?? '').split(/\r?\n/)[line - 1] ?? '';
  const short = text.trim().length > 140 ? text.trim().slice(0, 137) + '…' : text.trim();
  return `${original}:${line}  ${short}`;
}

const pct = (n, d) => (d === 0 ? '0.00' : ((100 * n) / d).toFixed(2));

function summary(label, r) {
  return (
    `${label}: ${r.notes} notes, targets ${r.targets}, differing ${r.differing} (${pct(r.differing, r.targets)} %); ` +
    `(day, target) pairs ${r.pairs}, differing ${r.differingPairs} (${pct(r.differingPairs, r.pairs)} %); ` +
    `tasks ${r.tasks}, differing ${r.differingTasks} (${pct(r.differingTasks, r.tasks)} %); crashes ${r.crashes.length}, warnings ${r.warnings}`
  );
}

function main() {
  const opts = args(process.argv);
  if (opts.build) {
    const built = spawnSync('npm', ['run', 'build:cli', '--silent'], { cwd: opts.daybook, stdio: 'inherit' });
    if (built.status !== 0) throw new Error(`npm run build:cli failed in ${opts.daybook}`);
  }
  const out = (line) => process.stdout.write(line + '\n');
  const reports = [];
  const grand = { notes: 0, targets: 0, differing: 0, pairs: 0, differingPairs: 0, tasks: 0, differingTasks: 0, crashes: [], warnings: 0 };
  for (const entry of opts.vaults) {
    const dir = typeof entry === 'string' ? entry : entry.graph ?? entry.obsidian;
    const group = typeof entry === 'string' ? laidOutVaults(dir) : [entry];
    if (group.length === 0) throw new Error(`${dir} holds no layout.json: lay it out with layout.mjs first`);
    const total = { notes: 0, targets: 0, differing: 0, pairs: 0, differingPairs: 0, tasks: 0, differingTasks: 0, crashes: [], warnings: 0 };
    for (const vault of group) {
      const r = typeof vault === 'string' ? compareVault(opts.daybook, vault) : vault.obsidian ? compareVault(opts.daybook, vault.obsidian, true) : compareGraph(opts.daybook, vault.graph);
      reports.push(r);
      for (const k of ['notes', 'targets', 'differing', 'pairs', 'differingPairs', 'tasks', 'differingTasks', 'warnings']) total[k] += r[k];
      total.crashes.push(...r.crashes);
      out(summary(r.vault, r));
      for (const crash of r.crashes) out(`  CRASH ${crash}`);
      let shown = 0;
      for (const d of r.differences) {
        if (shown++ >= opts.limit) break;
        out(`  ${d.target}`);
        for (const { at } of d.counterOnly) for (const e of at) out(`    counter only: ${e}`);
        for (const { at } of d.daybookOnly) for (const e of at) out(`    daybook only: ${e}`);
      }
      for (const t of r.taskDifferences.slice(0, opts.limit)) out(`  task: counter ${t.counter}, daybook ${t.daybook}: ${t.at}`);
    }
    if (group.length > 1) out(summary(`TOTAL ${dir} (${group.length} vaults)`, total));
    for (const k of ['notes', 'targets', 'differing', 'pairs', 'differingPairs', 'tasks', 'differingTasks', 'warnings']) grand[k] += total[k];
    grand.crashes.push(...total.crashes);
  }
  if (opts.vaults.length > 1) out(summary('ALL', grand));
  if (opts.report) writeFileSync(opts.report, JSON.stringify(reports, null, 1) + '\n');
}

main();
