import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DailyNoteIndex } from '../../src/cli/dailyNoteIndex';
import { findDailyNotes } from '../../src/core/dailyNotes';
import { DEFAULT_SETTINGS, type DaybookSettings } from '../../src/core/settings';
import type { VaultFile } from '../../src/core/vault';

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
