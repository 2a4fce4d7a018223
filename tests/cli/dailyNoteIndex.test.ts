import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DailyNoteIndex } from '../../src/cli/dailyNoteIndex';
import { findDailyNotes } from '../../src/core/dailyNotes';
import { DEFAULT_SETTINGS, type DaybookSettings } from '../../src/core/settings';
import type { VaultFile, VaultSource } from '../../src/core/vault';
import { Journal } from '../../src/core/journal';
import { aliasNoteCandidates } from '../../src/core/links/targets';

const listing = (...paths: string[]): VaultFile[] => paths.map((path) => ({ path }));
const settings = (changes: Partial<DaybookSettings> = {}): DaybookSettings => ({ ...structuredClone(DEFAULT_SETTINGS), dailyFolder: 'Daily', dailyFormat: 'YYYY-MM-DD', ...changes });
const paths = (found: ReturnType<typeof findDailyNotes>) => ({ notes: found.notes.map((n) => [n.day, n.path]), duplicates: found.duplicates.map((n) => [n.day, n.path]) });

/** Each call is a new run: a new listing array and a new index over the same cache folder. */
describe('the daily notes kept by listing', () => {
  const files = ['Daily/2026-11-20.md', 'Daily/2026-11-21 (1).md', 'Daily/2026-11-21.md', 'Daily/old/2026-11-19.md', 'People/Ana.md'];

  it('answers a run with the listing and settings of the last one as a fresh scan would, without scanning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'daybook-cache-'));
    const first = new DailyNoteIndex(dir).find(listing(...files), settings());
    const again = listing(...files);
    const same = settings();
    const kept = new DailyNoteIndex(dir).find(again, same);
    expect(paths(kept)).toEqual(paths(first));
    expect(paths(kept)).toEqual({ notes: [['2026-11-19', 'Daily/old/2026-11-19.md'], ['2026-11-20', 'Daily/2026-11-20.md'], ['2026-11-21', 'Daily/2026-11-21.md']], duplicates: [['2026-11-21', 'Daily/2026-11-21 (1).md']] });
    // The notes are the listing's own files, and later lookups of the same listing get the same answer.
    expect(kept.notes[0].file).toBe(again[3]);
    expect(findDailyNotes(again, same)).toBe(kept);
  });

  it('works them out afresh for a note added or removed, other settings, or a damaged file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'daybook-cache-'));
    new DailyNoteIndex(dir).find(listing(...files), settings());
    const added = [...files, 'Daily/2026-11-22.md'];
    expect(paths(new DailyNoteIndex(dir).find(listing(...added), settings()))).toEqual(paths(findDailyNotes(listing(...added), settings())));
    const removed = files.filter((f) => f !== 'Daily/2026-11-20.md');
    expect(paths(new DailyNoteIndex(dir).find(listing(...removed), settings()))).toEqual(paths(findDailyNotes(listing(...removed), settings())));
    const other = settings({ dailyFolder: 'Daily/old' });
    expect(paths(new DailyNoteIndex(dir).find(listing(...removed), other)).notes).toEqual([['2026-11-19', 'Daily/old/2026-11-19.md']]);
    // A hand-edited file (a note moved to another day) fails its seal and is not believed.
    const file = join(dir, 'daily-notes.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('2026-11-19', '2026-11-18'));
    expect(paths(new DailyNoteIndex(dir).find(listing(...removed), other)).notes).toEqual([['2026-11-19', 'Daily/old/2026-11-19.md']]);
  });
});

describe('what else the listing gives, kept with its daily notes', () => {
  // A note named for a day that does not exist, one named in another format, a review note: warnings and alias notes differ.
  const files = ['Daily/2026-11-20.md', 'Daily/2026-02-30.md', 'Daily/20261121.md', 'Daily/2026-11-21 (1).md', 'Daily/2026-11-21.md', 'People/Ana.md', 'Reviews/2026-W47.md', 'Topics/Perf.md', 'Archive/a.md', 'Archive/b.md'];
  const source = (paths: string[]) => ({ list: () => Promise.resolve(listing(...paths)) }) as unknown as VaultSource;
  const opened = async (paths: string[], find?: DailyNoteIndex) => {
    const journal = await Journal.open(source(paths), settings(), find ? { findDailyNotes: find.find } : {});
    return { warnings: journal.warnings, aliasNotes: aliasNoteCandidates(journal.files, journal.settings) };
  };

  it('gives a journal the warnings and alias notes it works out without the index, in a run that keeps them and in one that reads them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daybook-cache-'));
    const fresh = await opened(files);
    expect(fresh.warnings.map((w) => w.path)).toEqual(expect.arrayContaining(['Daily/2026-02-30.md', 'Daily/20261121.md', 'Daily/2026-11-21 (1).md']));
    expect(fresh.aliasNotes).toEqual(['Archive/a.md', 'Archive/b.md', 'Daily/2026-02-30.md', 'Daily/2026-11-21 (1).md', 'Daily/20261121.md', 'People/Ana.md', 'Topics/Perf.md']);
    expect(await opened(files, new DailyNoteIndex(dir))).toEqual(fresh);
    expect(JSON.parse(readFileSync(join(dir, 'daily-notes.json'), 'utf8').split('\n')[1]).facts.aliasCandidates.length).toBeGreaterThan(0);
    expect(await opened(files, new DailyNoteIndex(dir))).toEqual(fresh);
    // Another listing: worked out afresh, not taken from the last one.
    const fewer = files.filter((f) => f !== 'Daily/2026-02-30.md' && f !== 'Archive/b.md');
    expect(await opened(fewer, new DailyNoteIndex(dir))).toEqual(await opened(fewer));
  });

  it('works them out afresh when the kept ones are of the wrong shape', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daybook-cache-'));
    await opened(files, new DailyNoteIndex(dir));
    const file = join(dir, 'daily-notes.json');
    const stored = JSON.parse(readFileSync(file, 'utf8').split('\n')[1]) as { facts: { aliasCandidates: number[][] } };
    // Sealed again, as only a hand could: runs past the end of the listing are not believed.
    stored.facts.aliasCandidates = [[0, files.length + 5]];
    const json = JSON.stringify(stored);
    writeFileSync(file, `${createHash('sha1').update(json).digest('hex')}\n${json}`);
    expect(await opened(files, new DailyNoteIndex(dir))).toEqual(await opened(files));
  });
});
