import { eachDayOfInterval, format } from 'date-fns';
import { addDay, dayToDate, periodContaining } from '../dates/periods';
import { foldName } from '../links/targets';
import type { DaybookSettings, SliderSetting } from '../settings';
import { sparkline, trendWord } from './mood';
import { bullet, dayLink, entryLink, noteLink, plural, shortDate, shorten } from './renderMarkdown';
import type { Entry, ReviewData, ReviewIncident, ReviewProject } from './types';

/** How many quotes each entry shows: every one in a week, the first few in a year. */
const QUOTES_PER_ENTRY = { week: 12, month: 6, quarter: 4, year: 3 } as const;
/** How many people (and topics) get their quotes before the rest are listed one line each. */
const DETAILED_ENTRIES = { week: 40, month: 30, quarter: 25, year: 20 } as const;
const TOP = 5;

export function reviewTitle(data: ReviewData): string {
  const { period } = data;
  const start = dayToDate(period.start);
  const end = dayToDate(period.end);
  switch (period.kind) {
    case 'week':
      return `Week ${period.id.slice(6)} of ${period.id.slice(0, 4)}`;
    case 'month':
      return format(start, 'MMMM yyyy');
    case 'quarter':
      return `Q${period.id.slice(6)} ${period.id.slice(0, 4)}: ${format(start, 'MMMM')}–${format(end, 'MMMM')}`;
    case 'year':
      return `${period.id} in review`;
  }
}

function dateRange(data: ReviewData): string {
  const start = dayToDate(data.period.start);
  const end = dayToDate(data.period.end);
  return start.getMonth() === end.getMonth()
    ? `${format(start, 'd')}–${format(end, 'd MMMM yyyy')}`
    : `${format(start, 'd MMMM')}–${format(end, 'd MMMM yyyy')}`;
}

/** Renders the review's markdown: what goes inside the managed region. */
export function renderReview(data: ReviewData, settings: DaybookSettings): string {
  const out: string[] = [];
  out.push(`# ${reviewTitle(data)}`, '');
  out.push(`${dateRange(data)} · ← ${noteLink(data.notes.previous, data.period.previous)} · ${noteLink(data.notes.next, data.period.next)} →`, '');
  out.push(...atAGlance(data, settings));
  if (data.period.kind === 'year') out.push(...bragDocument(data));
  else out.push(...periodSections(data));
  out.push(...warningsSection(data));
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function section(title: string, lines: string[], empty?: string): string[] {
  if (lines.length === 0 && empty === undefined) return [];
  return [`## ${title}`, '', ...(lines.length ? lines : [empty as string]), ''];
}

function atAGlance(data: ReviewData, settings: DaybookSettings): string[] {
  const totalDays = eachDayOfInterval({ start: dayToDate(data.period.start), end: dayToDate(data.period.end) }).length;
  const lines = [bullet(`**Days journaled:** ${data.days.length} of ${totalDays}`)];
  for (const slider of settings.sliders) {
    const summary = data.mood[slider.property];
    if (!summary) continue;
    const series = moodSeries(data, slider);
    const values = data.days.map((d) => d.mood[slider.property]).filter((v): v is number => v !== undefined);
    lines.push(
      bullet(
        `**${slider.question}** ${formatNumber(summary.average)} on average (${formatNumber(summary.min)}–${formatNumber(summary.max)} of ${slider.min}–${slider.max}), ${trendWord(values, slider.min, slider.max)} \`${sparkline(series, slider.min, slider.max)}\``,
      ),
    );
  }
  if (data.incidents.length) lines.push(bullet(`**Incidents:** ${data.incidents.length}${severityCounts(data.incidents)}`));
  const open = data.tasks.filter((t) => !t.done).length;
  if (data.tasks.length) lines.push(bullet(`**Tasks:** ${open} open, ${data.tasks.length - open} done`));
  if (data.people.length) lines.push(bullet(`**Top people:** ${top(data.people)}`));
  if (data.topics.length) lines.push(bullet(`**Top topics:** ${top(data.topics)}`));
  return section('At a glance', lines);
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function top(entries: Entry[]): string {
  return entries
    .slice(0, TOP)
    .map((e) => `${entryLink(e)} (${e.mentions})`)
    .join(', ');
}

function severityCounts(incidents: ReviewIncident[]): string {
  const counts = new Map<string, number>();
  for (const incident of incidents) counts.set(incident.severity ?? 'no severity', (counts.get(incident.severity ?? 'no severity') ?? 0) + 1);
  const parts = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([sev, n]) => `${sev}: ${n}`);
  return ` (${parts.join(', ')})`;
}

/** Daily values for a week or month; weekly averages for a quarter or year, so the line stays short. */
function moodSeries(data: ReviewData, slider: SliderSetting): (number | null)[] {
  const byDay = new Map(data.days.map((d) => [d.date, d.mood[slider.property]]));
  const daily = data.period.kind === 'week' || data.period.kind === 'month';
  const series: (number | null)[] = [];
  for (let day = data.period.start; day <= data.period.end; day = addDay(day, daily ? 1 : 7)) {
    if (daily) {
      series.push(byDay.get(day) ?? null);
      continue;
    }
    const week = periodContaining('week', day);
    const values: number[] = [];
    for (let d = week.start; d <= week.end; d = addDay(d, 1)) {
      const value = byDay.get(d);
      if (value !== undefined) values.push(value);
    }
    series.push(values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
  }
  return series;
}

function mentionLines(entry: Entry, limit: number): string[] {
  const lines = entry.blocks.slice(0, limit).map((m) => bullet(`${dayLink(m.path, shortDate(m.date))}: ${shorten(m.text)}`));
  if (entry.blocks.length > limit) lines.push(bullet(`…and ${plural(entry.blocks.length - limit, 'more mention')}`));
  return lines;
}

/**
 * The most mentioned entries get a heading and their quotes; past `detailed`,
 * a busy month or quarter lists the long tail one line each, so the review stays
 * readable (and every entry is still there, linked to its days).
 */
function entrySections(entries: Entry[], limit: number, detailed: number): string[] {
  const head = entries.slice(0, detailed).flatMap((entry) => [`### ${entryLink(entry)} · ${plural(entry.mentions, 'mention')}`, ...mentionLines(entry, limit), '']);
  const tail = entries.slice(detailed);
  return tail.length ? [...head, `### ${plural(tail.length, 'more')}`, ...compactLines(tail), ''] : head;
}

function compactLines(entries: Entry[]): string[] {
  return entries.map((entry) => {
    const days = [...new Map(entry.blocks.map((m) => [m.date, m])).values()];
    return bullet(`${entryLink(entry)} (${entry.mentions}): ${days.map((m) => dayLink(m.path, shortDate(m.date))).join(', ')}`);
  });
}

function incidentHeading(incident: ReviewIncident): string {
  return `### ${shorten(incident.title, 120)}${incident.severity ? ` · ${incident.severity}` : ''}`;
}

function incidentSummary(incident: ReviewIncident): string[] {
  const people = incident.people.length ? ` · with ${incident.people.map((p) => `[[${p}]]`).join(', ')}` : '';
  const lines = [`${dayLink(incident.path, shortDate(incident.date))}${people}`, ''];
  if (incident.impact.length) lines.push(bullet(`**Impact:** ${incident.impact.map((i) => shorten(i)).join(' ')}`));
  if (incident.whys.length) {
    lines.push(bullet('**5 whys**'));
    incident.whys.forEach((why, i) => lines.push(`    ${i + 1}. ${shorten(why, 240)}`));
  }
  if (incident.prevention.length) lines.push(bullet(`**How to prevent:** ${incident.prevention.map((p) => shorten(p)).join(' ')}`));
  for (const action of incident.actions) lines.push(bullet(`${action.done ? '✅' : '☐'} ${shorten(action.text)}`));
  return [...lines, ''];
}

interface ProjectGroup {
  name: string;
  linked: boolean;
  entries: ReviewProject[];
}

function groupProjects(projects: ReviewProject[]): ProjectGroup[] {
  const groups = new Map<string, ProjectGroup>();
  for (const project of projects) {
    const key = foldName(project.name);
    const group = groups.get(key) ?? { name: project.name, linked: false, entries: [] };
    group.linked ||= project.linked;
    group.entries.push(project);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.entries.length - a.entries.length || a.name.localeCompare(b.name));
}

function projectName(group: ProjectGroup): string {
  return group.linked ? `[[${group.name}]]` : group.name;
}

function projectSections(projects: ReviewProject[], linesPerProject: number): string[] {
  return groupProjects(projects).flatMap((group) => {
    const days = new Set(group.entries.map((e) => e.date)).size;
    const impact = group.entries.flatMap((e) => e.impact.map((line) => bullet(`**${shorten(line)}** (${dayLink(e.path, shortDate(e.date))})`)));
    const work = group.entries.flatMap((e) =>
      e.lines.filter((line) => !e.impact.includes(line)).map((line) => bullet(`${dayLink(e.path, shortDate(e.date))}: ${shorten(line)}`)),
    );
    const shown = work.slice(0, linesPerProject);
    if (work.length > shown.length) shown.push(bullet(`…and ${plural(work.length - shown.length, 'more line')}`));
    return [`### ${projectName(group)} · ${plural(days, 'day')}`, ...impact, ...shown, ''];
  });
}

function openTaskLines(data: ReviewData): string[] {
  return data.tasks.filter((t) => !t.done).map((t) => bullet(`☐ ${shorten(t.text)} (${dayLink(t.path, shortDate(t.date))})`));
}

function periodSections(data: ReviewData): string[] {
  const limit = QUOTES_PER_ENTRY[data.period.kind];
  const detailed = DETAILED_ENTRIES[data.period.kind];
  return [
    ...section('People', entrySections(data.people, limit, detailed)),
    ...section('Topics', entrySections(data.topics, limit, detailed)),
    ...section('Incidents', data.incidents.flatMap((i) => [incidentHeading(i), ...incidentSummary(i)])),
    ...section('Projects', projectSections(data.projects, limit * 2)),
    ...section('Open tasks', openTaskLines(data)),
    ...section('Other links', compactLines(data.otherLinks)),
  ];
}

/** An incident told as a story: what happened, what it cost, why, and what changed. */
function incidentStory(incident: ReviewIncident): string[] {
  const lines = [incidentHeading(incident), '', `${dayLink(incident.path, format(dayToDate(incident.date), 'd MMMM'))}${incident.people.length ? `, with ${incident.people.map((p) => `[[${p}]]`).join(', ')}` : ''}.`, ''];
  if (incident.context.length) lines.push(`**What happened.** ${incident.context.map((c) => shorten(c, 240)).join(' ')}`, '');
  if (incident.impact.length) lines.push(`**Impact.** ${incident.impact.map((c) => shorten(c, 240)).join(' ')}`, '');
  if (incident.whys.length) lines.push('**Why it happened.**', '', ...incident.whys.map((w, i) => `${i + 1}. ${shorten(w, 240)}`), '');
  const changed = [...incident.prevention, ...incident.actions.map((a) => `${a.done ? '✅' : '☐'} ${a.text}`)];
  if (changed.length) lines.push('**What changed.**', '', ...changed.map((c) => bullet(shorten(c, 240))), '');
  return lines;
}

function bragDocument(data: ReviewData): string[] {
  const goals = data.goals.map((g) => bullet(`${g.done === null ? '' : g.done ? '✅ ' : '☐ '}${shorten(g.text, 240)}`));
  const learned = data.topics.slice(0, 20).map((t) => {
    const first = t.blocks[0];
    const last = t.blocks[t.blocks.length - 1];
    return bullet(`${entryLink(t)}: ${plural(t.mentions, 'note')}, ${shortDate(first.date)}–${shortDate(last.date)}. First: “${shorten(first.text, 120)}”`);
  });
  const people = data.people.slice(0, 15).map((p) => {
    const days = new Set(p.blocks.map((m) => m.date)).size;
    return bullet(`${entryLink(p)}: ${plural(p.mentions, 'mention')} on ${plural(days, 'day')}`);
  });
  return [
    ...section('Goals', goals),
    ...section('What I worked on', projectSections(data.projects, 5)),
    ...section('Incidents handled', data.incidents.flatMap(incidentStory)),
    ...section('People I worked with most', people),
    ...section('What I learned', learned),
    ...section('Still open', openTaskLines(data)),
  ];
}

function warningsSection(data: ReviewData): string[] {
  if (data.warnings.length === 0) return [];
  return [
    '> [!warning] Some notes could not be read completely',
    ...data.warnings.map((w) => `> - ${noteLink(w.path, w.path)}: ${w.message.replace(/\n/g, ' ')}`),
    '',
  ];
}
