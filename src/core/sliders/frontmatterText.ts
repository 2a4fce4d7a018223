import { parseFrontmatterYaml, splitFrontmatter } from '../note/frontmatter';
import { escapeRegExp, numberOrNull } from '../text';

/** A slider's value as the note's text holds it: a number, or null when unset or not a number. */
export function readNumberProperty(text: string, property: string): number | null {
  return numberOrNull(parseFrontmatterYaml(splitFrontmatter(text).yaml).data[property]);
}

export interface TextEdit {
  from: number;
  to: number;
  insert: string;
}

/**
 * The smallest edit that sets one frontmatter property to a number, touching
 * no other line: the same contract `processFrontMatter` gives in the app, for
 * editors that hold the note's text (the test harness, the plugin's fallback).
 */
export function setNumberProperty(text: string, property: string, value: number): TextEdit {
  const split = splitFrontmatter(text);
  if (split.yaml === null) {
    const start = text.startsWith('\uFEFF') ? 1 : 0;
    return { from: start, to: start, insert: `---\n${property}: ${value}\n---\n` };
  }
  const yamlStart = text.indexOf('\n') + 1;
  const line = new RegExp(`^${escapeRegExp(property)}[ \\t]*:[^\\n\\r]*`, 'm').exec(split.yaml);
  if (line) {
    const from = yamlStart + line.index;
    return { from, to: from + line[0].length, insert: `${property}: ${value}` };
  }
  const end = yamlStart + split.yaml.length;
  const newline = split.yaml === '' || split.yaml.endsWith('\n') ? '' : '\n';
  return { from: end, to: end, insert: `${newline}${property}: ${value}\n` };
}

export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
}
