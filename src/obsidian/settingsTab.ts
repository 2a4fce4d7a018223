import { type App, type Plugin, PluginSettingTab, Setting } from 'obsidian';
import type { PeriodKind } from '../core/dates/periods';
import type { StoredSettings } from './pluginSettings';

export interface SettingsHost extends Plugin {
  stored: StoredSettings;
  saveStored(): Promise<void>;
}

const PERIOD_NAMES: Record<PeriodKind, string> = { week: 'Weekly', month: 'Monthly', quarter: 'Quarterly', year: 'Yearly' };

/**
 * Every Daybook setting, in sentence case; empty daily-note fields inherit the core Daily notes plugin's.
 * Built with Setting rather than the declarative 1.13 API, so apps back to minAppVersion show it
 * (see eslint.config.mjs).
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
          .onChange(async (value) => {
            set(value.trim());
            await this.host.saveStored();
          }),
      );
  }

  display(): void {
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

    new Setting(containerEl).setName('Reviews').setHeading();
    this.text(containerEl, 'Reviews folder', 'Where review notes are written.', () => s.reviewsFolder, (v) => (s.reviewsFolder = v), 'Reviews');
    for (const kind of Object.keys(PERIOD_NAMES) as PeriodKind[]) {
      this.text(containerEl, `${PERIOD_NAMES[kind]} review name`, 'Moment syntax.', () => s.reviewFormats[kind], (v) => (s.reviewFormats[kind] = v));
    }
    this.text(containerEl, 'Goals note', 'Yearly reviews list the items of this note as goals.', () => s.goalsNote, (v) => (s.goalsNote = v), 'Goals');

    new Setting(containerEl).setName('Mood sliders').setHeading();
    s.sliders.forEach((slider, index) => {
      const row = new Setting(containerEl).setName(slider.question || slider.property).setDesc(`Property "${slider.property}", ${slider.min} to ${slider.max}, step ${slider.step}.`);
      row.addText((t) =>
        t
          .setPlaceholder('Question')
          .setValue(slider.question)
          .onChange(async (v) => {
            slider.question = v;
            await this.host.saveStored();
          }),
      );
      row.addText((t) =>
        t
          .setPlaceholder('Property')
          .setValue(slider.property)
          .onChange(async (v) => {
            if (/^[\p{L}\p{N}_-]+$/u.test(v)) slider.property = v;
            await this.host.saveStored();
          }),
      );
      for (const key of ['min', 'max', 'step'] as const) {
        row.addText((t) =>
          t
            .setPlaceholder(key)
            .setValue(String(slider[key]))
            .onChange(async (v) => {
              const n = Number(v);
              if (Number.isFinite(n)) slider[key] = n;
              await this.host.saveStored();
            }),
        );
      }
      row.addExtraButton((b) =>
        b
          .setIcon('trash')
          .setTooltip('Remove slider')
          .onClick(async () => {
            s.sliders.splice(index, 1);
            await this.host.saveStored();
            this.display();
          }),
      );
    });
    new Setting(containerEl).addButton((b) =>
      b.setButtonText('Add slider').onClick(async () => {
        s.sliders.push({ question: 'How focused were you today?', property: `mood_${s.sliders.length + 1}`, min: 1, max: 10, step: 1 });
        await this.host.saveStored();
        this.display();
      }),
    );
  }
}
