import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** The plugin as it ships: the production build of main.js, made into a scratch folder. */
function buildMainJs(): string {
  const outfile = join(mkdtempSync(join(tmpdir(), 'daybook-bundle-')), 'main.js');
  execFileSync(process.execPath, ['esbuild.config.mjs', 'production', `--outfile=${outfile}`], { cwd: root, stdio: 'pipe' });
  return readFileSync(outfile, 'utf8');
}

describe('main.js, as the community-plugin review reads it', () => {
  let bundle = '';
  beforeAll(() => {
    bundle = buildMainJs();
  }, 60_000);

  it('never touches innerHTML', () => {
    expect(bundle.length).toBeGreaterThan(10_000);
    expect(bundle).not.toMatch(/innerHTML/);
  });

  it('holds no regex lookbehind, which older iOS cannot parse', () => {
    expect(bundle).not.toMatch(/\(\?<[=!]/);
  });

  it('reads YAML with the app’s parser instead of bundling a second one', () => {
    expect(bundle).toMatch(/\.parseYaml\)?\(/);
    // A piece of the yaml package's own error text, present whenever it is bundled.
    expect(bundle).not.toMatch(/Map keys must be unique/);
  });

  it('leaves obsidian and CodeMirror to the app', () => {
    expect(bundle).toMatch(/require\("obsidian"\)/);
    expect(bundle).not.toMatch(/class EditorView\b/);
  });
});

describe('the release files', () => {
  it('include the MIT licence that package.json names', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { license: string };
    const licence = readFileSync(join(root, 'LICENSE'), 'utf8');
    expect(pkg.license).toBe('MIT');
    expect(licence).toMatch(/^MIT License\n\nCopyright \(c\) 2026 the Daybook authors\n/);
    expect(licence).toContain('THE SOFTWARE IS PROVIDED "AS IS"');
  });
});
