import fc from 'fast-check';
import { OBSIDIAN, logseqDialect } from '../../src/core/dialect/dialect';
import { LOGSEQ_DEFAULTS } from '../../src/core/dialect/logseqConfig';
import { parseNote } from '../../src/core/note/parseNote';
import { parseNote as referenceParse } from '../helpers/parseOracle/parseNote';

/**
 * The parser was made cheaper per note (issue #16) without changing what it
 * returns: on random notes made of what real journals write, its model is the
 * one the frozen copy in tests/helpers/parseOracle returns, byte for byte, by
 * both apps' rules. bench/parseIdentity.ts checks the same on the real vaults.
 */
const word = fc.constantFrom('Alpha', 'beta', 'Gamma Ray', 'café', 'cafe\u0301', 'naïve', '日本', '🔥', 'x_y', 'a-b', 'C#', '1984', 'Q3', 'R&D', 'v1.2', 'x/y', 'don\u2019t', 'é\u0301');
const words = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const inline = fc.oneof(
  { weight: 6, arbitrary: words },
  fc.tuple(words, fc.option(words, { nil: undefined }), fc.constantFrom('', '#Heading', '#^block1')).map(([t, alias, h]) => `[[${t}${h}${alias ? `|${alias}` : ''}]]`),
  words.map((t) => `![[${t}.png]]`),
  words.map((t) => `[[${t}\\|alias]]`),
  fc.constantFrom('#tag', '#nested/tag', '#1984', '#[[multi word]]', '#a#b', 'a#b', '(#x)', '#🔥fire', '##', '###[[x]]'),
  words.map((t) => `\`${t}\``),
  fc.constantFrom('`#notag [[nolink]]`', '``a ` b``', '` `', '`'),
  fc.constantFrom('**bold**', '*it*', '_u_', '~~gone~~', '**open', '__x__'),
  words.map((t) => `[${t}](${t.replace(/ /g, '%20')}.md)`),
  fc.constantFrom('[t](https://example.com/#x)', '[t](<a b.md>)', '[t]([[Page]])', '[t](((6543-aa)))', '[t](./sub/N.md#H "title")', '<https://example.com>', 'https://example.com/#frag', '[ref][x]', '[x]'),
  fc.constantFrom('<b>#html</b>', '<span>[[in html]]</span>', '<br>', '<!-- c -->', '&amp;', '&#91;&#91;x&#93;&#93;', '&#xE000;', '\\#esc', '\\[[x]]', '\\\\'),
  fc.constantFrom('$x^2$', '$$a$$', '$5 and $6', 'cost $x$#t'),
  fc.constantFrom('{{slider mood}}', '{{slider}}', '{{[[slider]] energy}}', '{{embed ((6543-aa))}}', '{{[[TODO]]}}', '((6543-aa))'),
  fc.constantFrom('%%hidden [[x]] #y%%', '%% open', 'SCHEDULED: <2024-01-02 Tue>', 'DEADLINE: [2024-01-02]'),
  fc.constantFrom('[', ']', '[[', ']]', '[[[x]]]', '!', '|', ':', '::', '*', '\u0001', '\uFFFD'),
  // Constructs that span lines: where a line ending is text, and where it is not.
  fc.constantFrom('[a\nb](c.md)', '[a](b\n"title")', '`x\ny`', '<span\nclass="x">', '*a\nb*', '**a\n[[b]]**', 'a  \nb', 'a\\\nb', '![a `x`\nb](y)', '![alt [[x]] #t](i.png)', '[![img](i.png) #t](https://x.org)', '[x][y]\n\n[y]: z.md', '[y]\n\n[y]: <z q.md>', '&#10;x', '&nbsp;&copy;&bogus;', '<mailto:a@b.c>', '<a@b.c>'),
);
const text = fc.array(inline, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));
const field = fc.tuple(fc.constantFrom('type', 'people', 'Due Date', 'collapsed', 'id', 'mood_wake'), fc.option(text, { nil: undefined })).map(([k, v]) => `${k}:: ${v ?? ''}`);
const indent = fc.constantFrom('', '\t', '\t\t', '  ', '    ', '\t\t\t\t\t');
const line = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(indent, fc.constantFrom('- ', '* ', '+ ', '1. ', '2) '), text).map(([i, m, t]) => `${i}${m}${t}`) },
  fc.tuple(indent, fc.constantFrom('- [ ] ', '- [x] ', '- [-] ', '- [/] ', '- TODO ', '- DONE ', '- LATER ', '- CANCELED ', '- NOW '), text).map(([i, m, t]) => `${i}${m}${t}`),
  fc.tuple(fc.constantFrom('# ', '## ', '### ', '###### ', '- # ', '- ## ', '\t- ### ', '#'), text).map(([m, t]) => `${m}${t}`),
  { weight: 3, arbitrary: text },
  fc.tuple(indent, field).map(([i, f]) => `${i}${f}`),
  fc.tuple(indent, field).map(([i, f]) => `${i}- ${f}`),
  fc.tuple(fc.constantFrom('> ', '> [!note] ', '> [!warning]- ', '>> ', '- > '), text).map(([m, t]) => `${m}${t}`),
  fc.constantFrom('Title\n===', 'Sub #t\n---', 'a\n-', '- [x]: y.md', '> [r]: u', '[ref]: <a b> "t"', '- ```\n  [[in code]]\n  ```', '- <div>\n  [[html]]\n  </div>', '1. a\n\n   b [[c]]', '- a\n\n- b', '* * *', '```', '```js', '~~~', '    indented code', '\tcode?', '---', '***', '-', '===', '', '', ' ', '<div>', '</div>', '%%', ':PROPERTIES:', ':id: 6543', ':END:', ':LOGBOOK:', '  :LOGBOOK:', 'CLOCK: [2024-05-23 Thu 22:02:20]', '- DONE', '\t- DOING', ':end:', '#+BEGIN_QUOTE', '#+END_QUOTE', '[x]: x.md', '[^1]: note', '[^1]', '| a | [[b\\|c]] |', 'Projects', 'Incidents', 'Database outage', 'It broke at noon.'),
);
const frontmatter = fc.option(
  fc.constantFrom('---\ntags: [a, b]\naliases: Other\n---\n', '---\ntitle: "Quoted: yes"\nnested:\n  a: 1\n---\n', '---\n---\n', '---\nbad: [\n---\n', '\uFEFF---\ndate: 2024-01-02\n---\n', '---\r\nmood: 3\r\n---\r\n'),
  { nil: '' },
);
const note = fc
  .tuple(frontmatter, fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean())
  .map(([fm, lines, eol, nfd, trailing]) => {
    const body = lines.join(eol) + (trailing ? eol : '');
    return fm + (nfd ? body.normalize('NFD') : body);
  });

const dialects = [
  ['Obsidian', OBSIDIAN.parse],
  ['Logseq', logseqDialect(LOGSEQ_DEFAULTS).parse],
] as const;

describe('the optimised note parser', () => {
  it.each(dialects)('returns what the reference parser returns, by %s rules, on random notes', (_name, rules) => {
    fc.assert(
      fc.property(note, (source) => {
        expect(JSON.stringify(parseNote(source, rules))).toBe(JSON.stringify(referenceParse(source, rules)));
      }),
      { numRuns: 400 },
    );
  });

  it('returns what the reference parser returns without rules, as reviews call it', () => {
    fc.assert(
      fc.property(note, (source) => {
        expect(JSON.stringify(parseNote(source))).toBe(JSON.stringify(referenceParse(source)));
      }),
      { numRuns: 100 },
    );
  });

  it('reads long container prefixes, footnotes and masked blanks as the reference does', () => {
    const notes = [
      `${'\t'.repeat(17)}- deep [[x]]\n${'> '.repeat(40)}quote #t\n${'- '.repeat(40)}list`,
      `${' '.repeat(16)}- sixteen spaces\n${' '.repeat(17)}- seventeen\n${'1. '.repeat(12)}item`,
      '[^1]: a footnote [[x]]\n\ntext[^1] and `code ` #tag <b> </b>#x',
      'a `c`#x and `d ` #y\n\n- [ ] `x` #z\n- $a$ #m $b',
    ];
    for (const source of notes) for (const [, rules] of dialects) expect(JSON.stringify(parseNote(source, rules))).toBe(JSON.stringify(referenceParse(source, rules)));
  });

  it('keeps nothing of one note for the next: a definition in one makes no reference in another', () => {
    for (const [, rules] of dialects) {
      parseNote('- [x]: https://example.com\n- [y]: y.md\n\n[x]', rules);
      const next = parseNote('See [x] and [y] #tag', rules);
      expect(next.blocks.map((b) => b.text)).toEqual(['See [x] and [y] #tag']);
      expect(JSON.stringify(next)).toBe(JSON.stringify(referenceParse('See [x] and [y] #tag', rules)));
    }
  });
});
