import { type EditorState, type Extension, RangeSetBuilder, type Text } from '@codemirror/state';
import { Decoration, type DecorationSet, type EditorView, ViewPlugin, type ViewUpdate, WidgetType } from '@codemirror/view';
import { splitFrontmatter } from '../../core/note/frontmatter';
import type { SliderSetting } from '../../core/settings';
import { BINDING_CONTEXT_LINES, sliderAt } from '../../core/sliders/binding';
import { FenceTracker, sliderTokensOutsideCode } from '../../core/sliders/codeScan';
import { readSliderValue, type SliderValue } from '../../core/sliders/frontmatterText';
import { frontmatterHead, writeThroughEditor } from './editorWrite';
import { problemText, SliderElement } from './sliderElement';

/** What the Live Preview slider needs from its surroundings: the app, or the test harness. */
export interface SliderHost {
  sliders(): SliderSetting[];
  /** Whether sliders render here at all (Obsidian: Live Preview, not Source mode). May change with no edit. */
  enabled(state: EditorState): boolean;
  /** Tells the user why a move was not written; the host names the note. */
  notify(message: string, state: EditorState): void;
}

class SliderWidget extends WidgetType {
  constructor(
    readonly slider: SliderSetting,
    readonly value: SliderValue,
    private readonly host: SliderHost,
  ) {
    super();
  }

  // Equal widgets keep their DOM; a changed value reuses it through updateDOM,
  // so the range input keeps focus while arrow keys move it.
  override eq(other: SliderWidget): boolean {
    return other.slider.property === this.slider.property && sameValue(other.value, this.value) && sameRange(other.slider, this.slider);
  }

  private commit(view: EditorView, element: SliderElement): (value: number) => void {
    const slider = this.slider;
    return (value) => {
      const result = writeThroughEditor(view, slider, value);
      if (!('refused' in result)) return;
      element.setValue(result.refused);
      this.host.notify(`${slider.property} was not written. ${problemText(result.refused) ?? ''}`.trim(), view.state);
    };
  }

  override toDOM(view: EditorView): HTMLElement {
    const property = this.slider.property;
    const element = new SliderElement(this.slider, this.value, () => undefined, null, (problem) =>
      this.host.notify(`${property} is left as it is. ${problem}`, view.state),
    );
    element.configure(this.slider, this.commit(view, element));
    elements.set(element.root, element);
    return element.root;
  }

  override updateDOM(dom: HTMLElement, view: EditorView): boolean {
    const element = elements.get(dom);
    if (!element || element.property !== this.slider.property) return false;
    element.configure(this.slider, this.commit(view, element));
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

function sameValue(a: SliderValue, b: SliderValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The raw token shows while the caret is at its start or inside it, or a
 * selection overlaps it, so it can be edited. A caret right after it does not
 * (that is where "Insert mood slider" leaves it, and the slider shows at once).
 */
function revealed(state: EditorState, from: number, to: number): boolean {
  return state.selection.ranges.some((range) => (range.empty ? range.head >= from && range.head < to : range.from < to && range.to > from));
}

/** The frontmatter as the slider reads it, cached until an edit touches it. */
interface Head {
  text: string;
  /** Where the body starts: tokens before it are in the frontmatter and stay text. */
  bodyFrom: number;
  /** A `---` first line not closed yet: any edit may close it. */
  open: boolean;
  values: Map<string, SliderValue>;
}

class SliderDecorations {
  decorations: DecorationSet;
  private readonly fences = new FenceTracker();
  private head: Head | null = null;

  constructor(
    view: EditorView,
    private readonly host: SliderHost,
  ) {
    this.decorations = this.build(view);
  }

  update(update: ViewUpdate): void {
    // Obsidian's Live Preview flag is a state field that flips with no edit or selection change.
    const toggled = this.host.enabled(update.startState) !== this.host.enabled(update.state);
    if (update.docChanged) {
      let first = Infinity;
      update.changes.iterChangedRanges((fromA) => void (first = Math.min(first, fromA)));
      this.fences.invalidateFrom(update.startState.doc.lineAt(first).number);
      if (this.head && (this.head.open || first <= this.head.text.length)) {
        // The frontmatter's extent may change, and fence states are read from below it.
        this.head = null;
        this.fences.invalidateFrom(1);
      }
    }
    if (update.docChanged || update.viewportChanged || update.selectionSet || toggled || update.transactions.some((t) => t.reconfigured)) {
      this.decorations = this.build(update.view);
    }
  }

  private headOf(doc: Text): Head {
    if (!this.head) {
      const text = frontmatterHead(doc);
      const split = splitFrontmatter(text);
      const open = split.yaml === null && /^\uFEFF?---[ \t]*$/.test(doc.line(1).text);
      this.head = { text, bodyFrom: split.yaml === null ? 0 : split.bodyOffset, open, values: new Map() };
    }
    return this.head;
  }

  private currentValue(head: Head, slider: SliderSetting): SliderValue {
    const key = `${slider.property}\u0000${slider.min}\u0000${slider.max}\u0000${slider.step}`;
    let value = head.values.get(key);
    if (!value) {
      value = readSliderValue(head.text, slider);
      head.values.set(key, value);
    }
    return value;
  }

  /** Reads only the visible lines, the frontmatter and a few lines above each token: never the whole note. */
  private build(view: EditorView): DecorationSet {
    const builder = new RangeSetBuilder<Decoration>();
    if (!this.host.enabled(view.state)) return builder.finish();
    const { doc } = view.state;
    const sliders = this.host.sliders();
    let head: Head | null = null;
    // Frontmatter lines read as blank to the fence scan: a YAML value is never a code fence.
    const lineText = (n: number) => {
      const line = doc.line(n);
      return head && line.from < head.bodyFrom ? '' : line.text;
    };
    for (const { from, to } of view.visibleRanges) {
      for (let pos = from; pos <= to; ) {
        const line = doc.lineAt(pos);
        pos = line.to + 1;
        const tokens = sliderTokensOutsideCode(line.text);
        if (tokens.length === 0) continue;
        head ??= this.headOf(doc);
        if (line.from < head.bodyFrom || this.fences.inFence(line.number, lineText)) continue;
        const context = doc.line(Math.max(1, line.number - BINDING_CONTEXT_LINES)).from;
        const above = doc.sliceString(context, line.to);
        for (const token of tokens) {
          const start = line.from + token.from;
          const end = line.from + token.to;
          if (revealed(view.state, start, end)) continue;
          const slider = sliderAt(above, start - context, token.property, sliders);
          if (!slider) continue;
          builder.add(start, end, Decoration.replace({ widget: new SliderWidget(slider, this.currentValue(head, slider), this.host) }));
        }
      }
    }
    return builder.finish();
  }
}

/** Live Preview: `{{slider prop}}` and bare `{{slider}}` tokens render as sliders bound to frontmatter. */
export function sliderExtension(host: SliderHost): Extension {
  return ViewPlugin.define((view) => new SliderDecorations(view, host), { decorations: (plugin) => plugin.decorations });
}
