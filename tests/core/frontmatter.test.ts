import { parse } from 'yaml';
import { parseFrontmatterYaml, parseSimpleYaml } from '../../src/core/note/frontmatter';

describe('the simple-frontmatter fast path', () => {
  const simple = [
    'type: person\naliases: [Vince, V. Chan]',
    'mood_wake: 7\nmood_wind:\ndone: true\nratio: 0.5\ndate: 2026-11-22',
    'tags: []\ntitle: A title with spaces and café ☕',
    'url: https://example.com/a#b\nkey-with-dash: x',
  ];
  it.each(simple)('reads %j exactly as the YAML parser does', (text) => {
    expect(parseSimpleYaml(text)).not.toBeNull();
    expect(parseSimpleYaml(text)).toEqual(parse(text));
  });

  it.each([
    'type: "[[Person]]"',
    "title: 'quoted'",
    'aliases:\n  - Vince',
    'nested:\n  a: 1',
    'a: b # comment',
    'a: b: c',
    'a: [x, [y]]',
    'a: 1\na: 2',
    'a: &anchor x',
    'a: -1',
    'a: |\n  text',
  ])('leaves %j to the YAML parser', (text) => {
    expect(parseSimpleYaml(text)).toBeNull();
  });

  it('still reports broken YAML', () => {
    expect(parseFrontmatterYaml('type: [person').error).toMatch(/^invalid YAML frontmatter/);
  });
});
