import { type App, type Plugin, PluginSettingTab, Setting } from 'obsidian';
import type { PeriodKind } from '../core/dates/periods';
import { type BragSettings, DEFAULT_SETTINGS, type SliderSetting } from '../core/settings';
import type { StoredSettings } from './pluginSettings';

export interface SettingsHost extends Plugin {
  stored: StoredSettings;
  /** Saves `stored` once typing pauses. */
  requestSave(): void;
  /** Saves a pending change now. */
  saveNow(): Promise<void>;
}

const PERIOD_NAMES: Record<PeriodKind, string> = { week: 'Weekly', month: 'Monthly', quarter: 'Quarterly', year: 'Yearly' };

/** The `brag` lists, as the yearly and quarterly reviews' sections use them, in the tab's words. */
const BRAG_ROWS: [keyof BragSettings, string, string][] = [
  ['highlightTags', 'Highlight tags', 'Lines tagged so are wins and praise (without #).'],
  ['highlightSections', 'Highlight sections', 'The items of sections (or parent bullets) of these names are wins and praise.'],
  ['collaborationTags', 'Collaboration tags', 'Lines tagged so go under collaboration and mentorship.'],
  ['collaborationSections', 'Collaboration sections', 'The items of these sections go under collaboration and mentorship.'],
  ['designTypes', 'Design doc types', 'Linked notes whose type property is one of these are design docs.'],
  ['designTags', 'Design doc tags', 'Linked notes tagged so are design docs.'],
  ['designSections', 'Design sections', 'The items of these sections go under design and documentation.'],
  ['designFolders', 'Design doc folders', 'Linked notes in these folders are design docs, whatever their type.'],
  ['readingTypes', 'Reading types', 'Linked notes whose type property is one of these are reading.'],
  ['readingTags', 'Reading tags', 'Linked notes tagged so are reading.'],
  ['readingFolders', 'Reading folders', 'Linked notes in these folders are reading.'],
  ['learningTags', 'Learning tags', 'Lines tagged so are what you learned (without #).'],
  ['learningSections', 'Learning sections', 'The items of sections (or parent bullets) of these names are what you learned.'],
];

/** A list typed as `a, b, c`: its items trimmed, empty ones left out; a tag's `#` goes. */
export function readList(typed: string, tags: boolean): string[] {
  return typed
    .split(',')
    .map((item) => (tags ? item.trim().replace(/^#/, '') : item.trim()))
    .filter((item) => item !== '');
}
const PROPERTY_NAME = /^[\p{L}\p{N}_-]+$/u;
/** A whole number or decimal as typed; `-`, `1.` and an empty field are half-typed, not zero. */
const NUMBER = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;

type Bound = 'min' | 'max' | 'step';

/** The slider's numbers as typed, or why they cannot be saved yet. */
export function readBounds(typed: Record<Bound, string>): { bounds: Record<Bound, number> } | { problem: string } {
  const bounds = {} as Record<Bound, number>;
  for (const key of ['min', 'max', 'step'] as const) {
    const text = typed[key].trim();
    if (!NUMBER.test(text)) return { problem: text === '' ? `${capitalised(key)} is empty` : `${capitalised(key)} "${text}" is not a number` };
    bounds[key] = Number(text);
  }
  if (bounds.min >= bounds.max) return { problem: 'Min must be below max' };
  if (bounds.step <= 0) return { problem: 'Step must be above 0' };
  return { bounds };
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function describeSlider(slider: SliderSetting): string {
  return `Property "${slider.property}", ${slider.min} to ${slider.max}, step ${slider.step}.`;
}

/**
 * Every Daybook setting, in sentence case; empty daily-note fields inherit the core Daily notes plugin's.
 * Built with Setting rather than the declarative 1.13 API, so apps back to minAppVersion show it
 * (see eslint.config.mjs). Typing saves once it pauses; a half-typed value is shown as such and not saved.
 */
export class DaybookSettingTab extends PluginSettingTab {
  constructor(
    app: App,
    private readonly host: SettingsHost,
  ) {
    super(app, host);
  }

  private text(container: HTMLElement, name: string, desc: string, get: () => string, set: (value: string) => void, placeholder = ''): void {
    new Setting(container)
      .setName(name)
      .setDesc(desc)
      .addText((text) =>
        text
          .setPlaceholder(placeholder)
          .setValue(get())
          .onChange((value) => {
            set(value.trim());
            this.host.requestSave();
          }),
      );
  }

  /** Whether the tab is on screen (between display and hide). */
  private shown = false;

  override hide(): void {
    this.shown = false;
    void this.host.saveNow();
    super.hide();
  }

  /** Rebuilds the tab if it is on screen, after the settings were replaced (by sync). */
  refresh(): void {
    if (this.shown) this.display();
  }

  override display(): void {
    this.shown = true;
    const { containerEl } = this;
    const s = this.host.stored;
    containerEl.empty();

    new Setting(containerEl).setName('Daily notes').setHeading();
    this.text(containerEl, 'Daily notes folder', 'Leave empty to use the core Daily notes setting.', () => s.dailyFolder, (v) => (s.dailyFolder = v), 'Daily');
    this.text(containerEl, 'Date format', 'Moment syntax, may include folders (YYYY/MM/YYYY-MM-DD). Empty: the core setting.', () => s.dailyFormat, (v) => (s.dailyFormat = v), 'YYYY-MM-DD');
    this.text(containerEl, 'Template file', 'Empty: the core setting, else a template with the mood questions and review sections.', () => s.templatePath, (v) => (s.templatePath = v), 'Templates/Daily');

    new Setting(containerEl).setName('People and topics').setHeading();
    this.text(containerEl, 'People folder', 'Notes here count as people.', () => s.peopleFolder, (v) => (s.peopleFolder = v), 'People');
    this.text(containerEl, 'Topics folder', 'Notes here count as topics.', () => s.topicsFolder, (v) => (s.topicsFolder = v), 'Topics');
    this.text(containerEl, 'Meetings folder', 'Notes here named by a date, or with a date property, are meetings of that day.', () => s.meetingsFolder, (v) => (s.meetingsFolder = v), 'Meetings');
    this.toggle(containerEl, 'Meeting notes belong to their day', 'Meeting notes are read with the daily notes of their day and listed under Meetings.', () => s.meetingNotes, (on) => (s.meetingNotes = on));
    this.toggle(containerEl, 'Notes filed under a day', "What a person's note writes under a link to a day (a 1:1) belongs to that day.", () => s.filedUnderDays, (on) => (s.filedUnderDays = on));
    this.text(
      containerEl,
      'Marker tags',
      'Tags that mark what a line is (task, meeting), never topics. Without #; separate them with commas.',
      () => (s.markerTags ?? DEFAULT_SETTINGS.markerTags).join(', '),
      (v) => (s.markerTags = readList(v, true)),
    );
    this.toggle(
      containerEl,
      'Tags that open the day are markers',
      "A tag written alone as the first line of most of a period's days says what kind of entry the day is: not a topic.",
      () => s.openingTagMarkers ?? DEFAULT_SETTINGS.openingTagMarkers,
      (on) => (s.openingTagMarkers = on),
    );

    new Setting(containerEl).setName('Reviews').setHeading();
    this.text(containerEl, 'Reviews folder', 'Where review notes are written.', () => s.reviewsFolder, (v) => (s.reviewsFolder = v), 'Reviews');
    for (const kind of Object.keys(PERIOD_NAMES) as PeriodKind[]) {
      this.text(containerEl, `${PERIOD_NAMES[kind]} review name`, 'Moment syntax.', () => s.reviewFormats[kind], (v) => (s.reviewFormats[kind] = v));
    }
    this.text(containerEl, 'Goals note', 'Yearly reviews list the items of this note as goals.', () => s.goalsNote, (v) => (s.goalsNote = v), 'Goals');
    this.text(containerEl, 'Incident index folder', 'Where the incident index note is written. Empty: the reviews folder.', () => s.incidentIndexFolder, (v) => (s.incidentIndexFolder = v), 'Reviews');
    this.text(containerEl, 'Incident index name', 'The incident index note, without .md.', () => s.incidentIndexName, (v) => (s.incidentIndexName = v), 'Incident index');
    this.toggle(containerEl, 'Initials when sharing', "Copy review for sharing and the command line's export shorten people's names to initials.", () => s.exportNames === 'initials', (on) => (s.exportNames = on ? 'initials' : 'full'));

    new Setting(containerEl).setName('Yearly and quarterly review').setHeading();
    for (const [key, name, desc] of BRAG_ROWS) {
      const tags = key.endsWith('Tags');
      this.text(
        containerEl,
        name,
        `${desc} Separate them with commas.`,
        () => (s.brag?.[key] ?? DEFAULT_SETTINGS.brag[key]).join(', '),
        (v) => (s.brag = { ...s.brag, [key]: readList(v, tags) }),
      );
    }

    new Setting(containerEl).setName('Mood sliders').setHeading();
    s.sliders.forEach((slider, index) => this.sliderRow(containerEl, slider, index));
    new Setting(containerEl).addButton((b) =>
      b.setButtonText('Add slider').onClick(async () => {
        s.sliders.push({ question: 'How focused were you today?', property: `mood_${s.sliders.length + 1}`, min: 1, max: 10, step: 1 });
        this.host.requestSave();
        await this.host.saveNow();
        this.display();
      }),
    );
  }

  /** A setting that is on or off, saved as soon as it is flipped. */
  private toggle(containerEl: HTMLElement, name: string, desc: string, get: () => boolean, set: (on: boolean) => void): void {
    new Setting(containerEl)
      .setName(name)
      .setDesc(desc)
      .addToggle((toggle) =>
        toggle.setValue(get()).onChange((on) => {
          set(on);
          this.host.requestSave();
        }),
      );
  }

  private sliderRow(containerEl: HTMLElement, slider: SliderSetting, index: number): void {
    const row = new Setting(containerEl).setName(slider.question || slider.property).setDesc(describeSlider(slider));
    const typed: Record<Bound, string> = { min: String(slider.min), max: String(slider.max), step: String(slider.step) };
    let propertyProblem: string | null = null;
    let boundsProblem: string | null = null;
    // The row's description says what is saved, or what keeps the typed value from being saved.
    const show = () => {
      const problem = propertyProblem ?? boundsProblem;
      row.setDesc(problem ? `${problem}: not saved yet. ${describeSlider(slider)}` : describeSlider(slider));
    };

    row.addText((t) =>
      t
        .setPlaceholder('Question')
        .setValue(slider.question)
        .onChange((v) => {
          slider.question = v;
          this.host.requestSave();
        }),
    );
    row.addText((t) =>
      t
        .setPlaceholder('Property')
        .setValue(slider.property)
        .onChange((v) => {
          const name = v.trim();
          propertyProblem = PROPERTY_NAME.test(name) ? null : name ? `Property "${name}" may hold only letters, digits, _ and -` : 'Property is empty';
          if (!propertyProblem && name !== slider.property) {
            slider.property = name;
            this.host.requestSave();
          }
          show();
        }),
    );
    for (const key of ['min', 'max', 'step'] as const) {
      row.addText((t) =>
        t
          .setPlaceholder(key)
          .setValue(typed[key])
          .onChange((v) => {
            typed[key] = v;
            const read = readBounds(typed);
            boundsProblem = 'problem' in read ? read.problem : null;
            if ('bounds' in read && (['min', 'max', 'step'] as const).some((k) => read.bounds[k] !== slider[k])) {
              Object.assign(slider, read.bounds);
              this.host.requestSave();
            }
            show();
          }),
      );
    }
    row.addExtraButton((b) =>
      b
        .setIcon('trash')
        .setTooltip('Remove slider')
        .onClick(async () => {
          this.host.stored.sliders.splice(index, 1);
          this.host.requestSave();
          await this.host.saveNow();
          this.display();
        }),
    );
  }
}
