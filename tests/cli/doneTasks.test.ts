import { daybook, writeVault } from '../helpers/cli';
import { sectionOf } from '../helpers/reviewSections';

const items = (markdown: string, title: string) => sectionOf(markdown, title).split('\n').filter((line) => line.startsWith('- '));

/**
 * A Logseq graph kept as a task log, as real engineers keep one: each day a
 * few tasks, checked in place, with Logseq's clock drawers; no links, so the
 * task list is the only record of the work.
 */
function taskGraph(days: Record<string, string>): string {
  const files: Record<string, string> = { 'logseq/config.edn': '{:journal/file-name-format "yyyy_MM_dd"}\n' };
  for (const [name, text] of Object.entries(days)) files[`journals/${name}.md`] = text;
  return writeVault(files, 'tasks');
}

const CLOCK = (day: string) => `  :LOGBOOK:\n  CLOCK: [${day} Mon 17:05:44]--[${day} Mon 19:02:29] =>  01:56:45\n  :END:\n`;

describe('what got done', () => {
  it('a week lists each done task once with its days; a task carried and checked later is done; cancelled and empty ones are not', async () => {
    const vault = taskGraph({
      '2024_05_13': `- DONE Discuss tickets 1136 and 1148\n${CLOCK('2024-05-13')}- LATER Book for developers\n- CANCELED Migrate the cron jobs\n- DONE\n`,
      '2024_05_14': `- DONE Review the ledger export\n${CLOCK('2024-05-14')}- TODO Api endpoint for business classification\n`,
      '2024_05_15': `- DONE Review the ledger export\n- DONE Api endpoint for business classification\n`,
    });
    const { stdout, code } = await daybook(['review', '--vault', vault, '--period', '2024-W20', '--no-cache']);
    expect(code).toBe(0);
    expect(items(stdout, 'Done')).toEqual([
      '- ☑ Discuss tickets 1136 and 1148 ([Mon 13 May]([[2024_05_13]]))',
      '- ☑ Review the ledger export (on 2 days: [14 May]([[2024_05_14]]), [15 May]([[2024_05_15]]))',
      '- ☑ Api endpoint for business classification (on 2 days: [14 May]([[2024_05_14]]), [15 May]([[2024_05_15]]))',
    ]);
    expect(items(stdout, 'Open tasks')).toEqual(['- ☐ Book for developers ([Mon 13 May]([[2024_05_13]]))']);
    expect(stdout).not.toMatch(/LOGBOOK|CLOCK/);
  });

  it('a year with a few lists them; a year of hundreds counts them by month and says where each is', async () => {
    const few = taskGraph({ '2024_03_04': '- DONE Ship the beneficial owner view\n', '2024_06_10': '- DONE Deploy on prod\n' });
    const small = await daybook(['review', '--vault', few, '--period', '2024', '--no-cache']);
    expect(items(small.stdout, 'Done')).toEqual([
      '- ☑ Ship the beneficial owner view ([Mon 4 Mar]([[2024_03_04]]))',
      '- ☑ Deploy on prod ([Mon 10 Jun]([[2024_06_10]]))',
    ]);
    const days: Record<string, string> = {};
    for (let d = 1; d <= 20; d++) days[`2024_01_${String(d).padStart(2, '0')}`] = `- DONE Ticket ${d}\n- DONE Ticket ${d} follow-up\n`;
    days['2024_02_05'] = '- DONE Ticket 99\n';
    const many = await daybook(['review', '--vault', taskGraph(days), '--period', '2024', '--no-cache']);
    expect(items(many.stdout, 'Done')).toEqual(['- **By month:** Jan 40 · Feb 1; each done task is in the review of its week']);
    const quarter = await daybook(['review', '--vault', taskGraph(days), '--period', '2024-Q1', '--no-cache']);
    expect(items(quarter.stdout, 'Done')).toEqual(['- **By month:** Jan 40 · Feb 1; each done task is in the review of its week']);
  });
});
