import { periodsOfDays, addDay } from '../../src/core/dates/periods';
import { reviewMeetsDaily } from '../../src/core/reviewMeetsDaily';
import { dayOfDailyNote } from '../../src/core/dailyNotes';
import { reviewNotePath } from '../../src/core/reviewNotes';
import { DEFAULT_SETTINGS, type DaybookSettings } from '../../src/core/settings';

/** The check as it was before folders lying apart were skipped: every probe period's review path tried. */
function everyProbe(settings: DaybookSettings): string | null {
  const days: string[] = [];
  for (let day = '2025-01-01'; day < '2028-01-01'; day = addDay(day, 7)) days.push(day);
  for (const period of periodsOfDays(days)) {
    const path = reviewNotePath(period, settings);
    if (dayOfDailyNote(path, settings) !== null) return `${period.kind} ${period.id}`;
  }
  return null;
}

const folders = ['', 'Daily', 'Daily/', 'Reviews', 'Daily/Reviews', 'Dai', 'Daily2', 'Journal', 'Journal/Daily', 'Jöurnal', 'Jöurnal/Daily', '/Daily', 'Daily//Sub'];
const formats = ['YYYY-MM-DD', 'YYYY/MM/DD', '[Daily/]YYYY-MM-DD', '[../Daily/]YYYY-MM-DD', '[/]YYYY-MM-DD', 'gggg-[W]ww', 'YYYY-MM'];

describe('reviewMeetsDaily skips only folders no review note can share with the daily notes', () => {
  it('answers as trying every probe does, for folders inside, around, beside and apart from the daily folder', () => {
    for (const dailyFolder of folders) {
      for (const reviewsFolder of folders) {
        for (const format of formats) {
          for (const dailyFormat of ['YYYY-MM-DD', 'YYYY/MM/DD']) {
            const settings: DaybookSettings = { ...DEFAULT_SETTINGS, dailyFolder, dailyFormat, reviewsFolder, reviewFormats: { ...DEFAULT_SETTINGS.reviewFormats, week: format, month: format } };
            const meets = reviewMeetsDaily(settings);
            expect([dailyFolder, reviewsFolder, format, dailyFormat, meets === null]).toEqual([dailyFolder, reviewsFolder, format, dailyFormat, everyProbe(settings) === null]);
          }
        }
      }
    }
  });

  it('still refuses a periodic note folder inside the daily folder when Daybook’s own folder lies apart', () => {
    const settings: DaybookSettings = { ...DEFAULT_SETTINGS, dailyFolder: 'Daily', dailyFormat: 'YYYY-MM-DD', reviewsFolder: 'Reviews', periodic: { week: { folder: 'Daily/Weeks', format: 'YYYY-MM-DD', template: '', source: 'Periodic Notes' } } };
    expect(reviewMeetsDaily(settings)?.kind).toBe('week');
    expect(everyProbe(settings)).not.toBeNull();
  });
});
