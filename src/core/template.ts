import { addDays } from 'date-fns';
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
  /** The note's day, `YYYY-MM-DD`. */
  day: string;
  /** The note's name, for `{{title}}`. */
  title: string;
  /** The moment the note is made, for `{{time}}`. */
  now: Date;
  settings: DaybookSettings;
}

/**
 * Fills the tokens the core Templates and Daily notes plugins know:
 * `{{date}}`, `{{time}}`, `{{title}}`, `{{date:FORMAT}}`, `{{time:FORMAT}}`,
 * `{{yesterday}}`, `{{tomorrow}}`. Other `{{…}}` (sliders, Templater) stay.
 */
export function fillTemplate(template: string, context: TemplateContext): string {
  // The day's fields with the clock time of now, in UTC fields like every calendar day (see calendarDate).
  const at = dayToDate(context.day);
  at.setHours(context.now.getHours(), context.now.getMinutes(), context.now.getSeconds());
  const dailyFormat = context.settings.dailyFormat;
  return template.replace(/\{\{\s*(date|time|title|yesterday|tomorrow)\s*(?::([^}]*))?\}\}/gi, (token, name: string, fmt?: string) => {
    const custom = fmt?.trim();
    switch (name.toLowerCase()) {
      case 'date':
        return formatDate(at, custom || dailyFormat);
      case 'time':
        return formatDate(at, custom || 'HH:mm');
      case 'title':
        return context.title;
      case 'yesterday':
        return formatDate(addDays(at, -1), custom || dailyFormat);
      case 'tomorrow':
        return formatDate(addDays(at, 1), custom || dailyFormat);
      default:
        return token;
    }
  });
}
