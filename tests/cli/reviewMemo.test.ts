import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parsePeriodId, type Period } from '../../src/core/dates/periods';
import { Journal } from '../../src/core/journal';
import { buildReview } from '../../src/core/review/buildReview';
import type { ReviewData } from '../../src/core/review/types';
import { FolderVault } from '../../src/cli/folderVault';
import { FrontmatterIndex } from '../../src/cli/frontmatterIndex';
import { ListingCache } from '../../src/cli/listingCache';
import { RebuildRecord } from '../../src/cli/rebuildRecord';
import { ReviewMemo } from '../../src/cli/reviewMemo';
import { periodsWithNotes } from '../../src/core/reviewWriter';
import { loadVaultSettings } from '../../src/cli/vaultSettings';
import { daybook } from '../helpers/cli';
import { settingsFile, vaultOf } from '../reliability/vaultHelpers';

/** One CLI run over the vault with the cache, as `daybook review` opens it: a journal and the memo of its reviews. */
async function openRun(vault: string, cache: string): Promise<{ journal: Journal; memo: ReviewMemo; save: () => void; record: () => RebuildRecord }> {
  const { settings, dialect } = await loadVaultSettings(vault);
  const index = new FrontmatterIndex(cache, dialect.parse.pageProperties);
  const folder = new FolderVault(vault, { index, listing: new ListingCache(cache), trackReads: true, pageProperties: dialect.parse.pageProperties });
  const journal = await Journal.open(folder, settings, { dialect });
  const memo = new ReviewMemo(cache, folder, journal);
  return { journal, memo, save: () => (index.save(journal.files.map((f) => f.path)), memo.save()), record: () => new RebuildRecord(cache, memo, folder, journal) };
}

/** The review of `period` built through the memo by one run, then whether a second run finds it still valid, and whether what it recalls is what a fresh build says. */
async function memoHolds(vault: string, cache: string, period: Period): Promise<boolean> {
  const second = await openRun(vault, cache);
  const holds = second.memo.answers(period);
  if (holds) expect(await second.memo.build(second.journal, period)).toEqual(await freshReview(vault, period));
  return holds;
}

/** Builds the review of `period` through the memo in one run and keeps it; returns the review. */
async function remember(vault: string, cache: string, period: Period): Promise<ReviewData> {
  const first = await openRun(vault, cache);
  const review = await first.memo.build(first.journal, period);
  first.save();
  expect((await openRun(vault, cache)).memo.answers(period)).toBe(true);
  return review;
}

/** The review a run without any cache builds now. */
async function freshReview(vault: string, period: Period): Promise<ReviewData> {
  const dir = mkdtempSync(join(tmpdir(), 'daybook-memo-fresh-'));
  try {
    return await buildReview((await openRun(vault, dir)).journal, period);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Notes are given mtimes of an hour ago, each write a second later than the
 * last: a note read in the racy window of its mtime keeps the alias notes'
 * key from matching at all, which these tests are not about.
 */
let second = Math.floor(Date.now() / 1000) - 3600;

function write(vault: string, path: string, text: string): void {
  mkdirSync(dirname(join(vault, path)), { recursive: true });
  writeFileSync(join(vault, path), text);
  second++;
  utimesSync(join(vault, path), second, second);
}

function vaultOfOldNotes(files: Record<string, string>): string {
  const vault = vaultOf({});
  for (const [path, text] of Object.entries(files)) write(vault, path, text);
  return vault;
}

const quarter = parsePeriodId('2026-Q4') as Period;
const REGION = (body: string) => `%% daybook:begin hash=0123456789abcd %%\n${body}\n%% daybook:end %%\n`;

describe("a review's memo and the review notes it reads goals from", () => {
  let vault: string;
  let cache: string;
  beforeEach(() => {
    vault = vaultOfOldNotes({
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

const week = parsePeriodId('2026-W47') as Period;

describe("a review's memo over a listing that gained a note", () => {
  let vault: string;
  let cache: string;
  const open = (days: Record<string, string>, settings: object = {}) => {
    vault = vaultOfOldNotes({
      ...days,
      'People/Ana.md': '---\ntype: person\n---\n',
      'People/Zoë.md': '---\ntype: person\n---\n',
      'Team/Bo.md': '---\ntype: person\n---\n',
      ...settingsFile({ dailyFolder: 'Daily', ...settings }),
    });
    cache = mkdtempSync(join(tmpdir(), 'daybook-memo-'));
  };
  /** A note added after the review was kept: whether its memo still holds, and (when it does not) whether the review really changed. */
  const afterAdding = async (path: string, text: string, period = week) => {
    const before = await remember(vault, cache, period);
    write(vault, path, text);
    const holds = await memoHolds(vault, cache, period);
    return { holds, changed: JSON.stringify(await freshReview(vault, period)) !== JSON.stringify(before) };
  };
  const resolvedDays = { 'Daily/2026-11-16.md': '## Journal\n\nWorked with [[ana]], [[Zoë]] and [[Bo]].\n', 'Daily/2026-11-17.md': '## Journal\n\nMet [[Team/Bo]].\n' };
  afterEach(() => {
    rmSync(vault, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });

  it('holds when no name it looked up reaches the new note', async () => {
    open(resolvedDays);
    expect(await afterAdding('Notes/Unrelated.md', 'Nothing links here.\n')).toEqual({ holds: true, changed: false });
  });

  it('holds when the new note is the review note of another period, none of its links names it', async () => {
    open({ ...resolvedDays, 'Daily/2026-11-18.md': '## Journal\n\nSee [[2026-W46]].\n' });
    expect(await afterAdding('Reviews/2026-W45.md', '%% daybook:begin hash=0 %%\nold\n%% daybook:end %%\n')).toEqual({ holds: true, changed: false });
  });

  it('is dropped when the new note is a review note one of its links names: the link now resolves', async () => {
    open({ ...resolvedDays, 'Daily/2026-11-18.md': '## Journal\n\nSee [[2026-W46]].\n' });
    expect(await afterAdding('Reviews/2026-W46.md', '%% daybook:begin hash=0 %%\nold\n%% daybook:end %%\n')).toEqual({ holds: false, changed: true });
  });

  it('is dropped when a note differing only in case takes a link spelled as it is (`[[ana]]`)', async () => {
    open(resolvedDays);
    expect(await afterAdding('Other/ana.md', '---\ntype: person\n---\n')).toEqual({ holds: false, changed: true });
  });

  it('is dropped when a note named in the other Unicode form, on a shorter path, takes `[[Zoë]]`', async () => {
    open(resolvedDays);
    expect(await afterAdding('Z/Zoe\u0308.md', 'A namesake.\n')).toEqual({ holds: false, changed: true });
  });

  it('is dropped when a note at the vault path `Bo` takes the bare name from `Team/Bo.md`', async () => {
    open(resolvedDays);
    expect(await afterAdding('Bo.md', 'Another Bo.\n')).toEqual({ holds: false, changed: true });
  });

  it('is dropped when a second note of the same name makes a link written by path (`Team/Bo`) where it was by name', async () => {
    open(resolvedDays);
    expect(await afterAdding('Old/Team/Bo.md', 'An older Bo.\n')).toEqual({ holds: false, changed: true });
  });

  it('holds when the new note has aliases, none of them a name the review asked for', async () => {
    open({ 'Daily/2026-11-16.md': '## Journal\n\nLunch with [[Cy]] and [[Ana]].\n', 'People/Dee.md': '---\ntype: person\naliases: [D]\n---\n' });
    // Outside the people folder: a new note there may file a 1:1 under a day of the period.
    expect(await afterAdding('Contacts/Eve.md', '---\ntype: person\naliases: [Evie]\n---\n')).toEqual({ holds: true, changed: false });
  });

  it('is dropped when the new note gives an unresolved link its alias', async () => {
    open({ 'Daily/2026-11-16.md': '## Journal\n\nLunch with [[Cy]].\n' });
    expect(await afterAdding('Contacts/Cyrus.md', '---\ntype: person\naliases: [Cy]\n---\n')).toEqual({ holds: false, changed: true });
  });

  it('is dropped when the new note is a meeting note of the period', async () => {
    open(resolvedDays);
    expect(await afterAdding('Meetings/2026-11-17 1-1 Ana.md', '# Kickoff\n\nWe met.\n')).toEqual({ holds: false, changed: true });
  });

  it('is dropped in a Logseq graph for any new page: the review says how many pages the graph has', async () => {
    vault = vaultOfOldNotes({ 'logseq/config.edn': '{}', 'journals/2026_11_16.md': '- Worked with [[Ana]]\n', 'pages/Ana.md': 'type:: person\n' });
    cache = mkdtempSync(join(tmpdir(), 'daybook-memo-'));
    expect(await afterAdding('pages/Unrelated.md', '- nothing links here\n')).toEqual({ holds: false, changed: true });
  });

  it('holds for a quarter once Daybook wrote its review note, and is dropped when that note holds goals of the user', async () => {
    open(resolvedDays);
    expect(await afterAdding('Reviews/2026-Q4.md', REGION('the review as written'), quarter)).toEqual({ holds: true, changed: false });
    rmSync(join(vault, 'Reviews/2026-Q4.md'));
    rmSync(cache, { recursive: true, force: true });
    cache = mkdtempSync(join(tmpdir(), 'daybook-memo-'));
    expect(await afterAdding('Reviews/2026-Q4.md', `## Goals\n\n- [ ] grow [[ana]]\n\n${REGION('the review as written')}`, quarter)).toEqual({ holds: false, changed: true });
  });
});

describe("the listing answers a run's memos name", () => {
  it('are let go by a rebuild once no memo names them', async () => {
    const vault = vaultOfOldNotes({ 'Daily/2026-11-16.md': '## Journal\n\nWorked with [[Ana]].\n', 'People/Ana.md': '---\ntype: person\n---\n', ...settingsFile({ dailyFolder: 'Daily' }) });
    const cache = mkdtempSync(join(tmpdir(), 'daybook-memo-'));
    const answers = () => readdirSync(join(cache, 'reviews')).filter((name) => name.startsWith('listing-'));
    const rebuild = async () => expect((await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache])).code).toBe(0);
    await rebuild();
    const first = answers();
    expect(first).toHaveLength(1);
    // A new daily note: every review is built again, and names this run's answers only.
    write(vault, 'Daily/2026-11-17.md', '## Journal\n\nAlone.\n');
    await rebuild();
    expect(answers()).toHaveLength(1);
    expect(answers()).not.toEqual(first);
    rmSync(vault, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });
});

describe('the record of a settled rebuild over a listing that gained a note', () => {
  it('still holds when no review asked for the new note, and not when one of their links now reaches it', async () => {
    const vault = vaultOfOldNotes({ 'Daily/2026-11-16.md': '## Journal\n\nLunch with [[Nobody]] and [[Ana]].\n', 'People/Ana.md': '---\ntype: person\n---\n', ...settingsFile({ dailyFolder: 'Daily' }) });
    const cache = mkdtempSync(join(tmpdir(), 'daybook-memo-'));
    expect((await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache])).code).toBe(0);
    const holds = async () => {
      const run = await openRun(vault, cache);
      return run.record().settled(periodsWithNotes(run.journal)) !== null;
    };
    expect(await holds()).toBe(true);
    write(vault, 'Notes/Unrelated.md', '---\naliases: [Somebody]\n---\n');
    expect(await holds()).toBe(true);
    write(vault, 'Notes/Nobody.md', 'Now somebody.\n');
    expect(await holds()).toBe(false);
    rmSync(vault, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });
});

describe("a review's memo and the meeting notes found by their date", () => {
  it('is dropped when a meeting note of another day is dated into the period, the listing as it was', async () => {
    const vault = vaultOfOldNotes({ 'Daily/2026-11-16.md': '## Journal\n\nWorked with [[Ana]].\n', 'People/Ana.md': '---\ntype: person\n---\n', 'Meetings/Kickoff.md': '---\ndate: 2026-10-01\n---\n# Kickoff with Ana\n\nWe met.\n', ...settingsFile({ dailyFolder: 'Daily' }) });
    const cache = mkdtempSync(join(tmpdir(), 'daybook-memo-'));
    const before = await remember(vault, cache, week);
    write(vault, 'Meetings/Kickoff.md', '---\ndate: 2026-11-17\n---\n# Kickoff with Ana\n\nWe met.\n');
    expect(JSON.stringify(await freshReview(vault, week))).not.toBe(JSON.stringify(before));
    expect(await memoHolds(vault, cache, week)).toBe(false);
    rmSync(vault, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });
});
