import type { Plugin } from 'obsidian';

/** Obsidian 1.12.2's command-line API, declared here so older type packages and apps still work. */
interface CliFlag {
  value?: string;
  description: string;
}
type CliHandler = (params: Record<string, string>) => string | Promise<string>;
interface CliCapablePlugin {
  registerCliHandler(command: string, description: string, flags: Record<string, CliFlag> | null, handler: CliHandler): void;
}

export interface CliVerbs {
  review(period: string, date: string | undefined): Promise<string>;
  daily(date: string | undefined): Promise<string>;
}

/**
 * Registers `daybook:review` and `daybook:daily` with Obsidian's own command
 * line where the app has it; older apps skip this and load the plugin as usual.
 */
export function registerCliVerbs(plugin: Plugin, verbs: CliVerbs): boolean {
  const capable = plugin as unknown as Partial<CliCapablePlugin>;
  if (typeof capable.registerCliHandler !== 'function') return false;
  capable.registerCliHandler.call(
    plugin,
    'daybook:review',
    'Write the review of a period (2026-W47, 2026-11, 2026-Q4, 2026, or week|month|quarter|year)',
    { period: { value: '<period>', description: 'The period, default week' }, date: { value: '<YYYY-MM-DD>', description: 'The day the period holds, default today' } },
    (params) => verbs.review(params.period ?? 'week', params.date),
  );
  capable.registerCliHandler.call(
    plugin,
    'daybook:daily',
    "Create a day's daily note from the template if missing, and print its path",
    { date: { value: '<YYYY-MM-DD>', description: 'The day, default today' } },
    (params) => verbs.daily(params.date),
  );
  return true;
}
