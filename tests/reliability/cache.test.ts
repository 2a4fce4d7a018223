import { appendFileSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { daybook } from '../helpers/cli';
import { dailyNotes, filesUnder, settingsFile, vaultOf } from './vaultHelpers';

// The garbage-cache test runs the CLI 25 times: 4.6–5.1 s on a loaded two-core machine, on main as here.
jest.setTimeout(60_000);

const newCache = () => mkdtempSync(join(tmpdir(), 'daybook-relcache-'));
const summary = (stderr: string) => stderr.trim().split('\n').pop();

describe('the cache is a hint, never the truth', () => {
  it('never answers "up to date" for a review note whose bytes changed, even with the same size and mtime', async () => {
    const vault = vaultOf({ ...dailyNotes([16, 17]), ...settingsFile({ dailyFolder: 'Daily' }) });
    const cache = newCache();
    await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
    const note = join(vault, 'Reviews', '2026-W47.md');
    // A whole-second mtime, as coarse file systems keep, recorded by a second run.
    utimesSync(note, 1_700_000_000, 1_700_000_000);
    await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
    // Same length, same mtime: only the bytes tell.
    writeFileSync(note, readFileSync(note, 'utf8').replace('day 16', 'day 61'));
    utimesSync(note, 1_700_000_000, 1_700_000_000);
    const result = await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
    expect(result.stderr).toMatch(/edited by hand: Reviews\/2026-W47\.md/);
    expect(result.code).toBe(3);
  });

  it('records a review only once its note is written: a run stopped between the two does not leave a stale note "up to date"', async () => {
    const vault = vaultOf({ ...dailyNotes([16, 17]), ...settingsFile({ dailyFolder: 'Daily' }) });
    const cache = newCache();
    await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
    appendFileSync(join(vault, 'Daily', '2026-11-17.md'), '\nMet [[Bo]] about the outage.\n');
    // Builds (and memoises) the new review without writing its note: what a run killed just before the write leaves.
    await daybook(['review', '--vault', vault, '--period', '2026-W47', '--cache-dir', cache]);
    const result = await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
    expect(readFileSync(join(vault, 'Reviews', '2026-W47.md'), 'utf8')).toContain('[[Bo]]');
    expect(summary(result.stderr)).toMatch(/[1-9]\d* written/);
  });

  it('a cache of valid JSON in the wrong shape, or of another version, is rebuilt, never a crash', async () => {
    const vault = vaultOf({ ...dailyNotes([16, 17]), ...settingsFile({ dailyFolder: 'Daily' }) });
    const reference = vaultOf({ ...dailyNotes([16, 17]), ...settingsFile({ dailyFolder: 'Daily' }) });
    await daybook(['review', '--vault', reference, '--all', '--write', '--no-cache']);
    for (const garbage of ['{}', '[]', 'null', '42', '"x"', '{"version": 2, "inputs": 5}', '[["Reviews/2026-W47.md", 5]]', '{"version":"0.1.0/2/2","notes":[["a",[1,2,"x","y"]]]}']) {
      const cache = newCache();
      await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
      const files: string[] = [];
      const walk = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) entry.isDirectory() ? walk(join(dir, entry.name)) : files.push(join(dir, entry.name));
      };
      walk(cache);
      expect(files.length).toBeGreaterThan(3);
      // First only the stored reviews (their memos still valid), then every file of the cache.
      for (const file of files) if (file.endsWith('.review.json')) writeFileSync(file, garbage);
      appendFileSync(join(vault, 'Daily', '2026-11-16.md'), '');
      const reviewsOnly = await daybook(['review', '--vault', vault, '--period', '2026-W47', '--cache-dir', cache]);
      expect(reviewsOnly.stderr).not.toMatch(/unexpected error/);
      expect(reviewsOnly.stdout).toContain('[[Ana]]');
      for (const file of files) writeFileSync(file, garbage);
      appendFileSync(join(vault, 'Daily', '2026-11-16.md'), '');
      const result = await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
      expect(result.stderr).not.toMatch(/unexpected error/);
      expect(result.code).toBe(0);
      for (const name of readdirSync(join(reference, 'Reviews'))) expect(readFileSync(join(vault, 'Reviews', name), 'utf8')).toBe(readFileSync(join(reference, 'Reviews', name), 'utf8'));
    }
  });
});

describe('identical inputs give identical bytes', () => {
  it('after --all --write, a rerun with the cache, with a warm cache and with --no-cache writes nothing', async () => {
    const hostile = '\nmood_wind: null\n';
    const files = { ...dailyNotes([2, 3, 9, 10, 16, 17, 23, 24, 30]), ...settingsFile({ dailyFolder: 'Daily' }) };
    files['Daily/2026-11-03.md'] = `---\nmood_wake:\nmood_wind: null\n---\nMet [[Ana]] and [[Bad]]${hostile}`;
    files['Daily/2026-11-09.md'] = '---\nmood_wake: high\n---\nMet [[Ana]] #perf\n';
    files['Bad.md'] = '---\naliases: &a [*a]\ntype: !!js/function "x"\n---\n';
    files['Daily/2026-11-24.md'] = '## Incidents\n\n### Cache stampede (SEV-2)\n\n- How to prevent\n    - [ ] jitter the TTLs\n';
    const vault = vaultOf(files);
    const cache = newCache();
    expect(summary((await daybook(['review', '--vault', vault, '--all', '--write', '--no-cache'])).stderr)).toMatch(/ 0 unchanged/);
    // Everything Daybook writes: reviews (with What changed), mood charts, heatmaps and the incident index.
    const written = () => new Map(filesUnder(join(vault, 'Reviews')).map((f) => [f, readFileSync(join(vault, 'Reviews', f), 'utf8')]));
    const first = written();
    expect([...first.keys()]).toEqual(expect.arrayContaining(['2026-W48.md', '2026-11 mood.svg', '2026 mood_wake heatmap.svg', 'Incident index.md']));
    for (const args of [['--cache-dir', cache], ['--cache-dir', cache], ['--no-cache']]) {
      const result = await daybook(['review', '--vault', vault, '--all', '--write', ...args]);
      expect(summary(result.stderr)).toMatch(/: 0 written, \d+ unchanged, 0 skipped/);
      expect(result.stderr).not.toContain('Incident index');
      expect(written()).toEqual(first);
    }
  });
});

describe('duplicate daily notes for one day', () => {
  it('are reported by path, never silently left out', async () => {
    const vault = vaultOf({
      ...dailyNotes([16]),
      'Daily/2026-11-16-0001.md': 'a copy made by a sync tool\n',
      'Daily/2026-11-18 (1).md': 'an import of a day with no note of its own\n',
      'Archive/2026-11-16.md': 'the same day filed in another folder\n',
      ...settingsFile({ dailyFolder: '' }),
    });
    const result = await daybook(['review', '--vault', vault, '--period', '2026-W47']);
    expect(result.stderr).toMatch(/^warning: Daily\/2026-11-16-0001\.md: a second daily note for 2026-11-16; only .* is read$/m);
    expect(result.stderr).toMatch(/^warning: Daily\/2026-11-16\.md: a second daily note for 2026-11-16; only Archive\/2026-11-16\.md is read$/m);
    expect(result.stderr).toMatch(/^warning: Daily\/2026-11-18 \(1\)\.md: named like the daily note of 2026-11-18/m);
  });
});

describe('--json on a note with thousands of links on one line', () => {
  it('quotes the line once, not once per link', async () => {
    const line = Array.from({ length: 2000 }, (_, i) => `[[Thing ${i}]]`).join(' and ');
    const vault = vaultOf({ 'Daily/2026-11-16.md': `## Journal\n\n- ${line}\n`, ...settingsFile({ dailyFolder: 'Daily' }) });
    const result = await daybook(['review', '--vault', vault, '--period', '2026-W47', '--json', '--no-cache']);
    expect(result.code).toBe(0);
    const review = JSON.parse(result.stdout) as { otherLinks: { blocks: { text: string; quote?: number }[] }[]; quotes?: string[] };
    expect(review.otherLinks).toHaveLength(2000);
    expect(review.quotes).toHaveLength(1);
    expect(review.otherLinks[1999].blocks[0].quote).toBe(0);
    expect(review.quotes?.[0]).toContain('[[Thing 1999]]');
    // The note is ~40 KB; printed once per link it would be ~80 MB.
    expect(result.stdout.length).toBeLessThan(2_000_000);
  });
});
