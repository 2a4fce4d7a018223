import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { periodContaining } from '../../src/core/dates/periods';
import { buildReview } from '../../src/core/review/buildReview';
import { folderJournal, historiesDiffer } from '../helpers/historyCompare';

/**
 * Whom an earlier note logs a meeting with is a person in a later review; a single
 * review parses only the earlier notes that may log one (metEarlier.ts). Each spelling
 * below hides the meeting words behind markup the rendered text drops.
 */
function journal(): string {
  const root = mkdtempSync(join(tmpdir(), 'daybook-met-'));
  mkdirSync(join(root, 'Daily'));
  mkdirSync(join(root, '.obsidian'));
  writeFileSync(join(root, '.obsidian', 'daily-notes.json'), JSON.stringify({ folder: 'Daily', format: 'YYYY-MM-DD' }));
  const days: Record<string, string> = {
    '2026-09-01': '- **Call** with #kim about the budget\n- worked on #perf\n',
    '2026-09-08': '- [Sync](https://meet.example/x) with #lena\n- #oncall week, #perf\n',
    '2026-09-15': '- #omar 1:1\n',
    '2026-09-22': '- *Coffee* w/ #pia.\n',
    '2026-09-24': '- TODO **Followup** with #noor on the budget\n- Facilitator: #uma\n',
    '2026-09-23': '- *Paired* with #vic and #wes on the dashboards\n- Paired with [[Rosa]] on #perf\n',
    '2026-10-01': '- reviewed #perf with the team\n',
    '2026-11-16': '- pairing: #kim #lena #omar #pia #perf #quinn #noor #uma #vic #wes\n',
  };
  for (const [day, text] of Object.entries(days)) writeFileSync(join(root, 'Daily', `${day}.md`), text);
  return root;
}

describe('people met in earlier notes', () => {
  it('are people in a later week, and perf and quinn stay topics', async () => {
    const open = folderJournal(journal());
    const review = await buildReview(await open(), periodContaining('week', '2026-11-16'));
    expect(review.people.map((p) => p.name).sort()).toEqual(['#kim', '#lena', '#noor', '#omar', '#pia', '#uma', '#vic', '#wes']);
    expect(review.topics.map((t) => t.name).sort()).toEqual(['#perf', '#quinn']);
  });

  it('are said as people in What changed too, never as new topics', async () => {
    const review = await buildReview(await folderJournal(journal())(), periodContaining('week', '2026-11-16'));
    const said = (items: { name: string }[]) => items.map((item) => item.name).sort();
    if (!review.changes) throw new Error('the review has no What changed');
    const { people, topics } = review.changes;
    expect(said([...people.new, ...people.back])).toEqual(['#kim', '#lena', '#noor', '#omar', '#pia', '#uma', '#vic', '#wes']);
    expect(said([...topics.started, ...topics.rose, ...topics.faded])).not.toContain('#kim');
    expect(said(topics.started)).toEqual(['#quinn']);
  });

  it('says the same as a review built from the whole history, for every period', async () => {
    expect(await historiesDiffer(folderJournal(journal()))).toEqual([]);
  }, 60_000);
});
