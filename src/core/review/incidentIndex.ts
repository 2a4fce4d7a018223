import { logseqConfigOf } from '../dialect/dialect';
import type { Journal } from '../journal';
import { graphPages, withGraphPages } from './pageLinks';
import type { DaybookSettings } from '../settings';
import { joinPath } from '../vault';
import { digestNotes } from './buildReview';
import { journalHistory } from './history';
import { bullet, dayLink, plural, shortDate, shorten } from './renderMarkdown';
import { peopleOf } from './renderSections';
import type { ReviewIncident } from './types';

/** An incident as the index lists it: open while any follow-up is not done. */
export interface IndexedIncident extends ReviewIncident {
  status: 'open' | 'closed' | 'no follow-ups';
}

/** Where the index note lives: the setting's folder (the reviews folder when empty) and name. */
export function incidentIndexPath(settings: DaybookSettings): string {
  return joinPath(settings.incidentIndexFolder || settings.reviewsFolder, settings.incidentIndexName) + '.md';
}

function statusOf(incident: ReviewIncident): IndexedIncident['status'] {
  if (incident.actions.length === 0) return 'no follow-ups';
  return incident.actions.some((a) => !a.done) ? 'open' : 'closed';
}

/** Every incident of the journal, newest first (within a day, in the note's order). */
export async function incidentIndex(journal: Journal): Promise<IndexedIncident[]> {
  const last = journal.dailyNotes.reduce((max, n) => (n.day > max ? n.day : max), '');
  const history = await journalHistory(journal, last, digestNotes);
  return history.incidents
    .map((incident) => ({ ...incident, status: statusOf(incident) }))
    .sort((a, b) => b.date.localeCompare(a.date) || a.line - b.line);
}

function incidentLines(incident: IndexedIncident): string[] {
  const parts = [`**${dayLink(incident.path, shortDate(incident.date))}**`, shorten(incident.title, 120)];
  if (incident.severity) parts.push(incident.severity);
  parts.push(incident.status === 'open' ? '**open**' : incident.status);
  if (incident.people.length) parts.push(`with ${peopleOf(incident)}`);
  parts.push(incident.whys.length ? plural(incident.whys.length, 'why', 'whys') : 'no whys');
  const lines = [bullet(parts.join(' · '))];
  for (const action of incident.actions) lines.push(bullet(`${action.done ? '✅' : '☐'} ${shorten(action.text)}`, 1));
  return lines;
}

/** The index note's generated text: a count line, then the incidents by year, newest first. */
export function renderIncidentIndex(incidents: IndexedIncident[]): string {
  const open = incidents.filter((i) => i.status === 'open').length;
  const out = ['# Incident index', ''];
  if (incidents.length === 0) {
    out.push('No incidents in the daily notes yet.');
    return out.join('\n') + '\n';
  }
  const followUps = incidents.reduce((n, i) => n + i.actions.filter((a) => !a.done).length, 0);
  out.push(`${plural(incidents.length, 'incident')}, ${open} open (${plural(followUps, 'follow-up')} not done) · newest first`, '');
  let year = '';
  for (const incident of incidents) {
    if (incident.date.slice(0, 4) !== year) {
      year = incident.date.slice(0, 4);
      out.push('', `## ${year}`, '');
    }
    out.push(...incidentLines(incident));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

/** The index as the journal's note holds it: in a Logseq graph its links are the graph's page links, printed or written. */
export function renderIncidentIndexIn(journal: Journal, incidents: IndexedIncident[]): string {
  const { spec } = journal.dialect;
  const graph = spec.app === 'logseq' ? graphPages(logseqConfigOf(spec), journal.settings, incidentIndexPath(journal.settings)) : null;
  return withGraphPages(graph, () => renderIncidentIndex(incidents));
}
