import type { SliderSetting } from '../settings';
import { parseFrontmatterYaml, splitFrontmatter } from '../note/frontmatter';
import { escapeRegExp } from '../text';

/**
 * A slider's value as the note holds it. Only `unset` and `number` may be
 * written over; an odd value (`great`, `14` on 1–10, `7.5` with step 1) is
 * the user's and stays until they clear it; invalid frontmatter is never
 * written at all.
 */
export type SliderValue =
  | { kind: 'unset' }
  | { kind: 'number'; value: number }
  | { kind: 'odd'; raw: string; reason: string }
  | { kind: 'invalid'; reason: string };

export interface TextEdit {
  from: number;
  to: number;
  insert: string;
}

const UNSET: SliderValue = { kind: 'unset' };

/** Classifies a parsed property value (from the text or the app's metadata cache) for one slider. */
export function classifyValue(value: unknown, slider: SliderSetting, raw?: string): SliderValue {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return UNSET;
  const shown = raw ?? (typeof value === 'string' ? value : JSON.stringify(value));
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*[-+]?(?:\d+\.?\d*|\.\d+)\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n)) return { kind: 'odd', raw: shown, reason: 'Not a number' };
  if (n < slider.min || n > slider.max) return { kind: 'odd', raw: shown, reason: `Out of range ${slider.min}–${slider.max}` };
  const steps = (n - slider.min) / slider.step;
  if (Math.abs(steps - Math.round(steps)) > 1e-9) return { kind: 'odd', raw: shown, reason: `Not a step of ${slider.step}` };
  return { kind: 'number', value: n };
}

/** Where one property's value sits in the text, found without re-serialising anything. */
interface PropertyLine {
  /** First character of the value (or where a blank value goes). */
  valueFrom: number;
  /** End of the value: before any trailing blanks, comment and line ending. */
  valueTo: number;
  raw: string;
}

interface Located {
  error: string | null;
  data: Record<string, unknown>;
  /** Offset of the YAML text in the note, or -1 when the note has no frontmatter. */
  yamlFrom: number;
  yamlTo: number;
  line: PropertyLine | null;
  eol: string;
}

/** The end of a value written on its key's line: a closing quote, or before ` #comment` and trailing blanks. */
function valueEnd(line: string, start: number): number {
  const first = line[start];
  if (first === '"' || first === "'") {
    for (let i = start + 1; i < line.length; i++) {
      if (first === '"' && line[i] === '\\') i++;
      else if (line[i] === first) {
        if (first === "'" && line[i + 1] === "'") i++;
        else return i + 1;
      }
    }
    return line.length;
  }
  const comment = /[ \t]#/.exec(line.slice(start));
  const end = comment ? start + comment.index : line.length;
  let trimmed = end;
  while (trimmed > start && (line[trimmed - 1] === ' ' || line[trimmed - 1] === '\t')) trimmed--;
  return trimmed;
}

/** A line of Logseq page properties (`mood_wake:: 6`), which may carry the first block's bullet. */
const PAGE_PROPERTY = /^\uFEFF?[ \t]*(?:[-*+][ \t]+)?([\p{L}\p{N}_][\p{L}\p{N}_-]*)::(?=[ \t\r]|$)/u;

/**
 * Where a property's value sits among the page properties a note without YAML
 * starts with (a Logseq journal page: `mood_wake:: ` then the outline), if it is one of them.
 */
function locatePageProperty(text: string, property: string): PropertyLine | null {
  let offset = 0;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const full = text.slice(offset, newline === -1 ? text.length : newline);
    const line = full.endsWith('\r') ? full.slice(0, -1) : full;
    const match = PAGE_PROPERTY.exec(line);
    if (!match) return null;
    if (match[1] === property) {
      let start = match[0].length;
      while (line[start] === ' ' || line[start] === '\t') start++;
      let end = line.length;
      while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
      // A blank value's trailing blanks go with it: `mood_wake:: ` becomes `mood_wake:: 7`.
      return start >= end ? { valueFrom: offset + match[0].length, valueTo: offset + line.length, raw: '' } : { valueFrom: offset + start, valueTo: offset + end, raw: line.slice(start, end) };
    }
    if (newline === -1) return null;
    offset = newline + 1;
  }
  return null;
}

function locate(text: string, property: string): Located {
  const split = splitFrontmatter(text);
  const eol = /\r\n/.test(text.slice(0, text.indexOf('\n') + 1)) ? '\r\n' : '\n';
  if (split.yaml === null) {
    // A blank `mood_wake:: ` property (as a Logseq journal page made by Daybook holds) is where the value goes; else new YAML does.
    const page = locatePageProperty(text, property);
    return { error: null, data: page ? { [property]: page.raw } : {}, yamlFrom: -1, yamlTo: -1, line: page, eol };
  }
  const parsed = parseFrontmatterYaml(split.yaml);
  // Offsets below count LF lines: a frontmatter of lone CRs (an old Mac file) is read, never written into.
  if (/\r(?!\n)/.test(text.slice(0, split.bodyOffset))) return { error: 'the frontmatter has old Mac (lone CR) line breaks; Daybook does not write into it', data: parsed.data, yamlFrom: -1, yamlTo: -1, line: null, eol };
  const yamlFrom = text.indexOf('\n') + 1;
  const yamlTo = yamlFrom + split.yaml.length;
  // A key written bare, "double" or 'single' quoted at the block's top level, followed by a colon.
  const key = new RegExp(`^(?:${escapeRegExp(property)}|"${escapeRegExp(property)}"|'${escapeRegExp(property)}')[ \\t]*:(?=[ \\t\\r]|$)`);
  let found: PropertyLine | null = null;
  let offset = yamlFrom;
  for (const full of split.yaml.split('\n')) {
    const line = full.endsWith('\r') ? full.slice(0, -1) : full;
    const match = key.exec(line);
    if (match) {
      if (found) return { error: `the property ${property} is written twice`, data: parsed.data, yamlFrom, yamlTo, line: null, eol };
      let start = match[0].length;
      while (line[start] === ' ' || line[start] === '\t') start++;
      const blank = start >= line.length || line[start] === '#';
      const end = blank ? match[0].length : valueEnd(line, start);
      found = blank
        ? { valueFrom: offset + match[0].length, valueTo: offset + match[0].length, raw: '' }
        : { valueFrom: offset + start, valueTo: offset + end, raw: line.slice(start, end) };
    }
    offset += full.length + 1;
  }
  return { error: parsed.error, data: parsed.data, yamlFrom, yamlTo, line: found, eol };
}

/** The slider's value as the text holds it, with the value's own characters when it is odd. */
export function readSliderValue(text: string, slider: SliderSetting): SliderValue {
  const located = locate(text, slider.property);
  if (located.error) return { kind: 'invalid', reason: located.error };
  return classifyValue(located.data[slider.property], slider, located.line?.raw);
}

export type WritePlan = { edit: TextEdit } | { refused: Exclude<SliderValue, { kind: 'unset' } | { kind: 'number' }> };

/**
 * The smallest edit that sets one slider's property: it replaces only the
 * value's characters on the key's own line (a blank value gains ` 7`), or adds
 * the key before the closing fence, or adds a frontmatter block to a note
 * without one, in the note's own line ending. Everything else keeps its bytes.
 * `text` may be any prefix of the note that holds the whole frontmatter.
 */
export function planSliderWrite(text: string, slider: SliderSetting, value: number): WritePlan {
  const located = locate(text, slider.property);
  if (located.error) return { refused: { kind: 'invalid', reason: located.error } };
  const current = classifyValue(located.data[slider.property], slider, located.line?.raw);
  if (current.kind === 'odd' || current.kind === 'invalid') return { refused: current };
  const { line, eol } = located;
  if (line) {
    const insert = line.raw === '' ? ` ${value}` : String(value);
    return { edit: { from: line.valueFrom, to: line.valueTo, insert } };
  }
  if (located.yamlFrom === -1) {
    const start = text.startsWith('\uFEFF') ? 1 : 0;
    return { edit: { from: start, to: start, insert: `---${eol}${slider.property}: ${value}${eol}---${eol}` } };
  }
  return { edit: { from: located.yamlTo, to: located.yamlTo, insert: `${slider.property}: ${value}${eol}` } };
}

export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
}

/**
 * How much of a note's start holds its frontmatter, read line by line so a
 * large note is never copied whole: the end of the closing fence line, or of
 * the page properties a note without YAML starts with, or of the first line.
 */
export function frontmatterHeadLength(lineCount: number, line: (n: number) => string): number {
  const first = line(1).length + (lineCount > 1 ? 1 : 0);
  if (!/^\uFEFF?---[ \t]*\r?$/.test(line(1))) {
    // Page properties in place of YAML: the run of `key:: value` lines at the top.
    let length = 0;
    for (let n = 1; n <= Math.min(lineCount, MAX_FRONTMATTER_LINES) && PAGE_PROPERTY.test(line(n)); n++) length += line(n).length + (n < lineCount ? 1 : 0);
    return Math.max(length, first);
  }
  let length = first;
  // A `---` first line with no closing fence near it is a rule, not frontmatter (as the app reads it).
  for (let n = 2; n <= Math.min(lineCount, MAX_FRONTMATTER_LINES); n++) {
    const text = line(n);
    length += text.length + (n < lineCount ? 1 : 0);
    if (/^(?:---|\.\.\.)[ \t]*\r?$/.test(text)) return length;
  }
  return first;
}

const MAX_FRONTMATTER_LINES = 1000;
