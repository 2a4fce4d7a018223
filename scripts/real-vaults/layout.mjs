#!/usr/bin/env node
// Lays a fetched vault out as a Daybook vault: every markdown note of the source is
// copied to Daily/YYYY-MM-DD.md (consecutive days, notes in code-unit order of their
// paths) and also kept at its original path, so links from the copies resolve to the
// originals as they did in the source vault. layout.json keeps the mapping.
//
//   node scripts/real-vaults/layout.mjs --source /tmp/real/foam/docs --out /tmp/real/laid-out-foam
//   node scripts/real-vaults/layout.mjs --source /tmp/real/obsidian-help --out /tmp/real/laid-out-obsidian-help --split
//   node scripts/real-vaults/layout.mjs --source /tmp/real/logseq-docs --out /tmp/real/laid-out-logseq --include pages,journals
//
// --split lays out each top-level folder as its own vault (obsidian-help: each language
// is a stand-alone vault), in OUT/<folder>.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

function args(argv) {
  const out = { start: '2021-01-01', include: null, split: false };
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--source') out.source = resolve(argv[++i]);
    else if (a === '--out') out.out = resolve(argv[++i]);
    else if (a === '--start') out.start = argv[++i];
    else if (a === '--include') out.include = argv[++i].split(',').filter(Boolean);
    else if (a === '--split') out.split = true;
    else throw new Error(`unknown option ${a}`);
  }
  if (!out.source || !out.out) throw new Error('usage: layout.mjs --source DIR --out DIR [--include a,b] [--split] [--start YYYY-MM-DD]');
  return out;
}

/** Markdown files under dir, vault-relative with '/', hidden folders skipped as Obsidian does. */
export function markdownFiles(dir, prefix = '') {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...markdownFiles(join(dir, entry.name), path));
    else if (entry.isFile() && entry.name.endsWith('.md')) files.push(path);
  }
  return files;
}

const byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

export function addDays(day, n) {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The copy keeps every byte but its own aliases: a daily note that declared the
 * original's aliases would compete with the original for them, which no real vault does.
 * The key is renamed on its line, so line numbers stay those of the original.
 */
export function withoutAliases(text) {
  return text.replace(/^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/, (yaml) => yaml.replace(/^(aliases|alias)(\s*:)/gm, 'original-$1$2'));
}

function layOne(source, out, start, include) {
  let notes = markdownFiles(source).sort(byCodeUnit);
  if (include) notes = notes.filter((p) => include.some((folder) => p === folder || p.startsWith(folder + '/')));
  // Names that already look like daily notes would become a second note for their day.
  notes = notes.filter((p) => !p.startsWith('Daily/'));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'Daily'), { recursive: true });
  const days = [];
  notes.forEach((path, i) => {
    const day = addDays(start, i);
    const original = join(out, ...path.split('/'));
    mkdirSync(dirname(original), { recursive: true });
    copyFileSync(join(source, ...path.split('/')), original);
    writeFileSync(join(out, 'Daily', `${day}.md`), withoutAliases(readFileSync(join(source, ...path.split('/')), 'utf8')));
    days.push({ day, daily: `Daily/${day}.md`, original: path });
  });
  // Daybook reads its daily-note settings from the core plugin's file, as in the app.
  mkdirSync(join(out, '.obsidian'), { recursive: true });
  writeFileSync(join(out, '.obsidian', 'daily-notes.json'), JSON.stringify({ folder: 'Daily', format: 'YYYY-MM-DD' }) + '\n');
  // The comparison is of link counting: what reviews leave out or add on purpose (issue 14) is switched off.
  mkdirSync(join(out, '.obsidian', 'plugins', 'daybook'), { recursive: true });
  writeFileSync(join(out, '.obsidian', 'plugins', 'daybook', 'data.json'), JSON.stringify({ markerTags: [], meetingNotes: false, filedUnderDays: false }) + '\n');
  writeFileSync(join(out, 'layout.json'), JSON.stringify({ source, start, days }, null, 1) + '\n');
  return days.length;
}

function main() {
  const opts = args(process.argv);
  if (!opts.split) {
    const n = layOne(opts.source, opts.out, opts.start, opts.include);
    process.stdout.write(`${opts.out}: ${n} notes laid out from ${opts.start}\n`);
    return;
  }
  rmSync(opts.out, { recursive: true, force: true });
  const folders = readdirSync(opts.source, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort(byCodeUnit);
  for (const folder of folders) {
    const src = join(opts.source, folder);
    if (markdownFiles(src).length < 5) continue;
    const n = layOne(src, join(opts.out, folder), opts.start, opts.include);
    process.stdout.write(`${join(opts.out, folder)}: ${n} notes\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
