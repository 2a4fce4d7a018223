import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ownerToken } from '../../src/cli/tempOwner';
import { daybook } from '../helpers/cli';
import { dailyNotes, filesUnder, settingsFile, vaultOf } from './vaultHelpers';

const isRoot = process.getuid?.() === 0;
const hasProc = existsSync('/proc/self/stat');
if (!isRoot) console.warn('tempFiles.test: not root, so the full-disk (tmpfs) case is skipped (CI runs as root)');
if (!hasProc) console.warn('tempFiles.test: no /proc, so the reused-pid cases are skipped');

/** How /proc tells a process's start apart (boot id and start ticks), written as Daybook's temporary names carry it. */
function startOf(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').replace(/[^0-9a-f]/g, '').slice(0, 8);
  return `b${boot}s${stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]}`;
}

describe('temporary files of killed runs', () => {
  (hasProc ? it : it.skip)('are removed even when their pid now belongs to another process; a live writer’s are kept', async () => {
    const vault = vaultOf({ ...dailyNotes([16]), ...settingsFile({ dailyFolder: 'Daily' }) });
    await daybook(['review', '--vault', vault, '--all', '--write']);
    const other = spawn('sleep', ['60']);
    try {
      const pid = other.pid as number;
      const reviews = join(vault, 'Reviews');
      const name = (owner: string) => join(reviews, `2026-W47.md.${owner}-0a1b2c.daybook-tmp`);
      // The pid is alive, but it is not the process that wrote these: it started at another time, or after another boot.
      const reusedPid = name(`${pid}-${startOf(pid).replace(/s\d+$/, 's1')}`);
      const otherBoot = name(`${pid}-b00000000${startOf(pid).slice(9)}`);
      const ourPidReused = name(`${process.pid}-${startOf(process.pid).replace(/s\d+$/, 's2')}`);
      const liveWriter = name(`${pid}-${startOf(pid)}`);
      for (const path of [reusedPid, otherBoot, ourPidReused, liveWriter]) writeFileSync(path, 'half a review');
      await daybook(['review', '--vault', vault, '--all', '--write']);
      expect([reusedPid, otherBoot, ourPidReused].filter(existsSync)).toEqual([]);
      expect(existsSync(liveWriter)).toBe(true);
    } finally {
      other.kill();
    }
  });

  (hasProc ? it : it.skip)('are named with this process’s pid, boot and start time', () => {
    expect(ownerToken()).toBe(`${process.pid}-${startOf(process.pid)}`);
  });
});

describe('the cache on a full disk', () => {
  (isRoot ? it : it.skip)('leaves no temporary file, and the reviews are written all the same', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'daybook-fullcache-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', cache]);
    try {
      // Fill the disk but for a few kilobytes: the first cache entries fit, later ones fail half-written.
      try {
        execFileSync('dd', ['if=/dev/zero', `of=${join(cache, 'filler')}`, 'bs=1k', 'count=60'], { stdio: 'ignore' });
      } catch {
        // dd stops at the full disk, as meant
      }
      const vault = vaultOf({ ...dailyNotes(Array.from({ length: 14 }, (_, i) => i + 1), '- ' + 'a long line of the journal with [[Ana]] '.repeat(40) + '\n'), ...settingsFile({ dailyFolder: 'Daily' }) });
      const result = await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', join(cache, 'daybook')]);
      expect(result.code).toBe(0);
      expect(filesUnder(cache).filter((p) => p.endsWith('.tmp'))).toEqual([]);
      // Six reviews and the incident index.
      expect(filesUnder(vault).filter((p) => p.startsWith('Reviews/') && p.endsWith('.md'))).toHaveLength(7);
    } finally {
      execFileSync('umount', [cache]);
    }
  });
});
