import { format } from 'date-fns';
import { addDay, dayToDate, periodContaining } from '../dates/periods';
import type { SliderSetting } from '../settings';
import type { ReviewData } from './types';

/**
 * The calendar heatmap: one square a day, a column a week (Monday on top), in
 * an SVG beside the yearly or monthly review. Like the mood chart it is shown
 * as an image, so it cannot follow the theme: every colour is a mid tone that
 * reads on a white page and a near-black one, each square has a grey outline,
 * and a day without a value is an outline only, dashed, so it is plainly empty.
 */

/** Daybook writes this comment into every heatmap it makes: a file without it is the user's. */
export const HEATMAP_MARKER = '<!-- daybook:heatmap';

/** Low to high: red, orange, amber, teal, blue; told apart by hue and by the legend, and each square's title says its value. */
const RAMP = ['#d9414e', '#e8710a', '#c9a227', '#2a9d8f', '#1a98d5'];
const INK = '#8c8c8c';

export function isDaybookHeatmap(text: string): boolean {
  return text.includes(HEATMAP_MARKER);
}

/** `Reviews/2026.md` → `Reviews/2026 mood_wake heatmap.svg`. */
export function heatmapPath(reviewPath: string, slider: SliderSetting): string {
  return `${reviewPath.replace(/\.md$/, '')} ${slider.property.replace(/[\\/:*?"<>|#^[\]]/g, '-')} heatmap.svg`;
}

/** Whether a review of this kind gets heatmaps: the year, and a month (its own grid). */
export function hasHeatmaps(data: ReviewData): boolean {
  return data.period.kind === 'year' || data.period.kind === 'month';
}

/** The sliders with at least one value in the period: each gets a heatmap. */
export function heatmapSliders(data: ReviewData, sliders: SliderSetting[]): SliderSetting[] {
  if (!hasHeatmaps(data)) return [];
  return sliders.filter((s) => data.days.some((d) => d.mood[s.property] !== undefined));
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function num(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

/** The colour of a value: its fifth of the slider's range. */
export function heatColour(value: number, slider: SliderSetting): string {
  const t = (value - slider.min) / (slider.max - slider.min || 1);
  return RAMP[Math.max(0, Math.min(RAMP.length - 1, Math.floor(t * RAMP.length)))];
}

/** 0 = Monday … 6 = Sunday. */
function weekday(day: string): number {
  return (dayToDate(day).getDay() + 6) % 7;
}

/**
 * The heatmap's SVG for one slider, or null when the period has no value for
 * it (or is neither a year nor a month). A year is 53 (rarely 54) week columns
 * of 7 days; a month is its own weeks, with larger squares numbered by day.
 */
export function renderHeatmap(data: ReviewData, slider: SliderSetting): string | null {
  if (!hasHeatmaps(data)) return null;
  const values = new Map<string, number>();
  for (const day of data.days) if (day.mood[slider.property] !== undefined) values.set(day.date, day.mood[slider.property]);
  if (values.size === 0) return null;
  const year = data.period.kind === 'year';
  const cell = year ? 12 : 26;
  const step = cell + 3;
  const left = 34;
  const top = 40;
  const firstMonday = periodContaining('week', data.period.start).start;
  const columnOf = (day: string) => Math.floor((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${firstMonday}T00:00:00Z`)) / (7 * 86_400_000));
  const columns = columnOf(data.period.end) + 1;
  const gridWidth = columns * step;
  const width = Math.max(left + gridWidth + 10, 330);
  const legendY = top + 7 * step + 14;
  const height = legendY + 24;
  const title = `${slider.question} — ${year ? data.period.id : format(dayToDate(data.period.start), 'MMMM yyyy')}: one square a day`;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(title)}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="11">`,
    `${HEATMAP_MARKER}: written by Daybook with the review ${escapeXml(data.period.id)}; regenerated each time, removed when the review has no value for ${escapeXml(slider.property)} -->`,
    `<title>${escapeXml(title)}</title>`,
    `<text x="${left}" y="14" fill="${INK}" font-weight="600">${escapeXml(title)}</text>`,
  ];
  for (const [row, label] of [[0, 'Mon'], [2, 'Wed'], [4, 'Fri'], [6, 'Sun']] as const) {
    out.push(`<text x="${left - 6}" y="${num(top + row * step + cell - 2)}" text-anchor="end" fill="${INK}">${label}</text>`);
  }
  for (let day = data.period.start; day <= data.period.end; day = addDay(day, 1)) {
    const x = left + columnOf(day) * step;
    const y = top + weekday(day) * step;
    const date = dayToDate(day);
    if (date.getDate() === 1 || day === data.period.start) {
      if (year || day === data.period.start) out.push(`<text x="${x}" y="${top - 8}" fill="${INK}">${format(date, year ? 'MMM' : 'MMMM')}</text>`);
    }
    const value = values.get(day);
    const label = `${format(date, 'EEE d MMM yyyy')}: ${value === undefined ? 'no value' : `${num(value)} of ${num(slider.min)}–${num(slider.max)}`}`;
    const shape = `x="${x}" y="${y}" width="${cell}" height="${cell}" rx="2"`;
    out.push(
      value === undefined
        ? `<rect ${shape} fill="none" stroke="${INK}" stroke-opacity="0.7" stroke-dasharray="2 2"><title>${escapeXml(label)}</title></rect>`
        : `<rect ${shape} fill="${heatColour(value, slider)}" stroke="${INK}" stroke-opacity="0.5"><title>${escapeXml(label)}</title></rect>`,
    );
    if (!year) out.push(`<text x="${x + cell / 2}" y="${num(y + cell / 2 + 4)}" text-anchor="middle" fill="${value === undefined ? INK : '#202020'}">${date.getDate()}</text>`);
  }
  // Legend: the ramp from the slider's low end to its high end, then an empty day.
  let x = left;
  out.push(`<text x="${x}" y="${legendY + 10}" fill="${INK}">${num(slider.min)} low</text>`);
  x += 44;
  RAMP.forEach((colour) => {
    out.push(`<rect x="${x}" y="${legendY}" width="12" height="12" rx="2" fill="${colour}" stroke="${INK}" stroke-opacity="0.5"/>`);
    x += 15;
  });
  out.push(`<text x="${x + 4}" y="${legendY + 10}" fill="${INK}">high ${num(slider.max)}</text>`);
  x += 64;
  out.push(`<rect x="${x}" y="${legendY}" width="12" height="12" rx="2" fill="none" stroke="${INK}" stroke-opacity="0.7" stroke-dasharray="2 2"/>`);
  out.push(`<text x="${x + 18}" y="${legendY + 10}" fill="${INK}">no value</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}
