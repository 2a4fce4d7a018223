import { SLIDER_TOKEN, type SliderToken } from '../note/tokens';

/**
 * Where a slider token is code and stays text: fenced blocks (``` and ~~~,
 * closed by a fence of the same character at least as long) and inline code
 * spans (a run of n backticks up to the next run of exactly n), as CommonMark
 * and Obsidian read them. A line-by-line scan, needing no syntax tree: the
 * editor's language in Obsidian is its own, so this is what both views share.
 * Not handled (rare in journals): indented code blocks, which outliner notes
 * would confuse with nested bullets, and inline code spanning two lines.
 */
export interface Fence {
  char: '`' | '~';
  length: number;
}

// Fences may sit in blockquotes/callouts (`> `````) and list items (`- ````).
const CONTAINER = /^(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?/;
const FENCE = /^(`{3,}|~{3,})(.*)$/;

/** The fence open after `line`, given the one open before it (null: none). */
export function fenceAfter(line: string, open: Fence | null): Fence | null {
  const rest = line.replace(/\r$/, '').slice(CONTAINER.exec(line)?.[0].length ?? 0);
  const match = FENCE.exec(rest);
  if (!match) return open;
  const char = match[1][0] as '`' | '~';
  if (open) return char === open.char && match[1].length >= open.length && match[2].trim() === '' ? null : open;
  // A backtick fence's info string may not hold a backtick (that line is inline code instead).
  if (char === '`' && match[2].includes('`')) return null;
  return { char, length: match[1].length };
}

/** Inline code spans of one line, as [from, to) offsets. */
export function inlineCodeSpans(line: string): [number, number][] {
  const spans: [number, number][] = [];
  const runs = [...line.matchAll(/`+/g)].map((m) => ({ at: m.index ?? 0, length: m[0].length }));
  for (let i = 0; i < runs.length; i++) {
    const close = runs.findIndex((run, j) => j > i && run.length === runs[i].length);
    if (close === -1) continue;
    spans.push([runs[i].at, runs[close].at + runs[close].length]);
    i = close;
  }
  return spans;
}

/** Slider tokens on a line outside fenced code that are not inside an inline code span. */
export function sliderTokensOutsideCode(line: string): SliderToken[] {
  if (!line.includes('{{')) return [];
  const spans = line.includes('`') ? inlineCodeSpans(line) : [];
  const tokens: SliderToken[] = [];
  for (const match of line.matchAll(SLIDER_TOKEN)) {
    const from = match.index ?? 0;
    const to = from + match[0].length;
    if (spans.some(([a, b]) => from < b && to > a)) continue;
    tokens.push({ from, to, property: match[1] ?? null });
  }
  return tokens;
}

/**
 * Fence state per line, computed lazily from the top and kept across edits:
 * an edit invalidates only the lines from its first changed line on, so a
 * keystroke in a large note rescans only up to the lines on screen.
 */
export class FenceTracker {
  /** after[i]: the fence open after line i + 1. */
  private after: (Fence | null)[] = [];

  /** Forgets what it knew from line `line` (1-based) on. */
  invalidateFrom(line: number): void {
    if (this.after.length >= line) this.after.length = Math.max(0, line - 1);
  }

  /** Whether line `n` (1-based) is part of a fenced block, its fence lines included. */
  inFence(n: number, line: (n: number) => string): boolean {
    while (this.after.length < n) {
      const i = this.after.length;
      this.after.push(fenceAfter(line(i + 1), i > 0 ? this.after[i - 1] : null));
    }
    return (n > 1 && this.after[n - 2] !== null) || this.after[n - 1] !== null;
  }
}
