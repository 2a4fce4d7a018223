import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parsePeriodId, type Period } from '../../src/core/dates/periods';
import { Journal } from '../../src/core/journal';
import { buildReview } from '../../src/core/review/buildReview';
import { FolderVault } from '../../src/cli/folderVault';
import { FrontmatterIndex } from '../../src/cli/frontmatterIndex';
import { ListingCache } from '../../src/cli/listingCache';
import { ReviewMemo } from '../../src/cli/reviewMemo';
import { loadVaultSettings } from '../../src/cli/vaultSettings';
import { settingsFile, vaultOf } from '../reliability/vaultHelpers';

/** One CLI run over the vault with the cache, as `daybook review` opens it: a journal and the memo of its reviews. */
async function openRun(vault: string, cache: string): Promise<{ journal: Journal; memo: ReviewMemo; save: () => void }> {
  const { settings, dialect } = await loadVaultSettings(vault);
  const index = new FrontmatterIndex(cache, dialect.parse.pageProperties);
  const folder = new FolderVault(vault, { index, listing: new ListingCache(cache), trackReads: true, pageProperties: dialect.parse.pageProperties });
  const journal = await Journal.open(folder, settings, { dialect });
  const memo = new ReviewMemo(cache, folder, journal);
  return { journal, memo, save: () => (index.save(journal.files.map((f) => f.path)), memo.save()) };
}

/** The review of `period` built through the memo by one run, then whether a second run finds it still valid, and whether what it recalls is what a fresh build says. */
async function memoHolds(vault: string, cache: string, period: Period): Promise<boolean> {
  const second = await openRun(vault, cache);
  const holds = second.memo.answers(period);
  if (holds) {
    const fresh = await openRun(vault, mkdtempSync(join(tmpdir(), 'daybook-memo-fresh-')));
    expect(await second.memo.build(second.journal, period)).toEqual(await buildReview(fresh.journal, period));
  }
  return holds;
}

async function remember(vault: string, cache: string, period: Period): Promise<void> {
  const first = await openRun(vault, cache);
  await first.memo.build(first.journal, period);
  first.save();
  expect((await openRun(vault, cache)).memo.answers(period)).toBe(true);
}

function write(vault: string, path: string, text: string): void {
  mkdirSync(dirname(join(vault, path)), { recursive: true });
  writeFileSync(join(vault, path), text);
}

const quarter = parsePeriodId('2026-Q4') as Period;
const REGION = (body: string) => `%% daybook:begin hash=0123456789abcd %%\n${body}\n%% daybook:end %%\n`;

describe("a review's memo and the review notes it reads goals from", () => {
  let vault: string;
  let cache: string;
  beforeEach(() => {
    vault = vaultOf({
      'Daily/2026-11-16.md': '## Journal\n\nWorked with [[Ana]].\n',
      'Daily/2026-11-17.md': '## Journal\n\nShipped it.\n',
      'People/Ana.md': '---\ntype: person\n---\n',
      'Reviews/2026-Q4.md': `## Goals\n\n- [ ] grow [[Ana]]\n\n${REGION('old review')}`,
      ...settingsFile({ dailyFolder: 'Daily' }),
    });
    cache = mkdtempSync(join(tmpdir(), 'daybook-memo-'));
  });
  afterEach(() => {
    rmSync(vault, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });

  it("still holds once Daybook rewrote the note's own region: no goal can change with it", async () => {
    await remember(vault, cache, quarter);
    const note = readFileSync(join(vault, 'Reviews/2026-Q4.md'), 'utf8');
    write(vault, 'Reviews/2026-Q4.md', note.replace('old review', 'the review as rebuilt, longer than before'));
    expect(await memoHolds(vault, cache, quarter)).toBe(true);
  });

  it('no longer holds once the goals around the region change', async () => {
    await remember(vault, cache, quarter);
    const note = readFileSync(join(vault, 'Reviews/2026-Q4.md'), 'utf8');
    write(vault, 'Reviews/2026-Q4.md', note.replace('grow [[Ana]]', 'hire [[Ana]]'));
    expect(await memoHolds(vault, cache, quarter)).toBe(false);
  });
});
