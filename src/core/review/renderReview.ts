import { format } from 'date-fns';
import { addDay, dayToDate, daysFromTo, periodContaining } from '../dates/periods';
import type { DaybookSettings, SliderSetting } from '../settings';
import { embed, markdownText } from './escape';
import { sparkline, trendWord } from './mood';
import { hasMood, moodChartPath } from './moodChart';
import { changesSection, heatmapSection } from './renderChanges';
import { bragDocument } from './renderBrag';
import { relinkReview } from './relink';
import { graphPages, withGraphPages } from './pageLinks';
import { LIMITS, otherLinkLines } from './longTails';
import { ambiguousNames, bullet, dayLink, entryLink, graphImage, noteLink, plural, shortDate, shorten } from './renderMarkdown';
import { doneTaskLines } from './doneTasks';
import { allEntries, compactLines, taskKey, entrySections, incidentHeading, incidentSummary, openItemLines, projectSections, section } from './renderSections';
import type { Entry, ReviewData, ReviewIncident, ReviewMeeting } from './types';

/** How many quotes each entry shows: every one in a week, the first few in a month. */
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
export function renderReview(written: ReviewData, settings: DaybookSettings): string {
  const graph = written.logseq ? graphPages(written.logseq, settings, written.notes.review) : null;
  return withGraphPages(graph, () => renderLinked(relinkReview(written, graph), settings));
}

function renderLinked(data: ReviewData, settings: DaybookSettings): string {
  const out: string[] = [];
  out.push(`# ${reviewTitle(data)}`, '');
  out.push(`${dateRange(data)} · ← ${noteLink(data.notes.previous, data.period.previous)} · ${noteLink(data.notes.next, data.period.next)} →`, '');
  if (data.vault) out.push(`*${data.vault}.*`, '');
  out.push(...atAGlance(data, settings));
  out.push(...changesSection(data, settings), ...heatmapSection(data, settings));
  if (data.period.kind === 'year' || data.period.kind === 'quarter') out.push(...bragDocument(data, settings));
  else out.push(...periodSections(data, settings));
  out.push(...warningsSection(data));
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** The chart embed, for reviews with mood: `![[Reviews/2026-W47 mood.svg]]`. */
export function moodChartEmbed(data: ReviewData, settings: DaybookSettings): string[] {
  const chart = moodChartPath(data.notes.review);
  return hasMood(data, settings.sliders) ? [graphImage(chart) ?? embed(chart), ''] : [];
}

function atAGlance(data: ReviewData, settings: DaybookSettings): string[] {
  const totalDays = daysFromTo(data.period.start, data.period.end);
  const lines = [bullet(`**Days journaled:** ${data.days.length} of ${totalDays}`)];
  for (const slider of settings.sliders) {
    const summary = data.mood[slider.property];
    if (!summary) continue;
    const series = moodSeries(data, slider);
    const values = data.days.map((d) => d.mood[slider.property]).filter((v): v is number => v !== undefined);
    lines.push(
      bullet(
        `**${markdownText(slider.question)}** ${formatNumber(summary.average)} on average (${summary.min === summary.max ? formatNumber(summary.min) : `${formatNumber(summary.min)}–${formatNumber(summary.max)}`} of ${slider.min}–${slider.max}), ${trendWord(values, slider.min, slider.max)} \`${sparkline(series, slider.min, slider.max)}\``,
      ),
    );
  }
  if (data.incidents.length) lines.push(bullet(`**Incidents:** ${data.incidents.length}${severityCounts(data.incidents)}`));
  const meetings = data.meetings ?? [];
  if (meetings.length) lines.push(bullet(`**Meetings:** ${meetingCounts(meetings)}`));
  // Counted as the lists show them: a task carried over several days is one task.
  const distinct = (done: boolean) => new Set(data.tasks.filter((t) => (t.done || t.doneOn !== undefined) === done).map((t) => taskKey(t.text))).size;
  if (data.tasks.length) lines.push(bullet(`**Tasks:** ${distinct(false)} open, ${distinct(true)} done`));
  const ambiguous = ambiguousNames(allEntries(data));
  if (data.people.length) lines.push(bullet(`**Top people:** ${top(data.people, ambiguous)}`));
  if (data.topics.length) lines.push(bullet(`**Top topics:** ${top(data.topics, ambiguous)}`));
  // A garden of links marks no person and no topic: its most linked notes are what the period was about.
  if (!data.people.length && !data.topics.length && data.otherLinks.length) lines.push(bullet(`**Top links:** ${top(data.otherLinks, ambiguous)}`));
  // The year's chart has its own section; shorter reviews show it under the figures.
  return [...section('At a glance', lines), ...(data.period.kind === 'year' ? [] : moodChartEmbed(data, settings))];
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function top(entries: Entry[], ambiguous: ReadonlySet<string>): string {
  return entries
    .slice(0, TOP)
    .map((e) => `${entryLink(e, ambiguous)} (${e.mentions})`)
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

/** A slider's short label for the day list: `mood_wake` → `wake`. */
function sliderLabel(slider: SliderSetting): string {
  return slider.property.replace(/^mood[_-]?/i, '') || slider.property;
}

/** The week, one short line per journaled day: date, mood values, the day's title or first line. */
function dayLines(data: ReviewData, settings: DaybookSettings): string[] {
  return data.days.map((day) => {
    const mood = settings.sliders.filter((s) => day.mood[s.property] !== undefined).map((s) => `${sliderLabel(s)} ${formatNumber(day.mood[s.property])}`);
    const parts = [dayLink(day.path, shortDate(day.date)), ...mood];
    const summary = shorten(day.summary ?? '', 100);
    return bullet(parts.join(' · ') + (summary ? ` — ${summary}` : ''));
  });
}

function periodSections(data: ReviewData, settings: DaybookSettings): string[] {
  const { kind } = data.period;
  const limit = QUOTES_PER_ENTRY[data.period.kind];
  const detailed = DETAILED_ENTRIES[data.period.kind];
  const ambiguous = ambiguousNames(allEntries(data));
  const workLog = (data.workLog ?? []).map((m) => bullet(`${dayLink(m.path, shortDate(m.date))}: ${shorten(m.text, 240)}`));
  return [
    ...(data.period.kind === 'week' ? section('Days', dayLines(data, settings)) : []),
    ...section('Meetings', meetingLines(data)),
    ...section('People', entrySections(data.people, limit, detailed, ambiguous, kind, 'people')),
    ...section('Topics', entrySections(data.topics, limit, detailed, ambiguous, kind, 'topics')),
    ...section('Incidents', data.incidents.flatMap((i) => [incidentHeading(i), ...incidentSummary(i)])),
    ...section('Projects', [...projectSections(data.projects, limit * 2), ...(workLog.length ? ['### Work log', ...workLog, ''] : [])]),
    ...section('Done', doneTaskLines(data)),
    ...section('Open tasks', openItemLines(data, LIMITS[kind].openTasks, settings)),
    ...section('Other links', otherLinkLines(data.otherLinks, LIMITS[kind], ambiguous, (shown) => compactLines(shown, ambiguous))),
  ];
}

/** "12 (9 meeting notes, 3 filed under the day in people's notes)". */
function meetingCounts(meetings: ReviewMeeting[]): string {
  const notes = meetings.filter((m) => m.kind === 'meeting').length;
  const filed = meetings.length - notes;
  const parts = [notes ? plural(notes, 'meeting note') : '', filed ? `${filed} filed under the day in people's notes` : ''].filter(Boolean);
  return `${meetings.length} (${parts.join(', ')})`;
}

/** Each meeting of the period, linked to where it is written: the meeting note, or the person's note at its day. */
function meetingLines(data: ReviewData): string[] {
  const meetings = data.meetings ?? [];
  const limit = LIMITS[data.period.kind].lines;
  const lines = meetings
    .slice(0, limit)
    .map((m) => bullet(`${dayLink(m.path, shortDate(m.date))}: ${m.kind === 'meeting' ? shorten(m.title, 100) : `notes in ${noteLink(m.path, m.title)}`}${withWhom(m)}`));
  if (meetings.length > limit) lines.push(bullet(`…and ${plural(meetings.length - limit, 'more meeting')}: each is in the reviews of its weeks`));
  return lines;
}

function warningsSection(data: ReviewData): string[] {
  if (data.warnings.length === 0) return [];
  const limit = LIMITS[data.period.kind].warnings;
  const rest = data.warnings.length - limit;
  return [
    '> [!warning] Some notes could not be read completely',
    ...data.warnings.slice(0, limit).map((w) => `> - ${noteLink(w.path, w.path)}: ${w.message.replace(/\n/g, ' ')}`),
    ...(rest > 0 ? [`> - …and ${plural(rest, 'more warning')}${warningKinds(data.warnings.slice(limit))} (all of them in \`daybook review --json\`)`] : []),
    '',
  ];
}

/** " (812 invalid YAML frontmatter, 3 other)": what the unlisted warnings are about, by their first words. */
function warningKinds(warnings: { message: string }[]): string {
  const kinds = new Map<string, number>();
  for (const w of warnings) {
    const kind = w.message.split(/[:;(]/)[0].trim();
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const top = [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 3);
  const other = warnings.length - top.reduce((sum, [, n]) => sum + n, 0);
  return `: ${top.map(([kind, n]) => `${n} ${kind}`).join(', ')}${other > 0 ? `, ${other} other` : ''}`;
}

/** " · with Ana, Tom": whom a meeting was with, unless its title says so already ("1:1 with Ana"). */
function withWhom(meeting: ReviewMeeting): string {
  const people = meeting.people ?? [];
  return people.length > 0 && !people.every((p) => meeting.title.endsWith(`with ${p}`)) ? ` · with ${people.join(', ')}` : '';
}
