import { format } from 'date-fns';
import { Notice } from '../__mocks__/obsidian';
import { loadPlugin } from './pluginHarness';

/** "Open today's daily note" in a folder that is also a Logseq graph makes a Logseq journal page, as the CLI's `daily` does. */
describe('today’s note in a vault that is also a Logseq graph', () => {
  beforeEach(() => {
    Notice.messages = [];
  });

  it('is a journal page named by config.edn, from the template it names, opened', async () => {
    const { app, run } = await loadPlugin({
      'logseq/config.edn': '{:journal/file-name-format "yyyy_MM_dd" :journal/page-title-format "MMM do, yyyy" :default-templates {:journals "Day"}}',
      'pages/Templates.md': '- Day\n  template:: Day\n\t- Plan for <% today %>\n\t- ',
      'journals/2026_11_17.md': '- earlier\n',
    });
    await run('open-today');
    const path = `journals/${format(new Date(), 'yyyy_MM_dd')}.md`;
    expect(app.vault.texts.get(path)).toBe(`- Plan for [[${format(new Date(), 'MMM do, yyyy')}]]\n- \n`);
    expect(app.workspace.opened).toEqual([path]);
    expect(Notice.messages).toEqual([]);
  });

  it('is Daybook’s outline with the mood questions as page properties when the graph has no journal template, with a notice when the named one is missing', async () => {
    const { app, run } = await loadPlugin({ 'logseq/config.edn': '{:default-templates {:journals "Gone"}}' });
    await run('open-today');
    const path = `journals/${format(new Date(), 'yyyy_MM_dd')}.md`;
    expect(app.vault.texts.get(path)).toMatch(/^mood_wake:: \nmood_wind:: \n\n- How do you feel when you wake up\? \{\{slider mood_wake\}\}\n/);
    expect(Notice.messages).toEqual(['Daybook: template "Gone" (logseq/config.edn) not found; used the default template.']);
  });
});
