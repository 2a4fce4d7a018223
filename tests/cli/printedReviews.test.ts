import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCli, daybook } from '../helpers/cli';
import { dailyNotes, settingsFile, vaultOf } from '../reliability/vaultHelpers';

jest.setTimeout(60_000);

const newCache = () => mkdtempSync(join(tmpdir(), 'daybook-printed-'));
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
const kept = (cache: string, format: 'markdown' | 'json') => join(cache, 'reviews', `2026-W47.${format}.txt`);

/** Replaces the kept text with `text` under the same key, sealed as Daybook seals it: a run that uses the file prints `text`. */
function forge(file: string, text: string): void {
  const key = readFileSync(file, 'utf8').slice(0, 40);
  writeFileSync(file, `${key} ${sha1(text)}\n${text}`);
}

describe('a printed review kept beside its memo', () => {
  const vault = () => vaultOf({ ...dailyNotes([16, 17]), ...settingsFile({ dailyFolder: 'Daily' }) });
  const review = (root: string, cache: string, ...more: string[]) => daybook(['review', '--vault', root, '--period', '2026-W47', '--cache-dir', cache, ...more]);

  it('is what the next run prints while the memo holds, markdown and JSON each', async () => {
    const root = vault();
    const cache = newCache();
    const fresh = await daybook(['review', '--vault', root, '--period', '2026-W47', '--no-cache']);
    expect(await review(root, cache)).toEqual(fresh);
    expect(await review(root, cache)).toEqual(fresh);
    const json = await review(root, cache, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ period: { id: '2026-W47' } });
    forge(kept(cache, 'markdown'), 'kept markdown\n');
    forge(kept(cache, 'json'), 'kept json\n');
    expect((await review(root, cache)).stdout).toBe('kept markdown\n');
    expect((await review(root, cache, '--json')).stdout).toBe('kept json\n');
  });

  it('is printed afresh, and kept again, when a note it was built from changed', async () => {
    const root = vault();
    const cache = newCache();
    await review(root, cache);
    forge(kept(cache, 'markdown'), 'kept markdown\n');
    appendFileSync(join(root, 'Daily', '2026-11-17.md'), '\nMet [[Bo]] about the outage.\n');
    const fresh = await daybook(['review', '--vault', root, '--period', '2026-W47', '--no-cache']);
    expect(fresh.stdout).toContain('[[Bo]]');
    expect(await review(root, cache)).toEqual(fresh);
    expect(readFileSync(kept(cache, 'markdown'), 'utf8').slice(82)).toBe(fresh.stdout);
  });

  it('is not printed when damaged or cut short, nor under other settings or another locale', async () => {
    const root = vault();
    const cache = newCache();
    const fresh = await review(root, cache);
    const file = kept(cache, 'markdown');
    const whole = readFileSync(file, 'utf8');
    writeFileSync(file, whole.replace('Ana', 'Anna'));
    expect(await review(root, cache)).toEqual(fresh);
    writeFileSync(file, whole.slice(0, whole.length - 10));
    expect(await review(root, cache)).toEqual(fresh);
    writeFileSync(file, whole.slice(0, 30));
    expect(await review(root, cache)).toEqual(fresh);

    forge(file, 'kept markdown\n');
    const lang = process.env.LANG;
    process.env.LANG = 'sv_SE.UTF-8';
    try {
      expect(await review(root, cache)).toEqual(fresh);
    } finally {
      if (lang === undefined) delete process.env.LANG;
      else process.env.LANG = lang;
    }

    forge(file, 'kept markdown\n');
    // Other settings: here the sliders.
    writeFileSync(join(root, '.obsidian', 'plugins', 'daybook', 'data.json'), JSON.stringify({ dailyFolder: 'Daily', sliders: [{ question: 'Waking?', property: 'mood_wake', min: 1, max: 9, step: 1 }] }));
    const relabelled = await daybook(['review', '--vault', root, '--period', '2026-W47', '--no-cache']);
    expect(relabelled.stdout).not.toBe(fresh.stdout);
    expect(await review(root, cache)).toEqual(relabelled);
  });
});

describe('reviews kept by a run under one locale', () => {
  let cli = '';
  beforeAll(() => {
    cli = bundleCli();
  });

  // Names of as many mentions are ordered by the locale: Swedish puts Ä after Z.
  const files = {
    ...settingsFile({ dailyFolder: 'Daily' }),
    'Daily/2026-11-16.md': 'Met [[Zed]] and [[Ärla]] and [[Adam]].\n',
    'Daily/2026-11-17.md': 'Met [[Zed]] and [[Ärla]] and [[Adam]] again.\n',
  };
  const review = (root: string, lang: string, cache: string | null) =>
    spawnSync(process.execPath, [cli, 'review', '--vault', root, '--period', '2026-W47', ...(cache ? ['--cache-dir', cache] : ['--no-cache'])], {
      encoding: 'utf8',
      env: { ...process.env, LANG: lang, LC_ALL: lang, LC_MESSAGES: lang },
    });

  it('are not printed by a run under another: each prints what it would without the cache', () => {
    const root = vaultOf(files);
    const cache = newCache();
    const swedish = review(root, 'sv_SE.UTF-8', null);
    const english = review(root, 'en_US.UTF-8', null);
    expect(swedish.stdout).toContain('[[Zed]] (2), [[Ärla]] (2)');
    expect(english.stdout).toContain('[[Ärla]] (2), [[Zed]] (2)');
    expect(review(root, 'sv_SE.UTF-8', cache)).toMatchObject({ status: 0, stdout: swedish.stdout });
    expect(review(root, 'sv_SE.UTF-8', cache).stdout).toBe(swedish.stdout);
    expect(review(root, 'en_US.UTF-8', cache)).toMatchObject({ status: 0, stdout: english.stdout });
    expect(review(root, 'en_US.UTF-8', cache).stdout).toBe(english.stdout);
    expect(review(root, 'sv_SE.UTF-8', cache).stdout).toBe(swedish.stdout);
  });
});
