import type { PeriodKind } from './dates/periods';

/**
 * Where the user's own periodic notes live, as the Periodic Notes plugin
 * (0.x and 1.0-beta) or the Journals plugin keep them: the note of a period is
 * `folder/format(date).md`, made from `template` when it is missing. Daybook's
 * review of that period goes into that note, never into a second one.
 */
export interface PeriodicNote {
  folder: string;
  /** Moment format; may hold folders (`YYYY/[W]ww`). */
  format: string;
  /** Vault path of the template, with or without `.md`; empty for none. */
  template: string;
  /** Which plugin's settings said so, for messages. */
  source: 'Periodic Notes' | 'Journals';
  /** Journals only: the journal's name and its `{{date}}` format, which its templates use (the note's name may hold more). */
  journal?: { name: string; dateFormat: string };
}

export type PeriodicNotes = Partial<Record<PeriodKind | 'day', PeriodicNote>>;

export interface PeriodicNotesRead {
  notes: PeriodicNotes;
  problems: string[];
}

/** The formats the plugins fall back on when a format is left empty (the daily-notes interface's defaults). */
const DEFAULT_FORMATS: Record<PeriodKind | 'day', string> = {
  day: 'YYYY-MM-DD',
  week: 'gggg-[W]ww',
  month: 'YYYY-MM',
  quarter: 'YYYY-[Q]Q',
  year: 'YYYY',
};

/** Periodic Notes 0.x keys its sections by periodicity, 1.0-beta's calendar sets by granularity. */
const PERIODICITY: Record<PeriodKind | 'day', string> = { day: 'daily', week: 'weekly', month: 'monthly', quarter: 'quarterly', year: 'yearly' };
const KINDS: (PeriodKind | 'day')[] = ['day', 'week', 'month', 'quarter', 'year'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** One enabled section, or null: a disabled or absent section keeps Daybook's own notes for that kind. */
function section(raw: unknown, kind: PeriodKind | 'day', source: PeriodicNote['source']): PeriodicNote | null {
  if (!isRecord(raw) || raw.enabled !== true) return null;
  return {
    folder: text(raw.folder).replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/^\/+|\/+$/g, ''),
    format: text(raw.format) || DEFAULT_FORMATS[kind],
    template: text(raw.templatePath) || text(raw.template),
    source,
  };
}

/**
 * Periodic Notes' data.json. 0.x: `{daily|weekly|monthly|quarterly|yearly:
 * {enabled, format, folder, template}}`. 1.0-beta: `{calendarSets: [{id,
 * day|week|month|quarter|year: {enabled, format, folder, templatePath}}],
 * activeCalendarSet}`, the active set (else the first) being the one in use.
 */
export function readPeriodicNotesSettings(raw: unknown): PeriodicNotesRead {
  const notes: PeriodicNotes = {};
  if (!isRecord(raw)) return { notes, problems: raw === undefined || raw === null ? [] : ['periodic-notes data.json is not a JSON object; ignored'] };
  if (Array.isArray(raw.calendarSets)) {
    const sets = raw.calendarSets.filter(isRecord);
    const active = sets.find((set) => set.id === raw.activeCalendarSet) ?? sets[0];
    for (const kind of KINDS) {
      const found = active ? section(active[kind], kind, 'Periodic Notes') : null;
      if (found) notes[kind] = found;
    }
    return { notes, problems: [] };
  }
  for (const kind of KINDS) {
    const found = section(raw[PERIODICITY[kind]], kind, 'Periodic Notes');
    if (found) notes[kind] = found;
  }
  return { notes, problems: [] };
}

/** `[literal]` for moment; a `]` inside cannot be escaped, so it is closed and reopened around. */
function literal(value: string): string {
  return value === '' ? '' : value.split(']').map((part) => (part ? `[${part}]` : '')).join(']');
}

/**
 * A Journals name or folder template (`{{date}}`, `{{date:FORMAT}}`,
 * `{{journal_name}}`, text) as one moment format, or null when it holds a
 * variable no date format can stand for (`{{index}}`, `{{start_date}}`, …).
 */
function journalTemplateFormat(template: string, dateFormat: string, name: string): string | null {
  let format = '';
  let last = 0;
  for (const match of template.matchAll(/\{\{\s*([a-z_]+)\s*(?::([^}]*))?\}\}/gi)) {
    format += literal(template.slice(last, match.index));
    last = match.index + match[0].length;
    const variable = match[1].toLowerCase();
    if (variable === 'date') format += match[2]?.trim() || dateFormat;
    else if (variable === 'journal_name') format += literal(name);
    else return null;
  }
  return format + literal(template.slice(last));
}

/**
 * The Journals plugin's data.json: `{journals: {id: {name, write: {type},
 * dateFormat, nameTemplate, folder, templates}}}`. Only journals written
 * once a day, week, month, quarter or year are periodic notes; the first of
 * each kind is used, and a folder holding date variables becomes part of the format.
 */
export function readJournalsSettings(raw: unknown): PeriodicNotesRead {
  const notes: PeriodicNotes = {};
  const problems: string[] = [];
  if (!isRecord(raw) || !isRecord(raw.journals)) return { notes, problems };
  for (const [id, journal] of Object.entries(raw.journals)) {
    if (!isRecord(journal) || !isRecord(journal.write)) continue;
    const kind = journal.write.type as PeriodKind | 'day';
    if (!KINDS.includes(kind) || notes[kind]) continue;
    const name = text(journal.name) || id;
    const dateFormat = text(journal.dateFormat) || DEFAULT_FORMATS[kind];
    const folderTemplate = text(journal.folder).replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/^\/+|\/+$/g, '');
    const nameFormat = journalTemplateFormat(text(journal.nameTemplate) || '{{date}}', dateFormat, name);
    const folderFormat = journalTemplateFormat(folderTemplate, dateFormat, name);
    if (nameFormat === null || folderFormat === null) {
      problems.push(`Journals journal "${name}" names its notes with more than a date; Daybook keeps its own ${kind === 'day' ? 'daily' : kind} notes`);
      continue;
    }
    const templates = Array.isArray(journal.templates) ? journal.templates.filter((t): t is string => typeof t === 'string' && t.trim() !== '') : [];
    // A folder with date variables is part of the name; a plain one stays a folder.
    const dated = folderTemplate.includes('{{');
    notes[kind] = {
      folder: dated ? '' : folderTemplate,
      format: dated ? `${folderFormat}/${nameFormat}` : nameFormat,
      template: templates[0]?.trim() ?? '',
      source: 'Journals',
      journal: { name, dateFormat },
    };
  }
  return { notes, problems };
}

/** Periodic Notes first, as it is the one most vaults have; Journals fills the kinds it leaves. */
export function combinePeriodicNotes(periodic: PeriodicNotes, journals: PeriodicNotes): PeriodicNotes {
  return { ...journals, ...periodic };
}

/** The Obsidian ids of the plugins whose settings are read, as in `.obsidian/community-plugins.json`. */
export const PERIODIC_NOTES_ID = 'periodic-notes';
export const JOURNALS_ID = 'journals';
export const TEMPLATER_ID = 'templater-obsidian';

/** Which community plugins are enabled: `community-plugins.json` is the list of their ids. */
export function enabledPlugins(raw: unknown): Set<string> {
  return new Set(Array.isArray(raw) ? raw.filter((id): id is string => typeof id === 'string') : []);
}

/**
 * The periodic notes of a vault, read the same way by the plugin and the CLI:
 * only from Periodic Notes and Journals while they are enabled.
 * `readJson` resolves a config file's parsed JSON, or undefined when missing.
 */
export async function loadPeriodicNotes(readJson: (path: string) => Promise<unknown>, configDir: string): Promise<PeriodicNotesRead & { enabled: Set<string> }> {
  const enabled = enabledPlugins(await readJson(`${configDir}/community-plugins.json`));
  const periodic = enabled.has(PERIODIC_NOTES_ID) ? readPeriodicNotesSettings(await readJson(`${configDir}/plugins/${PERIODIC_NOTES_ID}/data.json`)) : { notes: {}, problems: [] };
  const journals = enabled.has(JOURNALS_ID) ? readJournalsSettings(await readJson(`${configDir}/plugins/${JOURNALS_ID}/data.json`)) : { notes: {}, problems: [] };
  return { notes: combinePeriodicNotes(periodic.notes, journals.notes), problems: [...periodic.problems, ...journals.problems], enabled };
}
