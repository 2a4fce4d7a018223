import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { OBSIDIAN, logseqDialect } from '../src/core/dialect/dialect';
import { LOGSEQ_DEFAULTS } from '../src/core/dialect/logseqConfig';
import { givenUp, markdownItTree } from '../src/core/note/markdownItTree';
import { parseNote, parseNoteByMicromark } from '../src/core/note/parseNote';
import { markdownFiles } from './scriptFiles';

/**
 * Holds the note parser's markdown-it tree to micromark's: every note under
 * the folders given is parsed both ways, by Obsidian's rules and by
 * Logseq's, and any model that differs is printed with its path.
 *
 *   npx esbuild bench/treeIdentity.ts --bundle --platform=node --outfile=dist/treeIdentity.js
 *   node dist/treeIdentity.js DIR...
 */
const dirs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const logseq = logseqDialect(LOGSEQ_DEFAULTS).parse;
// Which way the count of texts markdown-it reads itself takes them: `--outline` as a Logseq graph's.
const LOGSEQ_GRAPH = process.argv.includes('--outline');
let notes = 0;
let differ = 0;
let fast = 0;
let slow = 0;
// Of the notes' texts as written (the parser reads them with comments blanked), how many markdown-it reads itself.
let own = 0;
for (const dir of dirs) {
  for (const file of markdownFiles(dir, (name) => name.startsWith('.') || name === 'node_modules')) {
    const text = readFileSync(file, 'utf8');
    notes++;
    if (markdownItTree(text, LOGSEQ_GRAPH) !== null) own++;
    for (const rules of [OBSIDIAN.parse, logseq]) {
      let t = performance.now();
      const a = JSON.stringify(parseNote(text, rules));
      fast += performance.now() - t;
      t = performance.now();
      const b = JSON.stringify(parseNoteByMicromark(text, rules));
      slow += performance.now() - t;
      if (a !== b) {
        differ++;
        process.stdout.write(`differs (${rules === logseq ? 'logseq' : 'obsidian'}): ${file}\n`);
      }
    }
  }
}
process.stdout.write(`given to micromark: ${JSON.stringify(Object.fromEntries(givenUp))}\n`);
process.stdout.write(`${notes} notes (${own} read by markdown-it itself), ${differ} models differ; parse ${fast.toFixed(0)} ms with markdown-it, ${slow.toFixed(0)} ms with micromark\n`);
