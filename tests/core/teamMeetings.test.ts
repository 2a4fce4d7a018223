import { parsePeriodId } from '../../src/core/dates/periods';
import { buildReview } from '../../src/core/review/buildReview';
import { copyOfFixture, fixture } from '../helpers/cli';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { folderJournal, historiesDiffer } from '../helpers/historyCompare';

describe('a team vault of meeting notes and no daily notes (team-meetings)', () => {
  it('lists whom the meetings list as attendees under People, and calls no meeting note an unread daily note', async () => {
    const journal = await folderJournal(fixture('team-meetings'))();
    const data = await buildReview(journal, parsePeriodId('2026')!);
    expect(data.meetings.map((m) => m.title)).toEqual(['Sync', 'Planning']);
    expect(data.people.map((p) => p.name).sort()).toEqual(['Ana Ruiz', 'Bo Chen', 'Tom Hale']);
    expect(data.otherLinks.map((o) => o.name)).toEqual(['Kiln rollout']);
    expect(journal.warnings).toEqual([]);
  });

  it('calls a meeting note named by its day no second daily note when the day has one (daily notes at the vault root)', async () => {
    const root = copyOfFixture('team-meetings');
    // The default daily folder is the vault's root: `2026-11-16.md` beside `Meetings/2026-11-16 Sync.md`.
    writeFileSync(join(root, '2026-11-16.md'), '- Prepared the [[Kiln rollout]] sync\n');
    const journal = await folderJournal(root)();
    expect(journal.dailyNotes.map((d) => d.path)).toEqual(['2026-11-16.md']);
    expect(journal.warnings).toEqual([]);
    const data = await buildReview(journal, parsePeriodId('2026-W47')!);
    expect(data.meetings.map((m) => m.title)).toEqual(['Sync']);
    expect(data.people.map((p) => p.name).sort()).toEqual(['Ana Ruiz', 'Tom Hale']);
  });

  it('counts whom an earlier meeting note met as met in a later review, as for an earlier daily note, in a single review as in a rebuild', async () => {
    const root = copyOfFixture('team-meetings');
    // Tom Hale, an attendee of the 16 Nov sync, has no page; in December he is only named.
    writeFileSync(join(root, '2026-12-02.md'), "- Read [[Tom Hale]]'s notes on the [[Kiln rollout]]\n");
    const data = await buildReview(await folderJournal(root)(), parsePeriodId('2026-W49')!);
    expect(data.people.map((p) => p.name)).toEqual(['Tom Hale']);
    expect(data.otherLinks.map((o) => o.name)).toEqual(['Kiln rollout']);
    expect(await historiesDiffer(folderJournal(root))).toEqual([]);
  });
});
