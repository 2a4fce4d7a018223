// The CLI's esbuild builds, shared by esbuild.config.mjs and the tests that run the CLI as users do.
const { join } = require('node:path');

const root = join(__dirname, '..');

/** The builds that make the CLI in `outdir`: its loader, its bundle and worker, and what they load on first use. */
function cliBuilds(outdir) {
  const common = {
    outdir,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: false,
    // A smaller file compiles faster at every start; names stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    absWorkingDir: root,
  };
  return [
    {
      ...common,
      // cli.js loads cliBundle.js with V8's code cache (src/cli/start.ts).
      entryPoints: { cli: 'src/cli/start.ts', cliBundle: 'src/cli/index.ts', parseWorker: 'src/cli/parseWorker.ts' },
      // Loaded on first use from files of their own (src/cli/lazy): a warm review needs neither.
      alias: { yaml: './src/cli/lazy/yaml.ts', micromark: './src/cli/lazy/micromark.ts', 'markdown-it': './src/cli/lazy/markdownIt.ts', 'remark-parse': './src/cli/lazy/remarkParse.ts' },
    },
    { ...common, entryPoints: { yaml: 'yaml', micromark: 'micromark', markdownIt: 'markdown-it', remarkParse: 'remark-parse' } },
  ];
}

module.exports = { cliBuilds };
