// The CLI's esbuild builds, shared by esbuild.config.mjs and the tests that run the CLI as users do.
const { createHash } = require('node:crypto');
const { readdirSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { MARKDOWN_IT_SOURCE, markdownItWithFields } = require('./markdownItFields.cjs');

const root = join(__dirname, '..');

/**
 * A hash of the code a bundle is made of (every file under src/ and the locked
 * dependencies), given to it as DAYBOOK_BUILD (src/core/buildIdentity.ts): its
 * caches are keyed by it, so a cache made by other code is never used.
 */
function buildIdentity(from = root) {
  const hash = createHash('sha1');
  const walk = (dir) => {
    for (const entry of readdirSync(join(from, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else hash.update(`${path}\0`).update(readFileSync(join(from, path))).update('\0');
    }
  };
  walk('src');
  hash.update(readFileSync(join(from, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

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
    define: { DAYBOOK_BUILD: JSON.stringify(buildIdentity()) },
  };
  return [
    {
      ...common,
      // cli.js loads cliBundle.js with V8's code cache (src/cli/start.ts).
      entryPoints: { cli: 'src/cli/start.ts', cliBundle: 'src/cli/index.ts', parseWorker: 'src/cli/parseWorker.ts', headWorker: 'src/cli/headWorker.ts' },
      // Loaded on first use from files of their own (src/cli/lazy): a warm review needs neither.
      alias: { yaml: './src/cli/lazy/yaml.ts', micromark: './src/cli/lazy/micromark.ts', 'markdown-it': './src/cli/lazy/markdownIt.ts', 'remark-parse': './src/cli/lazy/remarkParse.ts', 'node:child_process': './src/cli/lazy/childProcess.ts' },
    },
    { ...common, entryPoints: { yaml: 'yaml', micromark: 'micromark', remarkParse: 'remark-parse' } },
    // Given as text, not by a plugin: the tests build the CLI with esbuild's synchronous API, which takes none.
    { ...common, outdir: undefined, outfile: join(outdir, 'markdownIt.js'), stdin: { contents: markdownItWithFields().text, resolveDir: dirname(MARKDOWN_IT_SOURCE), sourcefile: 'markdown-it.mjs', loader: 'js' } },
  ];
}

module.exports = { cliBuilds, buildIdentity };
