import { parsePeriodId } from '../../src/core/dates/periods';
import { buildReview } from '../../src/core/review/buildReview';
import { renderReview } from '../../src/core/review/renderReview';
import { fixture } from '../helpers/cli';
import { folderJournal, historiesDiffer } from '../helpers/historyCompare';

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

  it('names a meeting note named only by its date by the series its folders name, a 1:1 by the person', async () => {
    const journal = await folderJournal(fixture('one-on-one-folders'))();
    const data = await buildReview(journal, parsePeriodId('2026-08')!);
    // By their first lines they read "What went well", "What she worked on" and "Last week".
    expect(data.meetings.map((m) => m.title)).toEqual(['Pods', '1:1 with Ana', '1:1 with Tom']);
    const markdown = renderReview(data, journal.settings);
    expect(markdown).toContain('[[1-1s/Ana/2026-08-13|Thu 13 Aug]]: 1:1 with Ana\n');
    const year = renderReview(await buildReview(journal, parsePeriodId('2026')!), journal.settings);
    expect(year).toContain('- 1:1 with Ana (1), 1:1 with Tom (1), Pods (1)');
  });

  it('reads the meeting notes the same in a single review as in a rebuild', async () => {
    expect(await historiesDiffer(folderJournal(fixture('one-on-one-folders')))).toEqual([]);
  });
});
