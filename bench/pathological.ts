import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * Hostile notes at 1×, 4× and 16× their base size, each reviewed by the real
 * CLI process: the time and peak memory of each, and their ratios to 1×. A
 * linear reader shows ratios near 4 and 16; a quadratic one, near 16 and 256.
 * The 16× sizes are the ones issue 10 names (a 10 MB note, a 1 MB line, …).
 */
interface Case {
  name: string;
  /** The daily note's text at scale `n` (1, 4 or 16). */
  note: (n: number) => string;
  args?: string[];
}

const filler = 'Worked with [[Ana]] on the cache #perf, cut latency by 12%. ';

const CASES: Case[] = [
  { name: '10 MB note (16×)', note: (n) => `## Journal\n\n${`- ${filler.repeat(8)}\n`.repeat(Math.round((n * 640 * 1024) / 500))}` },
  { name: '1 MB line (16×)', note: (n) => `## Journal\n\n- ${'word '.repeat((n * 64 * 1024) / 5)}\n` },
  { name: 'list nested 5,000 deep (16×)', note: (n) => `## Journal\n\n${Array.from({ length: (n * 5000) / 16 }, (_, i) => `${'  '.repeat(i)}- level ${i} [[Ana]]`).join('\n')}\n` },
  { name: '100,000 unclosed [[ (16×)', note: (n) => `## Journal\n\n${'[[a '.repeat((n * 100000) / 16)}\n` },
  { name: '100,000 unclosed #[[ (16×)', note: (n) => `## Journal\n\n${'#[[a '.repeat((n * 100000) / 16)}\n` },
  { name: '10,000 links on one line (16×)', note: (n) => `## Journal\n\n- ${Array.from({ length: (n * 10000) / 16 }, (_, i) => `[[T${i}]]`).join(' ')}\n` },
  { name: '10,000 links on one line, --json (16×)', note: (n) => `## Journal\n\n- ${Array.from({ length: (n * 10000) / 16 }, (_, i) => `[[T${i}]]`).join(' ')}\n`, args: ['--json'] },
  { name: '50,000-line frontmatter (16×)', note: (n) => `---\ntags:\n${'  - x\n'.repeat((n * 50000) / 16)}---\n## Journal\n\n- [[Ana]]\n` },
];

/** A run longer than this at 1× is not repeated at 4× and 16×: the table says so instead. */
const SKIP_AFTER_MS = 30_000;
const TIMEOUT_MS = 180_000;

function review(cli: string, vault: string, args: string[]): { ms: number; rssMb: number; outcome: string } {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--require', join(process.cwd(), 'bench', 'maxrss.cjs'), cli, 'review', '--vault', vault, '--period', '2026-W47', '--no-cache', '--no-workers', ...args], {
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - start;
  const rss = /maxrss_kb=(\d+)/.exec(result.stderr);
  const warnings = (result.stderr.match(/^warning: /gm) ?? []).length;
  const outcome = result.error ? `killed after ${TIMEOUT_MS / 1000} s` : result.status === 0 ? (warnings ? `ok, ${warnings} warning${warnings > 1 ? 's' : ''}` : 'ok') : `exit ${result.status}: ${result.stderr.trim().split('\n').find((l) => l.startsWith('daybook:')) ?? ''}`;
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : NaN, outcome };
}

export function runPathological(root: string, cli: string, print: (line: string) => void): void {
  print('\npathological notes (one daily note, weekly review, CLI process, --no-cache --no-workers):');
  print(`${'input'.padEnd(42)} ${'1×'.padStart(9)} ${'4×'.padStart(16)} ${'16×'.padStart(17)}   peak RSS at 16×, outcome`);
  for (const c of CASES) {
    const cells: string[] = [];
    let base = NaN;
    let last: ReturnType<typeof review> | null = null;
    for (const n of [1, 4, 16]) {
      if (n > 1 && base > SKIP_AFTER_MS) {
        cells.push('skipped'.padStart(n === 4 ? 16 : 17));
        continue;
      }
      const vault = join(root, 'pathological', `${CASES.indexOf(c)}-${n}`);
      rmSync(vault, { recursive: true, force: true });
      mkdirSync(join(vault, 'Daily'), { recursive: true });
      mkdirSync(join(vault, '.obsidian'), { recursive: true });
      writeFileSync(join(vault, '.obsidian', 'daily-notes.json'), JSON.stringify({ folder: 'Daily' }));
      writeFileSync(join(vault, 'Daily', '2026-11-16.md'), c.note(n));
      last = review(cli, vault, c.args ?? []);
      if (n === 1) {
        base = last.ms;
        cells.push(`${last.ms.toFixed(0)} ms`.padStart(9));
      } else cells.push(`${last.ms.toFixed(0)} ms ${`(${(last.ms / base).toFixed(1)}×)`.padStart(7)}`.padStart(n === 4 ? 16 : 17));
      rmSync(vault, { recursive: true, force: true });
    }
    print(`${c.name.padEnd(42)} ${cells.join(' ')}   ${last ? `${last.rssMb.toFixed(0)} MB, ${last.outcome}` : ''}`);
  }
}
