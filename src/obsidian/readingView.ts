import { type App, MarkdownRenderChild, type MarkdownPostProcessorContext, type TFile } from 'obsidian';
import { hasSliderToken, SLIDER_TOKEN } from '../core/note/tokens';
import type { SliderSetting } from '../core/settings';
import { sliderAt } from '../core/sliders/binding';
import { sliderTokensOutsideCode } from '../core/sliders/codeScan';
import { classifyValue, type SliderValue } from '../core/sliders/frontmatterText';
import { SliderElement } from './slider/sliderElement';

export interface ReadingSliderDeps {
  app: App;
  sliders(): SliderSetting[];
  /**
   * Records a committed move for the note at `path`; the plugin coalesces and
   * writes it. Resolves once it was dealt with: written, refused or given up.
   */
  write(path: string, property: string, value: number): Promise<void>;
  /** What the note holds for a slider now (its editor's text, else the file). */
  valueOf(path: string, slider: SliderSetting): Promise<SliderValue>;
  /** A move recorded but not yet written, which the slider keeps showing until it is. */
  pending(path: string, property: string): number | undefined;
  /** Tells the user why a slider refuses to move. */
  notify(message: string): void;
}

/**
 * One slider in Reading view (and in embeds, canvas cards and callouts that
 * Live Preview renders through the markdown renderer): mounted on load,
 * following the metadata cache, removed on unload. It writes to the note it
 * belongs to, `ctx.sourcePath`; where that is no note (a canvas text card)
 * it is read-only.
 */
class ReadingSlider extends MarkdownRenderChild {
  private element: SliderElement | null = null;

  constructor(
    containerEl: HTMLElement,
    private readonly deps: ReadingSliderDeps,
    private readonly path: string,
    private readonly slider: SliderSetting,
  ) {
    super(containerEl);
  }

  private current(frontmatter: Record<string, unknown> | undefined): SliderValue {
    const pending = this.deps.pending(this.path, this.slider.property);
    if (pending !== undefined) return { kind: 'number', value: pending };
    return classifyValue(frontmatter?.[this.slider.property], this.slider);
  }

  override onload(): void {
    const { app } = this.deps;
    const frontmatter = app.metadataCache.getCache(this.path)?.frontmatter;
    const readOnly = this.path.endsWith('.md') ? null : 'Read-only here: this card is not a note';
    this.element = new SliderElement(
      this.slider,
      this.current(frontmatter),
      (value) => void this.deps.write(this.path, this.slider.property, value).then(() => this.showNote()),
      readOnly,
      (problem) => this.deps.notify(`Daybook: ${this.path}: ${this.slider.property} is left as it is. ${problem}`),
    );
    this.containerEl.replaceChildren(this.element.root);
    // External edits and our own writes both arrive here; the slider shows whatever the note now says.
    this.registerEvent(
      app.metadataCache.on('changed', (file: TFile, _data: string, cache) => {
        if (file.path === this.path) this.element?.setValue(this.current(cache.frontmatter));
      }),
    );
  }

  /**
   * After a move was dealt with, the slider shows what the note holds: the
   * value it wrote, or, when the note refused it or the write failed, the
   * value that is still there (no 'changed' event comes for a write not made).
   */
  private async showNote(): Promise<void> {
    if (this.deps.pending(this.path, this.slider.property) !== undefined) return;
    try {
      const value = await this.deps.valueOf(this.path, this.slider);
      if (this.deps.pending(this.path, this.slider.property) === undefined) this.element?.setValue(value);
    } catch {
      // The note is gone or unreadable: the metadata cache's next event says what to show.
    }
  }

  override onunload(): void {
    this.element?.destroy();
    this.element = null;
  }
}

function textNodesWithTokens(root: HTMLElement): Text[] {
  const found: Text[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (hasSliderToken(node.textContent ?? '') && !node.parentElement?.closest('code, pre')) found.push(node as Text);
  }
  return found;
}

const BLOCK = /^(P|DIV|LI|UL|OL|H[1-6]|BLOCKQUOTE|TABLE|TR|BR|HR|PRE|DETAILS|SUMMARY)$/;

/**
 * The rendered text before a token, one line per block element, with the
 * sections rendered before this one: what a bare `{{slider}}` binds through
 * when the source is unknown (`getSectionInfo` returns null, as for callouts
 * that Live Preview renders and for embeds).
 */
function renderedContext(el: HTMLElement, node: Text): string {
  const lines: string[] = [];
  let sibling = el.previousElementSibling;
  for (let i = 0; sibling && i < 3; i++, sibling = sibling.previousElementSibling) lines.unshift(sibling.textContent ?? '');
  let text = lines.length ? lines.join('\n') + '\n' : '';
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let current = walker.nextNode(); current && current !== node; current = walker.nextNode()) {
    if (current.nodeType === Node.TEXT_NODE) text += current.textContent ?? '';
    else if (BLOCK.test((current as Element).tagName) && !text.endsWith('\n')) text += '\n';
  }
  return text;
}

/** The source offsets of the section's slider tokens outside code, in order. */
function sourceTokenOffsets(text: string, lineStart: number, lineEnd: number): number[] {
  const lines = text.split('\n');
  let offset = lines.slice(0, lineStart).reduce((sum, line) => sum + line.length + 1, 0);
  const offsets: number[] = [];
  for (let n = lineStart; n <= lineEnd && n < lines.length; n++) {
    for (const token of sliderTokensOutsideCode(lines[n])) offsets.push(offset + token.from);
    offset += lines[n].length + 1;
  }
  return offsets;
}

/**
 * The section's source with Obsidian (`%% … %%`) and HTML (`<!-- … -->`)
 * comments blanked to spaces, offsets and line breaks kept: Reading view
 * renders neither, so a token or a question inside one is not on screen and
 * must not take the place of the ones that are.
 */
function withoutComments(text: string): string {
  if (!text.includes('%%') && !text.includes('<!--')) return text;
  return text.replace(/%%[\s\S]*?%%|<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

/** Reading view: replaces slider tokens in rendered markdown with live sliders. */
export function sliderPostProcessor(deps: ReadingSliderDeps) {
  return (el: HTMLElement, ctx: MarkdownPostProcessorContext): void => {
    const nodes = textNodesWithTokens(el);
    if (nodes.length === 0) return;
    const info = ctx.getSectionInfo(el);
    const section = info && { ...info, text: withoutComments(info.text) };
    const offsets = section ? sourceTokenOffsets(section.text, section.lineStart, section.lineEnd) : [];
    let index = 0;
    for (const node of nodes) {
      const text = node.textContent ?? '';
      const fragment = createFragment();
      let last = 0;
      for (const match of text.matchAll(SLIDER_TOKEN)) {
        const at = match.index ?? 0;
        fragment.append(text.slice(last, at));
        const source = offsets[index++];
        let slider: SliderSetting | null;
        if (section && source !== undefined) slider = sliderAt(section.text, source, match[1] ?? null, deps.sliders());
        else {
          const context = renderedContext(el, node) + text.slice(0, at);
          slider = sliderAt(context + match[0], context.length, match[1] ?? null, deps.sliders());
        }
        if (slider) {
          const holder = createSpan();
          fragment.append(holder);
          ctx.addChild(new ReadingSlider(holder, deps, ctx.sourcePath, slider));
        } else fragment.append(match[0]);
        last = at + match[0].length;
      }
      fragment.append(text.slice(last));
      node.replaceWith(fragment);
    }
  };
}
