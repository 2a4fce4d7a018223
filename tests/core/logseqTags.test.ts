import { findTags } from '../../src/core/note/tokens';
import { findTags as oracleTags } from '../helpers/parseOracle/tokens';
import { parseNote } from '../../src/core/note/parseNote';
import { logseqDialect, OBSIDIAN } from '../../src/core/dialect/dialect';
import { LOGSEQ_DEFAULTS } from '../../src/core/dialect/logseqConfig';

/**
 * Logseq reads a tag by mldoc's rule, not Obsidian's: engineers' `#node.js`, `#c++` and
 * `#v1.2` are pages of those names in a graph, where Obsidian's tag ends at the punctuation.
 */
describe('tags in a Logseq graph', () => {
  it.each([
    ['worked on #node.js upgrades', ['node.js'], ['node']],
    ['a talk on #c++ templates', ['c++'], ['c']],
    ['shipped #v1.2 today', ['v1.2'], ['v1']],
    ['#context.log_level = "DEBUG"', ['context.log_level'], ['context']],
    ['the end of it #done.', ['done'], ['done']],
    ['#a,b and #c: d and #e? #f!', ['a', 'c', 'e', 'f'], ['a', 'c', 'e', 'f']],
    ['#foo(bar) #x;y #p;', ['foo(bar)', 'x;y', 'p'], ['foo', 'x', 'p']],
    ['#a#b and #[[multi word]]', ['a', 'b', 'multi word'], ['a', 'b', 'multi word']],
    ['#1984 and #2024.05', ['2024.05'], []],
  ])('%s', (text, logseq, obsidian) => {
    expect(findTags(text, true)).toEqual(logseq);
    expect(findTags(text)).toEqual(obsidian);
  });

  it('agrees with the rule written as one expression, over random text of tags and punctuation', () => {
    let seed = 5;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const alphabet = ['#', '#', 'a', 'b', '1', '.', ';', ',', ':', '!', '?', "'", '"', ' ', '\t', '[', ']', '(', '+', '/', '-', '_', 'é', '[[x]]'];
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 14) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect([text, findTags(text, true)]).toEqual([text, oracleTags(text, true)]);
    }
  });

  it('are what a graph’s notes are parsed with; a vault keeps Obsidian’s', () => {
    const text = '- upgraded #node.js on the build boxes\n';
    const tags = (rules: typeof OBSIDIAN.parse) => parseNote(text, rules).blocks.flatMap((b) => b.tags);
    expect(tags(logseqDialect(LOGSEQ_DEFAULTS).parse)).toEqual(['node.js']);
    expect(tags(OBSIDIAN.parse)).toEqual(['node']);
  });
});
