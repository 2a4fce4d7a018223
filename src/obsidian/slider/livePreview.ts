import { type EditorState, type Extension, RangeSetBuilder } from '@codemirror/state';
import { Decoration, type DecorationSet, type EditorView, ViewPlugin, type ViewUpdate, WidgetType } from '@codemirror/view';
import { SLIDER_TOKEN } from '../../core/note/tokens';
import type { SliderSetting } from '../../core/settings';
import { sliderAt } from '../../core/sliders/binding';
import { readNumberProperty } from '../../core/sliders/frontmatterText';
import { SliderElement } from './sliderElement';

/** What the Live Preview slider needs from its surroundings: the app, or the test harness. */
export interface SliderHost {
  sliders(): SliderSetting[];
  /** Records a moved slider; the host coalesces and writes it to the note's frontmatter. */
  set(view: EditorView, property: string, value: number): void;
  /** A value moved but not yet written, which the slider keeps showing until it is. */
  pending(view: EditorView, property: string): number | undefined;
  /** Whether sliders render here at all (Obsidian: Live Preview, not Source mode). */
  enabled(state: EditorState): boolean;
}

class SliderWidget extends WidgetType {
  constructor(
    readonly slider: SliderSetting,
    readonly value: number | null,
    private readonly host: SliderHost,
  ) {
    super();
  }

  // Equal widgets keep their DOM; a changed value reuses it through updateDOM,
  // so the range input keeps focus while arrow keys move it.
  override eq(other: SliderWidget): boolean {
    return other.slider.property === this.slider.property && other.value === this.value && sameRange(other.slider, this.slider);
  }

  override toDOM(view: EditorView): HTMLElement {
    const element = new SliderElement(this.slider, this.value, (value) => this.host.set(view, this.slider.property, value));
    elements.set(element.root, element);
    return element.root;
  }

  override updateDOM(dom: HTMLElement, view: EditorView): boolean {
    const element = elements.get(dom);
    if (!element || element.property !== this.slider.property) return false;
    element.configure(this.slider, (value) => this.host.set(view, this.slider.property, value));
    element.setValue(this.value);
    return true;
  }

  override destroy(dom: HTMLElement): void {
    elements.get(dom)?.destroy();
    elements.delete(dom);
  }

  // The slider handles its own mouse and keyboard events; the editor must not move the cursor for them.
  override ignoreEvent(): boolean {
    return true;
  }
}

const elements = new WeakMap<HTMLElement, SliderElement>();

function sameRange(a: SliderSetting, b: SliderSetting): boolean {
  return a.min === b.min && a.max === b.max && a.step === b.step && a.question === b.question;
}

function selectionTouches(state: EditorState, from: number, to: number): boolean {
  return state.selection.ranges.some((range) => range.from <= to && range.to >= from);
}

function buildDecorations(view: EditorView, host: SliderHost): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  if (!host.enabled(view.state)) return builder.finish();
  const text = view.state.doc.toString();
  const sliders = host.sliders();
  for (const { from, to } of view.visibleRanges) {
    const slice = text.slice(from, to);
    for (const match of slice.matchAll(SLIDER_TOKEN)) {
      const start = from + (match.index ?? 0);
      const end = start + match[0].length;
      // The raw token shows while the cursor is on it, so it can be edited.
      if (selectionTouches(view.state, start, end)) continue;
      const slider = sliderAt(text, start, match[1] ?? null, sliders);
      if (!slider) continue;
      const value = host.pending(view, slider.property) ?? readNumberProperty(text, slider.property);
      builder.add(start, end, Decoration.replace({ widget: new SliderWidget(slider, value, host) }));
    }
  }
  return builder.finish();
}

/** Live Preview: `{{slider prop}}` and bare `{{slider}}` tokens render as sliders bound to frontmatter. */
export function sliderExtension(host: SliderHost): Extension {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;

      constructor(view: EditorView) {
        this.decorations = buildDecorations(view, host);
      }

      update(update: ViewUpdate): void {
        if (update.docChanged || update.viewportChanged || update.selectionSet || update.transactions.some((t) => t.reconfigured)) {
          this.decorations = buildDecorations(update.view, host);
        }
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
}
