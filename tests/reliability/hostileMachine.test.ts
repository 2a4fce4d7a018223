import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCli } from '../helpers/cli';
import { filesUnder } from './vaultHelpers';

/**
 * One vault as a hostile user's machine holds it, run through the CLI as
 * they would run it: on a small tmpfs, a folder of it mounted read-only, NFD
 * names, a FIFO among the notes, Latin-1 bytes around a review's region, old
 * Mac line endings, a time zone that skipped a day, closed pipes, then a full
 * disk. Nothing the user owns may change, and the end state must equal a
 * fresh run on an ordinary disk.
 */
jest.setTimeout(180_000);

const isRoot = process.getuid?.() === 0;
if (!isRoot) console.warn('hostileMachine.test: not root, so this suite (tmpfs and bind mounts) is skipped (CI runs as root)');
const rootIt = isRoot ? it : it.skip;

const nfd = (t: string) => t.normalize('NFD');
const latin1 = (t: string) => Buffer.from(t, 'latin1');

function userFiles(): Record<string, Buffer> {
  const files: Record<string, Buffer> = {
    '.obsidian/plugins/daybook/data.json': Buffer.from(JSON.stringify({ dailyFolder: 'Journée', peopleFolder: 'Équipe', sliders: [{ question: 'Wake\u0001 %% up?\n## no', property: 'mood_wake' }] })),
    [nfd('Équipe/Zoë.md')]: Buffer.from(''),
    'Projects/a|b.md': Buffer.from('---\ntype: project\n---\n'),
  };
  const days = ['2011-12-28', '2011-12-29', '2011-12-30', '2011-12-31', '2012-01-02'];
  for (const [i, day] of days.entries()) files[nfd(`Journée/${day}.md`)] = Buffer.from(`---\nmood_wake: ${i + 3}\n---\n## Journal\n\nMet [[Zoë]] about [x](<Projects/a|b.md>).\n`);
  files[nfd('Journée/2011-12-27.md')] = Buffer.from('---\rmood_wake: 9\r---\rOld Mac note with [[Zoë]].\r');
  files[nfd('Journée/2011-02-30.md')] = Buffer.from('not a day');
  files[nfd('Journée/Archive/2011-12-26.md')] = Buffer.from('Archived day with [[Zoë]].\n');
  return files;
}

function lay(root: string, files: Record<string, Buffer>): void {
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), bytes);
  }
}

const reviewsOf = (vault: string) => Object.fromEntries(filesUnder(join(vault, 'Reviews')).map((p) => [p, readFileSync(join(vault, 'Reviews', p))]));

describe('a hostile machine, end to end', () => {
  let cli = '';
  beforeAll(() => {
    cli = bundleCli();
  });

  rootIt('loses nothing and ends as a fresh run on an ordinary disk ends', () => {
    const disk = mkdtempSync(join(tmpdir(), 'daybook-hostile-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk]);
    const mounts: string[] = [disk];
    try {
      const vault = join(disk, 'vault');
      const files = userFiles();
      lay(vault, files);
      execFileSync('mkfifo', [join(vault, nfd('Journée/pipe.md'))]);
      const archive = join(vault, nfd('Journée/Archive'));
      execFileSync('mount', ['--bind', archive, archive]);
      execFileSync('mount', ['-o', 'remount,bind,ro', archive]);
      mounts.unshift(archive);
      const cache = mkdtempSync(join(tmpdir(), 'daybook-hostile-cache-'));
      const env = { ...process.env, TZ: 'Pacific/Apia', XDG_CACHE_HOME: cache };
      const run = (shellTail: string) => spawnSync('bash', ['-c', `"${process.execPath}" "${cli}" review --vault "${vault}" --all --write ${shellTail}`], { env, encoding: 'utf8', timeout: 60_000 });

      // 1. Closed pipes on both outputs: the writes still all happen.
      const closed = run('2>&1 | head -c 1');
      expect(closed.stderr).toBe('');
      // 2. Latin-1 bytes around a region the first run wrote.
      const week = join(vault, 'Reviews', '2011-W52.md');
      const around = { before: latin1('Caf\xe9 \xbd\r\n\r\n'), after: latin1('\r\nfin \xe9t\xe9\r\n') };
      writeFileSync(week, Buffer.concat([around.before, readFileSync(week), around.after]));
      writeFileSync(join(vault, nfd('Journée/2012-01-01.md')), 'New Year with [[Zoë]].\n');
      files[nfd('Journée/2012-01-01.md')] = Buffer.from('New Year with [[Zoë]].\n');
      const second = run('');
      expect(second.stderr.normalize('NFC')).toMatch(/^warning: Journée\/pipe\.md: is a FIFO/m);
      expect(second.stderr.normalize('NFC')).toMatch(/^warning: Journée\/2011-02-30\.md: named like a daily note .* a day that does not exist/m);
      expect(second.status).toBe(0);
      const text = readFileSync(week);
      expect(text.subarray(0, around.before.length).equals(around.before)).toBe(true);
      expect(text.subarray(text.length - around.after.length).equals(around.after)).toBe(true);
      // 3. A full disk: nothing half-written, nothing temporary left, every failure named.
      writeFileSync(join(vault, nfd('Journée/2011-12-29.md')), Buffer.concat([files[nfd('Journée/2011-12-29.md')], Buffer.from('Later: [[Bo]].\n')]));
      files[nfd('Journée/2011-12-29.md')] = readFileSync(join(vault, nfd('Journée/2011-12-29.md')));
      try {
        execFileSync('dd', ['if=/dev/zero', `of=${join(disk, 'filler')}`, 'bs=4k'], { stdio: 'ignore' });
      } catch {
        // dd stops at the full disk, as meant
      }
      const full = run('');
      expect(full.stderr).toMatch(/the disk is full \(ENOSPC\)/);
      expect(filesUnder(vault).filter((p) => /daybook-tmp|\.tmp$/.test(p))).toEqual([]);
      rmSync(join(disk, 'filler'));
      const after = run('');
      expect(after.status).toBe(0);
      const settled = run('');
      expect(settled.stderr).toMatch(/ 0 written, \d+ unchanged/);

      // Every byte the user owns is as they left it.
      for (const [path, bytes] of Object.entries(files)) expect([path, readFileSync(join(vault, path)).equals(bytes)]).toEqual([path, true]);
      // The reviews are what a fresh run on an ordinary disk, in UTC, writes (the week keeps the user's bytes around it).
      const fresh = mkdtempSync(join(tmpdir(), 'daybook-hostile-fresh-'));
      lay(fresh, files);
      spawnSync(process.execPath, [cli, 'review', '--vault', fresh, '--all', '--write', '--no-cache'], { env: { ...process.env, TZ: 'UTC' } });
      const expected = reviewsOf(fresh);
      const actual = reviewsOf(vault);
      expected['2011-W52.md'] = Buffer.concat([around.before, expected['2011-W52.md'], around.after]);
      expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
      for (const name of Object.keys(expected)) expect([name, actual[name].equals(expected[name])]).toEqual([name, true]);
    } finally {
      for (const mount of mounts) spawnSync('umount', [mount]);
    }
  });
});
