import type { Editor } from 'obsidian';
import { incidentBlock, type Insertion } from '../core/editing/incidentBlock';
import { nextWhy } from '../core/editing/nextWhy';

function lines(editor: Editor): string[] {
  const out: string[] = [];
  for (let i = 0; i < editor.lineCount(); i++) out.push(editor.getLine(i));
  return out;
}

/** Applies a core insertion through the editor, so undo takes it back in one step. */
function apply(editor: Editor, insertion: Insertion): void {
  const count = editor.lineCount();
  if (insertion.replaceLine) {
    const old = editor.getLine(insertion.line);
    editor.replaceRange(insertion.text, { line: insertion.line, ch: 0 }, { line: insertion.line, ch: old.length });
  } else if (insertion.line >= count) {
    const last = count - 1;
    editor.replaceRange('\n' + insertion.text, { line: last, ch: editor.getLine(last).length });
  } else {
    editor.replaceRange(insertion.text + '\n', { line: insertion.line, ch: 0 });
  }
  editor.setCursor(insertion.cursor);
}

export function insertIncident(editor: Editor): void {
  apply(editor, incidentBlock(lines(editor), editor.getCursor().line));
}

/** Returns false when the cursor is in no 5-whys part, so the command can say so. */
export function addNextWhy(editor: Editor): boolean {
  const insertion = nextWhy(lines(editor), editor.getCursor().line);
  if (!insertion) return false;
  apply(editor, insertion);
  return true;
}

/** Inserts the token and leaves the caret right after it, where the token renders as a slider at once. */
export function insertSliderToken(editor: Editor, property: string): void {
  const token = `{{slider ${property}}}`;
  const from = editor.getCursor('from');
  editor.replaceSelection(token);
  editor.setCursor({ line: from.line, ch: from.ch + token.length });
}
