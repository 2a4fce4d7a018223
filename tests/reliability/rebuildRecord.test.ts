import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { daybook } from '../helpers/cli';
import { dailyNotes, settingsFile, vaultOf } from './vaultHelpers';

jest.setTimeout(60_000);

const summary = (stderr: string) => stderr.trim().split('\n').pop();

/**
 * A rebuild whose every note settled is recorded whole (the cache's
 * reviews/rebuild.json), and the next rebuild trusts that record instead of
 * each review's memo. These change a file behind the record the way a stamp
 * cannot show: same size, and the same mtime, inside the racy window (in the
 * future, so it stays there however slow the machine). Other notes are an
 * hour old: an alias note read within its racy window keeps any record from
 * being trusted at all.
 */
const RACY = Math.floor(Date.now() / 1000) + 30;
const OLD = Math.floor(Date.now() / 1000) - 3600;

function vaultWithIncident(extra: Record<string, string> = {}): { vault: string; cache: string; touch: (path: string, change: (text: string) => string, mtime?: number) => void } {
  const files = { ...dailyNotes([16, 17, 23]), ...settingsFile({ dailyFolder: 'Daily' }), ...extra };
  files['Daily/2026-11-17.md'] += '\n## Incidents\n\n### Cache stampede (SEV-2)\n\n- How to prevent\n    - [ ] jitter the TTLs\n';
  const vault = vaultOf(files);
  for (const path of Object.keys(files)) if (path.endsWith('.md')) utimesSync(join(vault, path), OLD, path.startsWith('Daily/') ? RACY : OLD);
  const touch = (path: string, change: (text: string) => string, mtime = RACY) => {
    const before = readFileSync(join(vault, path), 'utf8');
    const after = change(before);
    expect(after).not.toBe(before);
    expect(Buffer.byteLength(after)).toBe(Buffer.byteLength(before));
    writeFileSync(join(vault, path), after);
    utimesSync(join(vault, path), OLD, mtime);
  };
  return { vault, cache: mkdtempSync(join(tmpdir(), 'daybook-rebuild-record-')), touch };
}

/**
 * Rebuilds until the record holds the notes Daybook wrote with a racy mtime:
 * written, given the racy mtime, found up to date (and recorded so) by a run
 * that checks note by note, then answered by the record.
 */
async function settle(vault: string, cache: string): Promise<void> {
  const args = ['review', '--vault', vault, '--all', '--write', '--cache-dir', cache];
  expect((await daybook(args)).code).toBe(0);
  for (const name of readdirSync(join(vault, 'Reviews'))) utimesSync(join(vault, 'Reviews', name), OLD, RACY);
  for (const name of ['notes.json', 'rebuild.json']) rmSync(join(cache, 'reviews', name));
  expect(summary((await daybook(args)).stderr)).toMatch(/: 0 written, \d+ unchanged/);
  expect(existsSync(join(cache, 'reviews', 'rebuild.json'))).toBe(true);
  expect(summary((await daybook(args)).stderr)).toMatch(/: 0 written, \d+ unchanged/);
}

/** What a rebuild from first principles says of the vault now: nothing to write when the cached run left it right. */
async function firstPrinciples(vault: string): Promise<string | undefined> {
  return summary((await daybook(['review', '--vault', vault, '--all', '--write', '--no-cache'])).stderr);
}

describe('a settled rebuild, recorded whole, is never trusted over the files', () => {
  it('sees a daily note changed behind it (same size, mtime in the racy window): its reviews and the incident index are rewritten', async () => {
    const { vault, cache, touch } = vaultWithIncident();
    await settle(vault, cache);
    touch('Daily/2026-11-17.md', (text) => text.replace('day 17', 'day 71').replace('Cache stampede', 'Cache stampedx'));
    const result = await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
    expect(result.code).toBe(0);
    expect(summary(result.stderr)).toMatch(/: [1-9]\d* written/);
    expect(readFileSync(join(vault, 'Reviews', '2026-W47.md'), 'utf8')).toContain('day 71');
    expect(readFileSync(join(vault, 'Reviews', 'Incident index.md'), 'utf8')).toContain('Cache stampedx');
    expect(await firstPrinciples(vault)).toMatch(/: 0 written/);
  });

  it('sees an alias note changed behind it (same size, one second later): a link that now resolves through the new alias', async () => {
    const { vault, cache, touch } = vaultWithIncident({ 'Robert.md': '---\naliases: [Rx]\n---\nA colleague.\n', 'Daily/2026-11-23.md': '## Journal\n\nLunch with [[Ro]].\n' });
    await settle(vault, cache);
    touch('Robert.md', (text) => text.replace('[Rx]', '[Ro]'), OLD + 1);
    const before = readFileSync(join(vault, 'Reviews', '2026-W48.md'), 'utf8');
    const result = await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
    expect(result.code).toBe(0);
    expect(readFileSync(join(vault, 'Reviews', '2026-W48.md'), 'utf8')).not.toBe(before);
    expect(await firstPrinciples(vault)).toMatch(/: 0 written/);
  });

  it('sees a review note and the incident index edited behind it: both are refused as edited by hand', async () => {
    const { vault, cache, touch } = vaultWithIncident();
    await settle(vault, cache);
    touch('Reviews/2026-W47.md', (text) => text.replace('day 16', 'day 61'));
    touch('Reviews/Incident index.md', (text) => text.replace('Cache stampede', 'Cache stampedx'));
    const result = await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/edited by hand: Reviews\/2026-W47\.md, Reviews\/Incident index\.md/);
  });

  it('sees a mood chart changed behind it: the chart is written again', async () => {
    const { vault, cache, touch } = vaultWithIncident();
    await settle(vault, cache);
    const chart = readdirSync(join(vault, 'Reviews')).find((name) => name.startsWith('2026-W47') && name.endsWith('.svg'));
    expect(chart).toBeDefined();
    const original = readFileSync(join(vault, 'Reviews', chart as string), 'utf8');
    touch(`Reviews/${chart as string}`, (text) => text.replace('<svg', '<svx'));
    await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
    expect(readFileSync(join(vault, 'Reviews', chart as string), 'utf8')).toBe(original);
  });

  it('a damaged record is not used: the rebuild checks review by review and says the same', async () => {
    const { vault, cache, touch } = vaultWithIncident();
    await settle(vault, cache);
    const file = join(cache, 'reviews', 'rebuild.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"periods"', '"period5"'));
    touch('Daily/2026-11-16.md', (text) => text.replace('day 16', 'day 61'));
    const result = await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
    expect(readFileSync(join(vault, 'Reviews', '2026-W47.md'), 'utf8')).toContain('day 61');
    expect(summary(result.stderr)).toMatch(/: [1-9]\d* written/);
    expect(await firstPrinciples(vault)).toMatch(/: 0 written/);
  });
});
