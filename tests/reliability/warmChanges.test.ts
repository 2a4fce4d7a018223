import { mkdtempSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { daybook } from '../helpers/cli';
import { settingsFile, vaultOf } from './vaultHelpers';

jest.setTimeout(60_000);

/**
 * A warm run proves nothing changed from stamps (sizes and mtimes) and the
 * listing from folders' ctimes: each change a user can make between two runs
 * must still reach the review, which must then be the one a run without any
 * cache prints.
 */
describe('a warm review sees every change made since the last run', () => {
  const week = ['--period', '2026-W47'];
  let vault = '';
  let cache = '';
  const warm = async () => (await daybook(['review', '--vault', vault, ...week, '--cache-dir', cache])).stdout;
  const fresh = async () => (await daybook(['review', '--vault', vault, ...week, '--no-cache'])).stdout;

  beforeEach(() => {
    vault = vaultOf({
      ...settingsFile({ dailyFolder: 'Daily' }),
      'Daily/2026-11-16.md': '## Journal\n\nLunch with [[Cy]] and [[Ana]]. #perf\n',
      'Daily/2026-11-17.md': '## Journal\n\nCalled [[Ana]] about the plan.\n',
      'People/Ana.md': '---\ntype: person\n---\n',
      'Archive/Cyrus.md': '---\ntype: person\naliases: [Xy]\n---\nMet at the fair.\n',
      'Archive/Other.md': '# Other\n',
    });
    cache = mkdtempSync(join(tmpdir(), 'daybook-warm-'));
  });
  afterEach(() => {
    rmSync(vault, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });

  /** Two warm runs (the second answered from the cache), the change, then a warm run: it must differ from before and be the fresh review. */
  async function afterChange(change: () => void): Promise<void> {
    const before = await warm();
    expect(await warm()).toBe(before);
    change();
    const after = await warm();
    expect(after).not.toBe(before);
    expect(after).toBe(await fresh());
    // And again from the cache the changed run left.
    expect(await warm()).toBe(after);
  }

  it('an alias added in place, same size, its mtime put back to the whole second the last run recorded (a file system of whole seconds)', async () => {
    const note = join(vault, 'Archive/Cyrus.md');
    // Written this second, so the runs before the change record it within the racy window.
    const now = Math.floor(Date.now() / 1000);
    utimesSync(note, now, now);
    await afterChange(() => {
      const { mtime } = statSync(note);
      writeFileSync(note, '---\ntype: person\naliases: [Cy]\n---\nMet at the fair.\n');
      utimesSync(note, mtime, mtime);
    });
  });

  it('an alias added in place to an older note, same size, a new mtime', async () => {
    const note = join(vault, 'Archive/Cyrus.md');
    utimesSync(note, 1_700_000_000, 1_700_000_000);
    await afterChange(() => {
      writeFileSync(note, '---\ntype: person\naliases: [Cy]\n---\nMet at the fair.\n');
      utimesSync(note, 1_700_000_001, 1_700_000_001);
    });
  });

  it('a note added that gives the link its alias', async () => {
    await afterChange(() => writeFileSync(join(vault, 'Archive/Cy Young.md'), '---\naliases: [Cy]\n---\n'));
  });

  it('a note removed that a link resolved to through its alias', async () => {
    const note = join(vault, 'Archive/Cyrus.md');
    writeFileSync(note, '---\ntype: person\naliases: [Cy]\n---\nMet at the fair.\n');
    utimesSync(note, 1_700_000_000, 1_700_000_000);
    await afterChange(() => rmSync(note));
  });

  it('a folder renamed, moving the note a link resolved to', async () => {
    writeFileSync(join(vault, 'Daily/2026-11-18.md'), '## Journal\n\nRead [[Archive/Other]].\n');
    await afterChange(() => renameSync(join(vault, 'Archive'), join(vault, 'Old')));
  });
});
