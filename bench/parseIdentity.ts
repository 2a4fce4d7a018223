import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseNote } from '../src/core/note/parseNote';
import { OBSIDIAN, logseqDialect } from '../src/core/dialect/dialect';
import { LOGSEQ_DEFAULTS } from '../src/core/dialect/logseqConfig';
import { parseNote as referenceParse } from '../tests/helpers/parseOracle/parseNote';
import { markdownFiles, takeOption } from './scriptFiles';

/**
 * Proves the note parser's output unchanged on real text: every markdown file
 * under the folders given is parsed by both dialects' rules with today's
 * parser and with the frozen reference copy (tests/helpers/parseOracle), and
 * the two JSON models are compared byte for byte. `--write FILE` also records
 * a hash per note and dialect, `--check FILE` compares against such a record,
 * so a later change can be checked against that record alone (twice as fast).
 *
 *   npx esbuild bench/parseIdentity.ts --bundle --platform=node --outfile=dist/parseIdentity.js
 *   node dist/parseIdentity.js [--write F | --check F] DIR...
 */
const argv = process.argv.slice(2);
const option = (name: string) => takeOption(argv, name);
const write = option('--write');
const check = option('--check');
const roots = argv;


const dialects = [
  { name: 'obsidian', rules: OBSIDIAN.parse },
  { name: 'logseq', rules: logseqDialect(LOGSEQ_DEFAULTS).parse },
];
const recorded = check ? new Map(readFileSync(check, 'utf8').split('\n').filter(Boolean).map((line) => line.split('\t') as [string, string])) : null;
const record: string[] = [];
let notes = 0;
let differ = 0;
let unrecorded = 0;
for (const root of roots) {
  for (const file of markdownFiles(root, (name) => name === 'node_modules' || name === '.git')) {
    const text = readFileSync(file, 'utf8');
    notes++;
    for (const { name, rules } of dialects) {
      const now = JSON.stringify(parseNote(text, rules));
      // Against a record the reference parse is not needed, which halves the run.
      const before = recorded ? now : JSON.stringify(referenceParse(text, rules));
      const key = `${name}:${file}`;
      const hash = createHash('sha1').update(now).digest('hex');
      record.push(`${key}\t${hash}`);
      const stale = recorded !== null && recorded.get(key) !== hash;
      if (recorded !== null && !recorded.has(key)) unrecorded++;
      if (now !== before || stale) {
        differ++;
        if (differ <= 10) process.stdout.write(`differs (${now !== before ? 'reference' : 'record'}): ${key}\n`);
      }
    }
  }
}
if (write) writeFileSync(write, record.join('\n') + '\n');
process.stdout.write(`${notes} notes × ${dialects.length} dialects, ${differ} differ${recorded ? ` (${unrecorded} not in the record)` : ''}\n`);
process.exitCode = differ ? 1 : 0;
