import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleCli } from '../helpers/cli';
import { settingsFile, vaultOf } from './vaultHelpers';

jest.setTimeout(120_000);

let cli = '';
beforeAll(() => {
  cli = bundleCli();
});

/** Sixty days in January–March 2026, each with a line of many links and an out-of-range mood (one warning each). */
function busyVault(): string {
  const files: Record<string, string> = { 'People/Ana.md': '---\ntype: person\n---\n', ...settingsFile({ dailyFolder: 'Daily' }) };
  for (let i = 0; i < 60; i++) {
    const day = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
    const lines = Array.from({ length: 40 }, (_, k) => `- talked with [[Ana]] about [[Topic ${i}-${k}]] #t${k}`).join('\n');
    files[`Daily/${day}.md`] = `---\nmood_wake: ${20 + i}\n---\n## Journal\n\n${lines}\n`;
  }
  return vaultOf(files);
}

/** Runs the bundled CLI under bash as a user types it; `rest` is the shell text after the command. */
function shell(args: string[], rest: string): { status: number; stderr: string; stdout: string } {
  const command = `"${process.execPath}" "${cli}" ${args.map((a) => `'${a}'`).join(' ')} ${rest}; echo "exit=\${PIPESTATUS[0]}" >&2`;
  const result = spawnSync('bash', ['-c', command], { encoding: 'utf8', timeout: 60_000 });
  const status = Number(/exit=(\d+)\s*$/.exec(result.stderr)?.[1] ?? -1);
  return { status, stdout: result.stdout, stderr: result.stderr.replace(/exit=\d+\s*$/, '') };
}

const reviews = (vault: string) =>
  existsSync(join(vault, 'Reviews')) ? Object.fromEntries(readdirSync(join(vault, 'Reviews')).map((n) => [n, readFileSync(join(vault, 'Reviews', n), 'utf8')])) : {};

describe('a closed or full stdout or stderr', () => {
  it('review --json | head -c 10: ten bytes out, no stack trace, exit 0', () => {
    const vault = busyVault();
    const result = shell(['review', '--vault', vault, '--period', '2026-Q1', '--json', '--no-cache'], '2>/tmp/daybook-stderr-$$ | head -c 10; cat /tmp/daybook-stderr-$$ >&2; rm -f /tmp/daybook-stderr-$$');
    expect(result.stdout).toHaveLength(10);
    expect(result.stderr).not.toMatch(/EPIPE|at .*\.js:\d+|Error/);
    expect(result.status).toBe(0);
  });

  it('review > /dev/full: one line saying the output was lost, exit 1, no stack trace', () => {
    const vault = busyVault();
    const result = shell(['review', '--vault', vault, '--period', '2026-Q1', '--json', '--no-cache'], '> /dev/full');
    expect(result.stderr).not.toMatch(/at .*\.js:\d+|Unhandled|node:/);
    expect(result.stderr).toMatch(/^daybook: output could not be written \(ENOSPC\)/m);
    expect(result.status).toBe(1);
  });

  it('--all --write 2>&1 | head -1: one line out, and every review is written all the same', () => {
    const vault = busyVault();
    const reference = busyVault();
    spawnSync(process.execPath, [cli, 'review', '--vault', reference, '--all', '--write', '--no-cache'], { encoding: 'utf8' });
    const result = shell(['review', '--vault', vault, '--all', '--write', '--no-cache'], '2>&1 | head -1');
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stdout).toMatch(/^warning: Daily\/2026-01-01\.md: /);
    expect(Object.keys(reviews(vault)).length).toBeGreaterThan(10);
    expect(reviews(vault)).toEqual(reviews(reference));
  });

  it('--all --write 2>/dev/full: every review written, the exit code says output was lost', () => {
    const vault = busyVault();
    const reference = busyVault();
    spawnSync(process.execPath, [cli, 'review', '--vault', reference, '--all', '--write', '--no-cache'], { encoding: 'utf8' });
    const result = shell(['review', '--vault', vault, '--all', '--write', '--no-cache'], '2>/dev/full');
    expect(reviews(vault)).toEqual(reviews(reference));
    expect(result.status).toBe(1);
  });
});
