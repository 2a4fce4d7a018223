import { parsePeriodId } from '../../src/core/dates/periods';
import { buildReview } from '../../src/core/review/buildReview';
import { fixture } from '../helpers/cli';
import { folderJournal } from '../helpers/historyCompare';

describe('meeting notes named only by their date, in a vault whose daily notes sit at its root (one-on-one-folders)', () => {
  it('reads them as meetings of their day, not as daily notes, and warns about none', async () => {
    const journal = await folderJournal(fixture('one-on-one-folders'))();
    // Read as daily notes filed in subfolders, Meetings/Pods/2026-08-05 was the day's note and one of two 1:1s
    // of 13 Aug the other's "second daily note".
    expect(journal.dailyNotes.map((d) => d.path)).toEqual(['2026-08-14.md']);
    expect(journal.warnings).toEqual([]);
    const data = await buildReview(journal, parsePeriodId('2026-08')!);
    expect(data.days.map((d) => d.path)).toEqual(['2026-08-14.md']);
    expect(data.meetings.map((m) => [m.date, m.path, m.people ?? []])).toEqual([
      ['2026-08-05', 'Meetings/Pods/2026-08-05.md', []],
      ['2026-08-13', '1-1s/Ana/2026-08-13.md', ['Ana']],
      ['2026-08-13', '1-1s/Tom/2026-08-13.md', ['Tom']],
    ]);
  });
});
