import type { Plugin } from 'obsidian';
import { isDay } from '../core/dates/periods';

/**
 * Obsidian 1.12.2's command-line API, declared here so older type packages
 * and apps still work; tests/obsidian/cliHandlers.test.ts checks it against
 * the newest types' own (`CliData`, `CliFlags`, `CliHandler`).
 */
export interface CliFlag {
  value?: string;
  description: string;
  required?: boolean;
}
/** A flag given without a value (`daybook:daily date`) arrives as the text 'true'. */
export type CliParams = Record<string, string>;
export type CliHandler = (params: CliParams) => string | Promise<string>;
export interface CliCapablePlugin {
  registerCliHandler(command: string, description: string, flags: Record<string, CliFlag> | null, handler: CliHandler): void;
}

export interface CliVerbs {
  /** `date` is a real day (YYYY-MM-DD) or undefined: today. */
  review(period: string, date: string | undefined): Promise<string>;
  daily(date: string | undefined): Promise<string>;
}

/** A `date=` that is not a day is an error, never silently today. */
function checkedDate(params: CliParams): { date: string | undefined } | { error: string } {
  const date = params.date;
  if (date === undefined) return { date: undefined };
  if (isDay(date)) return { date };
  return { error: `Error: date=${date === 'true' ? '' : date} is not a day; give it as YYYY-MM-DD, or leave date out for today` };
}

/**
 * Registers `daybook:review` and `daybook:daily` with Obsidian's own command
 * line where the app has it; older apps skip this and load the plugin as
 * usual. The app refuses a command ID registered already (a plugin reloaded
 * before its old handlers were dropped): that one is skipped, the plugin
 * still loads. Resolves to the commands registered.
 */
export function registerCliVerbs(plugin: Plugin, verbs: CliVerbs): string[] {
  const capable = plugin as unknown as Partial<CliCapablePlugin>;
  const register = capable.registerCliHandler;
  if (typeof register !== 'function') return [];
  const registered: string[] = [];
  const add = (command: string, description: string, flags: Record<string, CliFlag>, handler: CliHandler) => {
    try {
      register.call(plugin, command, description, flags, handler);
      registered.push(command);
    } catch (error) {
      console.warn(`Daybook: ${command} is not on Obsidian's command line: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  add(
    'daybook:review',
    'Write the review of a period (2026-W47, 2026-11, 2026-Q4, 2026, or week|month|quarter|year)',
    { period: { value: '<period>', description: 'The period, default week' }, date: { value: '<YYYY-MM-DD>', description: 'The day the period holds, default today' } },
    (params) => {
      const date = checkedDate(params);
      return 'error' in date ? date.error : verbs.review(params.period ?? 'week', date.date);
    },
  );
  add('daybook:daily', "Create a day's daily note from the template if missing, and print its path", { date: { value: '<YYYY-MM-DD>', description: 'The day, default today' } }, (params) => {
    const date = checkedDate(params);
    return 'error' in date ? date.error : verbs.daily(date.date);
  });
  return registered;
}
