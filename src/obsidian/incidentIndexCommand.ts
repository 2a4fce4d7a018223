import { normalizePath, TFile } from 'obsidian';
import { writeIncidentIndex } from '../core/incidentIndexWriter';
import { incidentIndexPath } from '../core/review/incidentIndex';
import { describeOutcome } from '../core/reviewWriter';
import { errorText, openJournal, type ReviewContext } from './reviewCommands';

/**
 * "Rebuild incident index": regenerates the index note and opens it. A
 * hand-edited generated part is replaced only if the user says so, and then
 * kept as a backup; any failure is told in a notice.
 */
export async function incidentIndexCommand(context: ReviewContext): Promise<void> {
  try {
    const { vault, journal } = await openJournal(context);
    let outcome = await writeIncidentIndex(journal, vault);
    if (outcome.status === 'edited') {
      const replace = await context.confirm(`The generated part of ${outcome.path} was edited by hand since Daybook wrote it. Replace it with a fresh index? Your edited note will be kept as a backup beside it.`);
      if (replace) outcome = await writeIncidentIndex(journal, vault, true);
    }
    const file = context.app.vault.getAbstractFileByPath(normalizePath(outcome.path));
    if (file instanceof TFile) await context.app.workspace.getLeaf(false).openFile(file);
    const open = outcome.incidents.filter((i) => i.status === 'open').length;
    context.notify(`Daybook: ${describeOutcome({ ...outcome, period: 'incidents' })}. ${outcome.incidents.length} incident(s), ${open} open.`);
  } catch (error) {
    context.notify(`Daybook: could not write ${incidentIndexPath(context.settings)}: ${errorText(error)}`);
  }
}
