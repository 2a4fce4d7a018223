import { buildSync } from 'esbuild';
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import markdownIt from 'markdown-it';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is CommonJS, run by esbuild.config.mjs
const { markdownItWithFields, MARKDOWN_IT_SOURCE } = require('../../scripts/markdownItFields.cjs') as {
  markdownItWithFields: (text?: string) => { text: string; replaced: number };
  MARKDOWN_IT_SOURCE: string;
};

/** markdown-it as the bundles build it, bundled here the same way and run as a CommonJS module. */
function bundledMarkdownIt(): typeof markdownIt {
  const outfile = join(mkdtempSync(join(tmpdir(), 'daybook-markdown-it-')), 'markdownIt.js');
  buildSync({ stdin: { contents: markdownItWithFields().text, resolveDir: dirname(MARKDOWN_IT_SOURCE), loader: 'js' }, bundle: true, format: 'cjs', platform: 'node', outfile, logLevel: 'silent' });
  return (createRequire(__filename)(outfile) as { default: typeof markdownIt }).default;
}

/** Every token as markdown-it gives it, its fields in their order, children too. */
const tokens = (md: ReturnType<typeof markdownIt>, text: string) => JSON.stringify(md.parse(text, {}));

describe('markdown-it as the CLI and the bench bundle it', () => {
  it('sets every class field its constructors set through the helper directly', () => {
    const { text, replaced } = markdownItWithFields();
    expect(replaced).toBeGreaterThan(40);
    expect(text).not.toMatch(/_defineProperty\(\s*this\b/);
    // A build it does not know the shape of is bundled as it is.
    expect(markdownItWithFields('_defineProperty(this, name, 1);')).toEqual({ text: '_defineProperty(this, name, 1);', replaced: 0 });
  });

  it('tokenizes notes exactly as the published build does', () => {
    const stock = markdownIt({ html: true });
    const bundled = bundledMarkdownIt()({ html: true });
    const daily = join(__dirname, '..', '..', 'examples', 'vault', 'Daily');
    for (const name of readdirSync(daily)) {
      const text = readFileSync(join(daily, name), 'utf8');
      expect(tokens(bundled, text)).toBe(tokens(stock, text));
    }
    const piece = fc.constantFrom('- ', '  - ', '# ', '> ', '1. ', '```\n', '`x`', '*a*', '**b**', '[[Ana]]', '[l](u)', '<b>', '&amp;', '| a | b |\n', '\n', '\n\n', 'text ', '    code\n', '- [ ] task\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(tokens(bundled, text)).toBe(tokens(stock, text));
      }),
      { numRuns: 500 },
    );
  });
});
