import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { splitFrontmatter } from '../../src/core/note/frontmatter';
import { DEFAULT_SETTINGS, type SliderSetting } from '../../src/core/settings';
import { applyEdit, classifyValue, frontmatterHeadLength, planSliderWrite, readSliderValue } from '../../src/core/sliders/frontmatterText';
import { sliderAt } from '../../src/core/sliders/binding';
import { FenceTracker, sliderTokensOutsideCode } from '../../src/core/sliders/codeScan';

const WAKE: SliderSetting = { question: 'How do you feel when you wake up?', property: 'mood_wake', min: 1, max: 10, step: 1 };

function set(text: string, value: number): string {
  const plan = planSliderWrite(text, WAKE, value);
  if (!('edit' in plan)) throw new Error(`refused: ${JSON.stringify(plan.refused)}`);
  return applyEdit(text, plan.edit);
}

describe('writing a slider value into the frontmatter text', () => {
  it('changes only the value’s characters', () => {
    const note = '---\ntitle: "Day: 1"\nmood_wake: 3\nmood_wind:\ntags: [a]\n---\nbody\n';
    expect(set(note, 8)).toBe('---\ntitle: "Day: 1"\nmood_wake: 8\nmood_wind:\ntags: [a]\n---\nbody\n');
  });

  it('keeps a comment on the property’s own line, and comments, quoting and flow lists around it', () => {
    const note = '---\n# morning\nmood_wake: 3 # groggy\nq: \'x # y\'\nlist: [a, "b"]\nblank:\n---\n';
    expect(set(note, 5)).toBe('---\n# morning\nmood_wake: 5 # groggy\nq: \'x # y\'\nlist: [a, "b"]\nblank:\n---\n');
    expect(set('---\nmood_wake:   # not yet\n---\n', 5)).toBe('---\nmood_wake: 5   # not yet\n---\n');
  });

  it('writes into a quoted key instead of adding a second one', () => {
    expect(set('---\n"mood_wake": 3\n---\n', 6)).toBe('---\n"mood_wake": 6\n---\n');
    expect(set("---\n'mood_wake': \"3\"\n---\n", 6)).toBe("---\n'mood_wake': 6\n---\n");
  });

  it('keeps CRLF line endings, on the edited line and on an added one', () => {
    expect(set('---\r\nmood_wake: 3\r\nx: 1\r\n---\r\nbody\r\n', 9)).toBe('---\r\nmood_wake: 9\r\nx: 1\r\n---\r\nbody\r\n');
    expect(set('---\r\nx: 1\r\n---\r\n', 9)).toBe('---\r\nx: 1\r\nmood_wake: 9\r\n---\r\n');
    expect(set('---\r\nmood_wake:\r\n---\r\n', 9)).toBe('---\r\nmood_wake: 9\r\n---\r\n');
    expect(set('# Day\r\n', 2)).toBe('---\r\nmood_wake: 2\r\n---\r\n# Day\r\n');
  });

  it('fills an empty property and adds a missing one before the closing fence', () => {
    expect(set('---\nmood_wake:\n---\n', 5)).toBe('---\nmood_wake: 5\n---\n');
    expect(set('---\nother: x\n---\nbody', 5)).toBe('---\nother: x\nmood_wake: 5\n---\nbody');
    expect(set('---\n---\nbody', 5)).toBe('---\nmood_wake: 5\n---\nbody');
  });

  it('adds frontmatter to a note without one', () => {
    expect(set('# Day\n', 7)).toBe('---\nmood_wake: 7\n---\n# Day\n');
  });

  it('does not mistake a longer or nested property name for it', () => {
    expect(set('---\nmood_wake_time: 7\n---\n', 2)).toBe('---\nmood_wake_time: 7\nmood_wake: 2\n---\n');
    expect(set('---\nmeta:\n  mood_wake: 7\n---\n', 2)).toBe('---\nmeta:\n  mood_wake: 7\nmood_wake: 2\n---\n');
  });

  it.each([
    ['great', 'Not a number'],
    ['14', 'Out of range 1–10'],
    ['7.5', 'Not a step of 1'],
    ['[3, 4]', 'Not a number'],
  ])('refuses to overwrite %s (%s) and keeps it as written', (raw, reason) => {
    const note = `---\nmood_wake: ${raw}\n---\n`;
    expect(planSliderWrite(note, WAKE, 5)).toEqual({ refused: { kind: 'odd', raw, reason } });
    expect(readSliderValue(note, WAKE)).toEqual({ kind: 'odd', raw, reason });
  });

  it('refuses invalid YAML and a key written twice', () => {
    expect(planSliderWrite('---\nmood_wake: 3\nx: [unclosed\n---\n', WAKE, 5)).toMatchObject({ refused: { kind: 'invalid' } });
    expect(planSliderWrite('---\nmood_wake: 3\n"mood_wake": 4\n---\n', WAKE, 5)).toMatchObject({ refused: { kind: 'invalid' } });
  });

  it('reads the value back: a number, unset, or odd', () => {
    expect(readSliderValue('---\nmood_wake: 6 # fine\n---\n', WAKE)).toEqual({ kind: 'number', value: 6 });
    expect(readSliderValue('---\nmood_wake:\n---\n', WAKE)).toEqual({ kind: 'unset' });
    expect(readSliderValue('no frontmatter', WAKE)).toEqual({ kind: 'unset' });
    expect(classifyValue('7', WAKE)).toEqual({ kind: 'number', value: 7 });
    expect(classifyValue(0.5, { ...WAKE, min: 0, max: 1, step: 0.1 })).toEqual({ kind: 'number', value: 0.5 });
  });

  it('finds the frontmatter’s end line by line, and no frontmatter behind a lone rule', () => {
    const lines = (text: string) => text.split('\n');
    const head = (text: string) => frontmatterHeadLength(lines(text).length, (n) => lines(text)[n - 1]);
    expect(head('---\na: 1\n---\nbody\nmore')).toBe('---\na: 1\n---\n'.length);
    expect(head('# Day\nbody')).toBe('# Day\n'.length);
    expect(head('---\nnot closed\nbody')).toBe('---\n'.length);
  });
});

/** Frontmatter lines users write, other than the slider's own. */
const otherLine = fc.constantFrom(
  'title: "Day: one"',
  "quote: 'it''s # not a comment'",
  'tags: [work, "on call"]',
  'blank:',
  '# a comment line',
  'count: 3 # trailing comment',
  'nested:\n  mood_wake: 2\n  deep: [1, 2]',
  'list:\n  - a\n  - b',
  'date: 2026-11-22',
  'emoji: "🚀 ok"',
);
const keyForm = fc.constantFrom('mood_wake', '"mood_wake"', "'mood_wake'");
const currentValue = fc.constantFrom('', ' 3', ' 10', '   4   ', ' 5 # groggy', ' "6"', ' ~', ' null');

describe('the slider edit, for any frontmatter (property-based)', () => {
  it('changes only the value’s characters and the YAML reads the same but for the one value', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(otherLine, { maxLength: 6 }),
        fc.option(fc.tuple(keyForm, currentValue, fc.nat(6)), { nil: undefined }),
        fc.boolean(),
        fc.integer({ min: 1, max: 10 }),
        (others, own, crlf, value) => {
          const lines: string[] = [...others];
          if (own) lines.splice(Math.min(own[2], lines.length), 0, `${own[0]}:${own[1]}`);
          const eol = crlf ? '\r\n' : '\n';
          const note = ['---', ...lines, '---', 'body {{slider mood_wake}}', ''].join('\n').replace(/\n/g, eol);
          const plan = planSliderWrite(note, WAKE, value);
          if (!('edit' in plan)) throw new Error(`refused ${JSON.stringify(plan.refused)} for ${JSON.stringify(note)}`);
          const { from, to, insert } = plan.edit;
          const after = applyEdit(note, plan.edit);
          // The replaced characters are only the old value (or nothing): no key, comment, quote of another value or line break.
          const removed = note.slice(from, to);
          expect(removed).not.toMatch(/[\r\n#:]/);
          if (own) expect(insert.trim()).toBe(String(value));
          else expect(insert).toBe(`mood_wake: ${value}${eol}`);
          // Same data but the one value, and never a second key.
          const before = parseYaml(splitFrontmatter(note).yaml ?? '') ?? {};
          const parsed = parseYaml(splitFrontmatter(after).yaml ?? '');
          expect(parsed).toEqual({ ...before, mood_wake: value });
          expect(after.match(/^["']?mood_wake["']?:/gm)).toHaveLength(1);
          if (crlf) expect(after.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('slider tokens inside code stay text', () => {
  it('skips tokens in inline code spans, of any backtick length', () => {
    expect(sliderTokensOutsideCode('`{{slider a}}` and {{slider b}}').map((t) => t.property)).toEqual(['b']);
    expect(sliderTokensOutsideCode('``x ` {{slider a}}`` {{slider b}}').map((t) => t.property)).toEqual(['b']);
    // An unclosed backtick is a literal backtick, not code.
    expect(sliderTokensOutsideCode('a ` b {{slider a}}').map((t) => t.property)).toEqual(['a']);
  });

  const fenced = (text: string) => {
    const lines = text.split('\n');
    const tracker = new FenceTracker();
    return lines.map((_, i) => tracker.inFence(i + 1, (n) => lines[n - 1]));
  };

  it('knows fences by character and length, in callouts and list items too', () => {
    expect(fenced('a\n```\n{{slider}}\n```\nb')).toEqual([false, true, true, true, false]);
    expect(fenced('````\n```\nin\n````\nout')).toEqual([true, true, true, true, false]);
    expect(fenced('~~~\n```\nin\n~~~\nout')).toEqual([true, true, true, true, false]);
    expect(fenced('> ```\n> in\n> ```\nout')).toEqual([true, true, true, false]);
    expect(fenced('- ```js\n  in\n  ```\nout')).toEqual([true, true, true, false]);
    expect(fenced('```a`b\nnot code')).toEqual([false, false]);
  });

  it('rescans only from an edited line on', () => {
    const lines = ['a', '```', 'in', '```', 'b'];
    const tracker = new FenceTracker();
    const read: number[] = [];
    const line = (n: number) => (read.push(n), lines[n - 1]);
    expect(tracker.inFence(5, line)).toBe(false);
    lines[3] = 'no longer a fence';
    read.length = 0;
    tracker.invalidateFrom(4);
    expect(tracker.inFence(5, line)).toBe(true);
    expect(read).toEqual([4, 5]);
  });
});

describe('what a slider token binds to', () => {
  const sliders = DEFAULT_SETTINGS.sliders;
  const bind = (text: string) => sliderAt(text, text.indexOf('{{'), /\{\{slider (\w+)\}\}/.exec(text)?.[1] ?? null, sliders)?.property ?? null;

  it.each([
    ['How do you feel when you wake up? {{slider}}', 'mood_wake'],
    ['- [[How do you feel when you wind down?]]\n\t- {{slider}}', 'mood_wind'],
    ['### How do you feel when you wake up?\n\n{{slider}}', 'mood_wake'],
    ['> [!question] How do you feel when you wind down?\n> {{slider}}', 'mood_wind'],
    ['{{slider mood_wind}}', 'mood_wind'],
    ['Some other question {{slider}}', null],
  ])('%j binds to %s', (text, property) => {
    expect(bind(text)).toBe(property);
  });

  it('gives an unconfigured named property the default range', () => {
    expect(sliderAt('{{slider energy}}', 0, 'energy', sliders)).toEqual({ question: 'energy', property: 'energy', min: 1, max: 10, step: 1 });
  });
});
