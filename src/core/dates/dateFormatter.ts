import { formatMoment, parseMoment } from './momentFormat';

/**
 * Formats and parses dates written in moment's syntax (`YYYY-MM-DD`,
 * `dddd, MMMM Do`, `gggg-[W]ww`). Daily note names, review note names and
 * template dates all go through the one in use, so the plugin can hand in the
 * app's own moment (the user's language, and its week rules for `ww`/`gggg`)
 * and name the same files the core Daily notes plugin names, while the CLI
 * keeps the date-fns translation, in English.
 */
export interface DateFormatter {
  format(date: Date, pattern: string): string;
  /** Strict: the text must format back to itself; null when it is not a date of that pattern. */
  parse(text: string, pattern: string): Date | null;
  /** The first day of the language's week, 0 = Sunday (the weeks of `ww`, `gggg`, `{{monday:…}}`); Sunday when absent. */
  weekStart?(): number;
}

/** The default: moment tokens translated to date-fns, English names, weeks from Sunday. */
export const dateFnsFormatter: DateFormatter = { format: formatMoment, parse: parseMoment, weekStart: () => 0 };

let current: DateFormatter = dateFnsFormatter;

/** Puts `formatter` in use; the returned function puts the previous one back (the plugin calls it on unload). */
export function useDateFormatter(formatter: DateFormatter): () => void {
  const previous = current;
  current = formatter;
  return () => {
    if (current === formatter) current = previous;
  };
}

export function dateFormatter(): DateFormatter {
  return current;
}

export function formatDate(date: Date, pattern: string): string {
  return current.format(date, pattern);
}

export function parseDate(text: string, pattern: string): Date | null {
  return current.parse(text, pattern);
}
