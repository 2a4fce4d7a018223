import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { run } from '../src/cli/main';

/**
 * The cold yearly review on a real vault laid out as daily notes
 * (scripts/real-vaults/layout.mjs), or on a Logseq graph opened in place, against the floor B of bench/run.ts: reading
 * the year's daily notes and a bare remark-parse of each. Built and run as
 *
 *   npx esbuild bench/realVault.ts --bundle --platform=node --format=cjs --outfile=dist/realVault.js
 *   node dist/realVault.js --vault /tmp/real/laid-out-obsidian-help-all [--period 2021] [--repeats 5]
 *
 * Without --period the year with the most daily notes is timed.
 */
interface Options {
  vault: string;
  period: string | null;
  repeats: number;
  /** Passed on to the CLI: parse on one thread. */
  workers: boolean;
}

function options(argv: string[]): Options {
  const out: Options = { vault: '', period: null, repeats: 5, workers: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--vault') out.vault = resolve(argv[++i]);
    else if (argv[i] === '--period') out.period = argv[++i];
    else if (argv[i] === '--repeats') out.repeats = Number(argv[++i]);
    else if (argv[i] === '--no-workers') out.workers = false;
    else throw new Error(`unknown option ${argv[i]}`);
  }
  if (!out.vault) throw new Error('usage: realVault.js --vault DIR [--period YYYY] [--repeats N] [--no-workers]');
  return out;
}

const DAILY = /^\d{4}-\d{2}-\d{2}\.md$/;
/** A Logseq graph opened in place keeps its journal pages as `journals/2022_01_05.md` (Logseq's default). */
const JOURNAL = /^\d{4}_\d{2}_\d{2}\.md$/;

function dailyFiles(vault: string, year: string | null): string[] {
  const graph = existsSync(join(vault, 'logseq', 'config.edn'));
  const folder = join(vault, graph ? 'journals' : 'Daily');
  return readdirSync(folder)
    .filter((name) => (graph ? JOURNAL : DAILY).test(name) && (year === null || name.startsWith(year)))
    .map((name) => join(folder, name));
}

/** The year with the most daily notes: the heaviest yearly review of the vault. */
function busiestYear(vault: string): string {
  const counts = new Map<string, number>();
  for (const file of dailyFiles(vault, null)) {
    const year = file.slice(-13, -9);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

async function timed(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/**
 * The floor and the review in alternating turns, the fastest of each: on a shared
 * machine the slow runs measure the neighbours, and turns let both sides see the same load.
 */
async function fastestInTurns(repeats: number, a: () => unknown, b: () => unknown): Promise<[number, number]> {
  let bestA = Infinity;
  let bestB = Infinity;
  for (let i = 0; i < repeats; i++) {
    bestA = Math.min(bestA, await timed(a));
    bestB = Math.min(bestB, await timed(b));
  }
  return [bestA, bestB];
}

function print(line: string): void {
  process.stdout.write(line + '\n');
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const year = opts.period ?? busiestYear(opts.vault);
  const files = dailyFiles(opts.vault, year);
  // A graph's floor is parsed by Logseq's outline rules too (indentation nests bullets, never makes code), as Daybook must.
  const graph = existsSync(join(opts.vault, 'logseq', 'config.edn'));
  const processor = graph ? unified().use(remarkParse).data('micromarkExtensions', [{ disable: { null: ['codeIndented', 'setextUnderline'] } }]) : unified().use(remarkParse);
  const readAndParse = () => files.map((f) => processor.parse(readFileSync(f, 'utf8')));
  let warnings = 0;
  const io = { stdout: () => undefined, stderr: (t: string) => void (warnings += t.split('\n').filter((l) => l.startsWith('warning:')).length), isTty: false, now: () => new Date() };
  const review = async () => {
    const code = await run(['review', '--vault', opts.vault, '--period', year, '--json', '--no-cache', ...(opts.workers ? [] : ['--no-workers'])], io);
    if (code !== 0) throw new Error(`daybook review --period ${year} exited ${code}`);
  };

  print(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);
  print(`vault ${opts.vault}: ${files.length} daily notes in ${year}`);
  readAndParse(); // warm the parser's code paths before any timing
  await review();
  warnings = 0;
  const [floor, cold] = await fastestInTurns(opts.repeats, readAndParse, review);
  print(`baseline B: read + bare remark-parse of them   ${floor.toFixed(0).padStart(7)} ms`);
  print(`review year ${year}, cold (--no-cache)          ${cold.toFixed(0).padStart(7)} ms  ${(cold / floor).toFixed(2)} × B   (target ≤ 1.3 × B)`);
  print(`warnings per review: ${warnings / opts.repeats}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
