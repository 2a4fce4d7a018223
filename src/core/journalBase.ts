import type { DaybookSettings } from './settings';
import { escapeRegExp } from './text';

/** Where the journal's base is written: beside the daily notes' folder, named for what it shows. */
export const JOURNAL_BASE_NAME = 'Daybook journal.base';

export function journalBasePath(settings: DaybookSettings): string {
  return settings.dailyFolder ? `${settings.dailyFolder}/${JOURNAL_BASE_NAME}` : JOURNAL_BASE_NAME;
}

/** Where the year, month and day sit in a daily note's name, for a format Bases can read back. */
interface NameLayout {
  /** Matches the names of the format, and nothing else of the same length. */
  pattern: string;
  year: number;
  month: number;
  day: number;
}

/**
 * Reads the last segment of the daily format (the note's name) when it is
 * made of `YYYY`, `MM`, `DD` and literal text only: Bases' `date()` reads
 * `YYYY-MM-DD`, so the day is cut out of the name at fixed places. Null for a
 * format with names of varying shape (`dddd, Do MMMM YYYY`).
 */
function nameLayout(dailyFormat: string): NameLayout | null {
  const name = dailyFormat.slice(dailyFormat.lastIndexOf('/') + 1);
  let pattern = '';
  let offset = 0;
  const at: Partial<Record<'year' | 'month' | 'day', number>> = {};
  for (const [token] of name.matchAll(/\[[^\]]*\]|YYYY|MM|DD|[A-Za-z]+|[^A-Za-z[]+/g)) {
    const text = token.startsWith('[') ? token.slice(1, -1) : token;
    const field = token === 'YYYY' ? 'year' : token === 'MM' ? 'month' : token === 'DD' ? 'day' : null;
    if (field) {
      if (at[field] !== undefined) return null;
      at[field] = offset;
      pattern += `\\d{${token.length}}`;
      offset += token.length;
    } else if (/^[A-Za-z]/.test(token) && !token.startsWith('[')) {
      return null;
    } else {
      pattern += escapeRegExp(text);
      offset += text.length;
    }
  }
  if (at.year === undefined || at.month === undefined || at.day === undefined) return null;
  // `file.name` holds the extension: the help documents it, not `file.basename`.
  return { pattern: `^${pattern}\\.md$`, year: at.year, month: at.month, day: at.day };
}

/**
 * A YAML scalar for any text: single-quoted, as the help writes expressions
 * holding double quotes (only `'` is doubled there, `\d` stays as typed); text
 * with control characters double-quoted as JSON writes it, which is YAML too.
 */
function quoted(text: string): string {
  const plain = [...text].every((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f);
  return plain ? `'${text.replace(/'/g, "''")}'` : JSON.stringify(text);
}

/**
 * The journal as an Obsidian base (`.base`, help: *Bases syntax*): the daily
 * notes as rows, each slider's property a column with its average as the
 * column's summary, newest first, and a second view grouped by ISO week as
 * Daybook's weekly reviews are. Null, with the reason, when the daily note
 * names cannot be read back as dates by Bases.
 */
export function renderJournalBase(settings: DaybookSettings): { text: string } | { problem: string } {
  const layout = nameLayout(settings.dailyFormat);
  if (!layout) return { problem: `the daily note format "${settings.dailyFormat}" gives names Bases cannot read as dates; a base needs one made of YYYY, MM and DD (such as YYYY-MM-DD)` };
  const part = (start: number, length: number) => `file.name.slice(${start}, ${start + length})`;
  const day = `date(${part(layout.year, 4)} + "-" + ${part(layout.month, 2)} + "-" + ${part(layout.day, 2)})`;
  const filters = ['file.ext == "md"', `/${layout.pattern.replace(/\//g, '\\/')}/.matches(file.name)`];
  // A text literal of the expression language, inside the YAML scalar.
  if (settings.dailyFolder) filters.splice(1, 0, `file.inFolder(${JSON.stringify(settings.dailyFolder)})`);
  const columns = ['file.name', ...settings.sliders.map((slider) => `note.${slider.property}`)];
  const lines = [
    '# Written by Daybook from your settings: the daily notes, their mood sliders, newest first.',
    'filters:',
    '  and:',
    ...filters.map((filter) => `    - ${quoted(filter)}`),
    'formulas:',
    `  day: ${quoted(day)}`,
    `  week: ${quoted('formula.day.format("GGGG-[W]WW")')}`,
    'properties:',
    '  formula.day:',
    '    displayName: Day',
    '  formula.week:',
    '    displayName: Week',
    ...settings.sliders.flatMap((slider) => [`  note.${slider.property}:`, `    displayName: ${quoted(slider.question || slider.property)}`]),
  ];
  const view = (name: string, grouped: boolean) => [
    '  - type: table',
    `    name: ${quoted(name)}`,
    ...(grouped ? ['    groupBy:', '      property: formula.week', '      direction: DESC'] : []),
    '    order:',
    ...columns.map((column) => `      - ${column}`),
    '    sort:',
    '      - property: formula.day',
    '        direction: DESC',
    ...(settings.sliders.length ? ['    summaries:', ...settings.sliders.map((slider) => `      note.${slider.property}: Average`)] : []),
  ];
  lines.push('views:', ...view('Days', false), ...view('By week', true));
  return { text: lines.join('\n') + '\n' };
}

export interface BaseOutcome {
  path: string;
  status: 'created' | 'updated' | 'unchanged' | 'kept' | 'refused';
  message: string;
}

/**
 * Writes the journal's base. A base the user changed in the app (a view
 * added, a column moved) is theirs: kept, unless `replace`; one that is
 * already what Daybook writes is not touched.
 */
export async function writeJournalBase(
  store: { readIfExists(path: string): Promise<string | null>; update(path: string, change: (current: string | null) => string | null): Promise<boolean> },
  settings: DaybookSettings,
  replace = false,
): Promise<BaseOutcome> {
  const path = journalBasePath(settings);
  const rendered = renderJournalBase(settings);
  if ('problem' in rendered) return { path, status: 'refused', message: `${path} not written: ${rendered.problem}` };
  let status: BaseOutcome['status'] = 'unchanged';
  await store.update(path, (current) => {
    if (current === rendered.text) status = 'unchanged';
    else if (current !== null && !replace) status = 'kept';
    else {
      status = current === null ? 'created' : 'updated';
      return rendered.text;
    }
    return null;
  });
  const messages = {
    created: `created ${path}`,
    updated: `rewrote ${path}`,
    unchanged: `${path} is up to date; not written`,
    kept: `${path} was changed since Daybook wrote it; left as it is; delete it to have Daybook write it afresh`,
  };
  return { path, status, message: messages[status] };
}
