import { App, Notice, TFile } from '../__mocks__/obsidian';
import { ObsidianVault } from '../../src/obsidian/obsidianVault';
import { type NoteModel, parseNote } from '../../src/core/note/parseNote';
import { PersistentParseCache } from '../../src/obsidian/persistentParseCache';
import { generateReview, periodOfNote } from '../../src/obsidian/reviewCommands';
import { parsePeriodId } from '../../src/core/dates/periods';
import { resolveSettings } from '../../src/core/settings';
import { fakeEditor } from './editor';
import { loadPlugin } from './pluginHarness';


beforeEach(() => {
  Notice.messages = [];
  jest.useFakeTimers({ now: new Date(2026, 10, 22, 8, 15), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
});
afterEach(() => jest.useRealTimers());

describe('commands', () => {
  it('have sentence-case names, no default hotkeys and no plugin name', async () => {
    const { plugin } = await loadPlugin({});
    const commands = [...(plugin as any).commands.values()];
    expect(commands.map((c) => c.id)).toEqual([
      'open-today', 'open-yesterday', 'open-tomorrow', 'insert-incident', 'add-next-why', 'insert-mood-slider',
      'review-week', 'review-month', 'review-quarter', 'review-year', 'rebuild-incident-index', 'copy-review-for-sharing', 'write-journal-base', 'review-current-note',
    ]);
    for (const c of commands) {
      expect(c.hotkeys).toBeUndefined();
      expect(c.name).not.toMatch(/daybook/i);
      expect(c.name.slice(1)).not.toMatch(/\b[A-Z][a-z]/);
    }
  });

  it('open today’s daily note creates it from the default template in the core Daily notes folder, once', async () => {
    const { app, run } = await loadPlugin({ '.obsidian/daily-notes.json': '{"folder":"Journal","format":"YYYY-MM-DD"}' });
    await run('open-today');
    expect(app.workspace.opened).toEqual(['Journal/2026-11-22.md']);
    const text = app.vault.texts.get('Journal/2026-11-22.md');
    expect(text).toMatch(/^---\nmood_wake:\nmood_wind:\n---\n## Mood\n\nHow do you feel when you wake up\? \{\{slider mood_wake\}\}/);
    app.vault.put('Journal/2026-11-22.md', 'my day');
    await run('open-today');
    expect(app.vault.texts.get('Journal/2026-11-22.md')).toBe('my day');
    await run('open-yesterday');
    expect(app.workspace.opened.pop()).toBe('Journal/2026-11-21.md');
  });

  it('open today’s note fills the user’s template', async () => {
    const { app, run } = await loadPlugin({
      '.obsidian/daily-notes.json': '{"format":"YYYY/MM/DD","template":"Templates/Day"}',
      'Templates/Day.md': '# {{date:dddd D MMMM}}\n[[{{yesterday}}]] {{time}}\n{{slider mood_wake}}\n',
    });
    await run('open-today');
    expect(app.vault.texts.get('2026/11/22.md')).toBe('# Sunday 22 November\n[[2026/11/21]] 08:15\n{{slider mood_wake}}\n');
  });

  it('insert incident puts the block at the cursor and the cursor on the title', async () => {
    const { run } = await loadPlugin({});
    const editor = fakeEditor('## Incidents\n|\n## Journal');
    await run('insert-incident', editor);
    expect(editor.text().split('\n').slice(0, 3)).toEqual(['## Incidents', '### Incident: |', '']);
    expect(editor.text()).toContain('#### 5 Whys\n\n1. Why ?\n');
  });

  it('add next why appends the next numbered why, or says where to put the cursor', async () => {
    const { run } = await loadPlugin({});
    const editor = fakeEditor('- ### 5 Whys\n    - #### 1. Why was it slow?\n        - a missing index|\n- ### How to prevent');
    await run('add-next-why', editor);
    expect(editor.text()).toBe('- ### 5 Whys\n    - #### 1. Why was it slow?\n        - a missing index\n    - #### 2. Why |?\n- ### How to prevent');
    await run('add-next-why', fakeEditor('just text|'));
    expect(Notice.messages).toEqual(['No 5 whys part here: place the caret inside one first.']);
  });

  it('generate review for this week writes the review note, opens it and says what changed', async () => {
    const { app, run } = await loadPlugin({
      'Daily/2026-11-17.md': '---\nmood_wake: 6\n---\n- Paired with [[Ana]] #perf\n',
      'People/Ana.md': '---\ntype: person\n---\n',
      '.obsidian/daily-notes.json': '{"folder":"Daily"}',
    });
    await run('review-week');
    const review = app.vault.texts.get('Reviews/2026-W47.md');
    expect(review).toContain('### [[Ana]] · 1 mention');
    expect(app.workspace.opened).toEqual(['Reviews/2026-W47.md']);
    expect(Notice.messages).toEqual(['Daybook: created Reviews/2026-W47.md.']);
    await run('review-week');
    expect(Notice.messages[1]).toBe('Daybook: Reviews/2026-W47.md is up to date; not written.');
    expect(app.vault.texts.get('Daily/2026-11-17.md')).toBe('---\nmood_wake: 6\n---\n- Paired with [[Ana]] #perf\n');
  });
});

describe('a vault that is also a Logseq graph', () => {
  it('reads its journals, page properties and outline by Logseq’s rules, writing no settings', async () => {
    const { app, run } = await loadPlugin({
      'logseq/config.edn': '{:journal/file-name-format "yyyy_MM_dd" ;; Logseq\'s own syntax\n :file/name-format :triple-lowbar}',
      'logseq/bak/journals/2026_11_17.md': '- stale [[Ghost]]\n',
      'journals/2026_11_17.md': '## Day Planning\n\t- 1:1 with #ana on [[team/infra]]\n',
      'pages/Ana.md': 'tags:: #Person, #developer\n\n- Ana\n',
      'pages/team___infra.md': '- The infra team\n',
    });
    await run('review-week');
    const review = app.vault.texts.get('Reviews/2026-W47.md') ?? '';
    expect(review).toContain('*Logseq graph: 1 journal page in journals/, 2 pages.*');
    expect(review).toContain('### [[Ana]] · 1 mention');
    expect(review).toContain('[[team/infra]]');
    expect(review).not.toContain('Ghost');
    expect([...app.vault.texts.keys()].filter((p) => p.startsWith('.obsidian'))).toEqual([]);
  });

  it('with a config.edn it cannot read, is still read as a graph by Logseq’s defaults, and the notice names config.edn', async () => {
    const { app, run } = await loadPlugin(
      {
        'logseq/config.edn': '{:journal/file-name-format "yyyy_MM_dd"}',
        'journals/2026_11_17.md': '- 1:1 with [[Ana]]\n',
      },
      (mock) => mock.vault.unreadable.add('logseq/config.edn'),
    );
    expect(Notice.messages.join('\n')).toMatch(/logseq\/config\.edn cannot be read \(EACCES: permission denied.*\); Logseq's defaults are used/);
    await run('review-week');
    const review = app.vault.texts.get('Reviews/2026-W47.md') ?? '';
    expect(review).toContain('*Logseq graph: 1 journal page in journals/');
    expect(review).toContain('[[Ana]]');
  });
});

describe('a hand-edited review', () => {
  async function setUp() {
    const app = new App({ 'Daily/2026-11-17.md': '- met [[Ana]]\n' });
    const settings = resolveSettings({ dailyFolder: 'Daily' }).settings;
    const context = (answer: boolean) => ({
      app: app as any,
      settings,
      parser: (text: string) => parseNote(text),
      confirm: jest.fn(async () => answer),
      notify: jest.fn(),
    });
    const period = parsePeriodId('2026-W47')!;
    await generateReview(context(true), period);
    const edited = app.vault.texts.get('Reviews/2026-W47.md')!.replace('## Other links', '## Links I liked');
    app.vault.put('Reviews/2026-W47.md', edited);
    return { app, context, period, edited };
  }

  it('is kept when the user declines', async () => {
    const { app, context, period, edited } = await setUp();
    const declined = context(false);
    await generateReview(declined, period);
    expect(declined.confirm).toHaveBeenCalledWith(expect.stringContaining('was edited by hand'));
    expect(app.vault.texts.get('Reviews/2026-W47.md')).toBe(edited);
  });

  it('is replaced when the user agrees, and kept as a backup', async () => {
    const { app, context, period, edited } = await setUp();
    const agreed = context(true);
    await generateReview(agreed, period);
    expect(app.vault.texts.get('Reviews/2026-W47.daybook-backup.md')).toBe(edited);
    expect(app.vault.texts.get('Reviews/2026-W47.md')).toContain('## Other links');
    expect(agreed.notify).toHaveBeenCalledWith('Daybook: rewrote Reviews/2026-W47.md (your edited version is kept in Reviews/2026-W47.daybook-backup.md).');
  });
});

describe('the vault adapter', () => {
  it('classifies link targets from the metadata cache without reading them', async () => {
    const app = new App({ 'People/Ana.md': '---\ntype: person\n---\nlong body', 'Daily/2026-11-17.md': '- [[Ana]]' }) as any;
    const vault = new ObsidianVault(app);
    expect(await vault.frontmatter('People/Ana.md')).toEqual({ data: { type: 'person' }, error: null });
    expect(app.vault.reads).toEqual([]);
    expect(await vault.update('Reviews/2026/W47.md', () => 'x')).toBe(true);
    expect(await vault.update('Reviews/2026/W47.md', (current) => current)).toBe(false);
    expect(app.vault.texts.get('Reviews/2026/W47.md')).toBe('x');
  });

  it('parses an unchanged note once, and again after the vault says it changed', async () => {
    const cache = new PersistentParseCache(new App({}).vault.adapter, 'parse-cache.json', { set: () => null, clear: () => undefined }, '1.0.0');
    const parse = await cache.ready();
    const file = { path: 'a.md', mtime: 1, size: 3 };
    const first = parse('- a', file);
    expect(parse('- a', file)).toBe(first);
    cache.forget(new TFile('a.md') as any);
    expect(parse('- a', file)).not.toBe(first);
    expect((parse('- b', { ...file, mtime: 2 }) as NoteModel).blocks[0].text).toBe('b');
  });

  it('knows the period of a daily note and of a review note', () => {
    const settings = resolveSettings({ dailyFolder: 'Daily' }).settings;
    expect(periodOfNote('Daily/2027-01-01.md', settings)?.id).toBe('2026-W53');
    expect(periodOfNote('Reviews/2026-Q4.md', settings)?.id).toBe('2026-Q4');
    expect(periodOfNote('Reviews/2026-W47.md', settings)?.id).toBe('2026-W47');
    expect(periodOfNote('Reviews/2026.md', settings)?.id).toBe('2026');
    expect(periodOfNote('Notes/idea.md', settings)).toBeNull();
  });
});
