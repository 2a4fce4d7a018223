import { type App, normalizePath } from 'obsidian';
import { type Dialect, logseqDialect, OBSIDIAN } from '../core/dialect/dialect';
import { LOGSEQ_CONFIG_PATH, readLogseqConfig } from '../core/dialect/logseqConfig';
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

/** A vault that is also a Logseq graph (it holds `logseq/config.edn`): its config, else null. */
async function logseqConfig(app: App): Promise<ReturnType<typeof readLogseqConfig> | null> {
  try {
    if (!(await app.vault.adapter.exists(LOGSEQ_CONFIG_PATH))) return null;
    return readLogseqConfig(await app.vault.adapter.read(LOGSEQ_CONFIG_PATH));
  } catch {
    return null;
  }
}

/**
 * The settings in force: stored ones validated, with the core plugin's daily-note
 * settings filling the gaps — or, in a folder that is also a Logseq graph, the
 * journals folder and file name format of its config.edn — and the dialect the
 * vault is read by.
 */
export async function effectiveSettings(app: App, stored: unknown): Promise<{ settings: DaybookSettings; problems: string[]; dialect: Dialect }> {
  const core = await coreDailyNotesSettings(app);
  const logseq = await logseqConfig(app);
  if (!logseq) return { ...resolveSettings(stored, core), dialect: OBSIDIAN };
  const resolved = resolveSettings(stored, { ...core, folder: logseq.config.journalsDir, format: logseq.config.journalFileFormat });
  return { ...resolved, problems: [...logseq.problems.map((p) => `${LOGSEQ_CONFIG_PATH} ${p}`), ...resolved.problems], dialect: logseqDialect(logseq.config) };
}
