import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';
import cliBuildsModule from './scripts/cliBuilds.cjs';
import markdownItFieldsModule from './scripts/markdownItFields.cjs';

const { cliBuilds, buildIdentity } = cliBuildsModule;
const { markdownItFieldsPlugin } = markdownItFieldsModule;

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
  define: { DAYBOOK_BUILD: JSON.stringify(buildIdentity()) },
  // markdown-it with its class fields set directly (scripts/markdownItFields.cjs), as in the CLI.
  plugins: [markdownItFieldsPlugin],
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

/** The CLI: files for Node with every dependency inside, so it starts fast (scripts/cliBuilds.cjs). */
const cli = cliBuilds(join(fileURLToPath(new URL('.', import.meta.url)), 'dist'));

/** The benchmark: the CLI's code plus the generator, run on Node. */
// The plugin's figure runs in the test mock of the app, as obsidian is types only.
// Its in-process figures parse every library in place: the mock uses more of yaml than the CLI's lazy one has.
const bench = { ...cli[0], entryPoints: { bench: 'bench/run.ts' }, alias: { obsidian: './tests/__mocks__/obsidian.ts' }, plugins: [markdownItFieldsPlugin] };

const builds = { cli, bench: [bench], plugin: [plugin] }[target];
if (watch) for (const options of builds) await (await esbuild.context(options)).watch();
else await Promise.all(builds.map((options) => esbuild.build(options)));
