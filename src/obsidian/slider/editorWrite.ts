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

/** The user event of a review region written through an open editor: one undo step of its own. */
export const REVIEW_USER_EVENT = 'daybook.review';

/**
 * Applies `change` to the text an open editor holds, unsaved typing
 * included, as one transaction that replaces only the span where the old and
 * new texts differ (the caret and everything around it stay). The app saves
 * the editor as it saves typing. Resolves true when the text changed.
 */
export function updateThroughEditor(view: EditorView, change: (current: string) => string | null): boolean {
  const current = view.state.doc.toString();
  const next = change(current);
  if (next === null || next === current) return false;
  let from = 0;
  const shorter = Math.min(current.length, next.length);
  while (from < shorter && current.charCodeAt(from) === next.charCodeAt(from)) from++;
  let tail = 0;
  while (tail < shorter - from && current.charCodeAt(current.length - 1 - tail) === next.charCodeAt(next.length - 1 - tail)) tail++;
  // Never between the two halves of a surrogate pair.
  if (from > 0 && isHighSurrogate(current.charCodeAt(from - 1))) from--;
  if (tail > 0 && isHighSurrogate(current.charCodeAt(current.length - 1 - tail))) tail--;
  view.dispatch({
    changes: { from, to: current.length - tail, insert: next.slice(from, next.length - tail) },
    annotations: Transaction.userEvent.of(REVIEW_USER_EVENT),
  });
  return true;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
