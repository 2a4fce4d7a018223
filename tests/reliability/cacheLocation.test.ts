import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCli, daybook } from '../helpers/cli';
import { dailyNotes, filesUnder, settingsFile, vaultOf } from './vaultHelpers';

jest.setTimeout(60_000);

let cli = '';
beforeAll(() => {
  cli = bundleCli();
});

const notesAndReviews = (vault: string) => filesUnder(vault).filter((p) => !/^(Daily|People|Reviews)\/[^/]+\.(md|svg)$/.test(p) && !p.startsWith('.obsidian/'));

describe('the cache is never inside the vault', () => {
  it.each(['cache', '.', './.cache', 'Daily/../x'])('a relative XDG_CACHE_HOME (%s), run from the vault folder: nothing but reviews is added to the vault', (relative) => {
    const vault = vaultOf({ ...dailyNotes([16, 17]), ...settingsFile({ dailyFolder: 'Daily' }) });
    const home = mkdtempSync(join(tmpdir(), 'daybook-home-'));
    const result = spawnSync(process.execPath, [cli, 'review', '--vault', '.', '--all', '--write'], { cwd: vault, env: { ...process.env, HOME: home, XDG_CACHE_HOME: relative }, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(notesAndReviews(vault)).toEqual([]);
    expect(filesUnder(home).some((p) => p.startsWith('.cache/daybook/'))).toBe(true);
  });

  it('a relative HOME with no XDG_CACHE_HOME, run from the vault folder: said once, no cache among the notes', () => {
    const vault = vaultOf({ ...dailyNotes([16]), ...settingsFile({ dailyFolder: 'Daily' }) });
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: '.' };
    delete env.XDG_CACHE_HOME;
    const result = spawnSync(process.execPath, [cli, 'review', '--vault', '.', '--all', '--write'], { cwd: vault, env, encoding: 'utf8' });
    expect(result.stderr).toMatch(/^warning: the cache folder .* is inside the vault; running without the cache/m);
    expect(result.status).toBe(0);
    expect(notesAndReviews(vault)).toEqual([]);
  });

  it('an XDG_CACHE_HOME inside the vault: said once, the run goes on without the cache', () => {
    const vault = vaultOf({ ...dailyNotes([16]), ...settingsFile({ dailyFolder: 'Daily' }) });
    const result = spawnSync(process.execPath, [cli, 'review', '--vault', vault, '--all', '--write'], { env: { ...process.env, XDG_CACHE_HOME: join(vault, 'Daily') }, encoding: 'utf8' });
    expect(result.stderr).toMatch(/^warning: the cache folder .* is inside the vault; running without the cache/m);
    expect(result.status).toBe(0);
    expect(notesAndReviews(vault)).toEqual([]);
  });

  it('--cache-dir inside the vault, directly or through a link: a usage error, exit 2, nothing written', async () => {
    const vault = vaultOf({ ...dailyNotes([16]), ...settingsFile({ dailyFolder: 'Daily' }) });
    const link = join(mkdtempSync(join(tmpdir(), 'daybook-link-')), 'cache');
    symlinkSync(join(vault, 'Daily'), link);
    for (const dir of [join(vault, 'cache'), vault, join(link, 'deeper')]) {
      const result = await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', dir]);
      expect(result.stderr).toMatch(/^daybook: --cache-dir .* is inside the vault; the cache is kept outside the notes/);
      expect(result.code).toBe(2);
      expect(filesUnder(vault).filter((p) => p.startsWith('Reviews/') || p.startsWith('cache'))).toEqual([]);
    }
  });
});
