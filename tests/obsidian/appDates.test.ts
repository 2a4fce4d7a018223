/* eslint-disable import/no-extraneous-dependencies -- the languages of the app's moment, which obsidian's types bring */
import 'moment/locale/de';
import 'moment/locale/fr';
/* eslint-enable import/no-extraneous-dependencies -- back to the rule for the rest */
import { moment, Notice } from '../__mocks__/obsidian';
import { dateFnsFormatter, dateFormatter } from '../../src/core/dates/dateFormatter';
import { loadPlugin } from './pluginHarness';

beforeEach(() => {
  Notice.messages = [];
  jest.useFakeTimers({ now: new Date(2026, 10, 22, 8, 15), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
});
afterEach(() => {
  jest.useRealTimers();
  moment.locale('en');
});

const dailyNotesSettings = (format: string) => ({ '.obsidian/daily-notes.json': JSON.stringify({ folder: 'Daily', format }) });

describe('dates in the app’s language (the app’s own moment)', () => {
  it.each([
    ['de', 'Daily/Sonntag, 22. November 2026.md'],
    ['fr', 'Daily/dimanche, 22 novembre 2026.md'],
    ['en', 'Daily/Sunday, 22nd November 2026.md'],
  ])('in %s, today’s daily note is the file the core Daily notes plugin names', async (locale, path) => {
    moment.locale(locale);
    const { app, plugin, run } = await loadPlugin(dailyNotesSettings('dddd, Do MMMM YYYY'));
    await run('open-today');
    expect(app.workspace.opened).toEqual([path]);
    plugin.unload();
  });

  it('uses the language’s week rules for ww and gggg (German weeks start on Monday)', async () => {
    moment.locale('de');
    const { app, plugin, run } = await loadPlugin(dailyNotesSettings('gggg-[W]ww'));
    await run('open-today');
    // date-fns' English rules call Sunday 22 November 2026 week 48.
    expect(app.workspace.opened).toEqual(['Daily/2026-W47.md']);
    plugin.unload();
  });

  it('fills template dates in the app’s language', async () => {
    moment.locale('fr');
    const { app, plugin, run } = await loadPlugin({
      '.obsidian/daily-notes.json': '{"folder":"Daily","template":"Templates/Day"}',
      'Templates/Day.md': '# {{date:dddd D MMMM}}\n',
    });
    await run('open-today');
    expect(app.vault.texts.get('Daily/2026-11-22.md')).toBe('# dimanche 22 novembre\n');
    plugin.unload();
  });

  it('reads notes named in the app’s language back as daily notes for reviews', async () => {
    moment.locale('de');
    const { app, plugin, run } = await loadPlugin({
      ...dailyNotesSettings('dddd, Do MMMM YYYY'),
      'Daily/Dienstag, 17. November 2026.md': '- met [[Ana]]\n',
      'Daily/Tuesday, 17th November 2026.md': '- met [[Bob]]\n',
    });
    await run('review-week');
    const review = app.vault.texts.get('Reviews/2026-W47.md');
    expect(review).toContain('[[Ana]]');
    expect(review).not.toContain('[[Bob]]');
    plugin.unload();
  });

  it('hands date-fns back to the core when the plugin unloads', async () => {
    const { plugin } = await loadPlugin({});
    expect(dateFormatter()).not.toBe(dateFnsFormatter);
    plugin.unload();
    expect(dateFormatter()).toBe(dateFnsFormatter);
  });
});

describe('the app’s moment reading daily note names', () => {
  it('reads a format with folders that repeats a field, and only when the parts agree', async () => {
    moment.locale('de');
    const { app, plugin, run } = await loadPlugin({
      ...dailyNotesSettings('YYYY/MMMM/YYYY-MM-DD'),
      'Daily/2026/November/2026-11-17.md': '- met [[Ana]]\n',
      'Daily/2025/November/2026-11-18.md': '- met [[Bob]]\n',
      'Daily/2026/Oktober/2026-11-19.md': '- met [[Cy]]\n',
    });
    await run('review-week');
    const review = app.vault.texts.get('Reviews/2026-W47.md')!;
    expect(review).toContain('[[Ana]]');
    expect(review).not.toContain('[[Bob]]');
    expect(review).not.toContain('[[Cy]]');
    plugin.unload();
  });
});
