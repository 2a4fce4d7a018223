import { type EditorState } from '@codemirror/state';
import { editorInfoField, editorLivePreviewField, Notice, Plugin } from 'obsidian';
import { useDateFormatter } from './core/dates/dateFormatter';
import { dateToDay, dayToDate, isDay, type PeriodKind, resolvePeriod } from './core/dates/periods';
import type { DaybookSettings } from './core/settings';
import { DEFAULT_RETRY_DELAYS, WriteQueue } from './core/sliders/writeQueue';
import { appDates } from './obsidian/appDates';
import { registerCliVerbs } from './obsidian/cliHandlers';
import { confirm } from './obsidian/confirmModal';
import { ensureDailyNote, openDailyNoteCommand } from './obsidian/dailyNoteCommands';
import { addNextWhy, insertIncident, insertSliderToken } from './obsidian/editorCommands';
import { OpenEditors } from './obsidian/openEditors';
import { type Dialect, OBSIDIAN } from './core/dialect/dialect';
import { PersistentParseCache } from './obsidian/persistentParseCache';
import { defaultStoredSettings, effectiveSettings, type StoredSettings } from './obsidian/pluginSettings';
import { sliderPostProcessor } from './obsidian/readingView';
import { incidentIndexCommand } from './obsidian/incidentIndexCommand';
import { copyReviewForSharing } from './obsidian/shareCommand';
import { errorText, generateReview, periodOfNote, reviewCommand, type ReviewContext } from './obsidian/reviewCommands';
import { SaveScheduler } from './obsidian/saveScheduler';
import { StoredReviews } from './obsidian/storedReviews';
import { DaybookSettingTab } from './obsidian/settingsTab';
import { sliderExtension } from './obsidian/slider/livePreview';
import { gaveUpText, type NoteWriterDeps, sliderValueInNote, writeSliderValues } from './obsidian/slider/noteWriter';
import { SliderPicker } from './obsidian/sliderPicker';
import { VaultReadiness } from './obsidian/vaultReady';
import { MetadataLag } from './obsidian/metadataLag';
import { writeJournalBaseCommand } from './obsidian/journalBaseCommand';

/** Settings typed in the tab are saved once typing pauses this long. */
const SETTINGS_SAVE_DELAY_MS = 500;

/** Wiring only: every behaviour lives in src/core and the adapters in src/obsidian. */
export default class DaybookPlugin extends Plugin {
  stored: StoredSettings = defaultStoredSettings();
  private effective: DaybookSettings = defaultStoredSettings();
  private readonly folder = this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`;
  // Without a window (the plugin loaded headless, as in tests) the stores are written on unload only.
  private readonly storeTimers = { set: (callback: () => void, ms: number) => (typeof window === 'undefined' ? null : window.setTimeout(callback, ms)), clear: (id: unknown) => typeof window !== 'undefined' && window.clearTimeout(id as number) };
  // Built reviews, and parsed notes, kept in the plugin's folder, so the first review after the app starts is warm.
  private readonly reviews = new StoredReviews(this.app.vault.adapter, `${this.folder}/review-cache.json`, this.storeTimers, this.manifest.version);
  private readonly cache = new PersistentParseCache(this.app.vault.adapter, `${this.folder}/parse-cache.json`, this.storeTimers, this.manifest.version);
  /** How the vault is read: a folder that is also a Logseq graph is read by Logseq's rules. */
  private dialect: Dialect = OBSIDIAN;
  private readiness!: VaultReadiness;
  private metadataLag!: MetadataLag;
  private readonly editors = new OpenEditors(this.app);
  private readonly settingTab = new DaybookSettingTab(this.app, this);
  // Slider moves from outside the editor (Reading view, embeds, canvas): coalesced, then written by writeSliderValues;
  // a write that fails (a read-only file) is tried again, and the user told if it never lands.
  private readonly queue = new WriteQueue<string>(
    (path, values) => writeSliderValues(this.sliderWriter(), path, values),
    { set: (callback, ms) => window.setTimeout(callback, ms), clear: (id) => window.clearTimeout(id) },
    200,
    () => Date.now(),
    { delays: DEFAULT_RETRY_DELAYS, giveUp: (path, values, error) => new Notice(gaveUpText(path, values, error)) },
  );
  private readonly settingsSaver = new SaveScheduler(
    () => this.saveStored(),
    SETTINGS_SAVE_DELAY_MS,
    { set: (callback, ms) => window.setTimeout(callback, ms), clear: (id) => window.clearTimeout(id) },
    (error) => new Notice(`Daybook: could not save the settings: ${errorText(error)}`),
  );

  override async onload(): Promise<void> {
    // Note names and template dates in the app's language, as the core Daily notes plugin writes them.
    this.register(useDateFormatter(appDates));
    this.readiness = new VaultReadiness(this.app, this);
    this.metadataLag = new MetadataLag(this.app, this);
    await this.loadStored();
    this.addSettingTab(this.settingTab);

    this.registerEvent(this.app.vault.on('modify', (file) => this.cache.forget(file)));
    this.registerEvent(this.app.vault.on('delete', (file) => this.cache.forget(file)));
    this.registerEvent(this.app.vault.on('rename', (file, oldPath) => this.cache.forget(file, oldPath)));

    this.registerEditorExtension(this.editors.extension);
    this.registerEditorExtension(
      sliderExtension({
        sliders: () => this.effective.sliders,
        enabled: (state) => state.field(editorLivePreviewField, false) ?? false,
        notify: (message, state) => new Notice(`Daybook: ${this.pathOf(state) ?? 'this note'}: ${message}`),
      }),
    );
    this.registerMarkdownPostProcessor(
      sliderPostProcessor({
        app: this.app,
        sliders: () => this.effective.sliders,
        write: (path, property, value) => this.queue.set(path, property, value),
        pending: (path, property) => this.queue.pendingValue(path, property),
        valueOf: (path, slider) => sliderValueInNote(this.sliderWriter(), path, slider),
        notify: (message) => new Notice(message),
      }),
    );
    this.addCommands();
    registerCliVerbs(this, {
      review: async (period, date) => {
        const resolved = resolvePeriod(period, date ?? dateToDay(new Date()));
        if (!resolved) return `Error: unknown period "${period}"; use 2026-W47, 2026-11, 2026-Q4, 2026, or week|month|quarter|year`;
        try {
          return (await generateReview(await this.reviewContext(), resolved)).path;
        } catch (error) {
          return `Error: could not write the review of ${resolved.id}: ${errorText(error)}`;
        }
      },
      daily: async (date) => {
        const now = date && isDay(date) ? dayToDate(date) : new Date();
        return (await ensureDailyNote(this.app, await this.refreshSettings(), now, 0, () => this.readiness.ready())).file.path;
      },
    });
  }

  override onunload(): void {
    // Moves still waiting for their 200 ms tick are written, not dropped.
    void this.queue.flushAll();
    void this.settingsSaver.flush();
    void this.cache.save();
    void this.reviews.save();
  }

  /**
   * Sync or another program rewrote data.json: that copy wins. A save still
   * waiting for typing to pause would write the older copy over it, so it is
   * dropped, and an open settings tab is rebuilt to show and edit the new one.
   */
  override async onExternalSettingsChange(): Promise<void> {
    this.settingsSaver.cancel();
    const sliders = JSON.stringify(this.effective.sliders);
    await this.loadStored();
    if (JSON.stringify(this.effective.sliders) !== sliders) this.app.workspace.updateOptions();
    this.settingTab.refresh();
  }

  private async loadStored(): Promise<void> {
    this.stored = Object.assign(defaultStoredSettings(), (await this.loadData()) as Partial<StoredSettings> | null);
    await this.refreshSettings();
  }

  requestSave(): void {
    this.settingsSaver.request();
  }

  saveNow(): Promise<void> {
    return this.settingsSaver.flush();
  }

  private async saveStored(): Promise<void> {
    const sliders = JSON.stringify(this.effective.sliders);
    await this.saveData(this.stored);
    const settings = await this.refreshSettings();
    // Reconfiguring rebuilds every open editor's sliders: only when the sliders themselves changed.
    if (JSON.stringify(settings.sliders) !== sliders) this.app.workspace.updateOptions();
  }

  private async refreshSettings(): Promise<DaybookSettings> {
    const { settings, problems, dialect } = await effectiveSettings(this.app, this.stored);
    if (problems.length) new Notice(`Daybook settings: ${problems.join('; ')}`);
    this.effective = settings;
    this.dialect = dialect;
    return settings;
  }

  private pathOf(state: EditorState): string | null {
    return state.field(editorInfoField, false)?.file?.path ?? null;
  }

  private sliderWriter(): NoteWriterDeps {
    return { app: this.app, sliders: () => this.effective.sliders, notify: (message) => new Notice(message), editorOf: (path) => this.editors.find(path) };
  }

  private async reviewContext(): Promise<ReviewContext> {
    const settings = await this.refreshSettings();
    return {
      app: this.app,
      settings,
      parser: this.cache.lazyParser(this.dialect.parse),
      reviews: this.reviews,
      metadataBehind: (path) => this.metadataLag.has(path),
      dialect: this.dialect,
      editorOf: (path) => this.editors.find(path),
      confirm: (message) => confirm(this.app, message, 'Replace and keep a backup'),
      notify: (message) => new Notice(message),
    };
  }

  private addCommands(): void {
    const daily = (id: string, name: string, offset: number) =>
      this.addCommand({ id, name, callback: async () => openDailyNoteCommand(this.app, await this.refreshSettings(), new Date(), offset, (message) => new Notice(message), () => this.readiness.ready()) });
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
      editorCallback: (editor) => new SliderPicker(this.app, this.effective.sliders, (slider) => insertSliderToken(editor, slider.property)).open(),
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
    this.addCommand({ id: 'rebuild-incident-index', name: 'Rebuild incident index', callback: async () => incidentIndexCommand(await this.reviewContext()) });
    this.addCommand({
      id: 'copy-review-for-sharing',
      name: 'Copy review for sharing',
      // The review of the open note's period (a review or a daily note), else this week's.
      callback: async () => {
        const file = this.app.workspace.activeEditor?.file ?? this.app.workspace.getActiveFile();
        const period = (file ? periodOfNote(file.path, this.effective, 'week', () => this.app.vault.getMarkdownFiles()) : null) ?? resolvePeriod('week', dateToDay(new Date()));
        const item = typeof ClipboardItem === 'undefined' ? undefined : ClipboardItem;
        if (period) await copyReviewForSharing(await this.reviewContext(), period, typeof navigator === 'undefined' ? undefined : navigator.clipboard, item);
      },
    });
    this.addCommand({
      id: 'write-journal-base',
      name: 'Write the journal base (daily notes and mood sliders)',
      callback: () => writeJournalBaseCommand(this.app, this.effective, (message) => new Notice(message)),
    });
    this.addCommand({
      id: 'review-current-note',
      name: 'Generate review for the period of this note',
      checkCallback: (checking) => {
        // The note being edited, also inside a canvas card or an embed; else the active file view's note.
        const file = this.app.workspace.activeEditor?.file ?? this.app.workspace.getActiveFile();
        const period = file ? periodOfNote(file.path, this.effective, 'week', () => this.app.vault.getMarkdownFiles()) : null;
        if (!period) return false;
        if (!checking) void this.reviewContext().then((context) => reviewCommand(context, period));
        return true;
      },
    });
  }
}

