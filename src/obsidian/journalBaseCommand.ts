import { type App, normalizePath, TFile } from 'obsidian';
import { writeJournalBase } from '../core/journalBase';
import type { DaybookSettings } from '../core/settings';
import { ObsidianVault } from './obsidianVault';
import { errorText } from './reviewCommands';

/** "Write the journal base": writes the `.base` of the daily notes and opens it; any failure is told in a notice. */
export async function writeJournalBaseCommand(app: App, settings: DaybookSettings, notify: (message: string) => void): Promise<void> {
  try {
    const outcome = await writeJournalBase(new ObsidianVault(app), settings);
    notify(`Daybook: ${outcome.message}.`);
    const file = app.vault.getAbstractFileByPath(normalizePath(outcome.path));
    if (outcome.status !== 'refused' && file instanceof TFile) await app.workspace.getLeaf(false).openFile(file, { active: true });
  } catch (error) {
    notify(`Daybook: could not write the journal base: ${errorText(error)}`);
  }
}
