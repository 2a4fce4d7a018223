import { builtinModules } from 'node:module';
import esbuild from 'esbuild';

const production = process.argv.includes('production');
const watch = process.argv.includes('--watch');
const target = process.argv.includes('cli') ? 'cli' : process.argv.includes('bench') ? 'bench' : 'plugin';
// The bundle test builds into a temporary folder instead of the worktree's main.js.
const outfile = process.argv.find((arg) => arg.startsWith('--outfile='))?.slice('--outfile='.length);

/** The plugin: one CommonJS file Obsidian loads; the app provides obsidian and CodeMirror. */
const plugin = {
  entryPoints: ['src/main.ts'],
  outfile: outfile ?? 'main.js',
  bundle: true,
  format: 'cjs',
  target: 'es2018',
  platform: 'browser',
  external: ['obsidian', 'electron', '@codemirror/*', '@lezer/*', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
  sourcemap: production ? false : 'inline',
  minify: production,
  treeShaking: true,
  alias: {
    // Its browser build decodes entities by assigning innerHTML, which community plugins must not ship;
    // the plain build carries its own table (35 kB more, measured).
    'decode-named-character-reference': './node_modules/decode-named-character-reference/index.js',
    // Obsidian parses YAML itself: the plugin reads frontmatter with the app's parser (100 kB less, and
    // no regex lookbehind, which older iOS cannot run). The CLI keeps the yaml package.
    yaml: './src/obsidian/obsidianYaml.ts',
  },
  logLevel: 'info',
};

/** The CLI: one file for Node with every dependency inside, so it starts fast. */
const cli = {
  entryPoints: { cli: 'src/cli/index.ts', parseWorker: 'src/cli/parseWorker.ts' },
  outdir: 'dist',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  // A smaller file compiles faster at every start; names stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};

/** The benchmark: the CLI's code plus the generator, run on Node. */
// The plugin's figure runs in the test mock of the app, as obsidian is types only.
const bench = { ...cli, entryPoints: { bench: 'bench/run.ts' }, alias: { obsidian: './tests/__mocks__/obsidian.ts' } };

const options = { cli, bench, plugin }[target];
if (watch) await (await esbuild.context(options)).watch();
else await esbuild.build(options);
