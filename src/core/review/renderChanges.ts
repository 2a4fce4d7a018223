import { parsePeriodId } from '../dates/periods';
import type { DaybookSettings } from '../settings';
import type { ChangeItem, ReviewChanges, TaskChange } from './changes';
import { heatmapPath, heatmapSliders } from './heatmap';
import { bullet, compactDays, dayLink, entryLink, graphImage, noteLink, plural, shortDate, shorten } from './renderMarkdown';
import { section } from './renderSections';
import type { ReviewData } from './types';

/** Items per line of "What changed": the rest are counted, so the section stays a glance. */
const SHOWN = 5;

const KIND_WORD = { week: 'week', month: 'month', quarter: 'quarter', year: 'year' } as const;

function ago(from: string, to: string): string {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  if (days < 14) return plural(days, 'day') + ' ago';
  if (days < 61) return plural(Math.round(days / 7), 'week') + ' ago';
  return plural(Math.round(days / 30.4), 'month') + ' ago';
}

function name(item: ChangeItem): string {
  return item.linked ? entryLink(item) : item.name;
}

/** `[[Ana]] (4, was 1)` and the days, the first few linked. */
function itemText(item: ChangeItem, counts: 'now' | 'both' | 'before'): string {
  const figure = counts === 'now' ? `${item.count}` : counts === 'before' ? `was ${item.previous}` : `${item.count}, was ${item.previous}`;
  return `${name(item)} (${figure})`;
}

function listLine(label: string, items: ChangeItem[], text: (item: ChangeItem) => string): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, SHOWN).map(text);
  const more = items.length > SHOWN ? `; and ${items.length - SHOWN} more` : '';
  return [bullet(`**${label}** ${shown.join('; ')}${more}`)];
}

function withDays(item: ChangeItem, counts: 'now' | 'both'): string {
  return `${itemText(item, counts)} ${compactDays(item.days, 2)}`;
}

function quietText(item: ChangeItem, end: string): string {
  const last = item.days[item.days.length - 1];
  return `${itemText(item, 'before')}, last mentioned ${ago(last.date, end)} (${dayLink(last.path, shortDate(last.date))})`;
}

function backText(item: ChangeItem, start: string): string {
  const gap = item.lastBefore ? `, first mention in ${ago(item.lastBefore, start).replace(/ ago$/, '')}` : '';
  return `${itemText(item, 'now')}${gap} ${compactDays(item.days, 2)}`;
}

function sign(value: number): string {
  return value > 0 ? `+${value.toFixed(1)}` : value < 0 ? `−${Math.abs(value).toFixed(1)}` : '±0';
}

function taskText(task: TaskChange): string {
  const days = task.days.length ? ` (${dayLink(task.days[0].path, shortDate(task.days[0].date))})` : '';
  return `${shorten(task.text, 80)}${days}`;
}

function taskLines(changes: ReviewChanges, start: string): string[] {
  const { opened, closed, carried } = changes.tasks;
  if (!opened.length && !closed.length && !carried.length) return [];
  const closedEarlier = closed.filter((t) => t.opened < start).length;
  const on = (tasks: TaskChange[]) => (tasks.length ? ` ${compactDays(tasks.flatMap((t) => t.days), 2)}` : '');
  const parts = [`${opened.length} opened${on(opened)}`, `${closed.length} closed${closedEarlier ? ` (${closedEarlier} from earlier)` : ''}${on(closed)}`, `${carried.length} carried over`];
  const lines = [bullet(`**Tasks:** ${parts.join(', ')}`)];
  for (const task of carried.slice(0, SHOWN)) lines.push(bullet(`☐ ${taskText(task)}, open for ${plural(task.age ?? 0, 'day')} since ${dayLink(task.path, shortDate(task.opened))}`, 1));
  if (carried.length > SHOWN) lines.push(bullet(`…and ${carried.length - SHOWN} more carried over`, 1));
  return lines;
}

function moodLines(changes: ReviewChanges, settings: DaybookSettings): string[] {
  const lines: string[] = [];
  for (const mood of changes.mood) {
    const label = settings.sliders.find((s) => s.property === mood.property)?.question ?? mood.property;
    if (mood.average === null) continue;
    const then = mood.previous === null ? 'no value before' : `${sign(mood.change ?? 0)} from ${mood.previous.toFixed(1)}`;
    lines.push(bullet(`**${label}** ${mood.average.toFixed(1)} on average, ${then} (${compactDays(mood.days, 2)})`));
  }
  return lines;
}

function incidentLine(changes: ReviewChanges): string[] {
  const { count, previous, bySeverity, days } = changes.incidents;
  if (count === 0 && previous === 0) return [];
  const severities = bySeverity.map((s) => `${s.severity}: ${s.count}${s.count !== s.previous ? ` (was ${s.previous})` : ''}`).join(', ');
  const where = days.length ? ` ${compactDays(days, 3)}` : ` (before: ${compactDays(changes.incidents.previousDays, 3)})`;
  return [bullet(`**Incidents:** ${count}, was ${previous} — ${severities}${where}`)];
}

function trendLines(label: string, trends: ReviewChanges['topics'], end: string): string[] {
  return [
    ...listLine(`${label} started:`, trends.started, (i) => withDays(i, 'now')),
    ...listLine(`${label} rose:`, trends.rose, (i) => withDays(i, 'both')),
    ...listLine(`${label} faded:`, trends.faded, (i) => withDays(i, 'both')),
    ...listLine(`${label} gone quiet:`, trends.quiet, (i) => quietText(i, end)),
  ];
}

/** The baseline as a link to its review note, and what lies between. */
function comparedWith(data: ReviewData, changes: ReviewChanges): string {
  const baseline = changes.baseline;
  if (!baseline) return '';
  const word = KIND_WORD[data.period.kind];
  const link = noteLink(baseline.note, baseline.id);
  return changes.skipped ? `Against ${link}, the last ${word} with notes (${plural(changes.skipped, `${word} without notes`, `${word}s without notes`)} between).` : `Against ${link}.`;
}

/** The "What changed" section: short, ranked lines, each linked to its days; a first period says so. */
export function changesSection(data: ReviewData, settings: DaybookSettings): string[] {
  const changes = data.changes;
  if (!changes) return [];
  const word = KIND_WORD[data.period.kind];
  if (changes.first) return section('What changed', [`The first ${word} of the journal: nothing earlier to compare with.`, '']);
  const end = parsePeriodId(data.period.id)?.end ?? data.period.end;
  const people = changes.people;
  const lines = [
    ...(changes.days.count !== changes.days.previous ? [bullet(`**Days journaled:** ${changes.days.count}, was ${changes.days.previous}`)] : []),
    ...listLine('New people:', people.new, (i) => withDays(i, 'now')),
    ...listLine('Back after a gap:', people.back, (i) => backText(i, data.period.start)),
    ...listLine('Gone quiet:', people.quiet, (i) => quietText(i, end)),
    ...trendLines('Projects', changes.projects, end),
    ...trendLines('Topics', changes.topics, end),
    ...moodLines(changes, settings),
    ...taskLines(changes, data.period.start),
    ...incidentLine(changes),
  ];
  const intro = comparedWith(data, changes);
  return section('What changed', [intro, '', ...(lines.length ? lines : [`Nothing new, back or gone quiet since ${changes.baseline?.id ?? 'then'}.`])]);
}

/** The year's (or month's) calendar, one heatmap per slider with values. */
export function heatmapSection(data: ReviewData, settings: DaybookSettings): string[] {
  const embeds = heatmapSliders(data, settings.sliders).flatMap((slider) => {
    const chart = heatmapPath(data.notes.review, slider);
    return [graphImage(chart) ?? `![[${chart}]]`, ''];
  });
  return section(data.period.kind === 'year' ? 'The year at a glance' : 'The month at a glance', embeds);
}
