import type { PeriodKind } from '../dates/periods';
import { foldName } from '../links/targets';
import { wikiLink } from './escape';
import { bullet, compactDays, dayLink, daySpan, entryLink, mentionCount, plural, shortDate, shorten } from './renderMarkdown';
import type { DaybookSettings } from '../settings';
import { LIMITS, boundedEntries, olderTasksLine } from './longTails';
import type { Entry, Mention, ReviewData, ReviewIncident, ReviewProject } from './types';

/** Pieces of the review that the period sections and the brag document share. */

export function section(title: string, lines: string[], level = 2): string[] {
  if (lines.length === 0) return [];
  return [`${'#'.repeat(level)} ${title}`, '', ...lines, ''];
}

/** A line linked to its day: `text ([[Daily/2026-11-10|Tue 10 Nov]])`. */
export function linkedLine(m: Mention, max = 180): string {
  return `${shorten(m.text, max)} (${dayLink(m.path, shortDate(m.date))})`;
}

export function daysOf(entry: Entry): number {
  return new Set(entry.blocks.map((m) => m.date)).size;
}

/** One compact line per entry: its counts and its days, the first few linked. */
export function compactLines(entries: Entry[], ambiguous: ReadonlySet<string>): string[] {
  // compactDays says "on N days"; the count before it says only how many mentions.
  return entries.map((entry) => bullet(`${entryLink(entry, ambiguous)} · ${plural(entry.mentions, 'mention')} ${compactDays(entry.blocks)}`));
}

function mentionLines(entry: Entry, limit: number): string[] {
  const lines = entry.blocks.slice(0, limit).map((m) => bullet(`${dayLink(m.path, shortDate(m.date))}: ${shorten(m.text)}`));
  if (entry.blocks.length > limit) lines.push(bullet(`…and ${plural(entry.blocks.length - limit, 'more mention')} ${compactDays(entry.blocks.slice(limit))}`));
  return lines;
}

/**
 * The most mentioned entries get a heading and their quotes; past `detailed`,
 * the long tail is listed one compact line each, so the review stays readable
 * (and every entry is still there, linked to its days).
 */
export function entrySections(entries: Entry[], limit: number, detailed: number, ambiguous: ReadonlySet<string>, kind: PeriodKind = 'week', what = 'entries'): string[] {
  const head = entries
    .slice(0, detailed)
    .flatMap((entry) => [`### ${entryLink(entry, ambiguous)} · ${mentionCount(entry.mentions, daysOf(entry))}`, ...mentionLines(entry, limit), '']);
  const tail = entries.slice(detailed);
  const limits = LIMITS[kind];
  return tail.length ? [...head, `### ${plural(tail.length, 'more')}`, ...boundedEntries(tail, limits, ambiguous, (shown) => compactLines(shown, ambiguous), what), ''] : head;
}

export function incidentHeading(incident: ReviewIncident): string {
  return `### ${shorten(incident.title, 120)}${incident.severity ? ` · ${incident.severity}` : ''}`;
}

export function peopleOf(incident: ReviewIncident): string {
  return incident.people.map((p) => wikiLink(p)).join(', ');
}

export function incidentSummary(incident: ReviewIncident): string[] {
  const people = incident.people.length ? ` · with ${peopleOf(incident)}` : '';
  const lines = [`${dayLink(incident.path, shortDate(incident.date))}${people}`, ''];
  if ((incident.context ?? []).length && incident.impact.length === 0 && incident.whys.length === 0) lines.push(bullet(`**What happened:** ${shorten(incident.context[0], 240)}`));
  if (incident.impact.length) lines.push(bullet(`**Impact:** ${shorten(incident.impact.join('; '), 240)}`));
  if (incident.whys.length) {
    lines.push(bullet('**5 whys**'));
    incident.whys.forEach((why, i) => lines.push(`    ${i + 1}. ${shorten(why, 240)}`));
  }
  if (incident.prevention.length) lines.push(bullet(`**How to prevent:** ${shorten(incident.prevention.join('; '), 240)}`));
  for (const action of incident.actions) lines.push(bullet(`${action.done ? '✅' : '☐'} ${shorten(action.text)}`));
  return [...lines, ''];
}

export interface ProjectGroup {
  name: string;
  linked: boolean;
  entries: ReviewProject[];
}

export function groupProjects(projects: ReviewProject[]): ProjectGroup[] {
  const groups = new Map<string, ProjectGroup>();
  for (const project of projects) {
    const key = foldName(project.name);
    const group = groups.get(key) ?? { name: project.name, linked: false, entries: [] };
    group.linked ||= project.linked;
    group.entries.push(project);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => new Set(b.entries.map((e) => e.date)).size - new Set(a.entries.map((e) => e.date)).size || a.name.localeCompare(b.name));
}

export function projectName(group: ProjectGroup): string {
  return group.linked ? wikiLink(group.name) : group.name;
}

/** A line's text as lines are compared: the same words written twice are one contribution. */
export function sameText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[*_`[\]]/g, '')
    .replace(/[\s.!,;:]+/g, ' ')
    .trim();
}

export /** A task as copies of it compare: without tags, dates and the Tasks plugin's emoji fields a rollover may add or drop. */
function taskKey(text: string): string {
  return sameText(text.replace(/(^|\s)#[\p{L}\p{N}_/-]+/gu, ' ').replace(/[📅⏳🛫✅➕🔁⏫🔼🔽⏬]\s*(?:\d{4}-\d{2}-\d{2})?/gu, ' ').replace(/\s\d{4}-\d{2}-\d{2}\b/g, ' '));
}

/** The group's contributions and impact lines, each once (the first day it was written), each linked to its day; the mentions of its page last. */
export function projectLines(group: ProjectGroup): { work: Mention[]; impact: Mention[] } {
  const seen = new Set<string>();
  const work: Mention[] = [];
  const impact: Mention[] = [];
  // What was filed as work on the project first; then the lines that only name its page (ideas, links, meetings).
  for (const entry of [...group.entries.filter((e) => !e.mention), ...group.entries.filter((e) => e.mention)]) {
    for (const line of entry.lines) {
      const key = sameText(line);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      const mention = { date: entry.date, path: entry.path, line: entry.line, text: line };
      (entry.impact.includes(line) ? impact : work).push(mention);
    }
  }
  return { work, impact };
}

/** "6 days, 9 Nov – 20 Nov": how long a project ran in the period (one day is that day, linked). */
export function projectSpan(group: ProjectGroup): string {
  const dates = [...new Set(group.entries.map((e) => e.date))].sort();
  if (dates.length === 1) return `1 day, ${dayLink(group.entries[0].path, shortDate(dates[0]))}`;
  return `${plural(dates.length, 'day')}, ${daySpan(dates[0], dates[dates.length - 1])}`;
}

/** The period's projects: impact lines first, then what was done, each once. */
export function projectSections(projects: ReviewProject[], linesPerProject: number): string[] {
  return groupProjects(projects).flatMap((group) => {
    const { work, impact } = projectLines(group);
    const days = new Set(group.entries.map((e) => e.date)).size;
    const lines = [...impact.map((m) => bullet(`**${shorten(m.text)}** (${dayLink(m.path, shortDate(m.date))})`)), ...work.slice(0, linesPerProject).map((m) => bullet(`${dayLink(m.path, shortDate(m.date))}: ${shorten(m.text)}`))];
    if (work.length > linesPerProject) lines.push(bullet(`…and ${plural(work.length - linesPerProject, 'more line')}`));
    return [`### ${projectName(group)} · ${plural(days, 'day')}`, ...lines, ''];
  });
}

/**
 * Open tasks, and the open actions of incidents that are not tasks already
 * listed. Past `limit`, the newest are listed and the older ones counted,
 * with the weekly reviews that list them.
 */
export function openItemLines(data: ReviewData, limit = Infinity, settings?: DaybookSettings): string[] {
  // The same task carried from day to day is one open item, with its days.
  const open = new Map<string, { text: string; days: { date: string; path: string }[] }>();
  for (const task of data.tasks) {
    if (task.done || task.doneOn !== undefined) continue;
    const key = sameText(task.text);
    const item = open.get(key) ?? { text: task.text, days: [] };
    item.days.push(task);
    open.set(key, item);
  }
  const items = [...open.values()];
  const older = settings && items.length > limit ? items.splice(0, items.length - limit) : [];
  const lines = items.map(({ text, days }) =>
    bullet(`☐ ${shorten(text)} (${days.length === 1 ? dayLink(days[0].path, shortDate(days[0].date)) : compactDays(days, 3)})`),
  );
  const tasks = new Set(data.tasks.map((t) => `${t.path}\u0000${sameText(t.text)}`));
  for (const incident of data.incidents) {
    for (const action of incident.actions) {
      if (action.done || tasks.has(`${incident.path}\u0000${sameText(action.text)}`)) continue;
      lines.push(bullet(`☐ ${shorten(action.text)} (${shorten(incident.title, 60)}, ${dayLink(incident.path, shortDate(incident.date))})`));
    }
  }
  if (settings && older.length) lines.push(olderTasksLine(older.map((item) => item.days[0]), settings));
  return lines;
}

/** Every entry's name, for spotting two notes of one name. */
export function allEntries(data: ReviewData): { name: string; path: string | null }[] {
  return [...data.people, ...data.topics, ...data.otherLinks];
}
