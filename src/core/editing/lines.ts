/** Line helpers for editor commands, which work on the lines around the cursor. */

/** Indentation width, a tab counting as four columns as in Obsidian's outliner. */
export function indentWidth(line: string): number {
  let width = 0;
  for (const ch of line) {
    if (ch === ' ') width += 1;
    else if (ch === '\t') width += 4;
    else break;
  }
  return width;
}

export function leadingWhitespace(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** `- `, `* `, `+ ` or `1. ` at the start of a line's content. */
export function isListLine(line: string): boolean {
  return /^[ \t]*(?:[-*+]|\d+[.)])\s/.test(line);
}

/** The heading level of a line (`## x` or a bullet holding one, `- ## x`), or 0. */
export function headingLevel(line: string): number {
  const match = /^[ \t]*(?:[-*+]\s+)?(#{1,6})\s/.exec(line);
  return match ? match[1].length : 0;
}

/** The level of the nearest heading above `line` that is not inside a list, or 0. */
export function sectionLevelAbove(lines: string[], line: number): number {
  for (let i = line; i >= 0; i--) {
    const match = /^(#{1,6})\s/.exec(lines[i]);
    if (match) return match[1].length;
  }
  return 0;
}
