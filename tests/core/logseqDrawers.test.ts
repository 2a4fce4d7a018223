import { daybook, writeVault } from '../helpers/cli';

/** A Logseq work journal whose tasks carry clock drawers, some with all their words in the bullets under them. */
const graph = {
  'logseq/config.edn': '{:journal/file-name-format "yyyy_MM_dd"}\n',
  'journals/2025_06_02.md': [
    '- DOING',
    '  :LOGBOOK:',
    '  CLOCK: [2025-06-02 Mon 09:10:11]',
    '  :END:',
    '- DONE Ship the ledger export #billing',
    '  :LOGBOOK:',
    '  CLOCK: [2025-06-02 Mon 09:12:00]--[2025-06-02 Mon 11:40:02] =>  02:28:02',
    '  :END:',
    '- DONE ',
    '  :LOGBOOK:',
    '  CLOCK: [2025-06-02 Mon 13:00:00]--[2025-06-03 Tue 10:00:00] =>  21:00:00',
    '  :END:',
    '\t- Rotate the webhook secret',
    '\t- Retry failed payouts',
    '\t-',
    '- TODO',
    '  :LOGBOOK:',
    '  CLOCK: [2025-06-03 Tue 08:00:00]',
    '  :END:',
    '\t- Draft the refunds runbook with [[Tove]]',
    '',
  ].join('\n'),
};

describe('Logseq drawers and bare task keywords', () => {
  let markdown: string;
  let tasks: { text: string; status: string; line: number }[];
  beforeAll(async () => {
    const vault = writeVault(graph, 'drawers');
    const text = await daybook(['review', '--vault', vault, '--period', '2025-W23', '--no-cache']);
    const json = await daybook(['review', '--vault', vault, '--period', '2025-W23', '--no-cache', '--json']);
    expect([text.code, json.code]).toEqual([0, 0]);
    markdown = text.stdout;
    tasks = JSON.parse(json.stdout).tasks;
  });

  it('never shows a :LOGBOOK: drawer or its clock lines', () => {
    expect(markdown).not.toMatch(/LOGBOOK|CLOCK|:END:/);
    expect(tasks.map((t) => t.text).join('\n')).not.toMatch(/LOGBOOK|CLOCK|:END:/);
  });

  it('tells a bare DONE or TODO by the bullets under it, and counts a bare one with nothing under it as no task', () => {
    expect(tasks.map((t) => [t.line, t.status, t.text])).toEqual([
      [5, 'done', 'Ship the ledger export #billing'],
      [9, 'done', 'Rotate the webhook secret; Retry failed payouts'],
      [16, 'open', 'Draft the refunds runbook with [[Tove]]'],
    ]);
    expect(markdown).toContain('- **Tasks:** 1 open, 2 done');
    expect(markdown).toContain('- ☑ Rotate the webhook secret; Retry failed payouts ([Mon 2 Jun]([[2025_06_02]]))');
    expect(markdown).toContain('- ☐ Draft the refunds runbook with [[Tove]] ([Mon 2 Jun]([[2025_06_02]]))');
  });
});

describe('a checkbox left after a Logseq keyword', () => {
  it('is not shown: the keyword says the state', async () => {
    const vault = writeVault({ 'logseq/config.edn': '{}\n', 'journals/2025_06_02.md': '- DONE [ ] Book the room for the offsite\n- LATER [ ] #task Ask about the budget\n' }, 'leftover');
    const json = await daybook(['review', '--vault', vault, '--period', '2025-W23', '--no-cache', '--json']);
    expect(JSON.parse(json.stdout).tasks.map((t: { text: string; status: string }) => [t.status, t.text])).toEqual([
      ['done', 'Book the room for the offsite'],
      ['open', '#task Ask about the budget'],
    ]);
  });
});
