import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { App } from '../tests/__mocks__/obsidian';
import { Journal } from '../src/core/journal';
import { parsePeriodId } from '../src/core/dates/periods';
import { buildReview } from '../src/core/review/buildReview';
import { resolveSettings } from '../src/core/settings';
import { ObsidianVault } from '../src/obsidian/obsidianVault';
import { PersistentParseCache } from '../src/obsidian/persistentParseCache';

type Report = (name: string, ms: number, baseline?: { name: string; ms: number }, target?: string) => void;

/**
 * The plugin's yearly review in the mock app (tests/__mocks__/obsidian.ts),
 * holding the synthetic vault's 2020 daily notes and its people and topics:
 * cold (nothing stored), then as the first review after a restart (a new
 * cache reading what the last session stored, every note read again).
 */
export async function benchPlugin(vault: string, print: (line: string) => void, report: Report): Promise<void> {
  const files: Record<string, string> = {};
  for (const folder of ['People', 'Topics']) for (const name of readdirSync(join(vault, folder))) files[`${folder}/${name}`] = readFileSync(join(vault, folder, name), 'utf8');
  for (const name of readdirSync(join(vault, 'Daily'))) if (name.startsWith('2020')) files[`Daily/${name}`] = readFileSync(join(vault, 'Daily', name), 'utf8');
  const app = new App(files);
  const settings = resolveSettings({ dailyFolder: 'Daily' }, {}).settings;
  const period = parsePeriodId('2020')!;
  const timers = { set: () => null, clear: () => undefined };
  const review = async (cache: PersistentParseCache) => {
    const start = performance.now();
    const journal = await Journal.open(new ObsidianVault(app as never), settings, { parser: await cache.ready() });
    await buildReview(journal, period);
    return performance.now() - start;
  };
  const file = '.obsidian/plugins/daybook/parse-cache.json';
  const samples = { cold: Infinity, restart: Infinity };
  for (let turn = 0; turn < 3; turn++) {
    app.vault.texts.delete(file);
    const first = new PersistentParseCache(app.vault.adapter, file, timers, 'bench');
    samples.cold = Math.min(samples.cold, await review(first));
    await first.save();
    samples.restart = Math.min(samples.restart, await review(new PersistentParseCache(app.vault.adapter, file, timers, 'bench')));
  }
  print('');
  report('plugin (mock app): yearly review, cold', samples.cold);
  report('plugin: first yearly review after a restart', samples.restart, { name: 'cold', ms: samples.cold }, '≤ 0.2 × cold');
}
