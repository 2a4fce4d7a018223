import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { daybook } from '../helpers/cli';
import { dailyNotes, settingsFile, vaultOf } from './vaultHelpers';

const isRoot = process.getuid?.() === 0;
const asRoot = isRoot ? it : it.skip;
if (!isRoot) console.warn('messages.test: not root, so the read-only mount cases are skipped (CI runs as root)');

/** `vault` seen through a read-only bind mount; returns the mount point and a function that unmounts it. */
function readOnlyView(vault: string): { view: string; release: () => void } {
  const view = mkdtempSync(join(tmpdir(), 'daybook-ro-'));
  execFileSync('mount', ['--bind', vault, view]);
  execFileSync('mount', ['-o', 'remount,bind,ro', view]);
  return { view, release: () => execFileSync('umount', [view]) };
}

describe('messages name the real cause', () => {
  asRoot('a read-only mount says read-only, whether the reviews folder is there or not; never ENOENT', async () => {
    for (const withReviews of [false, true]) {
      const vault = vaultOf({ ...dailyNotes([16]), ...settingsFile({ dailyFolder: 'Daily' }) });
      if (withReviews) mkdirSync(join(vault, 'Reviews'));
      const { view, release } = readOnlyView(vault);
      try {
        const result = await daybook(['review', '--vault', view, '--all', '--write', '--no-cache']);
        expect(result.stderr).toMatch(/^error: Reviews\/2026-W47\.md: not written: .*read-only \(EROFS\)/m);
        expect(result.stderr).not.toMatch(/ENOENT|no such file/);
        expect(result.code).toBe(1);
      } finally {
        release();
      }
    }
  });

  it.each([
    ['the reviews folder', {}, 'Reviews', /^error: Reviews\/2026-W47\.md: not written: Reviews is a file where Daybook needs a folder/m],
    ['a folder inside a review format', { reviewFormats: { week: 'GGGG/[W]WW' } }, 'Reviews/2026', /^error: Reviews\/2026\/W47\.md: not written: Reviews\/2026 is a file where Daybook needs a folder/m],
  ])('a file in the way of %s says so', async (_, own, file, message) => {
    const vault = vaultOf({ ...dailyNotes([16]), ...settingsFile({ dailyFolder: 'Daily', ...own }), [`${file}`]: 'my notes' });
    const result = await daybook(['review', '--vault', vault, '--all', '--write', '--no-cache']);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/ENOTDIR|EEXIST/);
    expect(readFileSync(join(vault, file), 'utf8')).toBe('my notes');
    expect(result.code).toBe(1);
  });

  it('a missing daily folder is named', async () => {
    const vault = vaultOf({ ...dailyNotes([16]), ...settingsFile({ dailyFolder: 'Journal' }) });
    const result = await daybook(['review', '--vault', vault, '--period', '2026-W47']);
    expect(result.stderr).toMatch(/^warning: Journal: the daily notes folder "Journal" does not exist or holds no notes \(setting dailyFolder\)/m);
  });

  it('a mood chart that could not be written is reported as the chart, the note as written, and retried next run', async () => {
    const vault = vaultOf({ ...dailyNotes([16]), ...settingsFile({ dailyFolder: 'Daily' }) });
    mkdirSync(join(vault, 'Reviews', '2026-W47 mood.svg'), { recursive: true });
    const result = await daybook(['review', '--vault', vault, '--all', '--write']);
    expect(result.stderr).toMatch(/^error: Reviews\/2026-W47 mood\.svg: not written: is a folder/m);
    expect(result.stderr).not.toMatch(/^error: Reviews\/2026-W47\.md/m);
    expect(result.stderr).toMatch(/4 reviews: 4 written, 0 unchanged, 0 skipped because edited by hand, 1 mood chart not written/);
    expect(existsSync(join(vault, 'Reviews', '2026-W47.md'))).toBe(true);
    expect(result.code).toBe(1);
    rmSync(join(vault, 'Reviews', '2026-W47 mood.svg'), { recursive: true });
    const again = await daybook(['review', '--vault', vault, '--all', '--write']);
    expect(again.code).toBe(0);
    expect(readFileSync(join(vault, 'Reviews', '2026-W47 mood.svg'), 'utf8')).toMatch(/^<svg/);
  });

  it.each([['2026-02-30'], ['2026-13-01'], ['2026-11-31'], ['2026-00-10']])('a daily note named for a day that does not exist (%s) is a warning', async (day) => {
    const vault = vaultOf({ ...dailyNotes([16]), ...settingsFile({ dailyFolder: 'Daily' }), [`Daily/${day}.md`]: 'Met [[Bo]].\n' });
    const result = await daybook(['review', '--vault', vault, '--period', '2026-W47']);
    expect(result.stderr).toMatch(new RegExp(`^warning: Daily/${day}\\.md: named like a daily note \\(format "YYYY-MM-DD"\\) but for a day that does not exist; not read$`, 'm'));
  });

  it('a daily note named in another format than the daily one, for a day the other readings disagree on, is a warning naming both formats', async () => {
    // 01-12-2026 is 1 December as DD-MM-YYYY and 12 January as MM-DD-YYYY; nothing else in the folder says which.
    const vault = vaultOf({ ...dailyNotes([16]), ...settingsFile({ dailyFolder: 'Daily' }), 'Daily/01-12-2026.md': 'which day?\n' });
    writeFileSync(join(vault, 'Daily', 'notes on 2026.md'), 'not a daily note');
    const result = await daybook(['review', '--vault', vault, '--period', '2026-W47']);
    expect(result.stderr).toMatch(/^warning: Daily\/01-12-2026\.md: named like a daily note in the formats "DD-MM-YYYY" and "MM-DD-YYYY", which read it as different days, not in the daily format "YYYY-MM-DD"; not read \(rename it in the daily format\)$/m);
    expect(result.stderr).not.toMatch(/notes on 2026/);
  });
});
