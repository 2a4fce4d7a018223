import fc from 'fast-check';
import { formatMoment, parseMoment, shapeOf, skeleton } from '../../src/core/dates/momentFormat';

/**
 * parseMoment turns a name away by its skeleton (digit runs `0`, letter runs
 * `a`) before date-fns parses it: sound only if every day a format names has
 * the skeleton the format was given. Checked over random formats of the
 * tokens people write and random days, against the day's own name.
 */
const TOKENS = ['YYYY', 'YY', 'Q', 'Qo', 'MMMM', 'MMM', 'MM', 'Mo', 'M', 'DDDD', 'DDD', 'Do', 'DD', 'D', 'dddd', 'ddd', 'dd', 'E', 'GGGG', 'gggg', 'WW', 'Wo', 'W', 'ww', 'wo', 'w', 'HH', 'H', 'hh', 'h', 'mm', 'm', 'ss', 's', 'A', 'a'];
const LITERALS = ['-', '_', '.', ' ', ', ', '/', '[W]', '[Journal] ', '[day ]', '[0]', '[a]', ' – '];

const momentFormat = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.constantFrom(...LITERALS)), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
const day = fc.date({ min: new Date(1971, 0, 1), max: new Date(2099, 11, 31, 23, 59, 59), noInvalidDate: true });

describe('the skeleton filter of parseMoment, by property', () => {
  it('never turns away the name a format gives a day', () => {
    fc.assert(
      fc.property(momentFormat, day, (format, date) => {
        const shape = shapeOf(format);
        if (shape === null) return;
        expect({ format, name: skeleton(formatMoment(date, format)) }).toEqual({ format, name: shape });
      }),
      { numRuns: 20_000 },
    );
  });

  it('writes a skeleton a character at a time as its definition by regexes does, for any text', () => {
    const byRegex = (text: string) => text.replace(/\d+/g, '0').replace(/\p{L}+/gu, 'a');
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('0', '7', 'a', 'Z', 'é', '𝒥', '\ud835', '😀', ' ', ',', '-'), fc.string({ unit: 'grapheme', maxLength: 1 })), maxLength: 12 });
    fc.assert(
      fc.property(text, (t) => {
        expect(skeleton(t)).toBe(byRegex(t));
      }),
      { numRuns: 20_000 },
    );
  });

  it('still reads the daily-note formats of real vaults, and turns away names of another shape', () => {
    const cases: [string, string][] = [
      ['dddd, MMMM Do YYYY', 'Sunday, November 22nd 2026'],
      ['YYYY-MM-DD ddd', '2026-11-22 Sun'],
      ['MMM Do, YYYY', 'Nov 22nd, 2026'],
      ['MMMM D, YYYY', 'November 22, 2026'],
      ['gggg-[W]ww', '2026-W48'],
    ];
    for (const [format, name] of cases) expect(parseMoment(name, format)).not.toBeNull();
    expect(parseMoment('Unrelated 1234', 'MMMM D, YYYY')).toBeNull();
    expect(parseMoment('Nov 22nd 2026', 'MMM Do, YYYY')).toBeNull();
  });
});
