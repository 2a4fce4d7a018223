import { format } from 'date-fns';
import { dayToDate } from '../dates/periods';
import type { DaybookSettings } from '../settings';
import { embed, markdownText } from './escape';
import { hasMood, moodChartPath } from './moodChart';
import { ambiguousNames, bullet, compactDays, dayLink, daySpan, entryLink, graphImage, mentionCount, plural, shortDate, shorten } from './renderMarkdown';
import {
  allEntries,
  compactLines,
  daysOf,
  groupProjects,
  incidentHeading,
  incidentSummary,
  linkedLine,
  openItemLines,
  peopleOf,
  projectLines,
  projectName,
  projectSpan,
  section,
} from './renderSections';
import { LIMITS, boundedEntries, otherLinkLines } from './longTails';
import { doneTaskLines } from './doneTasks';
import type { LinkedNote, Mention, ReviewData, ReviewIncident } from './types';

/**
 * The yearly review as a brag document (Julia Evans' template): highlights,
 * goals, projects (what I did, impact), incidents as stories, collaboration &
 * mentorship, design & documentation, what I learned, mood, still open. The
 * quarterly review is the same document in short form.
 */
interface Size {
  highlights: number;
  impactHighlights: number;
  workLines: number;
  impactLines: number;
  people: number;
  collaboration: number;
  topics: number;
  takeaways: number;
  learnings: number;
  stories: boolean;
}

const YEAR: Size = { highlights: 30, impactHighlights: 5, workLines: 40, impactLines: 15, people: 15, collaboration: 20, topics: 20, takeaways: 4, learnings: 30, stories: true };
const QUARTER: Size = { highlights: 12, impactHighlights: 3, workLines: 4, impactLines: 6, people: 10, collaboration: 10, topics: 12, takeaways: 2, learnings: 12, stories: false };

/** How strongly a line states an impact: each number, percentage or "factor of" counts, then the largest change. */
function strength(text: string): number {
  const claims = (text.match(/\d+(?:[.,]\d+)?\s*(?:%|×|x\b)|factor of|by half|halved|doubled|\d[\d,.]*/gi) ?? []).length;
  const percents = [...text.matchAll(/(\d+(?:\.\d+)?)\s*%/g)].map((m) => Number(m[1]));
  // Words for a change count as the percentage they mean: "by half" is 50 %, "a factor of ten" more than any.
  if (/\bby half\b|\bhalved\b/i.test(text)) percents.push(50);
  if (/\bdoubled\b/i.test(text)) percents.push(100);
  if (/\bfactor of\b/i.test(text)) percents.push(900);
  return claims * 1000 + Math.min(999, Math.max(0, ...percents));
}

function more(count: number, what: string): string[] {
  return count > 0 ? [bullet(`…and ${plural(count, what)}`)] : [];
}

/** The `count` strongest lines, in the order they were written. */
function strongest<T extends { text: string }>(lines: T[], count: number): T[] {
  return lines
    .map((m, order) => ({ m, order, score: strength(m.text) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, count)
    .sort((a, b) => a.order - b.order)
    .map(({ m }) => m);
}

function highlights(data: ReviewData, size: Size): string[] {
  const marked = data.highlights ?? [];
  const lines = marked.slice(0, size.highlights).map((m) => bullet(linkedLine(m, 240)));
  lines.push(...more(marked.length - size.highlights, 'more win'));
  // Then the strongest impact lines of the period, in the order they happened.
  // A win that is also an impact line (`- [[Search]]: conversion up 2% #win`) is said once, as the win.
  const plain = (text: string) => text.replace(/(^|\s)#[\p{L}\p{N}_/-]+/gu, '$1').replace(/\s+/g, ' ').trim().toLowerCase();
  const said = marked.map((m) => ({ path: m.path, text: plain(m.text) }));
  const impact = data.projects
    .flatMap((p) => p.impact.map((text) => ({ date: p.date, path: p.path, line: p.line, text, project: p.name })))
    .filter((m) => !said.some((w) => w.path === m.path && w.text.includes(plain(m.text))));
  lines.push(...strongest(impact, size.impactHighlights).map((m) => bullet(`**${shorten(m.text)}** — ${m.project} (${dayLink(m.path, shortDate(m.date))})`)));
  return lines;
}

function goals(data: ReviewData, ambiguous: ReadonlySet<string>): string[] {
  return data.goals.flatMap((goal) => {
    const state = goal.done === null ? '' : goal.done ? '✅ ' : '☐ ';
    const lines = [bullet(`${state}${shorten(goal.text, 240)}`)];
    for (const link of goal.evidence ?? []) {
      const name = entryLink({ name: link.name, path: link.path }, ambiguous);
      if (link.days.length === 0) {
        lines.push(bullet(`${name}: not in this period's notes`, 1));
        continue;
      }
      const projects = link.projects.filter((p) => p.toLowerCase() !== link.name.toLowerCase());
      lines.push(bullet(`${name}: ${compactDays(link.days)}${projects.length ? ` · projects: ${projects.join(', ')}` : ''}`, 1));
    }
    return lines;
  });
}

/** About how many lines the projects of a period may take: many projects share them, each keeping at least a few. */
const PROJECT_LINES = 240;
/** Projects told in full; the others get a line each, then a count. */
const PROJECTS_TOLD = 25;
const PROJECTS_LISTED = 30;

function projects(data: ReviewData, size: Size): string[] {
  const groups = groupProjects(data.projects);
  const share = Math.floor(PROJECT_LINES / Math.max(1, Math.min(groups.length, PROJECTS_TOLD)));
  size = { ...size, workLines: Math.max(3, Math.min(size.workLines, share)), impactLines: Math.max(3, Math.min(size.impactLines, Math.floor(share / 2))) };
  const listed = groups.slice(PROJECTS_TOLD, PROJECTS_TOLD + PROJECTS_LISTED).map((group) => bullet(`${projectName(group)} · ${projectSpan(group)}`));
  const counted = groups.length - PROJECTS_TOLD - PROJECTS_LISTED;
  const out = groups.slice(0, PROJECTS_TOLD).flatMap((group) => {
    const { work, impact } = projectLines(group);
    const lines = [`### ${projectName(group)}`, '', `${projectSpan(group)}.`, ''];
    if (work.length) {
      lines.push('**What I did**', '', ...work.slice(0, size.workLines).map((m) => bullet(linkedLine(m))), ...more(work.length - size.workLines, 'more line'), '');
    }
    if (impact.length) lines.push('**Impact**', '', ...strongest(impact, size.impactLines).map((m) => bullet(linkedLine(m))), ...more(impact.length - size.impactLines, 'more impact line'), '');
    return lines;
  });
  if (listed.length) out.push('### Also worked on', '', ...listed, ...more(counted, 'more project'), '');
  const log = data.workLog ?? [];
  const logLines = Math.max(size.workLines * 2, 20);
  if (log.length) out.push('### Work log', '', ...log.slice(0, logLines).map((m) => bullet(linkedLine(m, 240))), ...more(log.length - logLines, 'more day'), '');
  return out;
}

/** An incident told as a story: what happened, what it cost, why, what changed, what was learned. */
function incidentStory(incident: ReviewIncident): string[] {
  const when = dayLink(incident.path, format(dayToDate(incident.date), 'd MMMM'));
  const lines = [incidentHeading(incident), '', `${when}${incident.people.length ? `, with ${peopleOf(incident)}` : ''}.`, ''];
  // The first paragraph tells what happened; the others add to it, each cut to a readable length.
  if (incident.context.length) lines.push(`**What happened.** ${shorten(incident.context[0], 320)}`, '', ...incident.context.slice(1, 3).flatMap((c) => [shorten(c, 320), '']));
  if (incident.impact.length === 1) lines.push(`**Impact.** ${shorten(incident.impact[0], 360)}`, '');
  else if (incident.impact.length) lines.push('**Impact.**', '', ...incident.impact.map((i) => bullet(shorten(i, 240))), '');
  if (incident.whys.length) lines.push('**Why it happened.**', '', ...incident.whys.map((w, i) => `${i + 1}. ${shorten(w, 240)}`), '');
  const changed = [...incident.prevention, ...incident.actions.map((a) => `${a.done ? '✅' : '☐'} ${a.text}`)];
  if (changed.length) lines.push('**What changed.**', '', ...changed.map((c) => bullet(shorten(c, 240))), '');
  const learnings = incident.learnings ?? [];
  if (learnings.length) lines.push(`**Learnings.** ${shorten(learnings.join(' '), 360)}`, '');
  return lines;
}

const INCIDENTS_TOLD = 15;
const INCIDENTS_LISTED = 40;

/** The first incidents as stories (or summaries), the next one line each, the rest counted. */
function incidents(data: ReviewData, size: Size): string[] {
  const told = data.incidents.slice(0, INCIDENTS_TOLD).flatMap((i) => (size.stories ? incidentStory(i) : [incidentHeading(i), '', ...incidentSummary(i)]));
  const listed = data.incidents.slice(INCIDENTS_TOLD, INCIDENTS_TOLD + INCIDENTS_LISTED).map((i) => bullet(`${shorten(i.title, 120)}${i.severity ? ` · ${i.severity}` : ''} (${dayLink(i.path, shortDate(i.date))})`));
  const counted = data.incidents.length - INCIDENTS_TOLD - INCIDENTS_LISTED;
  return [...told, ...(listed.length ? ['### Other incidents', '', ...listed, ...more(counted, 'more incident'), ''] : [])];
}

function collaboration(data: ReviewData, size: Size, ambiguous: ReadonlySet<string>): string[] {
  // Each person with their days, the first few linked: every line leads back to the notes.
  const people = compactLines(data.people.slice(0, size.people), ambiguous);
  const lines = data.collaboration ?? [];
  const out: string[] = [];
  if (people.length) out.push('**Worked with most**', '', ...people, '');
  const meetings = data.meetings ?? [];
  if (meetings.length) {
    // The meetings that recur most (the 1:1 with Ana, the weekly sync), by how many days they were held.
    const byTitle = new Map<string, Set<string>>();
    for (const m of meetings) byTitle.set(m.title, (byTitle.get(m.title) ?? new Set()).add(m.date));
    const top = [...byTitle].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0])).slice(0, 8);
    out.push(`**Meetings** (${plural(meetings.length, 'note')})`, '', bullet(top.map(([title, days]) => `${title} (${days.size})`).join(', ') + (byTitle.size > top.length ? ` …and ${plural(byTitle.size - top.length, 'other')}` : '')), '');
  }
  const rest = data.people.slice(size.people);
  if (rest.length) out.push(`**Also worked with** (mentions)`, '', ...boundedEntries(rest, { lines: 0, rows: LIMITS[data.period.kind].rows }, ambiguous, () => [], 'people'), '');
  if (lines.length) out.push('**Mentoring, pairing, reviews**', '', ...lines.slice(0, size.collaboration).map((m) => bullet(linkedLine(m))), ...more(lines.length - size.collaboration, 'more line'), '');
  return out;
}

const NOTES_LISTED = 25;

function linkedNoteLines(all: LinkedNote[], takeaways: number, ambiguous: ReadonlySet<string>): string[] {
  const notes = all.slice(0, NOTES_LISTED);
  const rest = all.slice(NOTES_LISTED);
  const restLine = rest.length ? [bullet(`…and ${plural(rest.length, 'more note')}: ${rest.slice(0, 16).map((n) => entryLink(n, ambiguous)).join(', ')}${rest.length > 16 ? ' …' : ''}`)] : [];
  return [...notes.flatMap((note) => {
    const head = bullet(`${entryLink(note, ambiguous)} (${note.type}) · ${compactDays(note.mentions)}`);
    const under = note.takeaways.slice(0, takeaways).map((m: Mention) => bullet(linkedLine(m), 1));
    return [head, ...under, ...(note.takeaways.length > takeaways ? [bullet(`…and ${plural(note.takeaways.length - takeaways, 'more note')}`, 1)] : [])];
  }), ...restLine];
}

function design(data: ReviewData, size: Size, ambiguous: ReadonlySet<string>): string[] {
  const docs = data.design?.docs ?? [];
  const lines = data.design?.lines ?? [];
  return [
    ...linkedNoteLines(docs, size.takeaways, ambiguous),
    ...lines.slice(0, size.collaboration).map((m) => bullet(linkedLine(m))),
    ...more(lines.length - size.collaboration, 'more line'),
  ];
}

/** The tags that file a line under highlights, collaboration or design: not something learned. */
function bragTags(settings: DaybookSettings, graph: boolean): Set<string> {
  const { brag } = settings;
  const tags = [...brag.highlightTags, ...brag.collaborationTags, ...brag.designTags, ...brag.learningTags].map((t) => t.toLowerCase());
  // In a Logseq graph the tag is a page, named without `#`.
  return new Set([...tags.map((t) => '#' + t), ...(graph ? tags : [])]);
}

function learned(data: ReviewData, size: Size, ambiguous: ReadonlySet<string>, settings: DaybookSettings): string[] {
  const filing = bragTags(settings, data.logseq !== undefined);
  // In a graph a book's page is a topic too: it is told under Reading, once.
  const toldElsewhere = new Set([...(data.reading ?? []), ...(data.design?.docs ?? [])].map((n) => n.path));
  const learnt = data.topics.filter((t) => (t.path !== null || !filing.has(t.name.toLowerCase())) && !(t.path !== null && toldElsewhere.has(t.path)));
  const topics = learnt.slice(0, size.topics).map((t) => {
    const first = t.blocks[0];
    const last = t.blocks[t.blocks.length - 1];
    const span = first.date === last.date ? '' : `, ${daySpan(first.date, last.date)}`;
    return bullet(`${entryLink(t, ambiguous)} · ${mentionCount(t.mentions, daysOf(t))}${span}: “${shorten(first.text, 100)}” (${dayLink(first.path, shortDate(first.date))})`);
  });
  const rest = learnt.slice(size.topics);
  const reading = linkedNoteLines(data.reading ?? [], size.takeaways, ambiguous);
  // The owner's own words first: what a Learnings section says was learned, then the topics.
  const lessons = data.learnings ?? [];
  return [
    ...(lessons.length ? ['**Learnings**', '', ...lessons.slice(0, size.learnings).map((m) => bullet(linkedLine(m, 200))), ...more(lessons.length - size.learnings, 'more learning'), ''] : []),
    ...(topics.length ? ['**Topics**', '', ...topics, ...(rest.length ? ['', `**Also** (mentions)`, '', ...boundedEntries(rest, { lines: 0, rows: LIMITS[data.period.kind].rows }, ambiguous, () => [], 'topics')] : []), ''] : []),
    ...(reading.length ? ['**Reading**', '', ...reading, ''] : []),
  ];
}

/** The year's mood: the chart, then each slider's best and hardest month. */
function moodOverTheYear(data: ReviewData, settings: DaybookSettings): string[] {
  if (!hasMood(data, settings.sliders)) return [];
  const chart = moodChartPath(data.notes.review);
  const lines = [graphImage(chart) ?? embed(chart), ''];
  for (const slider of settings.sliders) {
    const months = new Map<string, number[]>();
    for (const day of data.days) {
      const value = day.mood[slider.property];
      if (value === undefined) continue;
      const month = day.date.slice(0, 7);
      months.set(month, [...(months.get(month) ?? []), value]);
    }
    if (months.size === 0) continue;
    if (months.size === 1) {
      const [[month, values]] = [...months];
      lines.push(bullet(`**${markdownText(slider.question)}** ${(values.reduce((a, b) => a + b, 0) / values.length).toFixed(1)} on average in ${format(dayToDate(month + '-01'), 'MMMM')}`));
      continue;
    }
    const averages = [...months].map(([month, values]) => ({ month, average: values.reduce((a, b) => a + b, 0) / values.length }));
    const best = averages.reduce((a, b) => (b.average > a.average ? b : a));
    const worst = averages.reduce((a, b) => (b.average < a.average ? b : a));
    const label = (m: { month: string; average: number }) => `${format(dayToDate(m.month + '-01'), 'MMMM')} (${m.average.toFixed(1)})`;
    lines.push(bullet(`**${markdownText(slider.question)}** best month ${label(best)}, hardest ${label(worst)}`));
  }
  return [...lines, ''];
}

export function bragDocument(data: ReviewData, settings: DaybookSettings): string[] {
  const size = data.period.kind === 'year' ? YEAR : QUARTER;
  const ambiguous = ambiguousNames(allEntries(data));
  // Reading and design docs have their own sections; the other links keep theirs, never dropped.
  const shown = new Set([...(data.reading ?? []), ...(data.design?.docs ?? [])].map((n) => n.path));
  // A project's own note is shown as the project.
  const projectNames = new Set(data.projects.map((p) => p.name.toLowerCase()));
  const others = data.otherLinks.filter((o) => (o.path === null || !shown.has(o.path)) && !projectNames.has(o.name.toLowerCase()));
  return [
    ...section('Highlights', highlights(data, size)),
    ...section('Goals', goals(data, ambiguous)),
    ...section('Projects', projects(data, size)),
    ...section('Done', doneTaskLines(data)),
    ...section('Incidents', incidents(data, size)),
    ...section('Collaboration & mentorship', collaboration(data, size, ambiguous)),
    ...section('Design & documentation', design(data, size, ambiguous)),
    ...section('What I learned', learned(data, size, ambiguous, settings)),
    ...(data.period.kind === 'year' ? section('Mood over the year', moodOverTheYear(data, settings)) : []),
    ...section('Still open', openItemLines(data, LIMITS[data.period.kind].openTasks, settings)),
    ...section('Other links', otherLinkLines(others, LIMITS[data.period.kind], ambiguous, (shown) => compactLines(shown, ambiguous))),
  ];
}
