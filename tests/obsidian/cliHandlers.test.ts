import type { CliData, CliFlags, CliHandler as LatestCliHandler, Plugin as LatestPlugin } from 'obsidian-latest';
import { Notice } from '../__mocks__/obsidian';
import DaybookPlugin from '../../src/main';
import type { CliCapablePlugin, CliFlag, CliHandler, CliParams } from '../../src/obsidian/cliHandlers';
import { loadPlugin } from './pluginHarness';

// Compile-time: Daybook's own declaration of the command-line API is the newest types' one.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameParams: Same<CliParams, CliData> = true;
const sameHandler: Same<CliHandler, LatestCliHandler> = true;
const sameFlags: Same<Record<string, CliFlag>, CliFlags> = true;
const registers: Same<CliCapablePlugin['registerCliHandler'], LatestPlugin['registerCliHandler']> = true;

beforeEach(() => {
  Notice.messages = [];
  jest.useFakeTimers({ now: new Date(2026, 10, 22, 8, 15), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
});
afterEach(() => jest.useRealTimers());

const vault = { 'Daily/2026-11-17.md': '- Paired with [[Ana]]\n', '.obsidian/daily-notes.json': '{"folder":"Daily"}' };

describe("Obsidian's command line", () => {
  it('declares the API as the newest types do', () => {
    expect([sameParams, sameHandler, sameFlags, registers]).toEqual([true, true, true, true]);
  });

  it('registers daybook:review and daybook:daily with their flags', async () => {
    const { app } = await loadPlugin(vault);
    expect([...app.cliHandlers.keys()]).toEqual(['daybook:review', 'daybook:daily']);
    expect(Object.keys(app.cliHandlers.get('daybook:review')!.flags!)).toEqual(['period', 'date']);
  });

  it('writes the review of the period holding date=, and prints its path', async () => {
    const { app } = await loadPlugin(vault);
    await expect(app.cliHandlers.get('daybook:review')!.handler({ period: 'week', date: '2026-11-17' })).resolves.toBe('Reviews/2026-W47.md');
    expect(app.vault.texts.get('Reviews/2026-W47.md')).toContain('[[Ana]]');
  });

  it.each(['2026-13-45', '2026-02-30', 'yesterday', 'true'])('takes date=%s as an error, not as today, and writes nothing', async (date) => {
    const { app } = await loadPlugin(vault);
    const before = [...app.vault.texts.keys()];
    for (const command of ['daybook:review', 'daybook:daily']) {
      const answer = await app.cliHandlers.get(command)!.handler({ date });
      expect(answer).toMatch(/^Error: date=.* is not a day; give it as YYYY-MM-DD/);
    }
    expect([...app.vault.texts.keys()]).toEqual(before);
  });

  it('says an unknown period is an error', async () => {
    const { app } = await loadPlugin(vault);
    await expect(app.cliHandlers.get('daybook:review')!.handler({ period: 'fortnight' })).resolves.toMatch(/^Error: unknown period "fortnight"/);
  });

  it('loads a second time while the first registration is still there (the app refuses a command twice), and again after unloading', async () => {
    const { app, plugin } = await loadPlugin(vault);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const again = new DaybookPlugin(app as any, { id: 'daybook' } as any);
    await expect(again.onload()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(2);
    expect((again as any).commands.size).toBeGreaterThan(0);
    warn.mockRestore();
    (plugin as any).unload();
    expect(app.cliHandlers.size).toBe(0);
    const third = new DaybookPlugin(app as any, { id: 'daybook' } as any);
    await third.onload();
    await expect(app.cliHandlers.get('daybook:daily')!.handler({ date: '2026-11-23' })).resolves.toBe('Daily/2026-11-23.md');
  });
});
