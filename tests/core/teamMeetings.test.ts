import { parsePeriodId } from '../../src/core/dates/periods';
import { buildReview } from '../../src/core/review/buildReview';
import { fixture } from '../helpers/cli';
import { folderJournal } from '../helpers/historyCompare';

describe('a team vault of meeting notes and no daily notes (team-meetings)', () => {
  it('lists whom the meetings list as attendees under People, and calls no meeting note an unread daily note', async () => {
    const journal = await folderJournal(fixture('team-meetings'))();
    const data = await buildReview(journal, parsePeriodId('2026')!);
    expect(data.meetings.map((m) => m.title)).toEqual(['Sync', 'Planning']);
    expect(data.people.map((p) => p.name).sort()).toEqual(['Ana Ruiz', 'Bo Chen', 'Tom Hale']);
    expect(data.otherLinks.map((o) => o.name)).toEqual(['Kiln rollout']);
    expect(journal.warnings).toEqual([]);
  });
});
