import { logseqConfigOf } from './dialect/dialect';
import type { Journal } from './journal';
import { graphPages, withGraphPages } from './review/pageLinks';
import { type IndexedIncident, incidentIndex, incidentIndexPath, renderIncidentIndex } from './review/incidentIndex';
import { type ReviewStore, type WriteOutcome, writeManagedNote } from './reviewWriter';

export type IndexOutcome = Omit<WriteOutcome, 'period' | 'review'> & { incidents: IndexedIncident[] };

/** Regenerates the incident index note, by the same rules as a review note (user text kept, hand edits refused unless forced). */
export async function writeIncidentIndex(journal: Journal, store: ReviewStore, force = false): Promise<IndexOutcome> {
  const incidents = await incidentIndex(journal);
  const { spec } = journal.dialect;
  const path = incidentIndexPath(journal.settings);
  const graph = spec.app === 'logseq' ? graphPages(logseqConfigOf(spec), journal.settings, path) : null;
  const written = await writeManagedNote(store, path, withGraphPages(graph, () => renderIncidentIndex(incidents)), force);
  return { ...written, incidents };
}
