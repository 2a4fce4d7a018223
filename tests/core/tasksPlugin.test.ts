import { parsePeriodId } from '../../src/core/dates/periods';
import { buildReview } from '../../src/core/review/buildReview';
import { renderReview } from '../../src/core/review/renderReview';
import { fixture } from '../helpers/cli';
import { folderJournal } from '../helpers/historyCompare';

async function reviewOf(period: string) {
  const journal = await folderJournal(fixture('tasks-plugin'))();
  const data = await buildReview(journal, parsePeriodId(period)!);
  return { data, markdown: renderReview(data, journal.settings) };
}

const open = (data: Awaited<ReturnType<typeof reviewOf>>['data']) => data.tasks.filter((t) => t.status === 'open').map((t) => t.text);

describe('tasks with the Tasks plugin’s fields (tasks-plugin)', () => {
  it('reads a ❌ date on an open box as cancelled, never open', async () => {
    const { data } = await reviewOf('2024-W05');
    expect(data.tasks.find((t) => t.text.startsWith('Book the offsite venue'))?.status).toBe('cancelled');
    expect(open(data).some((t) => t.startsWith('Book the offsite venue'))).toBe(false);
  });

  it('counts a task done after the period (its ✅ date) as open in that period, done in one that holds the day', async () => {
    const week = await reviewOf('2024-W05');
    expect(open(week.data).some((t) => t.startsWith('Write the rollout plan'))).toBe(true);
    expect(week.data.changes?.tasks.carried.map((t) => t.text)).toEqual([expect.stringMatching(/^Write the rollout plan/)]);
    expect(week.data.changes?.tasks.closed.map((t) => t.text)).toEqual([expect.stringMatching(/^Book the offsite venue/)]);
    const year = await reviewOf('2024');
    expect(year.data.tasks.find((t) => t.text.startsWith('Write the rollout plan') && t.date === '2024-01-29')?.status).toBe('done');
  });

  it('shows no raw Tasks field in the review, but the due date in words; a ✅ with no date is text', async () => {
    const { markdown } = await reviewOf('2024-W05');
    expect(markdown).not.toMatch(/[📅⏫🛫⏳➕🔁❌]|✅ 2024/u);
    expect(markdown).toContain('Renew the staging certificate, due 2 Feb 2024');
    expect(markdown).toContain('Water the office plants');
    expect(markdown).toContain('09:15 ✅ Standup with [[Ana Ruiz]]');
  });

  it('escapes an unclosed [[ in a quoted line, so the day link after it still links', async () => {
    const { markdown } = await reviewOf('2024-W05');
    const line = markdown.split('\n').find((l) => l.startsWith('- ☐ Ask [[Ana Ruiz]] about'));
    expect(line).toContain('about \\[\\[#Open questions ([[Daily/2024-01-29|Mon 29 Jan]])');
  });
});
