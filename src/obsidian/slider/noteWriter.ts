import type { EditorView } from '@codemirror/view';
import { type App, TFile } from 'obsidian';
import { openTabEditor } from '../openEditors';
import type { SliderSetting } from '../../core/settings';
import { sliderForProperty } from '../../core/sliders/binding';
import { applyEdit, planSliderWrite, readSliderValue, type SliderValue } from '../../core/sliders/frontmatterText';
import { valueInEditor, writeThroughEditor } from './editorWrite';
import { problemText } from './sliderElement';

export interface NoteWriterDeps {
  app: App;
  sliders(): SliderSetting[];
  notify(message: string): void;
  /** The editor a note is open in (a tab, a canvas card, a hover popover); by default a tab's. */
  editorOf?(path: string): EditorView | null;
}

function refusal(path: string, property: string, value: SliderValue): string {
  return `Daybook: ${property} in ${path} was not written. ${problemText(value) ?? ''}`.trim();
}

/**
 * Writes slider values from outside the editor (Reading view, embeds, canvas,
 * callouts rendered in Live Preview). A note open in an editor is written
 * through that editor, so unsaved typing is kept; any other note through
 * `Vault.process` with the same one-line edits, never re-dumping its YAML.
 * A value the note refuses (an odd value, invalid YAML) becomes a notice
 * naming the note and is not tried again; a write that fails (a read-only
 * file) rejects, so the caller can try again.
 */
export async function writeSliderValues(deps: NoteWriterDeps, path: string, values: Record<string, number>): Promise<void> {
  const sliders = deps.sliders();
  const editor = deps.editorOf ? deps.editorOf(path) : openTabEditor(deps.app, path);
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
}

/** What a note holds for a slider now: its open editor's text, else the file on disk (not the metadata cache, which lags a write). */
export async function sliderValueInNote(deps: NoteWriterDeps, path: string, slider: SliderSetting): Promise<SliderValue> {
  const editor = deps.editorOf ? deps.editorOf(path) : openTabEditor(deps.app, path);
  if (editor) return valueInEditor(editor.state.doc, slider);
  const file = deps.app.vault.getAbstractFileByPath(path);
  if (!(file instanceof TFile)) return { kind: 'unset' };
  return readSliderValue(await deps.app.vault.read(file), slider);
}

/** Said once the retries of a failed write are over: the value is not in the note. */
export function gaveUpText(path: string, values: Record<string, number>, error: unknown): string {
  const moved = Object.entries(values)
    .map(([property, value]) => `${property} ${value}`)
    .join(', ');
  return `Daybook: could not write ${moved} in ${path}, after trying for half a minute: ${error instanceof Error ? error.message : String(error)}. The note keeps its value.`;
}
