/**
 * @jest-environment jsdom
 */
import { App, MarkdownRenderChild, TFile } from '../__mocks__/obsidian';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { WriteQueue } from '../../src/core/sliders/writeQueue';
import { sliderPostProcessor } from '../../src/obsidian/readingView';
import { installObsidianDom } from '../helpers/obsidianDom';
import { globalTimers } from '../helpers/timers';

installObsidianDom();

const NOTE = '---\nmood_wake: 4\ntitle: "Day: one"\n---\n## Mood\n\nHow do you feel when you wake up? {{slider}}\n\n> [!note]\n> How do you feel when you wind down? {{slider mood_wind}}\n';

function render(app: App, markdownLine: string, lineStart: number) {
  const el = document.createElement('div');
  const p = document.createElement('p');
  p.textContent = markdownLine;
  el.append(p);
  const children: MarkdownRenderChild[] = [];
  const ctx = {
    sourcePath: 'Daily/2026-11-22.md',
    getSectionInfo: () => ({ text: NOTE, lineStart, lineEnd: lineStart }),
    addChild: (child: MarkdownRenderChild) => {
      children.push(child);
      child.load();
    },
  };
  return { el, ctx, children };
}

describe('Reading view sliders', () => {
  let app: App;
  let queue: WriteQueue<string>;
  let process: (el: HTMLElement, ctx: any) => void;

  beforeEach(() => {
    jest.useFakeTimers();
    app = new App({ 'Daily/2026-11-22.md': NOTE });
    queue = new WriteQueue<string>(async (path, values) => {
      const file = app.vault.getAbstractFileByPath(path);
      if (!(file instanceof TFile)) throw new Error(`no note ${path}`);
      await app.fileManager.processFrontMatter(file, (fm: Record<string, unknown>) => Object.assign(fm, values));
    }, globalTimers);
    process = sliderPostProcessor({ app: app as any, sliders: () => DEFAULT_SETTINGS.sliders, queue });
  });
  afterEach(() => jest.useRealTimers());

  it('replaces a bare token with a slider bound through its question, showing the note’s value', () => {
    const { el } = render(app, 'How do you feel when you wake up? {{slider}}', 6);
    process(el, render(app, '', 6).ctx);
    const input = el.querySelector('input');
    expect(el.textContent).toBe('How do you feel when you wake up? 4');
    expect(input?.getAttribute('aria-label')).toBe('How do you feel when you wake up?');
    expect(input?.value).toBe('4');
  });

  it('writes a move to that one property through processFrontMatter, coalesced', async () => {
    const { el, ctx } = render(app, 'How do you feel when you wind down? {{slider mood_wind}}', 10);
    process(el, ctx);
    const input = el.querySelector('input') as HTMLInputElement;
    expect(el.querySelector('output')?.textContent).toBe('Not set');
    for (const value of ['5', '6', '7']) {
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    await jest.advanceTimersByTimeAsync(250);
    // Three moves before the queue's first tick: one write, carrying the last value.
    expect(app.fileManager.calls).toHaveLength(1);
    const text = app.vault.texts.get('Daily/2026-11-22.md');
    expect(text).toBe('---\nmood_wake: 4\ntitle: "Day: one"\nmood_wind: 7\n---\n## Mood\n\nHow do you feel when you wake up? {{slider}}\n\n> [!note]\n> How do you feel when you wind down? {{slider mood_wind}}\n');
  });

  it('follows an external edit of the property', () => {
    const { el, ctx } = render(app, 'How do you feel when you wake up? {{slider}}', 6);
    process(el, ctx);
    const file = app.vault.put('Daily/2026-11-22.md', NOTE.replace('mood_wake: 4', 'mood_wake: 9'));
    app.metadataCache.trigger('changed', file, '', app.metadataCache.getFileCache(file));
    expect((el.querySelector('input') as HTMLInputElement).value).toBe('9');
    expect(el.querySelector('output')?.textContent).toBe('9');
  });

  it('leaves tokens in code alone and removes its sliders on unload', () => {
    const { el, ctx, children } = render(app, 'How do you feel when you wake up? {{slider}}', 6);
    const code = document.createElement('code');
    code.textContent = '{{slider mood_wake}}';
    el.append(code);
    process(el, ctx);
    expect(el.querySelectorAll('.daybook-slider')).toHaveLength(1);
    expect(code.textContent).toBe('{{slider mood_wake}}');
    children.forEach((c) => c.unload());
    expect(el.querySelectorAll('.daybook-slider')).toHaveLength(0);
  });
});
