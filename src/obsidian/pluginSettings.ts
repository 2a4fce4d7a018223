import { type App, normalizePath } from 'obsidian';
import { loadPeriodicNotes } from '../core/periodicNotes';
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
 * The settings in force: stored ones validated, with the daily-note settings
 * of Periodic Notes (when it keeps daily notes) or of the core plugin filling
 * the gaps, and the user's periodic notes as review notes.
 */
export async function effectiveSettings(app: App, stored: unknown): Promise<{ settings: DaybookSettings; problems: string[] }> {
  const periodic = await loadPeriodicNotes((path) => configJson(app, path), app.vault.configDir);
  const resolved = resolveSettings(stored, await coreDailyNotesSettings(app), periodic.notes);
  return { ...resolved, problems: [...periodic.problems, ...resolved.problems] };
}
