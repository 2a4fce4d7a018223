import { type BuildOptions, buildSync } from 'esbuild';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from '../../src/cli/main';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CLI's build options, shared with esbuild.config.mjs
const { cliBuilds } = require('../../scripts/cliBuilds.cjs') as { cliBuilds: (outdir: string) => BuildOptions[] };

// The CLI caches parsed notes under XDG_CACHE_HOME: keep the tests' cache out of the home folder.
process.env.XDG_CACHE_HOME = mkdtempSync(join(tmpdir(), 'daybook-cache-'));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as a user would from a shell, on 2026-11-22 unless told otherwise. */
export async function daybook(args: string[], now = new Date(2026, 10, 22, 9, 30)): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTty: false,
    now: () => now,
  });
  return { code, stdout, stderr };
}

export const fixture = (name: string) => join(__dirname, '..', 'fixtures', name);

/** A scratch copy of a fixture vault, for tests that write. */
export function copyOfFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `daybook-${name}-`));
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
}

/** A scratch vault holding these files (path → text), folders made as needed; returns its root. */
export function writeVault(files: Record<string, string>, name = 'vault'): string {
  const root = mkdtempSync(join(tmpdir(), `daybook-${name}-`));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** The CLI bundled as users run it (dist/cli.js, its bundle, worker and lazily loaded libraries), into a scratch folder; returns the CLI's path. */
export function bundleCli(): string {
  const dist = mkdtempSync(join(tmpdir(), 'daybook-dist-'));
  for (const options of cliBuilds(dist)) buildSync(options);
  return join(dist, 'cli.js');
}
