import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { App } from '../tests/__mocks__/obsidian';
import { Journal } from '../src/core/journal';
import { parsePeriodId } from '../src/core/dates/periods';
import { resolveSettings } from '../src/core/settings';
import { ObsidianVault } from '../src/obsidian/obsidianVault';
import { PersistentParseCache } from '../src/obsidian/persistentParseCache';
import { ReadRecorder } from '../src/obsidian/readRecorder';
import { StoredReviews } from '../src/obsidian/storedReviews';

type Report = (name: string, ms: number, baseline?: { name: string; ms: number }, target?: string) => void;

/**
 * The plugin's yearly review in the mock app (tests/__mocks__/obsidian.ts),
 * holding the synthetic vault's 2020 daily notes and its people and topics,
 * each with its mtime on disk: cold (nothing stored), then as the first review
 * after a restart (new stores reading what the last session wrote, every
 * note's stamp checked). Both go the way the plugin's commands go
 * (reviewCommands.ts: a recorder over the vault, the stored reviews, a lazy parser).
 * Only this figure: see bench/pluginOnly.ts.
 */
export async function benchPlugin(vault: string, print: (line: string) => void, report: Report): Promise<void> {
  const app = new App();
  const add = (path: string) => {
    const absolute = join(vault, ...path.split('/'));
    app.vault.put(path, readFileSync(absolute, 'utf8'), statSync(absolute).mtimeMs);
  };
  for (const folder of ['People', 'Topics']) for (const name of readdirSync(join(vault, folder))) add(`${folder}/${name}`);
  for (const name of readdirSync(join(vault, 'Daily'))) if (name.startsWith('2020')) add(`Daily/${name}`);
  const settings = resolveSettings({ dailyFolder: 'Daily' }, {}).settings;
  const period = parsePeriodId('2020')!;
  const timers = { set: () => null, clear: () => undefined };
  const files = { parses: '.obsidian/plugins/daybook/parse-cache.json', reviews: '.obsidian/plugins/daybook/review-cache.json' };
  const session = () => ({ cache: new PersistentParseCache(app.vault.adapter, files.parses, timers, 'bench'), reviews: new StoredReviews(app.vault.adapter, files.reviews, timers, 'bench') });
  const review = async ({ cache, reviews }: ReturnType<typeof session>) => {
    const start = performance.now();
    const reads = new ReadRecorder(new ObsidianVault(app as never));
    const journal = await Journal.open(reads, settings, { parser: cache.lazyParser() });
    await reviews.build(journal, period, reads);
    return performance.now() - start;
  };
  const samples = { cold: Infinity, restart: Infinity };
  for (let turn = 0; turn < 3; turn++) {
    app.vault.texts.delete(files.parses);
    app.vault.texts.delete(files.reviews);
    const first = session();
    samples.cold = Math.min(samples.cold, await review(first));
    await first.cache.save();
    await first.reviews.save();
    samples.restart = Math.min(samples.restart, await review(session()));
  }
  print('');
  report('plugin (mock app): yearly review, cold', samples.cold);
  report('plugin: first yearly review after a restart', samples.restart, { name: 'cold', ms: samples.cold }, '≤ 0.2 × cold');
}
