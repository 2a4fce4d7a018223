import type { NoteModel } from '../note/parseNote';
import { normaliseQuestion } from '../note/tokens';
import type { SliderSetting } from '../settings';
import { numberOrNull } from '../text';

export interface MoodReading {
  values: Record<string, number>;
  problems: string[];
}

/**
 * A day's mood values: the frontmatter properties sliders write. Outliner
 * exports carry page properties as `mood_wake:: 7` in the body instead, and
 * those are read when the frontmatter has none.
 */
export function readMood(note: NoteModel, sliders: SliderSetting[]): MoodReading {
  const values: Record<string, number> = {};
  const problems: string[] = [];
  for (const slider of sliders) {
    let raw: unknown = note.frontmatter[slider.property];
    if (raw === undefined) raw = note.blocks.find((b) => b.fields[slider.property.toLowerCase()] !== undefined)?.fields[slider.property.toLowerCase()];
    if (raw === undefined || raw === null || raw === '') continue;
    const value = numberOrNull(raw);
    if (value === null) problems.push(`${slider.property} is ${JSON.stringify(raw)}, not a number; left out of the mood figures`);
    else if (value < slider.min || value > slider.max) problems.push(`${slider.property} is ${value}, outside ${slider.min}–${slider.max}; left out of the mood figures`);
    else values[slider.property] = value;
  }
  return { values, problems };
}

/**
 * The property a slider token binds to. A named token binds by name; a bare
 * `{{slider}}` binds through the question on its own line or in the block
 * above it (its parent bullet or heading, or the previous block).
 */
export function sliderProperty(questionTexts: string[], sliders: SliderSetting[]): SliderSetting | null {
  for (const text of questionTexts) {
    const question = normaliseQuestion(text);
    if (question === '') continue;
    const match = sliders.find((s) => normaliseQuestion(s.question) === question);
    if (match) return match;
  }
  return null;
}

export interface MoodSummary {
  average: number;
  count: number;
  min: number;
  max: number;
}

export function summariseMood(days: { mood: Record<string, number> }[], sliders: SliderSetting[]): Record<string, MoodSummary> {
  const summary: Record<string, MoodSummary> = {};
  for (const slider of sliders) {
    const values = days.map((d) => d.mood[slider.property]).filter((v): v is number => v !== undefined);
    if (values.length === 0) continue;
    const average = Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
    summary[slider.property] = { average, count: values.length, min: Math.min(...values), max: Math.max(...values) };
  }
  return summary;
}

const BARS = '▁▂▃▄▅▆▇█';

/** A sparkline anyone can read without a plugin: one bar per value, `·` for a gap. */
export function sparkline(values: (number | null)[], min: number, max: number): string {
  return values
    .map((v) => (v === null ? '·' : BARS[Math.max(0, Math.min(BARS.length - 1, Math.round(((v - min) / (max - min || 1)) * (BARS.length - 1))))]))
    .join('');
}

/** "rising", "falling" or "steady": the second half's average against the first half's. */
export function trendWord(values: number[], min: number, max: number): string {
  if (values.length < 2) return 'steady';
  const half = Math.floor(values.length / 2);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const delta = mean(values.slice(values.length - half)) - mean(values.slice(0, half));
  const threshold = (max - min) * 0.08;
  return delta > threshold ? 'rising' : delta < -threshold ? 'falling' : 'steady';
}
