import fc from 'fast-check';
import { parse } from 'yaml';
import { parseFrontmatterYaml, parseSimpleYaml, readFrontmatter, splitFrontmatter } from '../../src/core/note/frontmatter';
import { parseNote } from '../../src/core/note/parseNote';
import { planSliderWrite } from '../../src/core/sliders/frontmatterText';

describe('the simple-frontmatter fast path', () => {
  const simple = [
    'type: person\naliases: [Vince, V. Chan]',
    'mood_wake: 7\nmood_wind:\ndone: true\nratio: 0.5\ndate: 2026-11-22',
    'tags: []\ntitle: A title with spaces and café ☕',
    'url: https://example.com/a#b\nkey-with-dash: x',
    // As Obsidian's property editor writes them: block lists, quoted links, keys with spaces.
    'type: "[[Person]]"',
    "title: 'quoted, with a comma'",
    'aliases:\n  - Vince\n  - "[[V. Chan]]"\nRARE Bird: "[[24135 BAEA]]"\ntags:\n- 📷\n-\nempty:',
    // A unit or a note in brackets, as a record's properties name them.
    'Admit Weight (kg): 1.2\nLead (ug/dL): <3\nRecovery GPS: 41.2, -91.7',
    'n: 1e3\nm: 0x1F\no: 0o17\np: .inf\nq: .NaN\nr: True\ns: NULL\nt: 1.\nu: .5',
  ];
  it.each(simple)('reads %j exactly as the YAML parser does', (text) => {
    expect(parseSimpleYaml(text)).not.toBeNull();
    expect(parseSimpleYaml(text)).toEqual(parse(text));
  });

  it.each([
    'type: "a\\"b"',
    "title: 'it''s'",
    'aliases:\n  - Vince\n    - nested',
    'aliases:\n  - Vince\n  more',
    'aliases:\n  - a: 1',
    'aliases:\n  - [a]',
    'true: x',
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

  it('reads whatever it takes exactly as the YAML parser does (property-based)', () => {
    const keys = ['type', 'RARE Bird', 'dg-publish', 'aliases', 'tags', 'a  b', 'null', 'Yes', 'Admit Weight (kg)', 'Lead (ug/dL)', 'a (b', 'a )', 'a ()', 'a /', 'a (null)'];
    const scalars = ['x', 'Ana K', '"[[Ana]]"', "'a, b'", '""', "''", '1', '-1', '+1', '1e3', '0x1F', '0o8', '.inf', '-.inf', '.nan', 'True', 'NULL', 'no', '~', '2026-11-22', '12:30', '[[Ana]]', '#tag', 'a #b', 'a: b', '"a\\"', '📷', '1_000', '.5', '1.'];
    const value = fc.oneof(
      fc.constantFrom(...scalars).map((v) => ` ${v}`),
      fc.array(fc.constantFrom(...scalars), { maxLength: 3 }).map((items) => ` [${items.join(', ')}]`),
      fc.tuple(fc.constantFrom('', '  ', '    '), fc.array(fc.constantFrom(...scalars, ''), { minLength: 1, maxLength: 3 })).map(([indent, items]) => items.map((v) => `\n${indent}-${v === '' ? '' : ` ${v}`}`).join('')),
      fc.constant(''),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...keys), value), { maxLength: 5 }), (entries) => {
        const text = entries.map(([key, v]) => `${key}:${v}`).join('\n');
        // Empty frontmatter never reaches the fast path (parseFrontmatterYaml answers it first).
        const fast = text.trim() === '' ? null : parseSimpleYaml(text);
        if (fast !== null) expect(fast).toEqual(parse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('still reports broken YAML', () => {
    expect(parseFrontmatterYaml('type: [person').error).toMatch(/^invalid YAML frontmatter/);
  });
});

describe('frontmatter a hostile note may hold', () => {
  let warn: jest.SpyInstance;
  let emit: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    emit = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
  });
  afterEach(() => {
    // Nothing of the YAML library may reach stderr: only Daybook's own `warning: PATH: message` lines.
    expect(warn).not.toHaveBeenCalled();
    expect(emit).not.toHaveBeenCalled();
    jest.restoreAllMocks();
  });

  const laughs = (() => {
    let yaml = 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 0; i < 9; i++) {
      const [p, n] = [String.fromCharCode(97 + i), String.fromCharCode(98 + i)];
      yaml += `${n}: &${n} [${Array(9).fill(`*${p}`).join(', ')}]\n`;
    }
    return yaml;
  })();

  it.each([
    ['a mood value that holds itself', 'mood_wake: &m [*m]', /refers to itself/],
    ['circular aliases', 'aliases: &a\n  - Vince\n  - *a', /refers to itself/],
    ['a type that holds itself', 'type: &t {kind: *t}', /refers to itself/],
    ['a billion laughs', laughs, /billion laughs/],
  ])('%s is a warning, never a crash or a cyclic value', (_name, yaml, message) => {
    const parsed = parseFrontmatterYaml(yaml);
    expect(parsed.error).toMatch(message);
    expect(() => JSON.stringify(parsed.data)).not.toThrow();
  });

  it('reads a custom tag such as !!js/function as text, and says so', () => {
    const parsed = parseFrontmatterYaml('x: !!js/function "function () { return 1 }"\ntype: person');
    expect(parsed.data).toEqual({ x: 'function () { return 1 }', type: 'person' });
    expect(parsed.error).toMatch(/YAML tag .*js\/function.*read as text/);
  });

  it('leaves out frontmatter of 10 MB or 50,000 lines with a warning, without parsing it', () => {
    const huge = readFrontmatter(`---\n${'k: v\n'.repeat(2_000_000)}---\nbody`);
    expect(huge.error).toMatch(/frontmatter is \d+ KB, more than Daybook reads/);
    const long = readFrontmatter(`---\ntags:\n${'- x\n'.repeat(50_000)}---\nbody`);
    expect(long.error).toMatch(/more than 5000 lines/);
    expect(long.data).toEqual({});
  });

  it('ends frontmatter only at a real line, not after U+2028', () => {
    const split = splitFrontmatter('---\ntitle: a\u2028---\nmood_wake: 3\n---\nbody');
    expect(split.yaml).toBe('title: a\u2028---\nmood_wake: 3\n');
    expect(split.body).toBe('body');
  });

  it('never throws and always gives plain JSON data, for any YAML-ish text (property-based)', () => {
    const pieces = ['a', 'b: ', '&x ', '*x', '[', ']', '{', '}', '- ', '\n', '  ', '!!js/function ', '!x ', '"', "'", ':', '#', '|', '>', '<<: ', '\u2028', '?', ',', '%YAML 1.2\n', '---\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const parsed = parseFrontmatterYaml(parts.join(''));
        expect(typeof parsed.data).toBe('object');
        expect(() => JSON.stringify(parsed.data)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});

describe('frontmatter saved with old Mac (lone CR) line breaks', () => {
  const note = '---\rmood_wake: 7\rmood_wind: 4\rtags: [a, b]\r---\r## Journal\rA day.\r';

  it('is read: its mood values are not lost', () => {
    expect(readFrontmatter(note)).toEqual({ data: { mood_wake: 7, mood_wind: 4, tags: ['a', 'b'] }, error: null });
    expect(parseNote(note).frontmatter).toMatchObject({ mood_wake: 7, mood_wind: 4 });
  });

  it('is never written into by a slider (its offsets are LF lines), and says why', () => {
    const plan = planSliderWrite(note, { question: 'Wake?', property: 'mood_wake', min: 1, max: 10, step: 1 }, 3);
    expect(plan).toEqual({ refused: { kind: 'invalid', reason: expect.stringMatching(/lone CR/) } });
  });
});
