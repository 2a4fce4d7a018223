// markdown-it as the CLI and the bench bundle it: its published build sets every class field through
// Babel's `_defineProperty` helper, which the bundles' builds then run as written.
const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

/** The ES module build of markdown-it the bundles take. */
const SOURCE = join(dirname(require.resolve('markdown-it')), 'markdown-it.mjs');

/** A field set in a constructor: `_defineProperty(this, /** doc *\/ "name", value)`. */
const FIELD = /_defineProperty\(\s*this,\s*(?:\/\*\*[\s\S]*?\*\/\s*)?"([A-Za-z_$][\w$]*)",/g;
const ANY_FIELD = /_defineProperty\(\s*this\b/g;

/**
 * markdown-it's source with each field its constructors set by `_defineProperty(this, "x", v)`
 * set by `this.x = (v)`: the same own, writable, enumerable, configurable property in the same
 * order, as no class of it has an accessor or a method of a field's name (the helper defines the
 * property only then, and otherwise assigns it). Per token and per line of inline text, the
 * helper's key conversion and megamorphic `in` and keyed store were ~5 % of a cold yearly
 * review's instructions. A build of another shape, where a field is not written so, is left as it is.
 */
function markdownItWithFields(text = readFileSync(SOURCE, 'utf8')) {
  const fields = text.match(ANY_FIELD)?.length ?? 0;
  let replaced = 0;
  const patched = text.replace(FIELD, (_, name) => {
    replaced++;
    return `this.${name} = (`;
  });
  return { text: replaced === fields ? patched : text, replaced: replaced === fields ? replaced : 0 };
}

/** An esbuild plugin that bundles `markdown-it` as `markdownItWithFields` gives it (for the builds that may use plugins). */
const markdownItFieldsPlugin = {
  name: 'markdown-it-fields',
  setup(build) {
    build.onResolve({ filter: /^markdown-it$/ }, () => ({ path: SOURCE, namespace: 'markdown-it-fields' }));
    build.onLoad({ filter: /.*/, namespace: 'markdown-it-fields' }, () => ({ contents: markdownItWithFields().text, loader: 'js', resolveDir: dirname(SOURCE) }));
  },
};

module.exports = { markdownItWithFields, markdownItFieldsPlugin, MARKDOWN_IT_SOURCE: SOURCE };
