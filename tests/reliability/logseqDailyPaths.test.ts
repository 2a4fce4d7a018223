import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { daybook } from '../helpers/cli';

/** Every file under `dir`, relative to it (symlinks not followed). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name).slice(dir.length + 1))
    .sort();
}

/** A graph folder beside an `outside` folder, with this config.edn. */
function graphWith(config: string): { root: string; graph: string; outside: string } {
  const root = mkdtempSync(join(tmpdir(), 'daybook-graph-paths-'));
  const graph = join(root, 'graph');
  const outside = join(root, 'outside');
  mkdirSync(join(graph, 'logseq'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(graph, 'logseq', 'config.edn'), config);
  return { root, graph, outside };
}

describe("today's journal page in a Logseq graph never lands outside it", () => {
  it('refuses a file-name format that climbs out with ".." (naming config.edn) and writes the page by the default format', async () => {
    const { graph, outside } = graphWith(`{:journal/file-name-format "'../../'yyyy_MM_dd"}`);
    const result = await daybook(['daily', '--vault', graph, '--date', '2026-11-18']);
    expect(result.stderr).toContain('logseq/config.edn: :journal/file-name-format "\'../../\'yyyy_MM_dd" goes up out of its folder with ".."');
    expect(result).toMatchObject({ code: 0, stdout: 'journals/2026_11_18.md\n' });
    expect(filesUnder(graph)).toEqual(['journals/2026_11_18.md', 'logseq/config.edn']);
    expect(filesUnder(outside)).toEqual([]);
  });

  it('refuses a journals folder that climbs out, and reads an absolute one as inside the graph', async () => {
    const climbing = graphWith('{:journals-directory "../outside"}');
    const refused = await daybook(['daily', '--vault', climbing.graph, '--date', '2026-11-18']);
    expect(refused.stderr).toContain('logseq/config.edn: :journals-directory "../outside" is not a folder inside the graph; "journals" is used');
    expect(refused.stdout).toBe('journals/2026_11_18.md\n');
    expect(filesUnder(climbing.outside)).toEqual([]);
    const absolute = graphWith(`{:journals-directory "${climbing.outside}"}`);
    const inside = await daybook(['daily', '--vault', absolute.graph, '--date', '2026-11-18']);
    expect(inside.stdout).toBe(`${climbing.outside.slice(1)}/2026_11_18.md\n`);
    expect(filesUnder(climbing.outside)).toEqual([]);
    expect(filesUnder(absolute.graph)).toEqual(['logseq/config.edn', `${climbing.outside.slice(1)}/2026_11_18.md`].sort());
  });

  it('does not write through a journals folder that is a link to outside the graph, and leaves no temporary file', async () => {
    const { graph, outside } = graphWith('{}');
    symlinkSync(outside, join(graph, 'journals'));
    const result = await daybook(['daily', '--vault', graph, '--date', '2026-11-18']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('journals/2026_11_18.md is under a link to outside the vault');
    expect(filesUnder(outside)).toEqual([]);
    expect(filesUnder(graph)).toEqual(['logseq/config.edn']);
  });
});
