import { formatMoment } from './dates/momentFormat';
import { calendarDate, type PeriodKind } from './dates/periods';
import type { PeriodicNote, PeriodicNotes } from './periodicNotes';
import { unlinkableName } from './review/escape';
import { reviewMeetsDaily } from './reviewMeetsDaily';
import { outsideVaultProblem } from './vault';

/** One mood slider: the question it answers and the frontmatter property it writes. */
export interface SliderSetting {
  question: string;
  property: string;
  min: number;
  max: number;
  step: number;
}

/**
 * Daybook's settings, shared by the plugin (its data.json) and the CLI (which
 * reads the same file from the vault). Empty daily-note fields mean "use the
 * core Daily notes plugin's setting".
 */
export interface DaybookSettings {
  dailyFolder: string;
  dailyFormat: string;
  /**
   * Other names a daily note may have, set for a Logseq graph only (never stored): Logseq
   * takes `journals/2022-04-26.md` as that day's journal whatever its file name format.
   */
  dailyFormatsAlso?: string[];
  templatePath: string;
  peopleFolder: string;
  topicsFolder: string;
  reviewsFolder: string;
  reviewFormats: Record<PeriodKind, string>;
  goalsNote: string;
  /** The incident index note: its folder (empty: the reviews folder) and name. */
  incidentIndexFolder: string;
  incidentIndexName: string;
  /** How `daybook export` and "Copy review for sharing" write people's names: as written, or as initials. */
  exportNames: 'full' | 'initials';
  sliders: SliderSetting[];
  /** What feeds the yearly review's brag sections: tags (without `#`), section names and note types. */
  brag: BragSettings;
  /**
   * The user's own periodic notes (Periodic Notes or Journals), per kind: a
   * review goes into that note instead of the reviews folder. Never stored in
   * data.json; read from those plugins' settings each time.
   */
  periodic?: PeriodicNotes;
  /**
   * Tags that mark what a line is (`#task`, `#meeting/1:1`, `#Priority/P0`)
   * rather than what it is about: never topics. Without `#`; a nested tag
   * counts by its first part; case and `-`/`_` are ignored.
   */
  markerTags: string[];
  /**
   * Whether a tag written alone as the first line of most of a period's days (`- #pj` with the
   * day's entry under it) is a marker in that review: it says what kind of entry the day is.
   */
  openingTagMarkers: boolean;
  /** Where meeting notes live: a note here named by a date (`2026-11-16 1-1 Ana`) or with a `date:` property is a meeting of that day. */
  meetingsFolder: string;
  /** Whether meeting notes belong to their day: read with the day's notes, listed under *Meetings*. */
  meetingNotes: boolean;
  /** Whether what is written under a link to a day in a person's or meeting's note (`- [[2024-04-01]]` and the 1:1 notes under it) belongs to that day. */
  filedUnderDays: boolean;
}

/**
 * Where the yearly review finds its wins, collaboration, design docs and
 * reading. Tags are matched without `#` and case-insensitively; sections by
 * their heading or parent bullet's name; types by a note's `type:` property.
 */
export interface BragSettings {
  highlightTags: string[];
  highlightSections: string[];
  collaborationTags: string[];
  collaborationSections: string[];
  designTypes: string[];
  designTags: string[];
  designSections: string[];
  /** Notes in these folders are design docs / reading, whatever their type. */
  designFolders: string[];
  readingTypes: string[];
  readingTags: string[];
  readingFolders: string[];
  /** Lines tagged so, or under sections of these names (`## Learnings`, `- ## TIL`), are what was learned. */
  learningTags: string[];
  learningSections: string[];
}

/** The core Daily notes plugin's settings (`.obsidian/daily-notes.json`). */
export interface CoreDailyNotesSettings {
  folder?: string;
  format?: string;
  template?: string;
}

export const DEFAULT_DAILY_FORMAT = 'YYYY-MM-DD';

export const DEFAULT_SETTINGS: DaybookSettings = {
  dailyFolder: '',
  dailyFormat: '',
  templatePath: '',
  peopleFolder: 'People',
  topicsFolder: 'Topics',
  reviewsFolder: 'Reviews',
  reviewFormats: { week: 'GGGG-[W]WW', month: 'YYYY-MM', quarter: 'YYYY-[Q]Q', year: 'YYYY' },
  goalsNote: 'Goals',
  incidentIndexFolder: '',
  incidentIndexName: 'Incident index',
  exportNames: 'full',
  sliders: [
    { question: 'How do you feel when you wake up?', property: 'mood_wake', min: 1, max: 10, step: 1 },
    { question: 'How do you feel when you wind down?', property: 'mood_wind', min: 1, max: 10, step: 1 },
  ],
  brag: {
    highlightTags: ['win', 'kudos', 'praise'],
    // Not "Feedback": in meeting notes it holds critiques as often as praise.
    highlightSections: ['Wins', 'Kudos', 'Achievements', 'Accomplishments', 'What did I achieve today'],
    collaborationTags: ['mentoring', 'pairing', 'code-review', 'training'],
    collaborationSections: ['Mentorship', 'Mentoring', 'Collaboration', 'Pairing', 'Reviews', 'Trainings'],
    designTypes: ['design-doc', 'adr', 'doc'],
    designTags: ['design-doc', 'adr'],
    designSections: ['Design', 'Docs', 'Documentation'],
    designFolders: [],
    readingTypes: ['book', 'article', 'course'],
    readingTags: ['book', 'article', 'course'],
    readingFolders: [],
    learningTags: ['til', 'lesson-learned', 'lessons-learned'],
    learningSections: ['Learnings', 'Learned', 'Lessons', 'Lessons learned', 'Lessons learnt', 'TIL', 'Today I learned', 'Today I learnt', 'What I learned', 'What I learnt', 'What did I learn today'],
  },
  // The markers of public work journals: task and meeting tags, priorities, the daily template's own tags.
  meetingsFolder: 'Meetings',
  meetingNotes: true,
  filedUnderDays: true,
  openingTagMarkers: true,
  markerTags: ['task', 'tasks', 'todo', 'todos', 'meeting', 'meetings', 'question', 'questions', 'priority', 'daily', 'daily note', 'daily notes', 'dailynote', 'dailynotes', 'journal', 'fleeting', 'inbox', 'followup', 'follow up', 'next steps', 'nextsteps', 'waiting', '1:1', '1-1', '1on1', 'one on one', 'one to one'],
};

export interface ResolvedSettings {
  settings: DaybookSettings;
  /** Problems found while reading: unknown keys, wrong types. Defaults were used instead. */
  problems: string[];
  /**
   * Settings that would read or write outside the vault, or make two reviews
   * share a note. Their defaults are in force (and each is in `problems` too);
   * the CLI stops on them rather than write somewhere the user did not mean.
   */
  errors: string[];
}

/**
 * How each text setting is checked, beyond being text. Any other string or
 * string-list field of DaybookSettings is checked by the type of its default,
 * so a new field needs no code here unless it names a path.
 */
const PATH_KINDS: Partial<Record<keyof DaybookSettings, 'folder' | 'file' | 'format'>> = {
  dailyFolder: 'folder',
  dailyFormat: 'format',
  templatePath: 'file',
  peopleFolder: 'folder',
  topicsFolder: 'folder',
  reviewsFolder: 'folder',
  meetingsFolder: 'folder',
  goalsNote: 'file',
  incidentIndexFolder: 'folder',
  incidentIndexName: 'file',
};

/** Longest text a setting may hold: a folder, a format or a question, never a document. */
const MAX_TEXT = 1000;
const MAX_LIST = 1000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** Days far apart in every field, to see what a format makes of them: 2025-01-06 (a Monday) … 2026-12-31. */
const PROBE_DAYS = [calendarDate(2025, 1, 6), calendarDate(2025, 4, 14), calendarDate(2026, 7, 1), calendarDate(2026, 12, 31)];

/** Why a date format could name a path outside the vault: its literals (`[../]YYYY`) and what it makes of real dates. */
function formatProblem(format: string): string | null {
  // Empty: inherit the core Daily notes plugin's format (itself checked), or the default.
  if (format === '') return null;
  const direct = outsideVaultProblem(format.replace(/[[\]]/g, ''));
  if (direct) return direct;
  for (const day of PROBE_DAYS) {
    let formatted: string;
    try {
      formatted = formatMoment(day, format);
    } catch {
      return 'is not a date format';
    }
    const problem = outsideVaultProblem(formatted);
    if (problem) return problem;
  }
  return null;
}

/** Why a review format names notes no link can reach (`[W|]WW`, `YYYY[#]`): the review's own navigation links would break. */
function reviewNameProblem(format: string): string | null {
  for (const day of PROBE_DAYS) {
    const problem = unlinkableName(formatMoment(day, format));
    if (problem) return problem;
  }
  return null;
}

function pathProblem(kind: 'folder' | 'file' | 'format', value: string): string | null {
  return kind === 'format' ? formatProblem(value) : outsideVaultProblem(value);
}

/**
 * Pairs of days in different periods of `kind` (and the same period of every
 * larger kind where possible): a review format must give them different names.
 */
const DISTINCT: Record<PeriodKind, [Date, Date][]> = {
  week: [
    [calendarDate(2026, 11, 16), calendarDate(2026, 11, 23)],
    [calendarDate(2026, 1, 5), calendarDate(2027, 1, 4)],
  ],
  month: [
    [calendarDate(2026, 10, 1), calendarDate(2026, 11, 1)],
    [calendarDate(2026, 11, 1), calendarDate(2027, 11, 1)],
  ],
  quarter: [
    [calendarDate(2026, 1, 1), calendarDate(2026, 4, 1)],
    [calendarDate(2026, 10, 1), calendarDate(2027, 10, 1)],
  ],
  year: [[calendarDate(2026, 1, 1), calendarDate(2027, 1, 1)]],
};

/** Why the review formats would make two reviews share one note, or null. */
function sharedReviewNote(formats: Record<PeriodKind, string>): { kind: PeriodKind; message: string } | null {
  const kinds = Object.keys(formats) as PeriodKind[];
  for (const kind of kinds) {
    for (const [a, b] of DISTINCT[kind]) {
      if (formatMoment(a, formats[kind]) === formatMoment(b, formats[kind]))
        return { kind, message: `"${formats[kind]}" gives two different ${kind}s the same note (${formatMoment(a, formats[kind])}); it needs the ${kind}'s date in it` };
    }
  }
  // A week starting on the 1st of a quarter's first month: every kind names the review of that day.
  const day = calendarDate(2024, 1, 1);
  const seen = new Map<string, PeriodKind>();
  for (const kind of kinds) {
    const name = formatMoment(day, formats[kind]);
    const other = seen.get(name);
    if (other) return { kind, message: `"${formats[kind]}" names the ${kind} review like the ${other} review (${name})` };
    seen.set(name, kind);
  }
  return null;
}

function readSlider(raw: unknown, index: number, problems: string[]): SliderSetting | null {
  if (!isRecord(raw)) {
    problems.push(`sliders[${index}] is not an object; ignored`);
    return null;
  }
  const { question, property } = raw;
  if (typeof property !== 'string' || !/^[\p{L}\p{N}_-]+$/u.test(property) || property.length > MAX_TEXT) {
    problems.push(`sliders[${index}].property must be a property name; slider ignored`);
    return null;
  }
  const number = (key: 'min' | 'max' | 'step', fallback: number): number => {
    const value = raw[key];
    if (value === undefined) return fallback;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    problems.push(`sliders[${index}].${key} is ${show(value)}, not a number; using ${fallback}`);
    return fallback;
  };
  if (question !== undefined && typeof question !== 'string') problems.push(`sliders[${index}].question must be text; using none`);
  const slider: SliderSetting = {
    question: typeof question === 'string' ? question.slice(0, MAX_TEXT) : '',
    property,
    min: number('min', 1),
    max: number('max', 10),
    step: number('step', 1),
  };
  // More than 10,000 stops is no slider anyone can drag, and a sign the numbers are wrong.
  if (slider.max <= slider.min || slider.step <= 0 || (slider.max - slider.min) / slider.step > 10_000) {
    problems.push(`sliders[${index}] (${property}) needs min < max and a step > 0 that divides the range in at most 10,000 stops (has min ${slider.min}, max ${slider.max}, step ${slider.step}); using 1–10 step 1`);
    Object.assign(slider, { min: 1, max: 10, step: 1 });
  }
  return slider;
}

/** A text setting's value, or null (reported) when it is not usable. */
function readText(key: string, value: unknown, problems: string[]): string | null {
  if (typeof value !== 'string') {
    problems.push(`${key} must be text, not ${show(value).slice(0, 40)}; using the default`);
    return null;
  }
  if (value.length > MAX_TEXT) {
    problems.push(`${key} is longer than ${MAX_TEXT} characters; using the default`);
    return null;
  }
  return value.trim();
}

function readTextList(key: string, value: unknown, problems: string[]): string[] | null {
  if (!Array.isArray(value) || value.length > MAX_LIST || value.some((item) => typeof item !== 'string' || item.length > MAX_TEXT)) {
    problems.push(`${key} must be a list of texts; using the default`);
    return null;
  }
  return (value as string[]).map((item) => item.trim());
}

/** Each brag list replaces its default when it is a list of words; anything else is reported and the default kept. */
function readBrag(raw: unknown, brag: BragSettings, problems: string[]): void {
  if (!isRecord(raw)) {
    problems.push('brag must be an object; using defaults');
    return;
  }
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.prototype.hasOwnProperty.call(brag, key)) problems.push(`brag.${key} is not a brag setting; ignored`);
    else if (!Array.isArray(value) || value.length > MAX_LIST || !value.every((word) => typeof word === 'string' && word.length <= MAX_TEXT)) problems.push(`brag.${key} must be a list of words; using defaults`);
    else {
      const folders = key === 'designFolders' || key === 'readingFolders';
      brag[key as keyof BragSettings] = value.map((word: string) => (folders ? vaultPath(word.trim()) : word.trim().replace(/^#/, ''))).filter((word) => word !== '');
    }
  }
}

/**
 * Validates stored settings. Never throws: every unknown key or wrong type is
 * reported and replaced by its default, so one typo does not stop a review.
 */
export function resolveSettings(raw: unknown, core: CoreDailyNotesSettings = {}, periodic: PeriodicNotes = {}): ResolvedSettings {
  const problems: string[] = [];
  const errors: string[] = [];
  const settings: DaybookSettings = structuredClone(DEFAULT_SETTINGS);
  const defaults = DEFAULT_SETTINGS as unknown as Record<string, unknown>;
  const target = settings as unknown as Record<string, unknown>;
  if (raw !== undefined && raw !== null && !isRecord(raw)) {
    problems.push(`settings are ${Array.isArray(raw) ? 'a list' : show(raw)}, not a JSON object; using defaults`);
    raw = {};
  }
  const input = (raw ?? {}) as Record<string, unknown>;
  const unsafe = (key: string, value: string, problem: string, fallback: unknown = defaults[key]): void => {
    const message = `${key} "${value.split('\u0000').join('\\0')}" ${problem}; using ${show(fallback ?? '')}`;
    errors.push(message);
    problems.push(message);
  };
  for (const [key, value] of Object.entries(input)) {
    const fallback = Object.prototype.hasOwnProperty.call(defaults, key) ? defaults[key] : undefined;
    if (typeof fallback === 'string') {
      const text = readText(key, value, problems);
      const kind = PATH_KINDS[key as keyof DaybookSettings];
      const problem = text !== null && kind ? (pathProblem(kind, text) ?? (key === 'reviewsFolder' ? unlinkableName(text) : null)) : null;
      if (problem) unsafe(key, text ?? '', problem);
      else if (text !== null) target[key] = text;
    } else if (Array.isArray(fallback) && key !== 'sliders') {
      const list = readTextList(key, value, problems);
      // Tags are written with or without `#`, as in brag's lists.
      if (list !== null) target[key] = key === 'markerTags' ? list.map((tag) => tag.replace(/^#/, '')).filter((tag) => tag !== '') : list;
    } else if (typeof fallback === 'boolean') {
      if (typeof value === 'boolean') target[key] = value;
      else problems.push(`${key} must be true or false, not ${show(value).slice(0, 40)}; using ${String(fallback)}`);
    } else if (key === 'reviewFormats') {
      if (!isRecord(value)) {
        problems.push('reviewFormats must be an object; using defaults');
        continue;
      }
      for (const [kind, fmt] of Object.entries(value)) {
        if (!Object.prototype.hasOwnProperty.call(settings.reviewFormats, kind)) problems.push(`reviewFormats.${kind} is not a period (week, month, quarter, year); ignored`);
        else if (typeof fmt !== 'string' || fmt.trim() === '' || fmt.length > MAX_TEXT) problems.push(`reviewFormats.${kind} must be a format; using default`);
        else {
          const problem = formatProblem(fmt.trim()) ?? reviewNameProblem(fmt.trim());
          if (problem) unsafe(`reviewFormats.${kind}`, fmt.trim(), problem, DEFAULT_SETTINGS.reviewFormats[kind as PeriodKind]);
          else settings.reviewFormats[kind as PeriodKind] = fmt.trim();
        }
      }
    } else if (key === 'brag') {
      readBrag(value, settings.brag, problems);
    } else if (key === 'sliders') {
      if (!Array.isArray(value)) {
        problems.push('sliders must be a list; using defaults');
        continue;
      }
      settings.sliders = value
        .slice(0, MAX_LIST)
        .map((s, i) => readSlider(s, i, problems))
        .filter((s): s is SliderSetting => s !== null);
    } else {
      problems.push(`unknown setting "${key}"; ignored`);
    }
  }
  const shared = sharedReviewNote(settings.reviewFormats);
  if (shared) {
    const message = `reviewFormats.${shared.kind} ${shared.message}; using "${DEFAULT_SETTINGS.reviewFormats[shared.kind]}"`;
    errors.push(message);
    problems.push(message);
    settings.reviewFormats = { ...DEFAULT_SETTINGS.reviewFormats };
  }
  // Periodic Notes' daily settings, when it keeps the daily notes, else the core Daily notes plugin's, fill the gaps, checked the same way.
  const daily = periodic.day ? { folder: periodic.day.folder, format: periodic.day.format, template: periodic.day.template } : core;
  const dailySource = periodic.day ? `${periodic.day.source} daily` : 'daily-notes.json';
  const inherit = (key: 'dailyFolder' | 'dailyFormat' | 'templatePath', coreKey: keyof CoreDailyNotesSettings): void => {
    const value: unknown = daily[coreKey];
    if (settings[key] !== '' || typeof value !== 'string' || value.length > MAX_TEXT) return;
    const problem = pathProblem(PATH_KINDS[key] ?? 'file', value.trim());
    if (problem) unsafe(`${dailySource} ${coreKey}`, value.trim(), problem, key === 'dailyFormat' ? DEFAULT_DAILY_FORMAT : '');
    else settings[key] = value.trim();
  };
  inherit('dailyFolder', 'folder');
  inherit('dailyFormat', 'format');
  inherit('templatePath', 'template');
  if (settings.dailyFormat === '') settings.dailyFormat = DEFAULT_DAILY_FORMAT;
  for (const key of ['dailyFolder', 'peopleFolder', 'topicsFolder', 'reviewsFolder', 'templatePath', 'goalsNote'] as const) settings[key] = vaultPath(settings[key]);
  const reviewNotes = periodicReviewNotes(periodic, (message) => {
    errors.push(message);
    problems.push(message);
  });
  if (reviewNotes) settings.periodic = reviewNotes;
  settings.incidentIndexFolder = vaultPath(settings.incidentIndexFolder);
  if (settings.incidentIndexName.trim() === '') settings.incidentIndexName = DEFAULT_SETTINGS.incidentIndexName;
  if (settings.exportNames !== 'full' && settings.exportNames !== 'initials') {
    problems.push(`exportNames must be "full" or "initials"; using "full"`);
    settings.exportNames = 'full';
  }
  // A user's periodic note that would be a daily note is refused first, naming the plugin whose settings say so;
  // then Daybook's own folder and formats.
  for (let meets = reviewMeetsDaily(settings); meets; meets = reviewMeetsDaily(settings)) {
    const own = settings.periodic?.[meets.kind];
    const message = own
      ? `${own.source}' ${meets.kind}ly notes (folder "${own.folder}", format "${own.format}"): ${meets.text}; using Daybook's reviews folder for the ${meets.kind}ly reviews`
      : `reviewsFolder "${settings.reviewsFolder}" and reviewFormats: ${meets.text}; using "${DEFAULT_SETTINGS.reviewsFolder}" and the default formats`;
    errors.push(message);
    problems.push(message);
    if (own && settings.periodic) {
      delete settings.periodic[meets.kind];
      continue;
    }
    settings.reviewsFolder = DEFAULT_SETTINGS.reviewsFolder;
    settings.reviewFormats = { ...DEFAULT_SETTINGS.reviewFormats };
    break;
  }
  settings.meetingsFolder = vaultPath(settings.meetingsFolder);
  return { settings, problems, errors };
}

/** The user's weekly, monthly, quarterly and yearly notes that are safe to write into; a path out of the vault is an error. */
function periodicReviewNotes(periodic: PeriodicNotes, unsafe: (message: string) => void): PeriodicNotes | null {
  const kept: PeriodicNotes = {};
  for (const kind of ['week', 'month', 'quarter', 'year'] as const) {
    const note: PeriodicNote | undefined = periodic[kind];
    if (!note) continue;
    const checks: [string, string | null][] = [
      ['folder', outsideVaultProblem(note.folder)],
      ['format', note.format.length > MAX_TEXT ? 'is too long' : formatProblem(note.format)],
      ['template', outsideVaultProblem(note.template)],
    ];
    const bad = checks.find(([, problem]) => problem !== null);
    if (bad) unsafe(`${note.source} ${kind} ${bad[0]} "${note[bad[0] as 'folder' | 'format' | 'template']}" ${bad[1]}; using Daybook's own ${kind} review note`);
    else kept[kind] = note;
  }
  return Object.keys(kept).length ? kept : null;
}

export function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

/**
 * A folder or note path as users type it, the way the vault names it:
 * `\` is a separator (Obsidian allows no `\` in names), `./` and empty parts
 * go, and so do slashes at either end — `.\Daily\` is `Daily`, `./` the vault
 * itself. Applied after the outside-the-vault check, which sees what was typed.
 */
export function vaultPath(path: string): string {
  return path
    .split(/[\\/]+/)
    .filter((part) => part !== '' && part !== '.')
    .join('/');
}
