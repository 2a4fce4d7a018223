import { daybook } from '../helpers/cli';
import { vaultOf } from '../reliability/vaultHelpers';

/**
 * A personal journal in the style of a real public vault: a Templater template whose
 * commands did not run on some days (the raw `<% … %>` navigation line was left in),
 * every day opening with the template's `# Tasks for the Day` and its `fill by hand`,
 * and the day's own words under `# Journaling`.
 */
const NAV_RAW = '[[Journal/<% tp.date.now("YYYY-MM-DD",-1,tp.file.title,"YYYY-MM-DD") %>|Yesterday]] <== [[<% tp.date.now("YYYY-MM-DD",0,tp.file.title,"YYYY-MM-DD") %>]] ==>[[Journal/<% tp.date.now("YYYY-MM-DD",+1,tp.file.title,"YYYY-MM-DD") %>|Tomorrow]]';
const nav = (day: number) => `[[Journal/2023-03-${day - 1}|Yesterday]] <== [[2023-03-${day}]] ==>[[Journal/2023-03-${day + 1}|Tomorrow]]`;

function day(navLine: string, tasks: string, journaling: string): string {
  return `---\ntype: daily\n---\n\n${navLine}\n\n\n# Tasks for the Day\n\n${tasks}\n\n\n# Journaling\n\n${journaling}\n`;
}

const vault = () =>
  vaultOf({
    '.obsidian/daily-notes.json': JSON.stringify({ folder: 'Journal', template: 'Templates/Daily Template' }),
    'Journal/2023-03-27.md': day(NAV_RAW, 'fill by hand', 'Finally back from the trip; unpacked and slept.'),
    'Journal/2023-03-28.md': day(nav(28), '- [ ] next hostel\n- [ ] class prep', 'Read about [[Godot]] scenes all afternoon.'),
    'Journal/2023-03-29.md': day(NAV_RAW, 'fill by hand', 'Set up the computer at the art space.'),
  });

describe('what a template left in a daily note', () => {
  it('a link made of a Templater command that never ran is no mention and never shows', async () => {
    const result = await daybook(['review', '--vault', vault(), '--period', '2023-W13', '--no-cache']);
    expect(result.stdout).not.toContain('<%');
    expect(result.stdout).toContain('- **Top links:** [[Godot]] (1)');
  });

  it("a title or line that opens half the period's days is the template's: each day is summed up by its own words", async () => {
    const result = await daybook(['review', '--vault', vault(), '--period', '2023-W13', '--no-cache']);
    const days = result.stdout.slice(result.stdout.indexOf('## Days'), result.stdout.indexOf('\n## ', result.stdout.indexOf('## Days') + 1));
    expect(days).toBe(
      [
        '## Days',
        '',
        '- [[Journal/2023-03-27|Mon 27 Mar]] — Finally back from the trip; unpacked and slept.',
        '- [[Journal/2023-03-28|Tue 28 Mar]] — next hostel',
        '- [[Journal/2023-03-29|Wed 29 Mar]] — Set up the computer at the art space.',
        '',
      ].join('\n'),
    );
  });

  it('a title of a day alone in its period is its summary', async () => {
    const single = vaultOf({ 'Journal/2023-03-27.md': '# Tasks for the Day\n\nfill by hand\n', '.obsidian/daily-notes.json': JSON.stringify({ folder: 'Journal' }) });
    const result = await daybook(['review', '--vault', single, '--period', '2023-W13', '--no-cache']);
    expect(result.stdout).toContain('- [[Journal/2023-03-27|Mon 27 Mar]] — Tasks for the Day');
  });
});
