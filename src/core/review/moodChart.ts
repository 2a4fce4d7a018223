import { format } from 'date-fns';
import { addDay, dayToDate } from '../dates/periods';
import type { SliderSetting } from '../settings';
import { xmlText } from './escape';
import type { ReviewData } from './types';

/**
 * The mood chart: an SVG written beside the review note and embedded in it.
 * An embedded SVG is shown as an image, so it cannot use the theme's colours:
 * the background is transparent and every colour is a mid tone that reads on
 * a white page and on a near-black one alike.
 */

/** Daybook writes this comment into every chart it makes: a file without it is the user's. */
export const CHART_MARKER = '<!-- daybook:mood-chart';

/** Lines: saturated mid tones, each legible on white and on #1e1e1e, told apart also by dash. */
const PALETTE = ['#e8710a', '#1a98d5', '#b15bd6', '#2ea44f', '#d9414e', '#a08a00'];
const DASHES = ['', '6 4', '2 3', '10 3 2 3', '', '6 4'];
/** Axes, grid and labels: grey that is neither page colour. */
const INK = '#8c8c8c';

const WIDTH = 720;
const HEIGHT = 220;
const LEFT = 34;
const RIGHT = 12;
const TOP = 34;
const BOTTOM = 26;

/** `Reviews/2026-W47.md` → `Reviews/2026-W47 mood.svg`: the chart sits beside its review and sorts with it. */
export function moodChartPath(reviewPath: string): string {
  return reviewPath.replace(/\.md$/, '') + ' mood.svg';
}

export function isDaybookChart(text: string): boolean {
  return text.includes(CHART_MARKER);
}


function num(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

type Point = { index: number; value: number } | null;

/**
 * Polylines through runs of consecutive points, a dot on each point; a null
 * breaks the line (a day, or a week, without a value).
 */
function lineRuns(points: Point[], x: (index: number) => number, y: (value: number) => number, dash: string, radius: number): string[] {
  const out: string[] = [];
  const runs: { index: number; value: number }[][] = [];
  let run: { index: number; value: number }[] = [];
  for (const point of points) {
    if (point === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(point);
  }
  if (run.length) runs.push(run);
  for (const points of runs) {
    if (points.length > 1) {
      const coords = points.map((p) => `${num(x(p.index))},${num(y(p.value))}`).join(' ');
      out.push(`<polyline points="${coords}" fill="none" stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    }
    for (const p of points) out.push(`<circle cx="${num(x(p.index))}" cy="${num(y(p.value))}" r="${radius}" stroke="none"/>`);
  }
  return out;
}

/** Each run of seven days (from the period's first) as one point at its middle: the average of its values, or null. */
function weeklyAverages(days: string[], values: (number | undefined)[]): Point[] {
  const out: Point[] = [];
  for (let start = 0; start < days.length; start += 7) {
    const week = values.slice(start, start + 7).filter((v): v is number => v !== undefined);
    const middle = Math.min(days.length - 1, start + 3);
    out.push(week.length ? { index: middle, value: week.reduce((a, b) => a + b, 0) / week.length } : null);
  }
  return out;
}

/** Whether the review has any mood value to chart. */
export function hasMood(data: ReviewData, sliders: SliderSetting[]): boolean {
  return sliders.some((s) => data.days.some((d) => d.mood[s.property] !== undefined));
}

/** Every day of the period, in order. */
function periodDays(data: ReviewData): string[] {
  const days: string[] = [];
  for (let day = data.period.start; day <= data.period.end; day = addDay(day, 1)) days.push(day);
  return days;
}

/** Where the x axis is labelled: each day of a week, every Monday of a month, each month's first day beyond. */
function ticks(days: string[], kind: ReviewData['period']['kind']): { index: number; label: string }[] {
  const out: { index: number; label: string }[] = [];
  days.forEach((day, index) => {
    const date = dayToDate(day);
    if (kind === 'week') out.push({ index, label: format(date, 'EEE d') });
    else if (kind === 'month' && (date.getDay() === 1 || index === 0)) out.push({ index, label: format(date, 'd MMM') });
    else if ((kind === 'quarter' || kind === 'year') && date.getDate() === 1) out.push({ index, label: format(date, 'MMM') });
  });
  return out;
}

/**
 * The chart's SVG, or null when the review has no mood. One line per slider,
 * x = the period's days, y = the slider's range; a day without a value breaks
 * the line, and a value with no neighbour is a dot.
 */
export function renderMoodChart(data: ReviewData, sliders: SliderSetting[]): string | null {
  const charted = sliders.filter((s) => data.days.some((d) => d.mood[s.property] !== undefined));
  if (charted.length === 0) return null;
  const days = periodDays(data);
  const byDay = new Map(data.days.map((d) => [d.date, d.mood]));
  const min = Math.min(...charted.map((s) => s.min));
  const max = Math.max(...charted.map((s) => s.max));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  // Each day is a slot and its value sits in the slot's middle, so the first and last labels are not cut off.
  const x = (index: number) => LEFT + ((index + 0.5) / days.length) * plotWidth;
  const y = (value: number) => TOP + plotHeight - ((value - min) / (max - min || 1)) * plotHeight;
  const dense = days.length > 62;
  const title = `Mood, ${data.period.id}: ${charted.map((s) => s.question).join(' / ')}`;

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${xmlText(title)}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="11">`,
    `${CHART_MARKER}: written by Daybook with the review ${xmlText(data.period.id)}; regenerated each time, removed when the review has no mood -->`,
    `<title>${xmlText(title)}</title>`,
  ];
  // Grid: the range's ends and middle, labelled.
  const middle = (min + max) / 2;
  for (const value of [min, middle, max]) {
    out.push(`<line x1="${LEFT}" y1="${num(y(value))}" x2="${WIDTH - RIGHT}" y2="${num(y(value))}" stroke="${INK}" stroke-opacity="0.35" stroke-width="1"/>`);
    out.push(`<text x="${LEFT - 6}" y="${num(y(value) + 4)}" text-anchor="end" fill="${INK}">${num(value)}</text>`);
  }
  for (const tick of ticks(days, data.period.kind)) {
    out.push(`<line x1="${num(x(tick.index))}" y1="${TOP + plotHeight}" x2="${num(x(tick.index))}" y2="${TOP + plotHeight + 4}" stroke="${INK}" stroke-width="1"/>`);
    out.push(`<text x="${num(x(tick.index))}" y="${HEIGHT - 8}" text-anchor="${data.period.kind === 'week' ? 'middle' : 'start'}" fill="${INK}">${xmlText(tick.label)}</text>`);
  }
  charted.forEach((slider, k) => {
    const colour = PALETTE[k % PALETTE.length];
    const dash = DASHES[k % DASHES.length];
    const values = days.map((day) => byDay.get(day)?.[slider.property]);
    out.push(`<g stroke="${colour}" fill="${colour}">`);
    if (dense) {
      // A quarter or year: every day a faint dot, and a line through the weekly averages, broken at weeks without a value.
      values.forEach((value, index) => {
        if (value !== undefined) out.push(`<circle cx="${num(x(index))}" cy="${num(y(value))}" r="2.2" stroke="none" fill-opacity="0.45"/>`);
      });
      out.push(...lineRuns(weeklyAverages(days, values), x, y, dash, 2.5));
    } else {
      out.push(...lineRuns(values.map((value, index) => (value === undefined ? null : { index, value })), x, y, dash, 3.5));
    }
    out.push('</g>');
    // Legend along the top, in the line's colour.
    const legendX = LEFT + k * Math.floor(plotWidth / charted.length);
    out.push(`<line x1="${legendX}" y1="12" x2="${legendX + 22}" y2="12" stroke="${colour}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    out.push(`<text x="${legendX + 28}" y="16" fill="${colour}">${xmlText(slider.question)} (${num(slider.min)}–${num(slider.max)})</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
