import { type Extension } from '@codemirror/state';
import { type EditorView, ViewPlugin } from '@codemirror/view';
import { type App, editorInfoField, MarkdownView } from 'obsidian';

/**
 * Every CodeMirror editor the app has open on a note: a tab's, a canvas
 * card's, a hover popover's, an embed's. The app loads registered editor
 * extensions into each of them, so the extension below sees them all; a
 * workspace scan would find only the tabs. The note an editor shows is read
 * when asked, since a tab's editor is reused for the next note it opens.
 */
export class OpenEditors {
  private readonly views = new Set<EditorView>();

  readonly extension: Extension = ViewPlugin.define((view) => {
    this.views.add(view);
    return { destroy: () => void this.views.delete(view) };
  });

  constructor(private readonly app: App) {}

  /**
   * An editor holding the note at `path`, where an edit must go so typing not
   * yet saved is kept; null when none is open. A tab in Reading view has no
   * typing to keep: the note is written on disk and the view reloads it.
   */
  find(path: string): EditorView | null {
    for (const view of this.views) {
      const info = view.state.field(editorInfoField, false);
      if (info?.file?.path === path && !(info instanceof MarkdownView && info.getMode() !== 'source')) return view;
    }
    return openTabEditor(this.app, path);
  }
}

/**
 * The CodeMirror view of a note open in a tab in Live Preview or Source mode.
 * The API does not type it, but `MarkdownView.editor.cm` is the documented
 * way to reach it ("Communicating with editor extensions").
 */
export function openTabEditor(app: App, path: string): EditorView | null {
  for (const leaf of app.workspace.getLeavesOfType('markdown')) {
    const view = leaf.view;
    if (!(view instanceof MarkdownView) || view.file?.path !== path || view.getMode() !== 'source') continue;
    const cm = (view.editor as unknown as { cm?: EditorView } | undefined)?.cm;
    if (cm && typeof cm.dispatch === 'function') return cm;
  }
  return null;
}
