import type { EditorView } from '@codemirror/view';
import { type App, MarkdownView, TFile } from 'obsidian';
import type { SliderSetting } from '../../core/settings';
import { sliderForProperty } from '../../core/sliders/binding';
import { applyEdit, planSliderWrite, type SliderValue } from '../../core/sliders/frontmatterText';
import { writeThroughEditor } from './editorWrite';
import { problemText } from './sliderElement';

export interface NoteWriterDeps {
  app: App;
  sliders(): SliderSetting[];
  notify(message: string): void;
}

/**
 * The CodeMirror view of a note open in an editor (Live Preview or Source
 * mode), if any. The API does not type it, but `MarkdownView.editor.cm` is
 * the documented way to reach it ("Communicating with editor extensions").
 */
export function openEditorView(app: App, path: string): EditorView | null {
  for (const leaf of app.workspace.getLeavesOfType('markdown')) {
    const view = leaf.view;
    if (!(view instanceof MarkdownView) || view.file?.path !== path || view.getMode() !== 'source') continue;
    const cm = (view.editor as unknown as { cm?: EditorView } | undefined)?.cm;
    if (cm && typeof cm.dispatch === 'function') return cm;
  }
  return null;
}

function refusal(path: string, property: string, value: SliderValue): string {
  return `Daybook: ${property} in ${path} was not written. ${problemText(value) ?? ''}`.trim();
}

/**
 * Writes slider values from outside the editor (Reading view, embeds, canvas,
 * callouts rendered in Live Preview). A note open in an editor is written
 * through that editor, so unsaved typing is kept; any other note through
 * `Vault.process` with the same one-line edits, never re-dumping its YAML.
 * Nothing is thrown: a problem becomes a notice naming the note.
 */
export async function writeSliderValues(deps: NoteWriterDeps, path: string, values: Record<string, number>): Promise<void> {
  const sliders = deps.sliders();
  try {
    const editor = openEditorView(deps.app, path);
    if (editor) {
      for (const [property, value] of Object.entries(values)) {
        const result = writeThroughEditor(editor, sliderForProperty(property, sliders), value);
        if ('refused' in result) deps.notify(refusal(path, property, result.refused));
      }
      return;
    }
    const file = deps.app.vault.getAbstractFileByPath(path);
    if (!(file instanceof TFile) || file.extension !== 'md') {
      deps.notify(`Daybook: ${path} is not a note, so its sliders are read-only.`);
      return;
    }
    const refused: string[] = [];
    const edited = (text: string): string => {
      refused.length = 0;
      let next = text;
      for (const [property, value] of Object.entries(values)) {
        const plan = planSliderWrite(next, sliderForProperty(property, sliders), value);
        if ('refused' in plan) refused.push(refusal(path, property, plan.refused));
        else next = applyEdit(next, plan.edit);
      }
      return next;
    };
    // Nothing to change (refused, or already that value): the file is not touched at all.
    const before = await deps.app.vault.read(file);
    if (edited(before) !== before) await deps.app.vault.process(file, edited);
    for (const message of refused) deps.notify(message);
  } catch (error) {
    deps.notify(`Daybook: could not write ${Object.keys(values).join(', ')} in ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
