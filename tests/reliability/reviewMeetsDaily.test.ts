import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Notice } from '../__mocks__/obsidian';
import DaybookPlugin from '../../src/main';
import { parsePeriodId } from '../../src/core/dates/periods';
import { Journal } from '../../src/core/journal';
import { writeReview } from '../../src/core/reviewWriter';
import { DEFAULT_SETTINGS, resolveSettings } from '../../src/core/settings';
import { MemoryVault } from '../helpers/memoryVault';
import { daybook } from '../helpers/cli';
import type { MockApp } from '../obsidian/pluginHarness';
import { dailyNotes, filesUnder, settingsFile, vaultOf } from './vaultHelpers';

/** Daily notes in `folder` (November 2026), with the given Daybook and core settings. */
function vaultWith(folder: string, own: object, core?: object): string {
  const files: Record<string, string> = {};
  for (const [path, text] of Object.entries(dailyNotes([16, 17, 23]))) files[path.replace(/^Daily\//, folder ? `${folder}/` : '')] = text;
  if (core) files['.obsidian/daily-notes.json'] = JSON.stringify(core);
  return vaultOf({ ...files, ...settingsFile(own) });
}

const cases: [string, string, object, object | undefined][] = [
  ['reviewsFolder "" and a week format YYYY-MM-DD: the weekly review is Monday’s note', '', { reviewsFolder: '', reviewFormats: { week: 'YYYY-MM-DD' } }, undefined],
  ['the reviews folder is the daily folder, week named like a day', 'Journal', { dailyFolder: 'Journal', reviewsFolder: 'Journal', reviewFormats: { week: 'YYYY-MM-DD' } }, undefined],
  ['a daily format without folders is found in any folder: reviews in Reviews/ read back as days', '', { reviewFormats: { week: 'YYYY-MM-DD' } }, undefined],
  ['month format equal to the daily format, in the daily folder', 'Journal', { dailyFolder: 'Journal', dailyFormat: 'YYYY-MM', reviewsFolder: 'Journal', reviewFormats: { month: 'YYYY-MM' } }, undefined],
  ['a daily format with folders, the year review named like it', 'Journal', { dailyFolder: 'Journal', dailyFormat: 'YYYY/MM/DD', reviewsFolder: 'Journal', reviewFormats: { year: 'YYYY/[01]/[01]' } }, undefined],
  ['the daily folder and format from the core daily-notes.json', 'Days', { reviewsFolder: 'Days', reviewFormats: { week: 'YYYY-MM-DD' } }, { folder: 'Days', format: 'YYYY-MM-DD' }],
  ['a quarter named like the daily format DD-MM-YYYY', '', { reviewsFolder: '', dailyFormat: 'DD-MM-YYYY', reviewFormats: { quarter: '[01]-MM-YYYY' } }, undefined],
];

describe('a review path that is also a daily-note path', () => {
  it.each(cases)('%s: a settings error, exit 2, no daily note written or read as a review', async (_, folder, own, core) => {
    const vault = vaultWith(folder, own, core);
    const before = Object.fromEntries(filesUnder(vault).map((p) => [p, readFileSync(join(vault, p), 'utf8')]));
    const result = await daybook(['review', '--vault', vault, '--all', '--write']);
    expect(result.stderr).toMatch(/^daybook: .*data\.json: reviewsFolder ".*" and reviewFormats: the \w+ review of \S+ would be \S+\.md, which is also the daily note of \d{4}-\d\d-\d\d/);
    expect(result.code).toBe(2);
    expect(Object.fromEntries(filesUnder(vault).map((p) => [p, readFileSync(join(vault, p), 'utf8')]))).toEqual(before);
  });

  it.each(cases)('%s: the plugin falls back to the default reviews with a notice', (_, __, own, core) => {
    const { settings, problems } = resolveSettings(own, core);
    expect(problems.join('\n')).toMatch(/which is also the daily note of/);
    expect(settings.reviewsFolder).toBe('Reviews');
    expect(settings.reviewFormats.week).toBe('GGGG-[W]WW');
  });

  it('in the plugin: a notice names the clash, and generating the week review leaves Monday’s note alone', async () => {
    Notice.messages = [];
    jest.useFakeTimers({ now: new Date(2026, 10, 22, 8, 15), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const monday = '---\nmood_wake: 5\n---\nMonday.\n';
    const app = new App({ '2026-11-16.md': monday }) as unknown as MockApp;
    const plugin = new DaybookPlugin(app as never, { id: 'daybook' } as never);
    (plugin as unknown as { data: unknown }).data = { reviewsFolder: '', reviewFormats: { week: 'YYYY-MM-DD' } };
    await plugin.onload();
    expect(Notice.messages.join('\n')).toMatch(/Daybook settings: .*which is also the daily note of/);
    await (plugin as unknown as { commands: Map<string, { callback?: () => unknown; checkCallback?: (c: boolean) => unknown }> }).commands.get('review-week')?.callback?.();
    expect(app.vault.texts.get('2026-11-16.md')).toBe(monday);
    expect(app.vault.texts.has('Reviews/2026-W47.md')).toBe(true);
    jest.useRealTimers();
  });

  it('settings where the two cannot meet are accepted (reviews beside daily notes, named unlike days)', async () => {
    const vault = vaultWith('Journal', { dailyFolder: 'Journal', reviewsFolder: 'Journal', reviewFormats: { week: 'GGGG-[W]WW' } });
    const result = await daybook(['review', '--vault', vault, '--all', '--write']);
    expect(result.code).toBe(0);
    expect(existsSync(join(vault, 'Journal', '2026-W47.md'))).toBe(true);
  });
});

describe('the writer itself never writes a review at a daily note’s path', () => {
  it('whatever settings it is handed (in any year, unchecked ones too): refused by path, the daily note untouched', async () => {
    const monday = 'Monday 2031-11-17 [[Ana]]\n';
    const vault = new MemoryVault({ '2031-11-17.md': monday });
    const settings = { ...structuredClone(DEFAULT_SETTINGS), dailyFormat: 'YYYY-MM-DD', reviewsFolder: '', reviewFormats: { ...DEFAULT_SETTINGS.reviewFormats, week: 'YYYY-MM-DD' } };
    const journal = await Journal.open(vault, settings);
    await expect(writeReview(journal, parsePeriodId('2031-W47') as NonNullable<ReturnType<typeof parsePeriodId>>, vault)).rejects.toThrow('2031-11-17.md is also the path of the daily note of 2031-11-17; a review is never written into a daily note');
    expect(vault.files.get('2031-11-17.md')).toBe(monday);
    expect(vault.writes).toEqual([]);
  });
});
