import { type App, normalizePath, TFile } from 'obsidian';
import { hasTemplaterCommands } from '../core/template';
import { TEMPLATER_ID } from '../core/periodicNotes';

/** The part of Templater's plugin object Daybook calls: it runs the `<% … %>` commands of a note in place. */
interface TemplaterPlugin {
  templater?: { overwrite_file_commands?(file: TFile, activeFile?: boolean): Promise<void> };
}

/** The app's plugin registry; not in obsidian.d.ts, so read defensively. */
interface PluginRegistry {
  enabledPlugins?: Set<string>;
  plugins?: Record<string, unknown>;
}

type RunCommands = (file: TFile) => Promise<void>;

/** Templater's command runner when Templater is installed and enabled, else why not. */
function templaterIn(app: App): RunCommands | string {
  const registry = (app as unknown as { plugins?: PluginRegistry }).plugins;
  const plugin = registry?.plugins?.[TEMPLATER_ID] as TemplaterPlugin | undefined;
  if (!plugin) return 'Templater is not installed';
  if (registry?.enabledPlugins && !registry.enabledPlugins.has(TEMPLATER_ID)) return 'Templater is not enabled';
  const templater = plugin.templater;
  if (typeof templater?.overwrite_file_commands !== 'function') return 'this version of Templater cannot be called';
  return (file) => templater.overwrite_file_commands!(file, false);
}

/**
 * Makes a note from filled template text and, when it holds Templater
 * commands, hands it to Templater to run them, as creating it from Templater
 * would. Without Templater the note keeps the commands as written, and the
 * returned problem says why. Resolves created false when the note exists already.
 */
export async function createNoteFromTemplate(app: App, path: string, text: string, create: (path: string, text: string) => Promise<boolean>): Promise<{ created: boolean; problem: string | null }> {
  const created = await create(path, text);
  if (!created || !hasTemplaterCommands(text)) return { created, problem: null };
  const runner = templaterIn(app);
  if (typeof runner === 'string') return { created, problem: `its template holds Templater commands (<% … %>) and ${runner}, so they are left as written` };
  const file = app.vault.getAbstractFileByPath(normalizePath(path));
  if (!(file instanceof TFile)) return { created, problem: null };
  try {
    await runner(file);
  } catch (error) {
    return { created, problem: `Templater could not run its template's commands (${error instanceof Error ? error.message : String(error)}); they are left as written` };
  }
  // Templater reports a template error itself and leaves the note unchanged.
  if (hasTemplaterCommands(await app.vault.read(file))) return { created, problem: "Templater did not run its template's commands; they are left as written" };
  return { created, problem: null };
}
