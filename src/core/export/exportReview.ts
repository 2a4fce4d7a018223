import type { DaybookSettings } from '../settings';
import { heatmapPath, renderHeatmap } from '../review/heatmap';
import { moodChartPath, renderMoodChart } from '../review/moodChart';
import { renderReview, reviewTitle } from '../review/renderReview';
import type { ReviewData } from '../review/types';
import { shareHtml } from './shareHtml';
import { shareMarkdown } from './shareText';

export type ExportFormat = 'markdown' | 'html';

/** Every person's name the review shows, for shortening to initials. */
function peopleOf(data: ReviewData): string[] {
  const changes = data.changes?.people;
  return [
    ...data.people.map((p) => p.name),
    ...data.incidents.flatMap((i) => i.people),
    ...(changes ? [...changes.new, ...changes.back, ...changes.quiet].map((p) => p.name) : []),
  ];
}

/** The charts a review embeds, by the path it embeds them at. */
function chartsOf(data: ReviewData, settings: DaybookSettings): Map<string, string> {
  const charts = new Map<string, string>();
  const mood = renderMoodChart(data, settings.sliders);
  if (mood) charts.set(moodChartPath(data.notes.review), mood);
  for (const slider of settings.sliders) {
    const svg = renderHeatmap(data, slider);
    if (svg) charts.set(heatmapPath(data.notes.review, slider), svg);
  }
  return charts;
}

/**
 * A review as a document to hand over: Markdown or self-contained HTML, with
 * no wiki link, vault path or Daybook marker; people's names as the setting
 * says. `personOf` tells which link targets are people (the journal's catalog).
 */
export function exportReview(data: ReviewData, settings: DaybookSettings, format: ExportFormat, personOf: (target: string) => string | null): string {
  const charts = chartsOf(data, settings);
  const placed = new Map<string, string>();
  // A copy to hand over leaves the vault: its links become text the same way whichever app the notes are kept in.
  const { logseq: _graph, ...portable } = data;
  const markdown = shareMarkdown(renderReview(portable, settings), {
    initials: settings.exportNames === 'initials',
    personOf,
    people: peopleOf(data),
    embed: (target) => {
      const svg = format === 'html' ? charts.get(target) : undefined;
      if (svg === undefined) return null;
      const key = `DAYBOOK-CHART-${placed.size + 1}`;
      placed.set(key, svg);
      return `\n${key}\n`;
    },
  });
  if (format === 'markdown') return markdown;
  return shareHtml(markdown, reviewTitle(data), placed, `${reviewTitle(data)} · ${data.period.start} to ${data.period.end} · from a work journal`);
}
