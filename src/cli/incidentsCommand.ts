import type { Journal } from '../core/journal';
import { writeIncidentIndex } from '../core/incidentIndexWriter';
import { incidentIndex, incidentIndexPath, renderIncidentIndexIn } from '../core/review/incidentIndex';
import { describeOutcome } from '../core/reviewWriter';
import type { FolderVault } from './folderVault';

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** What writing the index with `--all` did: a line to print when it changed, and whether it was skipped or failed. */
export interface IndexResult {
  line: string | null;
  skipped: string | null;
  failed: boolean;
}

export type IndexWrite = () => Promise<IndexResult>;

/** `daybook incidents`: prints the index (markdown or JSON), or writes its note with --write. */
export async function incidentsCommand(journal: Journal, vault: FolderVault, options: { write?: boolean; json?: boolean; force?: boolean }, io: Io): Promise<number> {
  if (!options.write) {
    const incidents = await incidentIndex(journal);
    // What --write would put in the note: in a Logseq graph, the graph's own page links.
    io.stdout(options.json ? JSON.stringify(incidents, null, 2) + '\n' : renderIncidentIndexIn(journal, incidents));
    return 0;
  }
  let outcome;
  try {
    outcome = await writeIncidentIndex(journal, vault, Boolean(options.force));
  } catch (error) {
    io.stderr(`error: ${incidentIndexPath(journal.settings)}: not written: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  if (options.json) io.stdout(JSON.stringify(outcome.incidents, null, 2) + '\n');
  io.stderr(describeOutcome({ ...outcome, period: 'incidents' }) + '\n');
  return outcome.status === 'edited' ? 3 : 0;
}

/** The index written alongside `review --all --write`. */
export async function writeIndexLine(journal: Journal, vault: FolderVault, force: boolean): Promise<IndexResult> {
  try {
    const outcome = await writeIncidentIndex(journal, vault, force);
    if (outcome.status === 'unchanged') return { line: null, skipped: null, failed: false };
    if (outcome.status === 'edited') return { line: null, skipped: outcome.path, failed: false };
    return { line: describeOutcome({ ...outcome, period: 'incidents' }), skipped: null, failed: false };
  } catch (error) {
    return { line: `error: ${incidentIndexPath(journal.settings)}: not written: ${error instanceof Error ? error.message : String(error)}`, skipped: null, failed: true };
  }
}
