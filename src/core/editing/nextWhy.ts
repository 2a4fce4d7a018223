import type { Insertion } from './incidentBlock';
import { headingLevel, indentWidth, isBlank, leadingWhitespace } from './lines';

const WHYS_PART = /^[ \t]*(?:[-*+]\s+)?(?:#{1,6}\s+)?\[?(?:5|five)\s+whys?\]?:?\s*$/i;
const WHY = /^([ \t]*)((?:[-*+]\s+)?(?:#{1,6}\s+)?)(\d+)([.)])\s*why\b/i;

/** Whether `line` still belongs to the part that starts at `start`. */
function inside(lines: string[], start: number, line: number): boolean {
  const text = lines[line];
  if (isBlank(text)) return true;
  const bullet = /^[ \t]*[-*+]\s/.test(lines[start]);
  if (bullet) return indentWidth(text) > indentWidth(lines[start]);
  const level = headingLevel(lines[start]);
  const other = /^(#{1,6})\s/.exec(text);
  return !(other && other[1].length <= level);
}

/**
 * Adds the next numbered "Why …?" to the 5-whys part holding the cursor, in
 * the style of the whys already there (ordered list, heading, or bullet
 * heading), after the last one and what is written under it. Null when the
 * cursor is in no 5-whys part.
 */
export function nextWhy(lines: string[], cursorLine: number): Insertion | null {
  let start = -1;
  for (let i = cursorLine; i >= 0; i--) {
    if (WHYS_PART.test(lines[i]) && (i === cursorLine || lines.slice(i + 1, cursorLine + 1).every((_, k) => inside(lines, i, i + 1 + k)))) {
      start = i;
      break;
    }
  }
  if (start === -1) return null;
  let end = start + 1;
  while (end < lines.length && inside(lines, start, end)) end++;
  while (end > start + 1 && isBlank(lines[end - 1])) end--;

  let last: RegExpExecArray | null = null;
  for (let i = start + 1; i < end; i++) last = WHY.exec(lines[i]) ?? last;
  let prefix: string;
  let number: number;
  let separator = '.';
  let spacer = '';
  if (last) {
    prefix = last[1] + last[2];
    number = Number(last[3]) + 1;
    separator = last[4];
  } else {
    const bullet = /^[ \t]*[-*+]\s/.test(lines[start]);
    const indent = leadingWhitespace(lines[start]);
    const level = headingLevel(lines[start]);
    prefix = bullet ? `${indent}${indent.includes('\t') ? '\t' : '    '}- ${level ? '#'.repeat(Math.min(level + 1, 6)) + ' ' : ''}` : '';
    number = 1;
    spacer = bullet ? '' : '\n';
  }
  const why = `${prefix}${number}${separator} Why ?`;
  const line = end + (spacer ? 1 : 0);
  return { text: spacer + why, line: end, replaceLine: false, cursor: { line, ch: why.length - 1 } };
}
