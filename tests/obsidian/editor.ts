import type { Editor, EditorPosition } from 'obsidian';

/** A fake Editor over a string: what the editor commands call, applied for real. */
export function fakeEditor(text: string): Editor & { text(): string; cursor(): EditorPosition } {
  let lines = text.replace('|', '').split('\n');
  const at = text.split('\n').findIndex((l) => l.includes('|'));
  let cursor: EditorPosition = { line: Math.max(at, 0), ch: at >= 0 ? text.split('\n')[at].indexOf('|') : 0 };
  const offset = (p: EditorPosition) => lines.slice(0, p.line).join('\n').length + (p.line > 0 ? 1 : 0) + p.ch;
  const editor = {
    lineCount: () => lines.length,
    getLine: (n: number) => lines[n],
    getCursor: () => cursor,
    setCursor: (p: EditorPosition) => void (cursor = p),
    replaceRange: (insert: string, from: EditorPosition, to: EditorPosition = from) => {
      const full = lines.join('\n');
      lines = (full.slice(0, offset(from)) + insert + full.slice(offset(to))).split('\n');
    },
    replaceSelection: (insert: string) => editor.replaceRange(insert, cursor),
    text: () => {
      const copy = [...lines];
      copy[cursor.line] = copy[cursor.line].slice(0, cursor.ch) + '|' + copy[cursor.line].slice(cursor.ch);
      return copy.join('\n');
    },
    cursor: () => cursor,
  };
  return editor as unknown as Editor & { text(): string; cursor(): EditorPosition };
}
