import { UTCDate } from '@date-fns/utc';
import type callableMoment from 'moment';
import { moment as appMoment } from 'obsidian';
import type { DateFormatter } from '../core/dates/dateFormatter';

// obsidian.d.ts types its moment as the module namespace, which TypeScript will not call with esModuleInterop.
const moment = appMoment as unknown as typeof callableMoment;

/**
 * Calendar days are Dates read through their UTC fields (see calendarDate), so
 * moment works in UTC too: a day the local time zone skipped (Pacific/Apia,
 * 2011-12-30) is still a day, and named as the core plugin names it. A plain
 * Date (now) is taken by its own fields, so its local clock time is kept.
 */
function momentOf(date: Date) {
  return moment.utc([date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds()]);
}

function strict(text: string, pattern: string): Date | null {
  const parsed = moment.utc(text, pattern, true);
  return parsed.isValid() ? new UTCDate(parsed.valueOf()) : null;
}

/**
 * Dates through the app's own moment, which carries the user's language and
 * its week rules: `dddd`, `MMMM`, `Do`, `ww` and `gggg` come out as the core
 * Daily notes plugin writes them. Parsing is strict and must format back to
 * the same text; a format with folders (`YYYY/MM/YYYY-MM-DD`) may repeat a
 * field, so its segments are tried from the last, as the core plugin reads
 * the note's own name.
 */
export const appDates: DateFormatter = {
  format: (date, pattern) => momentOf(date).format(pattern),
  weekStart: () => moment.localeData().firstDayOfWeek(),
  parse(text, pattern) {
    const formatsBack = (date: Date | null): date is Date => date !== null && momentOf(date).format(pattern) === text;
    const whole = strict(text, pattern);
    if (formatsBack(whole)) return whole;
    const textParts = text.split('/');
    const patternParts = pattern.split('/');
    if (textParts.length !== patternParts.length || patternParts.length < 2) return null;
    for (let i = patternParts.length - 1; i >= 0; i--) {
      const date = strict(textParts[i], patternParts[i]);
      if (formatsBack(date)) return date;
    }
    return null;
  },
};
