import type { Journal } from './journal';
import { type IndexedIncident, incidentIndex, incidentIndexPath, renderIncidentIndexIn } from './review/incidentIndex';
import { type ReviewStore, type WriteOutcome, writeManagedNote } from './reviewWriter';

export type IndexOutcome = Omit<WriteOutcome, 'period' | 'review'> & { incidents: IndexedIncident[] };

/** Regenerates the incident index note, by the same rules as a review note (user text kept, hand edits refused unless forced). */
export async function writeIncidentIndex(journal: Journal, store: ReviewStore, force = false): Promise<IndexOutcome> {
  const incidents = await incidentIndex(journal);
  const written = await writeManagedNote(store, incidentIndexPath(journal.settings), renderIncidentIndexIn(journal, incidents), force, journal.dialect.spec.app);
  return { ...written, incidents };
}
