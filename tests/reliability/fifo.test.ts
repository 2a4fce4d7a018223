import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleCli } from '../helpers/cli';
import { dailyNotes, settingsFile, vaultOf } from './vaultHelpers';

jest.setTimeout(120_000);

let cli = '';
beforeAll(() => {
  cli = bundleCli();
});

/** The bundled CLI, stopped after 15 s: a run that hangs on a FIFO fails the test instead of hanging it. */
function runCli(args: string[]): { status: number | null; stderr: string; timedOut: boolean } {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 15_000 });
  return { status: result.status, stderr: result.stderr, timedOut: result.signal === 'SIGTERM' };
}

function fifoAt(vault: string, path: string): void {
  const absolute = join(vault, path);
  rmSync(absolute, { force: true });
  mkdirSync(join(absolute, '..'), { recursive: true });
  execFileSync('mkfifo', [absolute]);
}

describe('a FIFO where Daybook expects a file never hangs the run', () => {
  it.each([
    ['.obsidian/plugins/daybook/data.json', /data\.json is a FIFO \(named pipe\); Daybook reads only regular files/, 2],
    ['.obsidian/daily-notes.json', /daily-notes\.json is a FIFO \(named pipe\); Daybook reads only regular files/, 2],
  ])('%s: refused, naming the file', (path, message, code) => {
    const vault = vaultOf({ ...dailyNotes([16]), ...settingsFile({ dailyFolder: 'Daily' }) });
    fifoAt(vault, path);
    const result = runCli(['review', '--vault', vault, '--period', '2026-W47']);
    expect(result.timedOut).toBe(false);
    expect(result.stderr).toMatch(message);
    expect(result.status).toBe(code);
  });

  it('the template: daily is refused, naming the template, and no daily note is made from something else', () => {
    const vault = vaultOf({ ...settingsFile({ dailyFolder: 'Daily', templatePath: 'Templates/Daily' }) });
    fifoAt(vault, 'Templates/Daily.md');
    const result = runCli(['daily', '--vault', vault, '--date', '2026-11-16']);
    expect(result.timedOut).toBe(false);
    expect(result.stderr).toMatch(/Templates\/Daily\.md is a FIFO \(named pipe\); Daybook reads only regular files/);
    expect(result.status).toBe(1);
    expect(existsSync(join(vault, 'Daily', '2026-11-16.md'))).toBe(false);
  });

  it('a daily note, a linked person note, and a review note: each named, the rest of the run goes on', () => {
    const vault = vaultOf({ ...dailyNotes([16, 17]), ...settingsFile({ dailyFolder: 'Daily' }) });
    fifoAt(vault, 'Daily/2026-11-18.md');
    fifoAt(vault, 'People/Ana.md');
    fifoAt(vault, 'Reviews/2026-11.md');
    const result = runCli(['review', '--vault', vault, '--all', '--write']);
    expect(result.timedOut).toBe(false);
    expect(result.stderr).toMatch(/^warning: Daily\/2026-11-18\.md: is a FIFO \(named pipe\), not a note; not read/m);
    expect(result.stderr).toMatch(/^warning: People\/Ana\.md: is a FIFO \(named pipe\), not a note; not read/m);
    expect(result.stderr).toMatch(/^error: Reviews\/2026-11\.md: not written: is a FIFO \(named pipe\)/m);
    expect(existsSync(join(vault, 'Reviews', '2026-W47.md'))).toBe(true);
    expect(result.status).toBe(1);
  });
});
