import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCli, daybook } from '../helpers/cli';

jest.setTimeout(60_000);

/** A vault with enough daily notes that the CLI parses them on worker threads. */
function bigVault(): string {
  const vault = mkdtempSync(join(tmpdir(), 'daybook-big-'));
  mkdirSync(join(vault, 'Daily'));
  mkdirSync(join(vault, 'People'));
  writeFileSync(join(vault, 'People', 'Ana.md'), '---\ntype: person\n---\n');
  for (let i = 0; i < 90; i++) {
    const day = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
    const style = i % 2 ? `- ## Journal\n\t- met [[Ana]] #topic${i % 7}\n\t- {{[[TODO]]}} task ${i}\n` : `## Journal\n\nWorked with [[Ana]] on #perf item ${i}.\n\n- [ ] follow up ${i}\n`;
    writeFileSync(join(vault, 'Daily', `${day}.md`), `---\nmood_wake: ${1 + (i % 10)}\n---\n${style}`);
  }
  return vault;
}

/** Two and a half years of notes, so a quarter's review parses its baseline and searches 639 earlier notes spelled on the workers, more than are spelled ahead. */
function longVault(): string {
  const vault = mkdtempSync(join(tmpdir(), 'daybook-long-'));
  mkdirSync(join(vault, 'Daily'));
  mkdirSync(join(vault, 'People'));
  for (const name of ['Ana', 'Bo Chen', 'Kim']) writeFileSync(join(vault, 'People', `${name}.md`), `---\ntype: person\naliases: [${name.toLowerCase()}x]\n---\n`);
  for (let i = 0; i < 900; i++) {
    const day = new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);
    const who = ['[[Ana]]', '[[Bo Chen]]', '[[kimx]]', '#perf', '[[Topic ${i % 5}]]'][i % 5];
    const task = i % 3 ? `- [ ] follow up ${i % 40}` : `- [x] follow up ${i % 40}`;
    writeFileSync(join(vault, 'Daily', `${day}.md`), `## Journal\n\n- 1:1 with ${who} about #topic${i % 9}\n${task}\n- call [[Project ${i % 4}]] _note_ ${i}\n`);
  }
  return vault;
}

function reviews(vault: string): Record<string, string> {
  const dir = join(vault, 'Reviews');
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

describe('the bundled CLI', () => {
  let cli = '';
  beforeAll(() => {
    cli = bundleCli();
  });

  it('rebuilds every review on worker threads with the same result as parsing inline', async () => {
    const pooled = bigVault();
    const inline = bigVault();
    const cacheDir = mkdtempSync(join(tmpdir(), 'daybook-cache-'));
    const result = spawnSync(process.execPath, [cli, 'review', '--vault', pooled, '--all', '--write', '--cache-dir', cacheDir], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr.trim().split('\n').pop()).toMatch(/^\d+ reviews: \d+ written, 0 unchanged, 0 skipped because edited by hand$/);
    await daybook(['review', '--vault', inline, '--all', '--write', '--no-cache', '--no-workers']);
    expect(reviews(pooled)).toEqual(reviews(inline));
    const warm = spawnSync(process.execPath, [cli, 'review', '--vault', pooled, '--all', '--write', '--cache-dir', cacheDir], { encoding: 'utf8' });
    expect(warm.stderr).toMatch(/0 written, \d+ unchanged/);
  });

  it('writes one review from the worker threads exactly as parsed inline', () => {
    const vault = longVault();
    const run = (...extra: string[]) => spawnSync(process.execPath, [cli, 'review', '--vault', vault, '--period', '2026-Q1', '--no-cache', ...extra], { encoding: 'utf8' });
    // Forced: on two cores one review is built on one thread by default.
    const pooled = run('--workers');
    const inline = run('--no-workers');
    expect(pooled.status).toBe(0);
    expect(pooled.stdout).toContain('What changed');
    expect(pooled.stdout).toBe(inline.stdout);
    expect(pooled.stderr).toBe(inline.stderr);
  });

  it('prints help and a one-line error as a real process, without a stack trace', () => {
    const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: daybook');
    const bad = spawnSync(process.execPath, [cli, 'review', '--vault', '/nope', '--period', 'week'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('daybook: vault folder not found: /nope\n');
  });
});
