import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderVault } from '../../src/cli/folderVault';
import { daybook } from '../helpers/cli';
import { dailyNotes, filesUnder, settingsFile, vaultOf } from './vaultHelpers';

/** A vault inside a fresh folder, so anything written beside it (`../x`) can be seen. */
function boxedVault(files: Record<string, string>): { box: string; vault: string } {
  const box = mkdtempSync(join(tmpdir(), 'daybook-box-'));
  return { box, vault: vaultOf(files, box) };
}

describe('nothing escapes the vault: settings', () => {
  const escapes: [string, unknown][] = [
    ['reviewsFolder', { reviewsFolder: '..' }],
    ['reviewsFolder', { reviewsFolder: 'a/../../x' }],
    ['reviewsFolder', { reviewsFolder: '..\\..\\x' }],
    ['reviewsFolder', { reviewsFolder: '/tmp/daybook-abs' }],
    ['reviewsFolder', { reviewsFolder: 'C:\\Users\\x' }],
    ['reviewsFolder', { reviewsFolder: 'Rev\u0000iews' }],
    ['dailyFolder', { dailyFolder: '../Daily' }],
    ['dailyFormat', { dailyFolder: 'Daily', dailyFormat: '[../../]YYYY-MM-DD' }],
    ['templatePath', { templatePath: '../secret' }],
    ['reviewFormats.week', { reviewFormats: { week: '[../../]GGGG-[W]WW' } }],
    ['reviewFormats.month', { reviewFormats: { month: '[..]/YYYY-MM' } }],
    ['reviewFormats.year', { reviewFormats: { year: '/YYYY' } }],
  ];

  it.each(escapes)('%s that leaves the vault is a settings error (exit 2, one line naming it), and nothing is written', async (key, settings) => {
    const { box, vault } = boxedVault({ ...dailyNotes([16, 17]), ...settingsFile({ dailyFolder: 'Daily', ...(settings as object) }) });
    const before = filesUnder(box);
    const result = await daybook(['review', '--vault', vault, '--all', '--write']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^daybook: .*data\\.json: ${key.replace('.', '\\.')} ".*" (is an absolute path|goes up out of its folder|holds a NUL)`, 'm'));
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(filesUnder(box)).toEqual(before);
    expect(existsSync('/tmp/daybook-abs')).toBe(false);
  });

  it('the core daily-notes.json folder, format and template are checked the same way', async () => {
    for (const core of [{ folder: '../..' }, { format: '[../]YYYY-MM-DD' }, { template: '/etc/passwd' }]) {
      const { box, vault } = boxedVault({ ...dailyNotes([16]), '.obsidian/daily-notes.json': JSON.stringify(core) });
      const before = filesUnder(box);
      const result = await daybook(['daily', '--vault', vault, '--date', '2026-11-20']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/daily-notes\.json (folder|format|template) /);
      expect(filesUnder(box)).toEqual(before);
    }
  });

  it('review formats that make two periods share a note are a settings error', async () => {
    for (const formats of [{ week: 'YYYY' }, { month: '[monthly]' }, { quarter: 'YYYY' }, { week: 'YYYY-MM', month: 'YYYY-MM' }]) {
      const vault = vaultOf({ ...dailyNotes([16]), ...settingsFile({ dailyFolder: 'Daily', reviewFormats: formats }) });
      const result = await daybook(['review', '--vault', vault, '--all', '--write']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/reviewFormats\.\w+ ".*" (gives two different \w+s the same note|names the \w+ review like the \w+ review)/);
      expect(existsSync(join(vault, 'Reviews'))).toBe(false);
    }
  });
});

describe('nothing escapes the vault: symlinks', () => {
  it('never writes a review through a note, or a reviews folder, linked outside; says which, and writes the rest', async () => {
    const { box, vault } = boxedVault({ ...dailyNotes([16, 17]), ...settingsFile({ dailyFolder: 'Daily' }) });
    const outside = join(box, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.md'), 'do not touch\n');
    mkdirSync(join(vault, 'Reviews'));
    symlinkSync(join(outside, 'secret.md'), join(vault, 'Reviews', '2026-W47.md'));
    const result = await daybook(['review', '--vault', vault, '--all', '--write']);
    expect(result.stderr).toMatch(/^error: Reviews\/2026-W47\.md: not written: .*link to outside the vault/m);
    expect(readFileSync(join(outside, 'secret.md'), 'utf8')).toBe('do not touch\n');
    expect(existsSync(join(vault, 'Reviews', '2026-11.md'))).toBe(true);
    expect(result.code).toBe(1);

    // The whole reviews folder a link out of the vault: nothing is written into it.
    const second = boxedVault({ ...dailyNotes([16]), ...settingsFile({ dailyFolder: 'Daily' }) });
    const elsewhere = mkdtempSync(join(tmpdir(), 'daybook-elsewhere-'));
    symlinkSync(elsewhere, join(second.vault, 'Reviews'));
    const run = await daybook(['review', '--vault', second.vault, '--all', '--write']);
    expect(run.stderr).toMatch(/^error: Reviews\/2026-W47\.md: not written: .*under a link to outside the vault/m);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('removes a mood chart left without its review only in the reviews folder itself: never through a link, nor in a hidden folder', async () => {
    const { box, vault } = boxedVault({ ...dailyNotes([16, 17]), ...settingsFile({ dailyFolder: 'Daily' }) });
    await daybook(['review', '--vault', vault, '--all', '--write']);
    const chart = readFileSync(join(vault, 'Reviews', '2026-W47 mood.svg'), 'utf8');
    const outside = join(box, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, '2020-W01 mood.svg'), chart);
    writeFileSync(join(outside, 'linked mood.svg'), chart);
    symlinkSync(outside, join(vault, 'Reviews', 'Old'));
    symlinkSync(join(outside, 'linked mood.svg'), join(vault, 'Reviews', '2019-W01 mood.svg'));
    mkdirSync(join(vault, 'Reviews', '.trash'));
    writeFileSync(join(vault, 'Reviews', '.trash', '2018-W01 mood.svg'), chart);
    // The one left in the reviews folder itself, by a review deleted by hand, goes.
    writeFileSync(join(vault, 'Reviews', '2017-W01 mood.svg'), chart);
    const result = await daybook(['review', '--vault', vault, '--all', '--write']);
    expect(result.code).toBe(0);
    expect(existsSync(join(vault, 'Reviews', '2017-W01 mood.svg'))).toBe(false);
    expect(readdirSync(outside).sort()).toEqual(['2020-W01 mood.svg', 'linked mood.svg']);
    expect(readFileSync(join(outside, 'linked mood.svg'), 'utf8')).toBe(chart);
    expect(readdirSync(join(vault, 'Reviews'))).toEqual(expect.arrayContaining(['2019-W01 mood.svg', 'Old', '.trash']));
    expect(readdirSync(join(vault, 'Reviews', '.trash'))).toEqual(['2018-W01 mood.svg']);

    // The whole reviews folder a link out of the vault: no picture there is touched, and none is named an error.
    const second = boxedVault({ ...dailyNotes([16]), ...settingsFile({ dailyFolder: 'Daily' }) });
    const elsewhere = mkdtempSync(join(tmpdir(), 'daybook-elsewhere-'));
    writeFileSync(join(elsewhere, '2016-W01 mood.svg'), chart);
    symlinkSync(elsewhere, join(second.vault, 'Reviews'));
    const run = await daybook(['review', '--vault', second.vault, '--all', '--write']);
    expect(run.stderr).not.toMatch(/mood\.svg: not removed/);
    expect(readdirSync(elsewhere)).toEqual(['2016-W01 mood.svg']);
  });

  it('never reads a daily note linked from outside into a review, reports it, and skips link loops', async () => {
    const { box, vault } = boxedVault({ ...dailyNotes([16]), ...settingsFile({ dailyFolder: 'Daily' }) });
    writeFileSync(join(box, 'private.md'), '## Journal\n\nSECRET talk with [[Ana]]\n');
    symlinkSync(join(box, 'private.md'), join(vault, 'Daily', '2026-11-17.md'));
    symlinkSync(join(vault, 'Daily'), join(vault, 'Daily', 'loop'));
    symlinkSync(join(vault, 'nowhere'), join(vault, 'Daily', 'dangling.md'));
    const result = await daybook(['review', '--vault', vault, '--period', '2026-W47']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('SECRET');
    expect(result.stderr).toMatch(/^warning: Daily\/2026-11-17\.md: is a link to outside the vault/m);
    expect(result.stderr).toMatch(/^warning: Daily\/loop: .*symlink loop/m);
    expect(result.stdout).toContain('2026-11-16');
  });

  it('reports what it left out folder by folder, each folder before the next name (not in the order of whole paths)', async () => {
    const { box, vault } = boxedVault({ ...dailyNotes([16]), 'a/z.md': 'z\n', 'a/b/z.md': 'z\n', ...settingsFile({ dailyFolder: 'Daily' }) });
    writeFileSync(join(box, 'private.md'), 'SECRET\n');
    // By whole path `a b.md` sorts before `a/x.md` (a space is below a slash); in the vault, folder `a` comes first.
    for (const path of ['a b.md', 'a/x.md', 'a/b/y.md', 'Daily/w.md', 'B.md']) symlinkSync(join(box, 'private.md'), join(vault, ...path.split('/')));
    const result = await daybook(['review', '--vault', vault, '--period', '2026-W47']);
    expect(result.code).toBe(0);
    const reported = [...result.stderr.matchAll(/^warning: (.*?): is a link to outside the vault/gm)].map((m) => m[1]);
    expect(reported).toEqual(['B.md', 'Daily/w.md', 'a/b/y.md', 'a/x.md', 'a b.md']);
  });

  it('follows links that stay inside the vault, as Obsidian does', async () => {
    const vault = vaultOf({ ...dailyNotes([16]), 'Archive/2026-11-18.md': '## Journal\n\nArchived day with [[Ana]]\n', ...settingsFile({ dailyFolder: 'Daily' }) });
    symlinkSync(join(vault, 'Archive'), join(vault, 'Daily', 'old'));
    const result = await daybook(['review', '--vault', vault, '--period', '2026-W47', '--json']);
    const review = JSON.parse(result.stdout) as { days: { path: string }[] };
    expect(review.days.map((d) => d.path)).toContain('Daily/old/2026-11-18.md');
  });

  it('reads a note reached through a link inside the vault by where the link leads, and refuses it once the link leads out', async () => {
    const { box, vault } = boxedVault({ ...dailyNotes([16]), 'Archive/2026-11-18.md': '- archived\n', ...settingsFile({ dailyFolder: 'Daily' }) });
    symlinkSync(join(vault, 'Archive'), join(vault, 'Daily', 'old'));
    const folder = new FolderVault(vault);
    expect((await folder.list()).map((f) => f.path)).toContain('Daily/old/2026-11-18.md');
    expect(await folder.read('Daily/old/2026-11-18.md')).toBe('- archived\n');
    mkdirSync(join(box, 'elsewhere'));
    writeFileSync(join(box, 'elsewhere', '2026-11-18.md'), 'SECRET\n');
    rmSync(join(vault, 'Daily', 'old'));
    symlinkSync(join(box, 'elsewhere'), join(vault, 'Daily', 'old'));
    await expect(folder.read('Daily/old/2026-11-18.md')).rejects.toThrow(/outside the vault/);
    expect(folder.stamp('Daily/old/2026-11-18.md')).toBeNull();
  });
});

describe('nothing escapes the vault: a folder that becomes a link while a note is written', () => {
  it.each([
    ['a new note', null],
    ['a note rewritten', 'old review\n'],
  ])('%s: a reviews folder swapped for a link out of the vault mid-write gets nothing, not even a temporary file', async (_what, before) => {
    const { box, vault } = boxedVault({ 'Daily/2026-11-16.md': '- a day\n' });
    const outside = join(box, 'outside');
    mkdirSync(outside);
    mkdirSync(join(vault, 'Reviews'));
    if (before !== null) writeFileSync(join(vault, 'Reviews', '2026-W47.md'), before);
    const folder = new FolderVault(vault);
    // Between Daybook's checks and its write (the flush waits on the thread pool meanwhile), another program swaps the folder.
    const swapped = folder.update('Reviews/2026-W47.md', () => {
      rmSync(join(vault, 'Reviews'), { recursive: true });
      symlinkSync(outside, join(vault, 'Reviews'));
      return 'new review\n';
    });
    await expect(swapped).rejects.toThrow(/link to outside the vault/);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('a daily note being created: its folder swapped for a link out of the vault gets nothing', async () => {
    const { box, vault } = boxedVault({ 'Templates/Daily.md': '## Journal\n' });
    const outside = join(box, 'outside');
    mkdirSync(outside);
    mkdirSync(join(vault, 'Daily'));
    const folder = new FolderVault(vault);
    // The swap lands while the new note's bytes are flushed: after the checks, before the note is linked into place.
    const created = folder.create('Daily/2026-11-16.md', '## Journal\n');
    rmSync(join(vault, 'Daily'), { recursive: true });
    symlinkSync(outside, join(vault, 'Daily'));
    await expect(created).rejects.toThrow(/link to outside the vault/);
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe('nothing escapes the vault: a note that becomes a link after it was listed', () => {
  it('is not read through the link (notes listed as plain files are read without following links)', async () => {
    const vault = mkdtempSync(join(tmpdir(), 'daybook-swap-'));
    const outside = mkdtempSync(join(tmpdir(), 'daybook-secret-'));
    writeFileSync(join(outside, 'secret.md'), 'private text\n');
    mkdirSync(join(vault, 'Daily'));
    writeFileSync(join(vault, 'Daily', '2026-01-01.md'), '- a day\n');
    const folder = new FolderVault(vault);
    expect((await folder.list()).map((f) => f.path)).toEqual(['Daily/2026-01-01.md']);
    expect(await folder.read('Daily/2026-01-01.md')).toBe('- a day\n');
    rmSync(join(vault, 'Daily', '2026-01-01.md'));
    symlinkSync(join(outside, 'secret.md'), join(vault, 'Daily', '2026-01-01.md'));
    await expect(folder.read('Daily/2026-01-01.md')).rejects.toThrow(/outside the vault/);
  });
});

describe('dates and periods from the command line', () => {
  const vault = vaultOf({ ...dailyNotes([16]), ...settingsFile({ dailyFolder: 'Daily' }) });
  it.each([
    ['daily', '--date', '0999-12-31'],
    ['daily', '--date', '10000-01-01'],
    ['daily', '--date', '2026-02-30'],
    ['daily', '--date', '２０２６-１１-２０'],
    ['daily', '--date', '2026-11-2'],
    ['review', '--period', '0999'],
    ['review', '--period', '0500-W10'],
    ['review', '--period', '２０２６-W47'],
    ['review', '--period', '2026-13'],
    ['review', '--period', 'week', '--date', '0001-01-01'],
  ])('%s %s %s is a usage error (exit 2), never another year’s note', async (command, ...args) => {
    const result = await daybook([command, '--vault', vault, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(filesUnder(vault).filter((p) => !p.startsWith('Daily/2026-11-16') && !p.startsWith('People/') && !p.startsWith('.obsidian/'))).toEqual([]);
  });
});
