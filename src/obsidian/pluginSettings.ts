import { type App, normalizePath } from 'obsidian';
import { loadPeriodicNotes } from '../core/periodicNotes';
import { type Dialect, logseqDialect, OBSIDIAN, withLogseqJournalNames } from '../core/dialect/dialect';
import { LOGSEQ_CONFIG_PATH, LOGSEQ_DEFAULTS, readLogseqConfig } from '../core/dialect/logseqConfig';
import { type CoreDailyNotesSettings, type DaybookSettings, DEFAULT_SETTINGS, resolveSettings } from '../core/settings';

/** What data.json holds: the user's own choices; empty daily-note fields inherit the core plugin's. */
export type StoredSettings = DaybookSettings;

export function defaultStoredSettings(): StoredSettings {
  return structuredClone(DEFAULT_SETTINGS);
}

/** The core Daily notes plugin's settings, read from the vault's config folder. */
export async function coreDailyNotesSettings(app: App): Promise<CoreDailyNotesSettings> {
  const path = normalizePath(`${app.vault.configDir}/daily-notes.json`);
  try {
    if (!(await app.vault.adapter.exists(path))) return {};
    const parsed: unknown = JSON.parse(await app.vault.adapter.read(path));
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    // A broken core settings file means the core plugin uses its defaults too.
    return {};
  }
}

/** A config file's JSON, or undefined when it is missing or broken (the plugin it belongs to then uses its defaults too). */
async function configJson(app: App, path: string): Promise<unknown> {
  const normalised = normalizePath(path);
  try {
    if (!(await app.vault.adapter.exists(normalised))) return undefined;
    return JSON.parse(await app.vault.adapter.read(normalised)) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A vault that is also a Logseq graph (it holds `logseq/config.edn`): its config, else null.
 * A config.edn that is there but cannot be read still makes the folder a graph, read by
 * Logseq's defaults, and the notice names that file rather than the daily notes it hid.
 */
async function logseqConfig(app: App): Promise<ReturnType<typeof readLogseqConfig> | null> {
  let text: string;
  try {
    if (!(await app.vault.adapter.exists(LOGSEQ_CONFIG_PATH))) return null;
    text = await app.vault.adapter.read(LOGSEQ_CONFIG_PATH);
  } catch (error) {
    return { config: { ...LOGSEQ_DEFAULTS }, problems: [`cannot be read (${error instanceof Error ? error.message : String(error)}); Logseq's defaults are used`] };
  }
  return readLogseqConfig(text);
}

/**
 * The settings in force: stored ones validated, with the daily-note settings
 * of Periodic Notes (when it keeps daily notes) or of the core plugin filling
 * the gaps — or, in a folder that is also a Logseq graph, the journals folder
 * and file name format of its config.edn — the user's periodic notes as review
 * notes, and the dialect the vault is read by.
 */
export async function effectiveSettings(app: App, stored: unknown): Promise<{ settings: DaybookSettings; problems: string[]; dialect: Dialect }> {
  const periodic = await loadPeriodicNotes((path) => configJson(app, path), app.vault.configDir);
  const core = await coreDailyNotesSettings(app);
  const logseq = await logseqConfig(app);
  const daily = logseq ? { ...core, folder: logseq.config.journalsDir, format: logseq.config.journalFileFormat } : core;
  const resolved = resolveSettings(stored, daily, periodic.notes);
  if (logseq) resolved.settings = withLogseqJournalNames(resolved.settings, logseq.config);
  const logseqProblems = logseq ? logseq.problems.map((p) => `${LOGSEQ_CONFIG_PATH} ${p}`) : [];
  return { ...resolved, problems: [...logseqProblems, ...periodic.problems, ...resolved.problems], dialect: logseq ? logseqDialect(logseq.config) : OBSIDIAN };
}
