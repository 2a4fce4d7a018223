import { Transaction, type Text } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { SliderSetting } from '../../core/settings';
import { frontmatterHeadLength, planSliderWrite, readSliderValue, type SliderValue } from '../../core/sliders/frontmatterText';

/**
 * The user event slider writes carry. It is not `input.type…` or `delete…`,
 * the events CodeMirror's history joins, so each committed move is one undo
 * step of its own, never merged with typing before or after it.
 */
export const SLIDER_USER_EVENT = 'input.daybook-slider';

/** The start of the document that holds its frontmatter: the only text a slider reads or writes. */
export function frontmatterHead(doc: Text): string {
  return doc.sliceString(0, frontmatterHeadLength(doc.lines, (n) => doc.line(n).text));
}

export type EditorWriteResult = { written: boolean } | { refused: SliderValue };

/**
 * Writes a slider's value into an open note through its editor: one
 * transaction that changes only the value's characters, so typing not yet
 * saved is never merged or lost, and undo takes the move back in one step.
 */
export function writeThroughEditor(view: EditorView, slider: SliderSetting, value: number): EditorWriteResult {
  const head = frontmatterHead(view.state.doc);
  const plan = planSliderWrite(head, slider, value);
  if ('refused' in plan) return { refused: plan.refused };
  const { from, to, insert } = plan.edit;
  if (view.state.doc.sliceString(from, to) === insert) return { written: false };
  view.dispatch({ changes: { from, to, insert }, annotations: Transaction.userEvent.of(SLIDER_USER_EVENT) });
  return { written: true };
}

/** The slider's value as the open note holds it. */
export function valueInEditor(doc: Text, slider: SliderSetting): SliderValue {
  return readSliderValue(frontmatterHead(doc), slider);
}
