import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCli, daybook } from '../helpers/cli';
import { filesUnder, settingsFile, vaultOf } from './vaultHelpers';

jest.setTimeout(120_000);

let cli = '';
beforeAll(() => {
  cli = bundleCli();
});

function runCli(args: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

/** Daily notes over a few months, enough for a run to take a while and write a few dozen reviews. */
function journalFiles(days: number, extra: (i: number) => string = () => ''): Record<string, string> {
  const files: Record<string, string> = { 'People/Ana.md': '---\ntype: person\n---\n', ...settingsFile({ dailyFolder: 'Daily' }) };
  for (let i = 0; i < days; i++) {
    const day = new Date(Date.UTC(2026, 0, 1 + i * 2)).toISOString().slice(0, 10);
    const body = Array.from({ length: 30 }, (_, k) => `- worked on item ${i}.${k} with [[Ana]] #perf${k % 5}`).join('\n');
    files[`Daily/${day}.md`] = `---\nmood_wake: ${1 + (i % 10)}\n---\n## Journal\n\n${body}\n${extra(i)}`;
  }
  return files;
}

function reviewsOf(vault: string): Record<string, string> {
  const dir = join(vault, 'Reviews');
  if (!existsSync(dir)) return {};
  return Object.fromEntries(readdirSync(dir).filter((n) => n.endsWith('.md')).map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
}

/**
 * A vault whose reviews were written from older daily notes (every note has
 * since gained a line): each review has an old version on disk and a new one
 * it should become. Returns both, built independently, to compare against.
 */
async function staleVault(days: number, parent = tmpdir()): Promise<{ vault: string; old: Record<string, string>; fresh: Record<string, string> }> {
  const vault = vaultOf(journalFiles(days), parent);
  await daybook(['review', '--vault', vault, '--all', '--write', '--no-cache']);
  const old = reviewsOf(vault);
  const changed = journalFiles(days, (i) => `- later: met [[Bo ${i}]]\n`);
  for (const [path, text] of Object.entries(changed)) writeFileSync(join(vault, path), text);
  const reference = vaultOf(changed);
  await daybook(['review', '--vault', reference, '--all', '--write', '--no-cache']);
  return { vault, old, fresh: reviewsOf(reference) };
}

/** Every review is its old or its new version, whole; no temporary file is among the notes. */
function expectOldOrNew(vault: string, old: Record<string, string>, fresh: Record<string, string>): void {
  for (const [name, text] of Object.entries(reviewsOf(vault))) {
    expect([old[name], fresh[name]]).toContain(text);
  }
}

const temporaries = (vault: string) => filesUnder(vault).filter((p) => p.endsWith('.daybook-tmp'));

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('nothing lost, nothing half-written (real processes)', () => {
  it('keeps every line the user types into the review while it is regenerated twelve times', async () => {
    const vault = vaultOf(journalFiles(4));
    const note = join(vault, 'Reviews', '2026-01.md');
    await daybook(['review', '--vault', vault, '--period', '2026-01', '--write', '--no-cache']);
    const stop = join(vault, '.stop');
    // Another process types a line every few milliseconds at the end of the note, as an editor appends.
    const typist = spawn(process.execPath, ['-e', `
      const fs = require('fs'); let n = 0;
      const tick = () => { if (fs.existsSync(${JSON.stringify(stop)})) { fs.writeFileSync(${JSON.stringify(stop)}, String(n)); return; }
        fs.appendFileSync(${JSON.stringify(note)}, 'typed line ' + n++ + '\\n'); setTimeout(tick, 5); };
      tick();`]);
    const typistDone = exited(typist);
    // Each round starts once the typist has typed since the last: a fast review must not finish all twelve
    // before the typist's process has started (it did, on a machine where both were quick).
    const typedNow = () => readFileSync(note, 'utf8').split('typed line ').length - 1;
    const typedMore = async (than: number) => {
      for (const deadline = Date.now() + 10_000; typedNow() <= than && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 2));
      return typedNow();
    };
    try {
      let seen = 0;
      for (let round = 0; round < 12; round++) {
        seen = await typedMore(seen);
        appendFileSync(join(vault, 'Daily', '2026-01-01.md'), `- round ${round} with [[Round ${round}]]\n`);
        const result = await daybook(['review', '--vault', vault, '--period', '2026-01', '--write', '--no-cache']);
        expect(result.stderr).toMatch(/updated Reviews\/2026-01\.md/);
      }
      await typedMore(seen);
    } finally {
      // Stopped whatever happened above: a typist left running keeps jest from ever ending.
      writeFileSync(stop, '');
      await typistDone;
    }
    const typed = Number(readFileSync(stop, 'utf8'));
    const text = readFileSync(note, 'utf8');
    expect(typed).toBeGreaterThan(12);
    const lost = Array.from({ length: typed }, (_, n) => n).filter((n) => !text.includes(`typed line ${n}\n`));
    expect(lost).toEqual([]);
    expect(text).toContain('[[Round 11]]');
  });

  it('two --all --write processes at once, while a daily note is appended to, lose and corrupt nothing', async () => {
    const { vault, old, fresh } = await staleVault(40);
    const daily = join(vault, 'Daily', '2026-01-01.md');
    const caches = [mkdtempSync(join(tmpdir(), 'daybook-c1-')), mkdtempSync(join(tmpdir(), 'daybook-c2-'))];
    const runs = caches.map((cache) => spawn(process.execPath, [cli, 'review', '--vault', vault, '--all', '--write', '--cache-dir', cache], { stdio: ['ignore', 'ignore', 'pipe'] }));
    const errors = runs.map((child) => {
      let text = '';
      child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
      return () => text;
    });
    let appended = 0;
    const appender = setInterval(() => appendFileSync(daily, `- appended ${appended++}\n`), 2);
    const codes = await Promise.all(runs.map(exited));
    clearInterval(appender);
    expect(codes).toEqual([0, 0]);
    for (const stderr of errors) expect(stderr()).not.toMatch(/error/);
    expect(temporaries(vault)).toEqual([]);
    // Every review is whole: the one holding the appended note is old, new, or new with some appended lines.
    for (const [name, text] of Object.entries(reviewsOf(vault))) {
      if (!text.includes('appended')) expect([old[name], fresh[name]]).toContain(text);
      expect(text.match(/^%% daybook:begin/gm)).toHaveLength(1);
    }
    const text = readFileSync(daily, 'utf8');
    for (let n = 0; n < appended; n++) expect(text).toContain(`- appended ${n}\n`);
    // And a later run finds every region intact (none taken for a hand edit).
    expect(runCli(['review', '--vault', vault, '--all', '--write', '--cache-dir', caches[0]]).status).toBe(0);
  });

  it('after kill -9 at random moments of --all --write, every review is old or new and the next run writes what is missing', async () => {
    const { vault, old, fresh } = await staleVault(60);
    const cache = mkdtempSync(join(tmpdir(), 'daybook-kill-'));
    // Fixed "random" moments, from startup to the last writes, so a failure can be replayed.
    for (const delay of [40, 90, 140, 200, 260, 330, 420]) {
      const child = spawn(process.execPath, [cli, 'review', '--vault', vault, '--all', '--write', '--cache-dir', cache], { stdio: 'ignore' });
      const done = exited(child);
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await done;
      expectOldOrNew(vault, old, fresh);
    }
    const finish = runCli(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
    expect(finish.status).toBe(0);
    expect(reviewsOf(vault)).toEqual(fresh);
    expect(temporaries(vault)).toEqual([]);
    expect(runCli(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]).stderr).toMatch(/: 0 written, \d+ unchanged/);
  });

  it('on a full disk, every review is old or new, the failures are named, nothing temporary remains, and the next run writes what is missing', async () => {
    const disk = mkdtempSync(join(tmpdir(), 'daybook-disk-'));
    const mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk]).status === 0;
    try {
      const { vault, old, fresh } = await staleVault(30, disk);
      const cache = mkdtempSync(join(tmpdir(), 'daybook-full-'));
      // Fill the disk but a few pages; without root, a file size limit stands in for it.
      const filler = join(disk, 'filler');
      let full: { status: number | null; stderr: string };
      if (mounted) {
        // Fill it to the last byte: no review fits (with pages free, whether one fits hangs on
        // review sizes that other changes move, and the test would prove nothing).
        const chunk = Buffer.alloc(4096);
        try {
          for (;;) appendFileSync(filler, chunk);
        } catch {
          // ENOSPC: full.
        }
        full = runCli(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
      } else {
        const result = spawnSync('bash', ['-c', `ulimit -f 8; exec "${process.execPath}" "${cli}" review --vault "${vault}" --all --write --cache-dir "${cache}"`], { encoding: 'utf8' });
        full = { status: result.status, stderr: result.stderr };
      }
      expect(full.status).not.toBe(0);
      if (mounted) expect(full.stderr).toMatch(/^error: Reviews\/\S+\.md: not written: .*ENOSPC/m);
      expectOldOrNew(vault, old, fresh);
      expect(temporaries(vault)).toEqual([]);
      rmSync(filler, { force: true });
      expect(runCli(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]).status).toBe(0);
      expect(reviewsOf(vault)).toEqual(fresh);
    } finally {
      if (mounted) spawnSync('umount', [disk]);
    }
  });
});

describe('one bad note never stops a run (real process)', () => {
  it('prints only Daybook’s own warning lines for hostile frontmatter, never a library warning', () => {
    const vault = vaultOf({
      ...settingsFile({ dailyFolder: 'Daily' }),
      'Daily/2026-11-16.md': '---\nmood_wake: &m [*m]\nx: !!js/function "function () {}"\n---\nMet [[Loop]] and [[Laughs]].\n',
      'Daily/2026-11-17.md': '---\nmood_wake: 4\n---\nMet [[Loop]].\n',
      'Loop.md': '---\naliases: &a [*a]\ntype: &t {k: *t}\n---\n',
      'Laughs.md': `---\na: &a [x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`).join('\n')}\n---\n`,
    });
    mkdirSync(join(vault, 'Reviews'));
    const result = runCli(['review', '--vault', vault, '--all', '--write', '--no-cache']);
    expect(result.status).toBe(0);
    const lines = result.stderr.trim().split('\n');
    // Daybook's own lines only: warnings by path, and the incident index it wrote with the reviews.
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^warning: [^:]+\.md: \S|^created Reviews\/Incident index\.md$/);
    expect(result.stderr).toMatch(/^warning: Daily\/2026-11-16\.md: frontmatter left out: a property refers to itself/m);
    expect(result.stderr).toMatch(/^warning: Loop\.md: frontmatter left out/m);
    expect(result.stderr).toMatch(/^warning: Laughs\.md: frontmatter left out: .*billion laughs/m);
    expect(lines[lines.length - 1]).toMatch(/^4 reviews: 4 written/);
  });
});
