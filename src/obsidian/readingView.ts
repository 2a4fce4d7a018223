import { type App, MarkdownRenderChild, type MarkdownPostProcessorContext, type TFile } from 'obsidian';
import { hasSliderToken, SLIDER_TOKEN } from '../core/note/tokens';
import type { SliderSetting } from '../core/settings';
import { sliderAt } from '../core/sliders/binding';
import { numberOrNull } from '../core/text';
import type { WriteQueue } from '../core/sliders/writeQueue';
import { SliderElement } from './slider/sliderElement';

export interface ReadingSliderDeps {
  app: App;
  sliders(): SliderSetting[];
  queue: WriteQueue<string>;
}

/** One slider in Reading view: mounted on load, following the metadata cache, removed on unload. */
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

  private current(frontmatter: Record<string, unknown> | undefined): number | null {
    return this.deps.queue.pendingValue(this.path, this.slider.property) ?? numberOrNull(frontmatter?.[this.slider.property]);
  }

  override onload(): void {
    const { app } = this.deps;
    const frontmatter = app.metadataCache.getCache(this.path)?.frontmatter;
    this.element = new SliderElement(this.slider, this.current(frontmatter), (value) =>
      this.deps.queue.set(this.path, this.slider.property, value),
    );
    this.containerEl.replaceChildren(this.element.root);
    // External edits and our own writes both arrive here; the slider shows whatever the note now says.
    this.registerEvent(
      app.metadataCache.on('changed', (file: TFile, _data: string, cache) => {
        if (file.path === this.path) this.element?.setValue(this.current(cache.frontmatter));
      }),
    );
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

/** Reading view: replaces slider tokens in rendered markdown with live sliders. */
export function sliderPostProcessor(deps: ReadingSliderDeps) {
  return (el: HTMLElement, ctx: MarkdownPostProcessorContext): void => {
    const nodes = textNodesWithTokens(el);
    if (nodes.length === 0) return;
    const section = ctx.getSectionInfo(el);
    const sourceText = section?.text ?? el.textContent ?? '';
    const sectionStart = section ? sourceText.split('\n').slice(0, section.lineStart).join('\n').length : 0;
    const sourceTokens = [...sourceText.slice(sectionStart).matchAll(SLIDER_TOKEN)];
    let index = 0;
    for (const node of nodes) {
      const text = node.textContent ?? '';
      const fragment = createFragment();
      let last = 0;
      for (const match of text.matchAll(SLIDER_TOKEN)) {
        const at = match.index ?? 0;
        fragment.append(text.slice(last, at));
        const source = sourceTokens[index++];
        const offset = source ? sectionStart + (source.index ?? 0) : sourceText.indexOf(match[0]);
        const slider = sliderAt(sourceText, Math.max(0, offset), match[1] ?? null, deps.sliders());
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
