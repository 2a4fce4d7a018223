import type callableMoment from 'moment';
import { moment as appMoment } from 'obsidian';
import type { DateFormatter } from '../core/dates/dateFormatter';

// obsidian.d.ts types its moment as the module namespace, which TypeScript will not call with esModuleInterop.
const moment = appMoment as unknown as typeof callableMoment;

function strict(text: string, pattern: string): Date | null {
  const parsed = moment(text, pattern, true);
  return parsed.isValid() ? parsed.toDate() : null;
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
  format: (date, pattern) => moment(date).format(pattern),
  weekStart: () => moment.localeData().firstDayOfWeek(),
  parse(text, pattern) {
    const formatsBack = (date: Date | null): date is Date => date !== null && moment(date).format(pattern) === text;
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
