import { builtinModules } from 'node:module';
import esbuild from 'esbuild';

const production = process.argv.includes('production');
const watch = process.argv.includes('--watch');
const target = process.argv.includes('cli') ? 'cli' : process.argv.includes('bench') ? 'bench' : 'plugin';

/** The plugin: one CommonJS file Obsidian loads; the app provides obsidian and CodeMirror. */
const plugin = {
  entryPoints: ['src/main.ts'],
  outfile: 'main.js',
  bundle: true,
  format: 'cjs',
  target: 'es2018',
  platform: 'browser',
  external: ['obsidian', 'electron', '@codemirror/*', '@lezer/*', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
  sourcemap: production ? false : 'inline',
  minify: production,
  treeShaking: true,
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
const bench = { ...cli, entryPoints: { bench: 'bench/run.ts' } };

const options = { cli, bench, plugin }[target];
if (watch) await (await esbuild.context(options)).watch();
else await esbuild.build(options);
