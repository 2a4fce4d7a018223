import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { sliderExtension } from '../../src/obsidian/slider/livePreview';
import { installObsidianDom } from '../helpers/obsidianDom';

installObsidianDom();

/** A 3 MB daily note: frontmatter, two sliders near the top, then a long journal. */
function largeNote(): string {
  const head = ['---', 'mood_wake: 4', 'mood_wind:', '---', 'How do you feel when you wake up? {{slider mood_wake}}', 'How do you feel when you wind down? {{slider}}', ''];
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < 3_000_000; i++) {
    const line = i % 40 === 0 ? '```ts' : i % 40 === 5 ? '```' : `- ${i}: met [[Vincent Chan]] about #performance, wrote \`code\` and a few words of journal.`;
    lines.push(line);
    size += line.length + 1;
  }
  return [...head, ...lines].join('\n');
}

function makeView(withSliders: boolean): EditorView {
  const parent = document.getElementById('editor') as HTMLElement;
  parent.replaceChildren();
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: largeNote(),
      extensions: withSliders ? [sliderExtension(benchHost())] : [],
    }),
  });
}

function benchHost(): Parameters<typeof sliderExtension>[0] {
  return {
    sliders: () => DEFAULT_SETTINGS.sliders,
    enabled: () => true,
    notify: () => undefined,
  };
}

/** Types `count` characters at the caret, one transaction each, and times each dispatch (the extension's update runs inside it). */
function typeAt(view: EditorView, at: number, count: number): number[] {
  view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const head = view.state.selection.main.head;
    const start = performance.now();
    view.dispatch({ changes: { from: head, insert: 'x' }, selection: { anchor: head + 1 }, userEvent: 'input.type' });
    times.push(performance.now() - start);
  }
  return times;
}

Object.assign(window, {
  bench: {
    run(withSliders: boolean, place: 'top' | 'middle', count: number) {
      const view = makeView(withSliders);
      const doc = view.state.doc;
      const at = place === 'top' ? doc.line(5).to : doc.line(Math.floor(doc.lines / 2)).to;
      const times = typeAt(view, at, count);
      view.destroy();
      return { size: doc.length, times };
    },
  },
});
