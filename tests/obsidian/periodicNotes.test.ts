import { parse } from 'yaml';
import { installTemplater, Notice, startLoading } from '../__mocks__/obsidian';
import { loadPlugin } from './pluginHarness';

beforeEach(() => {
  Notice.messages = [];
  jest.useFakeTimers({ now: new Date(2026, 10, 22, 8, 15), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
});
afterEach(() => jest.useRealTimers());

async function settle() {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

const periodicNotes = {
  daily: { format: 'YYYY-MM-DD', template: 'Templates/Daily', folder: 'Journal/Daily', enabled: true },
  weekly: { format: 'gggg-[W]ww', template: 'Templates/Weekly', folder: 'Journal/Weekly', enabled: true },
  monthly: { format: '', template: '', folder: '', enabled: false },
};

const vault = {
  '.obsidian/community-plugins.json': '["periodic-notes"]',
  '.obsidian/plugins/periodic-notes/data.json': JSON.stringify(periodicNotes),
  '.obsidian/daily-notes.json': '{"folder":"Old daily notes","format":"DD.MM.YYYY"}',
  'Templates/Daily.md': '# {{title}}\n\n← [[{{date-1d:YYYY-MM-DD}}]] · [[{{date+1d}}]] →\n',
  'Templates/Weekly.md': '# {{title}}\n\nFrom {{date:YYYY-MM-DD}} to {{date+6d:YYYY-MM-DD}}\n\n%% daybook %%\n\n## Notes\n',
  'Journal/Daily/2026-11-17.md': '---\nmood_wake: 6\n---\n- met [[Ana]]\n',
};

describe('the review commands with Periodic Notes keeping weekly notes', () => {
  it("write the week's review into the user's weekly note, made from their template, and nowhere else", async () => {
    const { app, run } = await loadPlugin(vault);
    const before = new Map(app.vault.texts);
    await run('review-week');
    await settle();
    const note = app.vault.texts.get('Journal/Weekly/2026-W47.md')!;
    expect(note.startsWith('# 2026-W47\n\nFrom 2026-11-16 to 2026-11-22\n\n%% daybook:begin ')).toBe(true);
    expect(note).toContain('[[Journal/Daily/2026-11-17|Tue 17 Nov]]');
    expect(note.endsWith('%% daybook:end %%\n\n## Notes\n')).toBe(true);
    const written = [...app.vault.texts.keys()].filter((path) => before.get(path) !== app.vault.texts.get(path));
    expect(written.sort()).toEqual(['Journal/Weekly/2026-W47 mood.svg', 'Journal/Weekly/2026-W47.md']);
    expect(app.workspace.openStates).toEqual([{ path: 'Journal/Weekly/2026-W47.md', state: { active: true } }]);
    expect(Notice.messages).toEqual(['Daybook: created Journal/Weekly/2026-W47.md.']);
  });

  it('offer "review of the period of this note" in the user\'s weekly note', async () => {
    const { app, plugin } = await loadPlugin({ ...vault, 'Journal/Weekly/2026-W47.md': '# My week\n' });
    app.workspace.activeFile = app.vault.getAbstractFileByPath('Journal/Weekly/2026-W47.md');
    const command = (plugin as any).commands.get('review-current-note');
    expect(command.checkCallback(true)).toBe(true);
    command.checkCallback(false);
    await settle();
    expect(app.vault.texts.get('Journal/Weekly/2026-W47.md')).toMatch(/^# My week\n\n%% daybook:begin /);
  });

  it("hand a template's Templater commands to Templater when it is enabled", async () => {
    const { app, run } = await loadPlugin({ ...vault, 'Templates/Weekly.md': '# <% tp.file.title %>\n\n%% daybook %%\n' });
    const ran = installTemplater(app);
    await run('review-week');
    await settle();
    expect(ran).toEqual(['Journal/Weekly/2026-W47.md']);
    expect(app.vault.texts.get('Journal/Weekly/2026-W47.md')).toMatch(/^# 2026-W47\n\n%% daybook:begin /);
    expect(Notice.messages).toEqual(['Daybook: created Journal/Weekly/2026-W47.md.']);
  });

  it('make the note as written, saying why, when Templater is installed but not enabled', async () => {
    const { app, run } = await loadPlugin({ ...vault, 'Templates/Weekly.md': '# <% tp.file.title %>\n\n%% daybook %%\n' });
    const ran = installTemplater(app, false);
    await run('review-week');
    await settle();
    expect(ran).toEqual([]);
    expect(app.vault.texts.get('Journal/Weekly/2026-W47.md')).toMatch(/^# <% tp\.file\.title %>\n\n%% daybook:begin /);
    expect(Notice.messages).toEqual([
      'Daybook: created Journal/Weekly/2026-W47.md; made from Templates/Weekly.md, but its template holds Templater commands (<% … %>) and Templater is not enabled, so they are left as written.',
    ]);
  });

  it("say so when Templater fails on the template's commands, which stay as written", async () => {
    const { app, run } = await loadPlugin({ ...vault, 'Templates/Weekly.md': '# <% tp.web.daily_quote() %>\n' });
    installTemplater(app);
    await run('review-week');
    await settle();
    expect(Notice.messages).toEqual([expect.stringMatching(/made from Templates\/Weekly\.md, but Templater did not run its template's commands; they are left as written\.$/)]);
  });
});

describe("open today's note with Periodic Notes keeping daily notes", () => {
  it("makes it where Periodic Notes says, from its template with offsets, and opens it in the active leaf", async () => {
    const { app, run } = await loadPlugin(vault);
    await run('open-today');
    expect(app.vault.texts.get('Journal/Daily/2026-11-22.md')).toBe('# 2026-11-22\n\n← [[2026-11-21]] · [[2026-11-23]] →\n');
    expect(app.workspace.openStates).toEqual([{ path: 'Journal/Daily/2026-11-22.md', state: { active: true } }]);
    expect(app.vault.texts.has('Old daily notes/22.11.2026.md')).toBe(false);
  });

  it('opens the note for the day wherever it was filed under the daily folder, making none', async () => {
    const { app, run } = await loadPlugin({ ...vault, 'Journal/Daily/2026/11/2026-11-22.md': 'Filed away.\n' });
    await run('open-today');
    expect(app.workspace.opened).toEqual(['Journal/Daily/2026/11/2026-11-22.md']);
    expect(app.vault.texts.has('Journal/Daily/2026-11-22.md')).toBe(false);
  });

  it("makes a Templater template's note through Templater", async () => {
    const { app, run } = await loadPlugin({ ...vault, 'Templates/Daily.md': '# <% tp.file.title %>\n' });
    installTemplater(app);
    await run('open-today');
    expect(app.vault.texts.get('Journal/Daily/2026-11-22.md')).toBe('# 2026-11-22\n');
    expect(Notice.messages).toEqual([]);
  });

  it('makes nothing before the vault has finished loading, so a note arriving by sync is not shadowed', async () => {
    const { app, run } = await loadPlugin(vault);
    const loading = startLoading(app);
    const opening = run('open-today');
    await settle();
    expect(app.vault.texts.has('Journal/Daily/2026-11-22.md')).toBe(false);
    // Sync lands today's note (in a subfolder) while the app is still loading; the cache has not indexed it yet.
    app.vault.put('Journal/Daily/Phone/2026-11-22.md', 'Written on the phone.\n');
    app.metadataCache.unindexed.add('Journal/Daily/Phone/2026-11-22.md');
    loading.finishLayout();
    await settle();
    expect(app.workspace.opened).toEqual([]);
    loading.finishIndexing();
    await opening;
    expect(app.workspace.opened).toEqual(['Journal/Daily/Phone/2026-11-22.md']);
    expect(app.vault.texts.has('Journal/Daily/2026-11-22.md')).toBe(false);
    expect(app.vault.texts.get('Journal/Daily/Phone/2026-11-22.md')).toBe('Written on the phone.\n');
  });
});

describe('the write journal base command', () => {
  it('writes the base of the daily notes beside them and opens it', async () => {
    const { app, run } = await loadPlugin(vault);
    await run('write-journal-base');
    expect(parse(app.vault.texts.get('Journal/Daily/Daybook journal.base')).filters.and).toContain('file.inFolder("Journal/Daily")');
    expect(app.workspace.openStates).toEqual([{ path: 'Journal/Daily/Daybook journal.base', state: { active: true } }]);
    expect(Notice.messages).toEqual(['Daybook: created Journal/Daily/Daybook journal.base.']);
  });

  it('says why when the daily note names cannot be read as dates, writing nothing', async () => {
    const { app, run } = await loadPlugin({ '.obsidian/daily-notes.json': '{"format":"dddd, Do MMMM YYYY"}' });
    await run('write-journal-base');
    expect([...app.vault.texts.keys()].filter((path) => path.endsWith('.base'))).toEqual([]);
    expect(Notice.messages).toEqual([expect.stringMatching(/^Daybook: Daybook journal\.base not written: the daily note format "dddd, Do MMMM YYYY"/)]);
  });
});
