import { addDays, addHours, addMinutes, addMonths, addQuarters, addSeconds, addWeeks, addYears } from 'date-fns';
import { dayToDate } from './dates/periods';
import { dateFormatter, formatDate } from './dates/dateFormatter';
import type { DaybookSettings } from './settings';

/**
 * The daily note template used when the user has none: the mood questions
 * first, then the sections reviews read.
 */
export function defaultTemplate(settings: DaybookSettings): string {
  const properties = settings.sliders.map((s) => `${s.property}:`).join('\n');
  const questions = settings.sliders.map((s) => `${s.question} {{slider ${s.property}}}`).join('\n\n');
  return [
    ...(properties ? ['---', properties, '---'] : []),
    '## Mood',
    '',
    questions,
    '',
    '- Grateful for: ',
    '- Intention for today: ',
    '',
    '## Projects',
    '',
    '- ',
    '',
    '## Incidents',
    '',
    '## Journal',
    '',
    '- ',
    '',
  ].join('\n');
}

export interface TemplateContext {
  /** The note's day, `YYYY-MM-DD` (a periodic note's: its period's first day). */
  day: string;
  /** The note's name, for `{{title}}`: its file name without `.md`, as core Templates fills it. */
  title: string;
  /** The moment the note is made, for `{{time}}`. */
  now: Date;
  /** The format of a bare `{{date}}`, `{{yesterday}}`, `{{tomorrow}}`: the note's own (a periodic note's format); else the daily format. */
  dateFormat?: string;
  settings: DaybookSettings;
  /** A weekly note's template: `{{monday:FORMAT}}` … `{{sunday:FORMAT}}` name the days of its week, as the daily-notes interface fills them. */
  week?: boolean;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** `{{monday:YYYY-MM-DD}}`: that weekday of the language's week holding `date` (in English weeks from Sunday). */
function fillWeekdays(template: string, date: Date): string {
  const start = dateFormatter().weekStart?.() ?? 0;
  const weekBegins = addDays(date, -((date.getDay() - start + 7) % 7));
  return template.replace(/\{\{\s*(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\s*:([^}]*)\}\}/gi, (_token, weekday: string, format: string) =>
    formatDate(addDays(weekBegins, (WEEKDAYS.indexOf(weekday.toLowerCase()) - start + 7) % 7), format.trim()),
  );
}

/** `{{date+1d}}`'s units, as moment's `add` reads them (the daily-notes interface passes them on): `M` months, `m` minutes. */
const OFFSET: Record<string, (date: Date, amount: number) => Date> = {
  y: addYears,
  Y: addYears,
  q: addQuarters,
  Q: addQuarters,
  M: addMonths,
  w: addWeeks,
  W: addWeeks,
  d: addDays,
  D: addDays,
  h: addHours,
  H: addHours,
  m: addMinutes,
  s: addSeconds,
  S: addSeconds,
};

const TOKEN = /\{\{\s*(date|time|title|yesterday|tomorrow)\s*(?:([+-]\d{1,6})\s*([yqmwdhs]))?\s*(?::([^}]*))?\}\}/gi;

/**
 * Fills the tokens of core Templates and the daily-notes interface (which
 * Periodic Notes uses): `{{date}}`, `{{time}}`, `{{title}}`, `{{date:FORMAT}}`,
 * `{{time:FORMAT}}`, offsets (`{{date+1d:YYYY-MM-DD}}`, `{{date-1w}}`,
 * `{{time+2h}}`), `{{yesterday}}`, `{{tomorrow}}`. Other `{{…}}` (sliders)
 * and Templater's `<% … %>` stay as written.
 */
export function fillTemplate(template: string, context: TemplateContext): string {
  // The day's fields with the clock time of now, in UTC fields like every calendar day (see calendarDate).
  const at = dayToDate(context.day);
  at.setHours(context.now.getHours(), context.now.getMinutes(), context.now.getSeconds());
  const dateFormat = context.dateFormat ?? context.settings.dailyFormat;
  return (context.week ? fillWeekdays(template, at) : template).replace(TOKEN, (token, name: string, amount: string | undefined, unit: string | undefined, fmt?: string) => {
    const custom = fmt?.trim();
    const shifted = amount && unit ? OFFSET[unit](at, Number(amount)) : at;
    switch (name.toLowerCase()) {
      case 'date':
        return formatDate(shifted, custom || dateFormat);
      case 'time':
        return formatDate(shifted, custom || 'HH:mm');
      case 'title':
        return amount ? token : context.title;
      case 'yesterday':
        return amount ? token : formatDate(addDays(at, -1), custom || dateFormat);
      case 'tomorrow':
        return amount ? token : formatDate(addDays(at, 1), custom || dateFormat);
      default:
        return token;
    }
  });
}

/** Templater's command tags: a template holding one needs Templater to be made into a note. */
export function hasTemplaterCommands(template: string): boolean {
  return /<%[\s\S]*?%>/.test(template);
}
