import type { PeriodKind } from './dates/periods';

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
  templatePath: string;
  peopleFolder: string;
  topicsFolder: string;
  reviewsFolder: string;
  reviewFormats: Record<PeriodKind, string>;
  goalsNote: string;
  sliders: SliderSetting[];
  /** What feeds the yearly review's brag sections: tags (without `#`), section names and note types. */
  brag: BragSettings;
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
  sliders: [
    { question: 'How do you feel when you wake up?', property: 'mood_wake', min: 1, max: 10, step: 1 },
    { question: 'How do you feel when you wind down?', property: 'mood_wind', min: 1, max: 10, step: 1 },
  ],
  brag: {
    highlightTags: ['win', 'kudos', 'praise'],
    highlightSections: ['Wins', 'Kudos', 'Feedback'],
    collaborationTags: ['mentoring', 'pairing', 'code-review', 'training'],
    collaborationSections: ['Mentorship', 'Mentoring', 'Collaboration', 'Pairing', 'Reviews', 'Trainings'],
    designTypes: ['design-doc', 'adr', 'doc'],
    designTags: ['design-doc', 'adr'],
    designSections: ['Design', 'Docs', 'Documentation'],
    designFolders: [],
    readingTypes: ['book', 'article', 'course'],
    readingTags: ['book', 'article', 'course'],
    readingFolders: [],
  },
};

export interface ResolvedSettings {
  settings: DaybookSettings;
  /** Problems found while reading: unknown keys, wrong types. Defaults were used instead. */
  problems: string[];
}

const STRING_KEYS = ['dailyFolder', 'dailyFormat', 'templatePath', 'peopleFolder', 'topicsFolder', 'reviewsFolder', 'goalsNote'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readSlider(raw: unknown, index: number, problems: string[]): SliderSetting | null {
  if (!isRecord(raw)) {
    problems.push(`sliders[${index}] is not an object; ignored`);
    return null;
  }
  const { question, property } = raw;
  if (typeof property !== 'string' || !/^[\p{L}\p{N}_-]+$/u.test(property)) {
    problems.push(`sliders[${index}].property must be a property name; slider ignored`);
    return null;
  }
  const number = (key: 'min' | 'max' | 'step', fallback: number): number => {
    const value = raw[key];
    if (value === undefined) return fallback;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    problems.push(`sliders[${index}].${key} is not a number; using ${fallback}`);
    return fallback;
  };
  const slider: SliderSetting = {
    question: typeof question === 'string' ? question : '',
    property,
    min: number('min', 1),
    max: number('max', 10),
    step: number('step', 1),
  };
  if (slider.max <= slider.min || slider.step <= 0) {
    problems.push(`sliders[${index}] (${property}) needs min < max and step > 0; using 1–10 step 1`);
    Object.assign(slider, { min: 1, max: 10, step: 1 });
  }
  return slider;
}

/** Each brag list replaces its default when it is a list of words; anything else is reported and the default kept. */
function readBrag(raw: unknown, brag: BragSettings, problems: string[]): void {
  if (!isRecord(raw)) {
    problems.push('brag must be an object; using defaults');
    return;
  }
  for (const [key, value] of Object.entries(raw)) {
    if (!(key in brag)) problems.push(`brag.${key} is not a brag setting; ignored`);
    else if (!Array.isArray(value) || !value.every((word) => typeof word === 'string')) problems.push(`brag.${key} must be a list of words; using defaults`);
    else {
      const folders = key === 'designFolders' || key === 'readingFolders';
      brag[key as keyof BragSettings] = value.map((word: string) => (folders ? trimSlashes(word.trim()) : word.trim().replace(/^#/, ''))).filter((word) => word !== '');
    }
  }
}

/**
 * Validates stored settings. Never throws: every unknown key or wrong type is
 * reported and replaced by its default, so one typo does not stop a review.
 */
export function resolveSettings(raw: unknown, core: CoreDailyNotesSettings = {}): ResolvedSettings {
  const problems: string[] = [];
  const settings: DaybookSettings = structuredClone(DEFAULT_SETTINGS);
  if (raw !== undefined && raw !== null && !isRecord(raw)) {
    problems.push('settings are not a JSON object; using defaults');
    raw = {};
  }
  const input = (raw ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(input)) {
    if ((STRING_KEYS as readonly string[]).includes(key)) {
      if (typeof value === 'string') (settings as unknown as Record<string, unknown>)[key] = value.trim();
      else problems.push(`${key} must be text; using "${String((DEFAULT_SETTINGS as unknown as Record<string, unknown>)[key])}"`);
    } else if (key === 'reviewFormats') {
      if (!isRecord(value)) {
        problems.push('reviewFormats must be an object; using defaults');
        continue;
      }
      for (const [kind, fmt] of Object.entries(value)) {
        if (!(kind in settings.reviewFormats)) problems.push(`reviewFormats.${kind} is not a period (week, month, quarter, year); ignored`);
        else if (typeof fmt !== 'string' || fmt.trim() === '') problems.push(`reviewFormats.${kind} must be a format; using default`);
        else settings.reviewFormats[kind as PeriodKind] = fmt.trim();
      }
    } else if (key === 'brag') {
      readBrag(value, settings.brag, problems);
    } else if (key === 'sliders') {
      if (!Array.isArray(value)) {
        problems.push('sliders must be a list; using defaults');
        continue;
      }
      settings.sliders = value
        .map((s, i) => readSlider(s, i, problems))
        .filter((s): s is SliderSetting => s !== null);
    } else {
      problems.push(`unknown setting "${key}"; ignored`);
    }
  }
  if (settings.dailyFolder === '' && typeof core.folder === 'string') settings.dailyFolder = core.folder.trim();
  if (settings.dailyFormat === '' && typeof core.format === 'string') settings.dailyFormat = core.format.trim();
  if (settings.templatePath === '' && typeof core.template === 'string') settings.templatePath = core.template.trim();
  if (settings.dailyFormat === '') settings.dailyFormat = DEFAULT_DAILY_FORMAT;
  settings.dailyFolder = trimSlashes(settings.dailyFolder);
  settings.peopleFolder = trimSlashes(settings.peopleFolder);
  settings.topicsFolder = trimSlashes(settings.topicsFolder);
  settings.reviewsFolder = trimSlashes(settings.reviewsFolder);
  return { settings, problems };
}

export function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}
