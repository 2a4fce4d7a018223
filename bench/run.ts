import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { run } from '../src/cli/main';
import { generateVault } from './generateVault';
import { runPathological } from './pathological';

/**
 * `npm run bench`: builds a ten-year synthetic vault (3,650 daily notes in both
 * styles, 20,000 unrelated notes, 2,000 people and topic notes) and prints each
 * figure beside a baseline measured in the same run, as a ratio.
 */
const ROOT = join(process.cwd(), '.bench');
const VAULT = join(ROOT, 'vault');
const CACHE = join(ROOT, 'cache');
const CLI = join(process.cwd(), 'dist', 'cli.js');
const SHAPE = { days: 3650, unrelated: 20000, people: 1000, topics: 1000 };
const YEAR = '2020';
const MONTH = '2020-06';
const WEEK = '2020-W24';

const quiet = { stdout: () => undefined, stderr: () => undefined, isTty: false, now: () => new Date(2020, 5, 10, 12) };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The fastest of `repeats` runs: on a shared machine the slow runs measure the
 * neighbours, so baselines and reviews alike are taken at their least disturbed.
 */
async function time(repeats: number, fn: () => unknown, before?: () => void): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    before?.();
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return Math.min(...samples);
}

function dailyFiles(prefix: string): string[] {
  return readdirSync(join(VAULT, 'Daily'))
    .filter((name) => name.startsWith(prefix))
    .map((name) => join(VAULT, 'Daily', name));
}

const processor = unified().use(remarkParse);
const readAll = (files: string[]) => files.map((f) => readFileSync(f, 'utf8'));
const readAndParse = (files: string[]) => files.map((f) => processor.parse(readFileSync(f, 'utf8')));

async function review(args: string[]): Promise<void> {
  const code = await run(['review', '--vault', VAULT, ...args], quiet);
  if (code !== 0) throw new Error(`daybook review ${args.join(' ')} exited ${code}`);
}

function cli(args: string[]): { ms: number; maxRssMb: number } {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--require', join(process.cwd(), 'bench', 'maxrss.cjs'), CLI, 'review', '--vault', VAULT, ...args], { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`CLI failed: ${result.stderr}`);
  const rss = /maxrss_kb=(\d+)/.exec(result.stderr);
  return { ms, maxRssMb: rss ? Number(rss[1]) / 1024 : NaN };
}

/** The benchmark's report goes to stdout: it is a command-line program, not the plugin. */
function print(line: string): void {
  process.stdout.write(line + '\n');
}

function report(name: string, ms: number, baseline?: { name: string; ms: number }, target?: string): void {
  const ratio = baseline ? `  ${(ms / baseline.ms).toFixed(2)} × ${baseline.name}` : '';
  const line = `${name.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms${ratio}${target ? `   (target ${target})` : ''}`;
  print(line);
}

async function main(): Promise<void> {
  print(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
  // `npm run bench -- --pathological`: only the hostile-input table, a few minutes instead of many.
  if (process.argv.includes('--pathological')) {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: npm run build:cli');
    runPathological(ROOT, CLI, print);
    return;
  }
  const generateStart = performance.now();
  generateVault(VAULT, SHAPE);
  print(`vault: ${SHAPE.days} daily notes, ${SHAPE.unrelated} unrelated, ${SHAPE.people + SHAPE.topics} people/topics (ready in ${((performance.now() - generateStart) / 1000).toFixed(1)} s)\n`);
  const clearCache = () => rmSync(CACHE, { recursive: true, force: true });
  const clearReviews = () => rmSync(join(VAULT, 'Reviews'), { recursive: true, force: true });

  const year = dailyFiles(YEAR);
  const all = dailyFiles('');
  readAndParse(year.slice(0, 30)); // warm the parser's code paths before any timing
  const a = { name: 'baseline A (read)', ms: await time(3, () => readAll(year)) };
  const b = { name: 'baseline B (read + remark-parse)', ms: await time(3, () => readAndParse(year)) };
  report(`baseline A: read ${year.length} notes of ${YEAR}`, a.ms);
  report(`baseline B: read + bare remark-parse of them`, b.ms, a);

  for (const [label, period] of [['week', WEEK], ['month', MONTH], ['year', YEAR]] as const) {
    const cold = await time(3, () => review(['--period', period, '--no-cache']));
    report(`review ${label} ${period}, cold (--no-cache)`, cold, label === 'year' ? b : undefined, label === 'year' ? '≤ 1.3 × B' : undefined);
    clearCache();
    await review(['--period', period, '--cache-dir', CACHE]);
    const warm = await time(3, () => review(['--period', period, '--cache-dir', CACHE]));
    report(`review ${label} ${period}, warm`, warm, { name: 'its cold', ms: cold }, label === 'year' ? '≤ 0.1 × cold' : undefined);
  }

  // The unrelated notes, moved out of the vault and back, in turns, so both sides
  // see the same machine: the fastest of each side is compared.
  const aside = join(ROOT, 'Archive-aside');
  const without: number[] = [];
  const withThem: number[] = [];
  for (let turn = 0; turn < 4; turn++) {
    renameSync(join(VAULT, 'Archive'), aside);
    try {
      without.push(await time(1, () => review(['--period', YEAR, '--no-cache'])));
    } finally {
      renameSync(aside, join(VAULT, 'Archive'));
    }
    withThem.push(await time(1, () => review(['--period', YEAR, '--no-cache'])));
  }
  const withoutUnrelated = Math.min(...without);
  const withUnrelated = Math.min(...withThem);
  report(`review year without the ${SHAPE.unrelated} unrelated notes`, withoutUnrelated);
  report(`review year with them`, withUnrelated, { name: 'without', ms: withoutUnrelated }, '≤ 1.1 × without');

  const bAll = { name: `B over all ${all.length} notes`, ms: await time(1, () => readAndParse(all)) };
  report(`baseline B over all ${all.length} daily notes`, bAll.ms);
  const rebuildCold = await time(1, () => review(['--all', '--write', '--no-cache', '--no-workers']), clearReviews);
  report('rebuild every review, cold, one thread (--no-workers)', rebuildCold, bAll);
  const rebuildWorkers = await time(1, () => review(['--all', '--write', '--no-cache']), clearReviews);
  report('rebuild every review, cold (--no-cache; workers)', rebuildWorkers, bAll, '≤ 1.3 × B over all');
  clearCache();
  await review(['--all', '--write', '--cache-dir', CACHE]);
  const rebuildWarm = await time(2, () => review(['--all', '--write', '--cache-dir', CACHE]));
  report('rebuild every review, warm (unchanged vault)', rebuildWarm, { name: 'its cold', ms: rebuildWorkers }, '≤ 0.1 × cold');

  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: npm run build:cli');
  cli(['--period', WEEK, '--cache-dir', CACHE]);
  const weekly = median([1, 2, 3, 4, 5].map(() => cli(['--period', WEEK, '--cache-dir', CACHE]).ms));
  report('review week, warm, whole CLI process', weekly, undefined, '≤ 300 ms');
  const yearly = cli(['--period', YEAR, '--no-cache']);
  print(`peak RSS, yearly review (CLI process):        ${yearly.maxRssMb.toFixed(0)} MB`);
  rmSync(join(VAULT, 'Reviews'), { recursive: true, force: true });
  const rebuild = cli(['--all', '--write', '--no-cache']);
  print(`peak RSS, rebuild every review (CLI process): ${rebuild.maxRssMb.toFixed(0)} MB`);
  runPathological(ROOT, CLI, print);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
