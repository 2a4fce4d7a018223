import fc from 'fast-check';
import { unreadDailyNotes } from '../../src/core/dailyNoteNames';
import { formatMoment, parseMoment } from '../../src/core/dates/momentFormat';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

/**
 * A note in the daily folder named in another format people name daily notes
 * in is said, not passed over. The names are turned away by their skeleton
 * before any format parses them: checked here against parsing every format,
 * over names the formats give random days and names that merely look close.
 */
const FORMATS = ['YYYY-MM-DD', 'YYYYMMDD', 'YYYY_MM_DD', 'YYYY.MM.DD', 'DD-MM-YYYY', 'DD.MM.YYYY', 'MM-DD-YYYY', 'YYYY-MM-DD ddd', 'YYYY-MM-DD dddd', 'MMMM D, YYYY', 'MMM Do, YYYY'];
const SHAPES: Record<string, RegExp> = { 'YYYY-MM-DD': /^\d{4}-\d\d-\d\d$/, 'DD.MM.YYYY': /^\d\d\.\d\d\.\d{4}$/, YYYYMMDD: /^\d{8}$/ };
const day = fc.date({ min: new Date(1971, 0, 1), max: new Date(2099, 11, 31), noInvalidDate: true });
const formatted = fc.tuple(day, fc.constantFrom(...FORMATS)).map(([date, format]) => formatMoment(date, format));
const lookalike = fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '-', '.', '_', ' ', ',', 'a', 'Jan', 'May', 'st', 'Mon', 'Unrelated '), maxLength: 8 });

describe('notes named in another daily format, by property', () => {
  it('are said exactly when some other format reads the name strictly', () => {
    fc.assert(
      fc.property(fc.constantFrom('YYYY-MM-DD', 'DD.MM.YYYY', 'YYYYMMDD', 'MMMM D, YYYY'), fc.oneof(formatted, lookalike), (dailyFormat, name) => {
        const settings = { ...DEFAULT_SETTINGS, dailyFolder: 'Daily', dailyFormat };
        const path = `Daily/${name}.md`;
        if (parseMoment(name, dailyFormat) !== null) return;
        const readers = FORMATS.filter((format) => {
          if (format === dailyFormat) return false;
          const date = parseMoment(name, format);
          return date !== null && formatMoment(date, format) === name;
        });
        const said = unreadDailyNotes([{ path }], settings, [], new Set()).filter((w) => w.path === path && /in the formats? /.test(w.message));
        // A name of the daily format's own shape is said as a day that does not exist instead.
        const ownShape = SHAPES[dailyFormat]?.test(name) ?? false;
        expect({ name, dailyFormat, said: said.length }).toEqual({ name, dailyFormat, said: readers.length > 0 && !ownShape ? 1 : 0 });
        for (const format of readers) if (said.length) expect(said[0].message).toContain(`"${format}"`);
      }),
      { numRuns: 5_000 },
    );
  });
});
