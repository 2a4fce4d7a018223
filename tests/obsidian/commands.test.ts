import { Notice, TFile } from '../__mocks__/obsidian';
import { fakeEditor } from './editor';
import { loadPlugin } from './pluginHarness';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => process.on('unhandledRejection', onUnhandled));
afterAll(() => process.off('unhandledRejection', onUnhandled));

beforeEach(() => {
  Notice.messages = [];
  unhandled.length = 0;
  jest.useFakeTimers({ now: new Date(2026, 10, 22, 8, 15), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
});
afterEach(() => jest.useRealTimers());

/** Lets promises a command left running settle, and any unhandled rejection surface. */
async function settle() {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

const vault = {
  '.obsidian/daily-notes.json': '{"folder":"Daily"}',
  'Daily/2026-11-17.md': '- met [[Ana]]\n',
};

describe('generate review commands when writing fails', () => {
  it('say which note could not be written, and leave no unhandled rejection', async () => {
    const { app, run } = await loadPlugin({ ...vault, 'Reviews/2026-W47.md': 'My notes.\n' });
    app.vault.readOnly.add('Reviews/2026-W47.md');
    await expect(run('review-week')).resolves.toBeUndefined();
    await settle();
    expect(Notice.messages).toEqual([expect.stringMatching(/^Daybook: could not write Reviews\/2026-W47\.md: EACCES/)]);
    expect(app.vault.texts.get('Reviews/2026-W47.md')).toBe('My notes.\n');
    expect(unhandled).toEqual([]);
  });

  it('for the period of the open note, too (its work runs after the palette closes)', async () => {
    const { app, plugin } = await loadPlugin(vault);
    app.vault.readOnly.add('Reviews');
    app.workspace.activeFile = app.vault.getAbstractFileByPath('Daily/2026-11-17.md');
    const command = (plugin as any).commands.get('review-current-note');
    expect(command.checkCallback(true)).toBe(true);
    command.checkCallback(false);
    await settle();
    expect(Notice.messages).toEqual([expect.stringMatching(/^Daybook: could not write Reviews\/2026-W47\.md: EACCES/)]);
    expect(unhandled).toEqual([]);
  });
});

describe('open daily note when it cannot be made', () => {
  it('says which note, and leaves no unhandled rejection', async () => {
    const { app, run } = await loadPlugin({ ...vault });
    app.vault.readOnly.add('Daily');
    await expect(run('open-today')).resolves.toBeUndefined();
    expect(Notice.messages).toEqual([expect.stringMatching(/^Daybook: could not open Daily\/2026-11-22\.md: EACCES/)]);
    expect(app.workspace.opened).toEqual([]);
  });

  it('says when the configured template is missing and the default one was used', async () => {
    const { app, run } = await loadPlugin({ '.obsidian/daily-notes.json': '{"folder":"Daily","template":"Templates/Gone"}' });
    await run('open-today');
    expect(app.workspace.opened).toEqual(['Daily/2026-11-22.md']);
    expect(Notice.messages).toEqual(['Daybook: template Templates/Gone.md not found; used the default template.']);
  });
});

describe('commands in views that are not a markdown editor (canvas, PDF, embeds)', () => {
  async function inCanvas() {
    const loaded = await loadPlugin({ ...vault, 'Board.canvas': '{"nodes":[],"edges":[]}' });
    loaded.app.workspace.activeFile = loaded.app.vault.getAbstractFileByPath('Board.canvas');
    return loaded;
  }

  it('offer the editor commands only where there is an editor, so the app hides them in a canvas', async () => {
    const { plugin } = await inCanvas();
    for (const id of ['insert-incident', 'add-next-why', 'insert-mood-slider']) {
      const command = (plugin as any).commands.get(id);
      expect(command.editorCallback ?? command.editorCheckCallback).toBeInstanceOf(Function);
      expect(command.callback).toBeUndefined();
      expect(command.checkCallback).toBeUndefined();
    }
  });

  it('hide “generate review for this note” in a canvas, and never throw', async () => {
    const { plugin } = await inCanvas();
    const command = (plugin as any).commands.get('review-current-note');
    expect(() => command.checkCallback(true)).not.toThrow();
    expect(command.checkCallback(true)).toBe(false);
  });

  it('use the note being edited in a canvas card or embed for “generate review for this note”', async () => {
    const { app, plugin } = await inCanvas();
    app.workspace.activeEditor = { file: app.vault.getAbstractFileByPath('Daily/2026-11-17.md') as TFile };
    const command = (plugin as any).commands.get('review-current-note');
    expect(command.checkCallback(true)).toBe(true);
    command.checkCallback(false);
    await settle();
    expect(app.vault.texts.get('Reviews/2026-W47.md')).toContain('[[Ana]]');
    app.workspace.activeEditor = { file: null };
    expect(command.checkCallback(true)).toBe(false);
  });

  it('run the other commands from a canvas without throwing', async () => {
    const { app, plugin } = await inCanvas();
    for (const command of (plugin as any).commands.values()) {
      if (command.callback) await expect(Promise.resolve(command.callback())).resolves.not.toThrow();
    }
    // An editor in a canvas card has no file: the editor commands still work on its text.
    const card = fakeEditor('## Incidents\n|');
    await (plugin as any).commands.get('insert-incident').editorCallback(card, { file: null });
    expect(card.text()).toContain('### Incident: ');
    await settle();
    expect(unhandled).toEqual([]);
    expect(app.workspace.opened).toContain('Daily/2026-11-22.md');
  });
});

describe('open daily note when the note appears meanwhile', () => {
  it('opens the note synced in between, leaving it as it is', async () => {
    const { app, run } = await loadPlugin({ ...vault });
    app.vault.beforeNextWrite('Daily/2026-11-22.md', () => app.vault.put('Daily/2026-11-22.md', 'written on my phone\n'));
    await run('open-today');
    expect(app.vault.texts.get('Daily/2026-11-22.md')).toBe('written on my phone\n');
    expect(app.workspace.opened).toEqual(['Daily/2026-11-22.md']);
    expect(Notice.messages).toEqual([]);
  });
});

describe('“generate review for this note” on a daily note named before the format changed', () => {
  it('reviews the week of the day the old name says, as the review itself reads it', async () => {
    const { app, plugin } = await loadPlugin({
      '.obsidian/daily-notes.json': '{"folder":"Daily","format":"DD-MM-YYYY"}',
      'Daily/2023-03-06.md': '- paired with [[Tom]] on the header\n',
      'Daily/20-05-2025.md': '- form fields\n',
    });
    app.workspace.activeFile = app.vault.getAbstractFileByPath('Daily/2023-03-06.md');
    const command = (plugin as any).commands.get('review-current-note');
    expect(command.checkCallback(true)).toBe(true);
    command.checkCallback(false);
    await settle();
    expect(app.vault.texts.get('Reviews/2023-W10.md')).toContain('paired with [[Tom]] on the header');
  });
});
