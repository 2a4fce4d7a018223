import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundleCli, copyOfFixture } from '../helpers/cli';

jest.setTimeout(60_000);

/** What starts the CLI fast: V8's code cache beside the bundle, and libraries loaded on first use. */
describe('the bundled CLI at start', () => {
  let cli = '';
  let codeCache = '';
  beforeAll(() => {
    cli = bundleCli();
    codeCache = join(dirname(cli), 'cliBundle.code-cache');
  });

  const review = (vault: string, ...more: string[]) => spawnSync(process.execPath, [cli, 'review', '--vault', vault, '--period', '2026-W47', ...more], { encoding: 'utf8' });

  it('keeps a code cache after a run and prints the same review from it, from a damaged one, and with none', () => {
    const vault = copyOfFixture('work-journal');
    rmSync(codeCache, { force: true });
    const first = review(vault, '--no-cache');
    expect(first.status).toBe(0);
    expect(existsSync(codeCache)).toBe(true);
    const cached = review(vault, '--no-cache');
    expect(cached).toMatchObject({ status: 0, stdout: first.stdout, stderr: first.stderr });

    // The cache's first bytes name the bundle it was made for; what follows is V8's, damaged here.
    const bytes = readFileSync(codeCache);
    bytes.fill(0x5a, 60, 4000);
    writeFileSync(codeCache, bytes);
    expect(review(vault, '--no-cache')).toMatchObject({ status: 0, stdout: first.stdout, stderr: first.stderr });
    writeFileSync(codeCache, 'not a code cache');
    expect(review(vault, '--no-cache')).toMatchObject({ status: 0, stdout: first.stdout, stderr: first.stderr });
    // Rewritten for this bundle by the run that found it unusable.
    expect(readFileSync(codeCache).subarray(0, 40).toString('latin1')).toBe(bytes.subarray(0, 40).toString('latin1'));
  });

  it('loads the markdown and YAML parsers only when a note is parsed: a warm review needs none of their files', () => {
    const vault = copyOfFixture('work-journal');
    const cacheDir = mkdtempSync(join(tmpdir(), 'daybook-cache-'));
    const cold = review(vault, '--cache-dir', cacheDir);
    expect(cold.status).toBe(0);
    const dist = dirname(cli);
    const aside = (name: string) => join(dist, `${name}.js`);
    const parsers = ['yaml', 'markdownIt', 'micromark'];
    for (const name of parsers) writeFileSync(`${aside(name)}.kept`, readFileSync(aside(name)));
    try {
      // Hidden from the check at start, which is the next test's: the warm review loads none of them.
      for (const name of parsers) writeFileSync(aside(name), 'throw new Error("loaded");\n');
      expect(review(vault, '--cache-dir', cacheDir)).toMatchObject({ status: 0, stdout: cold.stdout });
      expect(review(vault, '--no-cache').stdout).not.toBe(cold.stdout);
    } finally {
      for (const name of parsers) writeFileSync(aside(name), readFileSync(`${aside(name)}.kept`));
    }
    expect(review(vault, '--no-cache')).toMatchObject({ status: 0, stdout: cold.stdout });
  });

  it('loads none of Node’s modules for workers, V8 flags or child processes in a review of a few notes, and V8’s when a rebuild sets its flags', () => {
    const vault = copyOfFixture('work-journal');
    const cacheDir = mkdtempSync(join(tmpdir(), 'daybook-cache-'));
    const probe = join(cacheDir, 'modules.cjs');
    const listed = join(cacheDir, 'modules.txt');
    // Node's own list of the modules it loaded, written as the process ends.
    writeFileSync(probe, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(listed)}, process.moduleLoadList.join('\\n')));\n`);
    const withProbe = (...args: string[]) => spawnSync(process.execPath, ['--require', probe, cli, ...args], { encoding: 'utf8' });
    const heavy = ['NativeModule worker_threads', 'NativeModule v8', 'NativeModule child_process'];
    for (const run of [1, 2]) {
      expect(withProbe('review', '--vault', vault, '--period', '2026-W47', '--cache-dir', cacheDir)).toMatchObject({ status: 0 });
      const loaded = readFileSync(listed, 'utf8').split('\n');
      expect([run, heavy.filter((name) => loaded.includes(name))]).toEqual([run, []]);
    }
    // A rebuild of every review sets V8's heap flag (a worker needs 60 daily notes, more than this vault has).
    expect(withProbe('review', '--vault', vault, '--all', '--write', '--cache-dir', cacheDir)).toMatchObject({ status: 0 });
    expect(readFileSync(listed, 'utf8').split('\n')).toContain('NativeModule v8');
  });

  it('stops with one line naming the file when a library it loads on first use is missing', () => {
    const kept = readFileSync(join(dirname(cli), 'yaml.js'));
    rmSync(join(dirname(cli), 'yaml.js'));
    try {
      const result = review(copyOfFixture('work-journal'), '--no-cache');
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`daybook: ${join(dirname(cli), 'yaml.js')} is missing: the install is incomplete (npm run build:cli makes it)\n`);
    } finally {
      writeFileSync(join(dirname(cli), 'yaml.js'), kept);
    }
  });
});
