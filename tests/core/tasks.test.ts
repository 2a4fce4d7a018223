import { parsePeriodId } from '../../src/core/dates/periods';
import { Journal } from '../../src/core/journal';
import { parseNote } from '../../src/core/note/parseNote';
import { buildReview } from '../../src/core/review/buildReview';
import { renderReview } from '../../src/core/review/renderReview';
import { resolveSettings } from '../../src/core/settings';
import { MemoryVault } from '../helpers/memoryVault';

const task = (line: string) => {
  const block = parseNote(line).blocks[0];
  return block.task ? [block.task.status, block.text] : null;
};

describe('tasks as Obsidian, Logseq and Roam write them', () => {
  it.each([
    ['- [ ] write it', 'open'],
    ['- [x] write it', 'done'],
    ['- [X] write it', 'done'],
    ['- [?] write it', 'done'],
    ['- [/] write it', 'done'],
    ['- [>] write it', 'done'],
    ['- [-] write it', 'cancelled'],
    ['- TODO write it', 'open'],
    ['- DOING write it', 'open'],
    ['- NOW write it', 'open'],
    ['- LATER write it', 'open'],
    ['- WAIT write it', 'open'],
    ['- WAITING write it', 'open'],
    ['- IN-PROGRESS write it', 'open'],
    ['- DONE write it', 'done'],
    ['- CANCELED write it', 'cancelled'],
    ['- CANCELLED write it', 'cancelled'],
    ['- {{[[TODO]]}} write it', 'open'],
    ['- {{[[DONE]]}} write it', 'done'],
  ])('%s is %s', (line, status) => {
    expect(task(line)).toEqual([status, 'write it']);
  });

  it.each([['- `TODO` write it'], ['- `[ ]` write it'], ['- \\[ ] write it'], ['- TODOS are fun'], ['- [link](x) write it'], ['TODO in a paragraph']])(
    '%s is not a task',
    (line) => {
      expect(task(line)).toBeNull();
    },
  );

  it('gives the review JSON a status, and never lists a cancelled task as open', async () => {
    const settings = resolveSettings({ dailyFolder: 'Daily' }).settings;
    const vault = new MemoryVault({ 'Daily/2026-11-16.md': '- [ ] open one\n- [x] done one\n- [-] dropped one\n- CANCELED dropped two\n' });
    const data = await buildReview(await Journal.open(vault, settings), parsePeriodId('2026-W47')!);
    expect(data.tasks.map((t) => [t.text, t.status, t.done])).toEqual([
      ['open one', 'open', false],
      ['done one', 'done', true],
      ['dropped one', 'cancelled', true],
      ['dropped two', 'cancelled', true],
    ]);
    const markdown = renderReview(data, settings);
    expect(markdown).toContain('open one');
    expect(markdown).not.toContain('dropped');
  });

  it('reads a task whose words are inline code as that task, not as the bullets under it', async () => {
    // A to-do list of repositories, each with its pull requests under it (in the style of a real work vault).
    const settings = resolveSettings({ dailyFolder: 'Daily' }).settings;
    const vault = new MemoryVault({ 'Daily/2026-11-16.md': '- [ ] `kiln`\n\t- [x] https://example.com/kiln/pull/12\n- [ ] `kiln-cli`\n- [ ] ``\n' });
    const data = await buildReview(await Journal.open(vault, settings), parsePeriodId('2026-W47')!);
    expect(data.tasks.map((t) => [t.text, t.status])).toEqual([
      ['`kiln`', 'open'],
      ['https://example.com/kiln/pull/12', 'done'],
      ['`kiln-cli`', 'open'],
    ]);
  });
});
