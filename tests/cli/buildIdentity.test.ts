import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCli, copyOfFixture } from '../helpers/cli';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is CommonJS, run by esbuild.config.mjs
const { buildIdentity } = require('../../scripts/cliBuilds.cjs') as { buildIdentity: (root?: string) => string };

jest.setTimeout(60_000);

/** A tree shaped like the project's: what the identity is a hash of. */
function tree(source: string, lock = '{}'): string {
  const root = mkdtempSync(join(tmpdir(), 'daybook-build-'));
  mkdirSync(join(root, 'src', 'core'), { recursive: true });
  writeFileSync(join(root, 'src', 'core', 'a.ts'), source);
  writeFileSync(join(root, 'package-lock.json'), lock);
  return root;
}

describe('the build identity caches are keyed by', () => {
  it('changes with any byte of the sources or the locked dependencies, and only with them', () => {
    const first = buildIdentity(tree('export const a = 1;\n'));
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(buildIdentity(tree('export const a = 1;\n'))).toBe(first);
    expect(buildIdentity(tree('export const a = 2;\n'))).not.toBe(first);
    expect(buildIdentity(tree('export const a = 1;\n', '{"x":1}'))).not.toBe(first);
    const moved = tree('');
    cpSync(join(moved, 'src', 'core', 'a.ts'), join(moved, 'src', 'b.ts'));
    expect(buildIdentity(moved)).not.toBe(buildIdentity(tree('')));
  });

  it("is in every review memo the bundled CLI writes, so memos another build wrote are never used", () => {
    const cli = bundleCli();
    const cache = mkdtempSync(join(tmpdir(), 'daybook-cache-'));
    const vault = copyOfFixture('work-journal');
    const run = spawnSync(process.execPath, [cli, 'review', '--vault', vault, '--period', '2026-W47', '--cache-dir', cache], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const memos = readdirSync(join(cache, 'reviews')).filter((name) => name.endsWith('.inputs.json'));
    expect(memos.length).toBeGreaterThan(0);
    for (const name of memos) expect(readFileSync(join(cache, 'reviews', name), 'utf8')).toContain(`/${buildIdentity()}`);
  });
});
