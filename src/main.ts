import { type EditorState } from '@codemirror/state';
import { editorInfoField, editorLivePreviewField, Notice, Plugin } from 'obsidian';
import { useDateFormatter } from './core/dates/dateFormatter';
import { dateToDay, isDay, type PeriodKind, resolvePeriod } from './core/dates/periods';
import type { DaybookSettings } from './core/settings';
import { WriteQueue } from './core/sliders/writeQueue';
import { appDates } from './obsidian/appDates';
import { registerCliVerbs } from './obsidian/cliHandlers';
import { confirm } from './obsidian/confirmModal';
import { ensureDailyNote, openDailyNoteCommand } from './obsidian/dailyNoteCommands';
import { addNextWhy, insertIncident, insertSliderToken } from './obsidian/editorCommands';
import { PersistentParseCache } from './obsidian/persistentParseCache';
import { defaultStoredSettings, effectiveSettings, type StoredSettings } from './obsidian/pluginSettings';
import { sliderPostProcessor } from './obsidian/readingView';
import { errorText, generateReview, periodOfNote, reviewCommand, type ReviewContext } from './obsidian/reviewCommands';
import { SaveScheduler } from './obsidian/saveScheduler';
import { DaybookSettingTab } from './obsidian/settingsTab';
import { sliderExtension } from './obsidian/slider/livePreview';
import { type NoteWriterDeps, writeSliderValues } from './obsidian/slider/noteWriter';
import { SliderPicker } from './obsidian/sliderPicker';

/** Settings typed in the tab are saved once typing pauses this long. */
const SETTINGS_SAVE_DELAY_MS = 500;

/** Wiring only: every behaviour lives in src/core and the adapters in src/obsidian. */
export default class DaybookPlugin extends Plugin {
  stored: StoredSettings = defaultStoredSettings();
  private settings: DaybookSettings = defaultStoredSettings();
  // Parsed notes kept in the plugin's folder, so the first review after the app starts is warm.
  private readonly cache = new PersistentParseCache(
    this.app.vault.adapter,
    `${this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`}/parse-cache.json`,
    // Without a window (the plugin loaded headless, as in tests) the cache is written on unload only.
    { set: (callback, ms) => (typeof window === 'undefined' ? null : window.setTimeout(callback, ms)), clear: (id) => typeof window !== 'undefined' && window.clearTimeout(id as number) },
    this.manifest.version,
  );
  // Slider moves from outside the editor (Reading view, embeds, canvas): coalesced, then written by writeSliderValues.
  private readonly queue = new WriteQueue<string>((path, values) => writeSliderValues(this.sliderWriter(), path, values), {
    set: (callback, ms) => window.setTimeout(callback, ms),
    clear: (id) => window.clearTimeout(id),
  });
  private readonly settingsSaver = new SaveScheduler(
    () => this.saveStored(),
    SETTINGS_SAVE_DELAY_MS,
    { set: (callback, ms) => window.setTimeout(callback, ms), clear: (id) => window.clearTimeout(id) },
    (error) => new Notice(`Daybook: could not save the settings: ${errorText(error)}`),
  );

  override async onload(): Promise<void> {
    // Note names and template dates in the app's language, as the core Daily notes plugin writes them.
    this.register(useDateFormatter(appDates));
    this.stored = Object.assign(defaultStoredSettings(), (await this.loadData()) as Partial<StoredSettings> | null);
    await this.refreshSettings();
    this.addSettingTab(new DaybookSettingTab(this.app, this));

    this.registerEvent(this.app.vault.on('modify', (file) => this.cache.forget(file)));
    this.registerEvent(this.app.vault.on('delete', (file) => this.cache.forget(file)));
    this.registerEvent(this.app.vault.on('rename', (file, oldPath) => this.cache.forget(file, oldPath)));

    this.registerEditorExtension(
      sliderExtension({
        sliders: () => this.settings.sliders,
        enabled: (state) => state.field(editorLivePreviewField, false) ?? false,
        notify: (message, state) => new Notice(`Daybook: ${this.pathOf(state) ?? 'this note'}: ${message}`),
      }),
    );
    this.registerMarkdownPostProcessor(
      sliderPostProcessor({
        app: this.app,
        sliders: () => this.settings.sliders,
        write: (path, property, value) => this.queue.set(path, property, value),
        pending: (path, property) => this.queue.pendingValue(path, property),
        notify: (message) => new Notice(message),
      }),
    );
    this.addCommands();
    registerCliVerbs(this, {
      review: async (period, date) => {
        const resolved = resolvePeriod(period, date && isDay(date) ? date : dateToDay(new Date()));
        if (!resolved) return `Unknown period "${period}": use 2026-W47, 2026-11, 2026-Q4, 2026, or week|month|quarter|year`;
        const outcome = await generateReview(await this.reviewContext(), resolved);
        return outcome.path;
      },
      daily: async (date) => {
        const now = date && isDay(date) ? new Date(`${date}T12:00:00`) : new Date();
        return (await ensureDailyNote(this.app, await this.refreshSettings(), now)).file.path;
      },
    });
  }

  override onunload(): void {
    // Moves still waiting for their 200 ms tick are written, not dropped.
    void this.queue.flushAll();
    void this.settingsSaver.flush();
    void this.cache.save();
  }

  requestSave(): void {
    this.settingsSaver.request();
  }

  saveNow(): Promise<void> {
    return this.settingsSaver.flush();
  }

  private async saveStored(): Promise<void> {
    const sliders = JSON.stringify(this.settings.sliders);
    await this.saveData(this.stored);
    const settings = await this.refreshSettings();
    // Reconfiguring rebuilds every open editor's sliders: only when the sliders themselves changed.
    if (JSON.stringify(settings.sliders) !== sliders) this.app.workspace.updateOptions();
  }

  private async refreshSettings(): Promise<DaybookSettings> {
    const { settings, problems } = await effectiveSettings(this.app, this.stored);
    if (problems.length) new Notice(`Daybook settings: ${problems.join('; ')}`);
    this.settings = settings;
    return settings;
  }

  private pathOf(state: EditorState): string | null {
    return state.field(editorInfoField, false)?.file?.path ?? null;
  }

  private sliderWriter(): NoteWriterDeps {
    return { app: this.app, sliders: () => this.settings.sliders, notify: (message) => new Notice(message) };
  }

  private async reviewContext(): Promise<ReviewContext> {
    return {
      app: this.app,
      settings: await this.refreshSettings(),
      parser: await this.cache.ready(),
      confirm: (message) => confirm(this.app, message, 'Replace and keep a backup'),
      notify: (message) => new Notice(message),
    };
  }

  private addCommands(): void {
    const daily = (id: string, name: string, offset: number) =>
      this.addCommand({ id, name, callback: async () => openDailyNoteCommand(this.app, await this.refreshSettings(), new Date(), offset, (message) => new Notice(message)) });
    daily('open-today', "Open today's daily note", 0);
    daily('open-yesterday', "Open yesterday's daily note", -1);
    daily('open-tomorrow', "Open tomorrow's daily note", 1);

    this.addCommand({ id: 'insert-incident', name: 'Insert incident', editorCallback: (editor) => insertIncident(editor) });
    this.addCommand({
      id: 'add-next-why',
      name: 'Add next why',
      editorCallback: (editor) => {
        if (!addNextWhy(editor)) new Notice('No 5 whys part here: place the caret inside one first.');
      },
    });
    this.addCommand({
      id: 'insert-mood-slider',
      name: 'Insert mood slider',
      editorCallback: (editor) => new SliderPicker(this.app, this.settings.sliders, (slider) => insertSliderToken(editor, slider.property)).open(),
    });

    const periods: [PeriodKind, string][] = [
      ['week', 'this week'],
      ['month', 'this month'],
      ['quarter', 'this quarter'],
      ['year', 'this year'],
    ];
    for (const [kind, label] of periods) {
      this.addCommand({
        id: `review-${kind}`,
        name: `Generate review for ${label}`,
        callback: async () => {
          const period = resolvePeriod(kind, dateToDay(new Date()));
          if (period) await reviewCommand(await this.reviewContext(), period);
        },
      });
    }
    this.addCommand({
      id: 'review-current-note',
      name: 'Generate review for the period of this note',
      checkCallback: (checking) => {
        // The note being edited, also inside a canvas card or an embed; else the active file view's note.
        const file = this.app.workspace.activeEditor?.file ?? this.app.workspace.getActiveFile();
        const period = file ? periodOfNote(file.path, this.settings) : null;
        if (!period) return false;
        if (!checking) void this.reviewContext().then((context) => reviewCommand(context, period));
        return true;
      },
    });
  }
}

