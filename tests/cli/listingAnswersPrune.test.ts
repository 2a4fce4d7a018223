import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { sealedJson, unsealJson } from '../../src/cli/cacheJson';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { daybook } from '../helpers/cli';
import { dailyNotes, settingsFile, vaultOf } from '../reliability/vaultHelpers';

/**
 * Each run that builds a review keeps what it asked of the listing in
 * `reviews/listing-<run>.json`, which the review's memo names. A review run
 * every day for the current week (cron) rewrites one memo a day: the answers
 * the memo named before must go once nothing names them, or the cache grows
 * by a file a day (150 KB each in the bench's vault).
 */
const answersIn = (cache: string) => readdirSync(join(cache, 'reviews')).filter((name) => /^listing-.*\.json$/.test(name));

function vaultAndCache() {
  const vault = vaultOf({ ...dailyNotes([16, 17, 18, 23]), ...settingsFile({ dailyFolder: 'Daily' }) });
  return { vault, cache: mkdtempSync(join(tmpdir(), 'daybook-answers-')) };
}

const edit = (vault: string, day: number, n: number) => writeFileSync(join(vault, 'Daily', `2026-11-${day}.md`), `## Journal\n\nEdit ${n}: worked with [[Ana]] and [[Bo${n}]]. #perf\n`);

async function review(vault: string, period: string, cache: string) {
  const warm = await daybook(['review', '--vault', vault, '--period', period, '--cache-dir', cache]);
  const fresh = await daybook(['review', '--vault', vault, '--period', period, '--no-cache']);
  expect(warm.code).toBe(0);
  expect(warm.stdout).toBe(fresh.stdout);
}

describe("a run's answers about the listing", () => {
  it('leave one file behind, not one a day, when the same week is reviewed after every edit', async () => {
    const { vault, cache } = vaultAndCache();
    for (let n = 0; n < 5; n++) {
      edit(vault, 17, n);
      await review(vault, '2026-W47', cache);
    }
    expect(answersIn(cache)).toHaveLength(1);
  });

  it('stay while another memo names them, and the review that names them stays right', async () => {
    const { vault, cache } = vaultAndCache();
    await review(vault, '2026-11', cache);
    const month = answersIn(cache);
    for (let n = 0; n < 3; n++) {
      edit(vault, 23, n);
      await review(vault, '2026-W48', cache);
    }
    // The month's answers and the week's latest: the week's earlier ones are gone.
    expect(answersIn(cache)).toHaveLength(2);
    expect(answersIn(cache)).toEqual(expect.arrayContaining(month));
    await review(vault, '2026-11', cache);
  });

  it('leave alone answers from before the refs were kept, and those a rebuild kept', async () => {
    const { vault, cache } = vaultAndCache();
    await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
    const rebuilt = answersIn(cache);
    writeFileSync(join(cache, 'reviews', 'listing-from-an-older-run.json'), '{}');
    for (let n = 0; n < 3; n++) {
      edit(vault, 16, n);
      await review(vault, '2026-W47', cache);
    }
    const left = answersIn(cache);
    expect(left).toEqual(expect.arrayContaining([...rebuilt, 'listing-from-an-older-run.json']));
    expect(left).toHaveLength(rebuilt.length + 2);
    // The next rebuild removes what no memo names, the older run's file among them.
    await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
    expect(answersIn(cache)).not.toContain('listing-from-an-older-run.json');
  });

  it('never reads or removes a file outside the cache, whatever a hand-edited refs file names', async () => {
    const { vault, cache } = vaultAndCache();
    await review(vault, '2026-W47', cache);
    // A file beside the cache, and one in the vault, named as a run's answers would be after `../`.
    const outside = join(cache, '..', `listing-victim-${process.pid}.json`);
    writeFileSync(outside, 'keep me');
    writeFileSync(join(vault, 'listing-note.json'), 'keep me too');
    const refsFile = join(cache, 'reviews', 'listings-named.json');
    const refs = unsealJson(readFileSync(refsFile, 'utf8')) as { periods: Record<string, string> };
    // A folder named as answers would be lets `..` climb out of reviews/ from there.
    mkdirSync(join(cache, 'reviews', 'listing-x'));
    const toVault = relative(join(cache, 'reviews', 'listing-x'), join(vault, 'listing-note'));
    for (const id of [`x/../../../listing-victim-${process.pid}`, `x/${toVault}`]) {
      refs.periods['2026-W47'] = id;
      writeFileSync(refsFile, sealedJson(refs));
      edit(vault, 17, id.length);
      await review(vault, '2026-W47', cache);
    }
    expect(readFileSync(outside, 'utf8')).toBe('keep me');
    expect(existsSync(join(vault, 'listing-note.json'))).toBe(true);
    // The answers the tampered entry hid are left for the next rebuild, as any the refs do not know.
    expect(answersIn(cache).length).toBeGreaterThanOrEqual(1);
    rmSync(outside);
  });
});
