import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseWithYamlPackage } from 'yaml';
import { splitFrontmatter } from '../../src/core/note/frontmatter';
import { parse as parseWithApp } from '../../src/obsidian/obsidianYaml';

/** Frontmatter the simple reader hands on to a full YAML parser, as users write it. */
const cases: string[] = [
  'title: "Quoted: with colon"\ntags:\n  - work\n  - perf',
  "aliases: ['Ana B', \"A. B.\"]\ntype: person # who she is",
  'date: 2026-11-22\ncreated: 2026-11-22T09:30:00Z\nmood_wake: 7',
  'nested:\n  a: 1\n  b: [x, y]\nempty:\nflag: true\nnone: ~',
  'text: |\n  line one\n  line two\nfolded: >\n  a\n  b',
  'emoji: "😀 ok"\nchinese: 李雷\nnum: 1.5\nneg: -3\nhex: 0x1F',
  'yes_word: yes\nno_word: no\nonoff: on',
];

function vaultFrontmatter(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...vaultFrontmatter(path));
    else if (name.endsWith('.md')) {
      const yaml = splitFrontmatter(readFileSync(path, 'utf8')).yaml;
      if (yaml) out.push(yaml);
    }
  }
  return out;
}

describe('the plugin’s YAML parser (the app’s parseYaml behind the yaml package’s parse)', () => {
  it.each(cases)('reads %j as the yaml package does', (yaml) => {
    expect(parseWithApp(yaml)).toEqual(parseWithYamlPackage(yaml, { uniqueKeys: false }));
  });

  it('reads the fixture vault’s frontmatter as the yaml package does', () => {
    const all = vaultFrontmatter(join(__dirname, '..', 'fixtures'));
    expect(all.length).toBeGreaterThan(3);
    for (const yaml of all) {
      let expected: unknown;
      try {
        expected = parseWithYamlPackage(yaml, { uniqueKeys: false });
      } catch {
        // A fixture of front matter YAML rejects (Logseq reads it line by line): the app refuses it too.
        expect(() => parseWithApp(yaml)).toThrow();
        continue;
      }
      expect(parseWithApp(yaml)).toEqual(expected);
    }
  });

  it('keeps an unquoted date as its text, not as a Date', () => {
    expect(parseWithApp('day: 2026-11-22\nat: [2026-01-02]')).toEqual({ day: '2026-11-22', at: ['2026-01-02'] });
  });

  it('refuses a key given twice, as the app’s Properties view does', () => {
    expect(() => parseWithApp('mood: 3\nmood: 4')).toThrow();
  });

  it('refuses invalid YAML', () => {
    expect(() => parseWithApp('a: [1, 2\nb: c')).toThrow();
  });
});

describe('the plugin’s YAML parser behind frontmatter.ts’s bounds', () => {
  // frontmatter.ts calls parseDocument; in the plugin build that is the app's parser.
  const { parseDocument } = jest.requireActual<typeof import('../../src/obsidian/obsidianYaml')>('../../src/obsidian/obsidianYaml');

  it('reads what the yaml package reads', () => {
    const doc = parseDocument('type: person\naliases: [Ana B]\ncreated: 2026-11-22');
    expect(doc.errors).toEqual([]);
    expect(doc.toJS()).toEqual({ type: 'person', aliases: ['Ana B'], created: '2026-11-22' });
  });

  it('gives invalid YAML back as an error, not a throw', () => {
    expect(parseDocument('a: [unclosed\nb: c').errors).toHaveLength(1);
  });

  it('stops a "billion laughs" with the alias-count error frontmatter.ts reports', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n');
    const doc = parseDocument(bomb);
    expect(doc.errors).toEqual([]);
    expect(() => doc.toJS()).toThrow(/alias count/i);
  });
});
