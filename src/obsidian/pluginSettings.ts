import { type App, normalizePath } from 'obsidian';
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

/** The settings in force: stored ones validated, with the core plugin's daily-note settings filling the gaps. */
export async function effectiveSettings(app: App, stored: unknown): Promise<{ settings: DaybookSettings; problems: string[] }> {
  return resolveSettings(stored, await coreDailyNotesSettings(app));
}
