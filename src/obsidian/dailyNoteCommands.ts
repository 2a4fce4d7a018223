import { type App, normalizePath, TFile } from 'obsidian';
import { dailyNotePath, findDailyNote } from '../core/dailyNotes';
import { addDay, dateToDay } from '../core/dates/periods';
import type { DaybookSettings } from '../core/settings';
import { defaultTemplate, fillTemplate } from '../core/template';
import { logseqJournalPage } from '../core/dialect/journalPage';
import { LOGSEQ_CONFIG_PATH } from '../core/dialect/logseqConfig';
import { basename, isInFolder } from '../core/vault';
import { ObsidianVault } from './obsidianVault';
import { createNoteFromTemplate } from './templater';

/** In a Logseq graph, without a template of Daybook's own, the day's note is a Logseq journal page (config.edn's journal template, else Daybook's outline). */
async function journalPage(app: App, settings: DaybookSettings, day: string, now: Date): Promise<{ text: string; missing: string | null } | null> {
  if (settings.templatePath || !(await app.vault.adapter.exists(LOGSEQ_CONFIG_PATH))) return null;
  const ednText = await app.vault.adapter.read(LOGSEQ_CONFIG_PATH);
  const files = new Map(app.vault.getMarkdownFiles().map((file) => [file.path, file]));
  const pages = [...files.keys()].filter((path) => !isInFolder(path, 'logseq') && !isInFolder(path, settings.dailyFolder));
  const read = async (path: string) => {
    const file = files.get(path);
    return file ? app.vault.cachedRead(file) : null;
  };
  const page = await logseqJournalPage({ ednText, day, now, settings, pages, read });
  return { text: page.text, missing: page.missingTemplate === null ? null : `"${page.missingTemplate}" (${LOGSEQ_CONFIG_PATH})` };
}

async function templateText(app: App, settings: DaybookSettings): Promise<{ text: string; missing: string | null }> {
  if (!settings.templatePath) return { text: defaultTemplate(settings), missing: null };
  const path = normalizePath(settings.templatePath.endsWith('.md') ? settings.templatePath : `${settings.templatePath}.md`);
  const file = app.vault.getAbstractFileByPath(path);
  if (!(file instanceof TFile)) return { text: defaultTemplate(settings), missing: path };
  return { text: await app.vault.read(file), missing: null };
}

export interface DailyNoteResult {
  file: TFile;
  created: boolean;
  /** The configured template that could not be found, when the default one was used instead. */
  missingTemplate: string | null;
  /** Why the template's Templater commands were not run, when they were not. */
  templaterProblem?: string | null;
}

/**
 * The daily note of `offset` days from today, created from the template if it
 * does not exist yet. `ready` resolves once the vault has finished loading:
 * nothing is looked up or made before, so a note still arriving is not shadowed.
 */
export async function ensureDailyNote(app: App, settings: DaybookSettings, now: Date, offset = 0, ready: () => Promise<void> = () => Promise.resolve()): Promise<DailyNoteResult> {
  await ready();
  const day = addDay(dateToDay(now), offset);
  const path = normalizePath(dailyNotePath(day, settings));
  const existing = findDailyNote(app.vault.getMarkdownFiles(), day, settings);
  if (existing) return { file: existing, created: false, missingTemplate: null };
  const journal = await journalPage(app, settings, day, now);
  const template = journal ?? (await templateText(app, settings));
  const text = journal ? journal.text : fillTemplate(template.text, { day, title: basename(path), now, settings });
  const vault = new ObsidianVault(app);
  try {
    const made = await createNoteFromTemplate(app, path, text, (at, body) => vault.create(at, body));
    const file = app.vault.getAbstractFileByPath(path);
    if (!(file instanceof TFile)) throw new Error('not created');
    return made.created ? { file, created: true, missingTemplate: template.missing, templaterProblem: made.problem } : { file, created: false, missingTemplate: null };
  } catch (error) {
    // Made meanwhile (sync landing, the core plugin): that note is today's, never overwritten.
    const made = app.vault.getAbstractFileByPath(path);
    if (made instanceof TFile) return { file: made, created: false, missingTemplate: null };
    throw error;
  }
}

/** Opens the day's note as the app opens a daily note: in the active leaf, which gets the focus. */
export async function openDailyNote(app: App, settings: DaybookSettings, now: Date, offset = 0, ready?: () => Promise<void>): Promise<DailyNoteResult> {
  const result = await ensureDailyNote(app, settings, now, offset, ready);
  await app.workspace.getLeaf(false).openFile(result.file, { active: true });
  return result;
}

/** The "Open daily note" commands: a note that cannot be made or opened is told in a notice naming it. */
export async function openDailyNoteCommand(
  app: App,
  settings: DaybookSettings,
  now: Date,
  offset: number,
  notify: (message: string) => void,
  ready?: () => Promise<void>,
): Promise<void> {
  try {
    const result = await openDailyNote(app, settings, now, offset, ready);
    if (result.missingTemplate) notify(`Daybook: template ${result.missingTemplate} not found; used the default template.`);
    if (result.templaterProblem) notify(`Daybook: ${result.file.path}: ${result.templaterProblem}.`);
  } catch (error) {
    const path = normalizePath(dailyNotePath(addDay(dateToDay(now), offset), settings));
    notify(`Daybook: could not open ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
