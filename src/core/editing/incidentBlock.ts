import { isListLine, leadingWhitespace, sectionLevelAbove } from './lines';

export interface Insertion {
  /** Text to put at the start of `line` (the cursor line is replaced when `replaceLine`). */
  text: string;
  line: number;
  replaceLine: boolean;
  /** Where the cursor goes afterwards. */
  cursor: { line: number; ch: number };
}

const TITLE = 'Incident: ';

/**
 * The incident postmortem block, in the note's own style: nested bullets when
 * the cursor is in a list (outliner notes), headings one level below the
 * current section otherwise. The cursor lands on the title.
 */
export function incidentBlock(lines: string[], cursorLine: number): Insertion {
  const current = lines[cursorLine] ?? '';
  const emptyLine = current.trim() === '' || /^[ \t]*[-*+]\s*$/.test(current);
  const inList = isListLine(current) || (cursorLine > 0 && isListLine(lines[cursorLine - 1] ?? '') && current.trim() === '');
  if (inList) {
    const indent = leadingWhitespace(current.trim() === '' ? (lines[cursorLine - 1] ?? '') : current);
    const unit = indent.includes('\t') ? '\t' : '    ';
    const child = indent + unit;
    const grandchild = child + unit;
    const text = [
      `${indent}- ## ${TITLE}`,
      `${child}- severity:: `,
      `${child}- people:: `,
      `${child}- ### Impact`,
      `${grandchild}- `,
      `${child}- ### Timeline`,
      `${grandchild}- `,
      `${child}- ### 5 Whys`,
      `${grandchild}- #### 1. Why ?`,
      `${child}- ### How to prevent`,
      `${grandchild}- `,
      `${child}- ### Action items`,
      `${grandchild}- [ ] `,
    ].join('\n');
    const line = emptyLine ? cursorLine : cursorLine + 1;
    return { text, line, replaceLine: emptyLine, cursor: { line, ch: indent.length + 5 + TITLE.length } };
  }
  const level = Math.min(sectionLevelAbove(lines, cursorLine) + 1, 5);
  const h = (extra: number) => '#'.repeat(Math.min(level + extra, 6));
  const text = [
    `${h(0)} ${TITLE}`,
    '',
    'severity:: ',
    'people:: ',
    '',
    `${h(1)} Impact`,
    '',
    `${h(1)} Timeline`,
    '',
    `${h(1)} 5 Whys`,
    '',
    '1. Why ?',
    '',
    `${h(1)} How to prevent`,
    '',
    `${h(1)} Action items`,
    '',
    '- [ ] ',
  ].join('\n');
  const line = emptyLine ? cursorLine : cursorLine + 1;
  return { text, line, replaceLine: emptyLine, cursor: { line, ch: level + 1 + TITLE.length } };
}

/** The document's lines after an insertion, as the editor adapter applies it. */
export function applyInsertion(lines: string[], insertion: Insertion): string[] {
  const added = insertion.text.split('\n');
  const out = [...lines];
  out.splice(insertion.line, insertion.replaceLine ? 1 : 0, ...added);
  return out;
}
