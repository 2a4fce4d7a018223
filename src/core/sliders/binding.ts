import { sliderProperty } from '../review/mood';
import type { SliderSetting } from '../settings';
import { indentWidth, isBlank } from '../editing/lines';

/**
 * The slider a token at `offset` of `text` binds to. `{{slider prop}}` binds
 * to that property (with the configured range, or 1–10 when the property has
 * no slider setting); a bare `{{slider}}` binds through the question on its
 * own line, else its parent bullet or the line above.
 */
export function sliderAt(text: string, offset: number, property: string | null, sliders: SliderSetting[]): SliderSetting | null {
  if (property) return sliderForProperty(property, sliders);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  const context = [line];
  const above = text.slice(0, lineStart).split('\n');
  above.pop();
  const indent = indentWidth(line);
  const previous = [...above].reverse().find((l) => !isBlank(l));
  const parent = [...above].reverse().find((l) => !isBlank(l) && indentWidth(l) < indent);
  if (parent) context.push(parent);
  if (previous) context.push(previous);
  return sliderProperty(context, sliders);
}

/** The slider setting of a property: the configured one, or 1–10 in steps of 1 named by the property. */
export function sliderForProperty(property: string, sliders: SliderSetting[]): SliderSetting {
  return sliders.find((s) => s.property === property) ?? { question: property, property, min: 1, max: 10, step: 1 };
}

/** How many lines above a token its binding may look at: a question is near its slider, and a large note is never copied whole. */
export const BINDING_CONTEXT_LINES = 60;
