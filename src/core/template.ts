import { addDays, addHours, addMinutes, addMonths, addQuarters, addSeconds, addWeeks, addYears } from 'date-fns';
import { dayToDate } from './dates/periods';
import { formatDate } from './dates/dateFormatter';
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
  const date = dayToDate(context.day);
  const at = new Date(date.getFullYear(), date.getMonth(), date.getDate(), context.now.getHours(), context.now.getMinutes(), context.now.getSeconds());
  const dateFormat = context.dateFormat ?? context.settings.dailyFormat;
  return template.replace(TOKEN, (token, name: string, amount: string | undefined, unit: string | undefined, fmt?: string) => {
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
