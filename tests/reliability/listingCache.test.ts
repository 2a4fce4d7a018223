import { mkdirSync, mkdtempSync, renameSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { daybook } from '../helpers/cli';
import { dailyNotes, settingsFile, vaultOf } from './vaultHelpers';

jest.setTimeout(30_000);

/**
 * The CLI keeps the vault's listing between runs and uses it while every
 * folder walked has its ctime. These add, rename and hide notes behind it.
 * A ctime cannot be set back, and a folder made moments ago is inside the
 * racy window, where its listing is never kept: the runs that should use a
 * kept listing see a clock 5 s ahead, so the test's folders look settled.
 */
const OLD = Math.floor(Date.now() / 1000) - 3600;
// Inside the racy window however slow the machine.
const RACY = Math.floor(Date.now() / 1000) + 30;

const realNow = Date.now.bind(Date);
const clockAhead = () => jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 5_000);
afterEach(() => jest.restoreAllMocks());

const note = (day: number) => `## Journal\n\nShipped the thing on day ${day}.\n`;

async function week(vault: string, cache: string): Promise<string> {
  const result = await daybook(['review', '--vault', vault, '--period', '2026-W47', '--cache-dir', cache]);
  expect(result.code).toBe(0);
  return result.stdout;
}

function setup(folderMtime: number): { vault: string; cache: string; daily: string } {
  const vault = vaultOf({ ...dailyNotes([16, 17]), ...settingsFile({ dailyFolder: 'Daily' }) });
  const daily = join(vault, 'Daily');
  for (const folder of [vault, daily, join(vault, 'People')]) utimesSync(folder, OLD, folderMtime);
  return { vault, cache: mkdtempSync(join(tmpdir(), 'daybook-listing-')), daily };
}

describe('the listing kept between runs is never trusted over the folders', () => {
  it('sees a note added to a folder', async () => {
    const { vault, cache, daily } = setup(OLD);
    clockAhead();
    expect(await week(vault, cache)).not.toContain('day 18');
    writeFileSync(join(daily, '2026-11-18.md'), note(18));
    expect(await week(vault, cache)).toContain('day 18');
  });

  it('sees a note renamed into the period', async () => {
    const { vault, cache, daily } = setup(OLD);
    writeFileSync(join(daily, 'draft.md'), note(19));
    clockAhead();
    expect(await week(vault, cache)).not.toContain('day 19');
    renameSync(join(daily, 'draft.md'), join(daily, '2026-11-19.md'));
    expect(await week(vault, cache)).toContain('day 19');
  });

  it('sees a note added to a folder changed within the racy window, even with its mtime set back', async () => {
    const { vault, cache, daily } = setup(RACY);
    expect(await week(vault, cache)).not.toContain('day 18');
    writeFileSync(join(daily, '2026-11-18.md'), note(18));
    utimesSync(daily, OLD, RACY);
    expect(await week(vault, cache)).toContain('day 18');
  });

  it('sees a note added behind a link, where no folder it walks changes', async () => {
    const vault = vaultOf({ ...dailyNotes([16, 17]), ...settingsFile({ dailyFolder: 'Daily' }) });
    const cache = mkdtempSync(join(tmpdir(), 'daybook-listing-'));
    // The linked folder sits in a hidden one, which the walk itself never reads.
    mkdirSync(join(vault, '.store', 'Older'), { recursive: true });
    symlinkSync(join(vault, '.store', 'Older'), join(vault, 'Daily', 'Older'));
    clockAhead();
    expect(await week(vault, cache)).not.toContain('day 18');
    writeFileSync(join(vault, '.store', 'Older', '2026-11-18.md'), note(18));
    expect(await week(vault, cache)).toContain('day 18');
  });
});
