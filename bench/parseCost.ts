import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { OBSIDIAN, logseqDialect } from '../src/core/dialect/dialect';
import { LOGSEQ_DEFAULTS } from '../src/core/dialect/logseqConfig';
import { parseNote } from '../src/core/note/parseNote';
import { parseNote as referenceParse } from '../tests/helpers/parseOracle/parseNote';
import { markdownFiles, takeOption } from './scriptFiles';

/**
 * What Daybook's note parser costs beside a bare remark-parse of the same
 * notes, the B of `npm run bench`: both are timed on the same texts, already
 * in memory, in alternating rounds, and the fastest round of each is kept (on
 * a shared machine the slow rounds measure the neighbours), with the parser
 * as it was before issue #16 (tests/helpers/parseOracle) beside them.
 *
 *   npx esbuild bench/parseCost.ts --bundle --platform=node --outfile=dist/parseCost.js
 *   node dist/parseCost.js [--logseq] [--rounds N] [--match SUBSTRING] DIR
 */
const argv = process.argv.slice(2);
const option = (name: string) => takeOption(argv, name);
const logseq = argv.includes('--logseq');
const rounds = Number(option('--rounds') ?? 5);
const match = option('--match');
// For a profile of one of them: `--only parseNote`.
const only = option('--only');
const root = argv.filter((a) => !a.startsWith('--'))[0];


const texts = markdownFiles(root, (name) => name.startsWith('.') || name === 'node_modules').filter((path) => match === null || path.includes(match)).map((file) => readFileSync(file, 'utf8'));
const rules = logseq ? logseqDialect(LOGSEQ_DEFAULTS).parse : OBSIDIAN.parse;
const bare = unified().use(remarkParse);
const methods: Record<string, () => void> = {
  'bare remark-parse': () => {
    for (const text of texts) bare.parse(text);
  },
  parseNote: () => {
    for (const text of texts) parseNote(text, rules);
  },
  // The parser as it was before this work, for a before/after taken in one run.
  'parseNote before #16': () => {
    for (const text of texts) referenceParse(text, rules);
  },
};
const best: Record<string, number> = {};
for (let round = 0; round < rounds; round++) {
  for (const [name, run] of Object.entries(methods)) {
    if (only !== null && name !== only) continue;
    const start = performance.now();
    run();
    const ms = performance.now() - start;
    best[name] = Math.min(best[name] ?? Infinity, ms);
  }
}
const chars = texts.reduce((sum, text) => sum + text.length, 0);
process.stdout.write(`${root}${match ? ` (${match})` : ''}: ${texts.length} notes, ${(chars / 1e6).toFixed(1)} M chars, ${logseq ? 'Logseq' : 'Obsidian'} rules, best of ${rounds}\n`);
for (const [name, ms] of Object.entries(best)) process.stdout.write(`  ${name.padEnd(20)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / (best['bare remark-parse'] ?? NaN)).toFixed(2)} ×\n`);
