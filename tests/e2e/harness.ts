import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { setNumberProperty } from '../../src/core/sliders/frontmatterText';
import { WriteQueue } from '../../src/core/sliders/writeQueue';
import { sliderExtension } from '../../src/obsidian/slider/livePreview';
import { installObsidianDom } from '../helpers/obsidianDom';

installObsidianDom();

/**
 * A page with a CodeMirror 6 editor running Daybook's Live Preview slider
 * extension over a daily note. Writes go into the editor's own frontmatter
 * text, through the same write queue the plugin uses.
 */
const note = [
  '---',
  'mood_wake: 4',
  'mood_wind:',
  '---',
  '## Mood',
  '',
  'How do you feel when you wake up? {{slider mood_wake}}',
  '',
  '- [[How do you feel when you wind down?]]',
  '    - {{slider}}',
  '',
  '> [!note] Evening',
  '> How do you feel when you wind down? {{slider mood_wind}}',
  '',
  '## Journal',
  '',
  'A line to put the cursor on.',
].join('\n');

let writes = 0;
const queue = new WriteQueue<EditorView>(async (view, values) => {
  writes++;
  for (const [property, value] of Object.entries(values)) {
    view.dispatch({ changes: setNumberProperty(view.state.doc.toString(), property, value) });
  }
}, {
  set: (callback, ms) => window.setTimeout(callback, ms),
  clear: (id) => window.clearTimeout(id),
});

const view = new EditorView({
  parent: document.getElementById('editor') as HTMLElement,
  state: EditorState.create({
    doc: note,
    extensions: [
      EditorView.lineWrapping,
      sliderExtension({
        sliders: () => DEFAULT_SETTINGS.sliders,
        set: (v, property, value) => queue.set(v, property, value),
        pending: (v, property) => queue.pendingValue(v, property),
        enabled: () => true,
      }),
    ],
  }),
});

Object.assign(window, {
  harness: {
    text: () => view.state.doc.toString(),
    writes: () => writes,
    cursorAt: (needle: string) => {
      const at = view.state.doc.toString().indexOf(needle);
      view.dispatch({ selection: { anchor: at } });
      view.focus();
    },
    replaceText: (from: string, to: string) => {
      const text = view.state.doc.toString();
      const at = text.indexOf(from);
      view.dispatch({ changes: { from: at, to: at + from.length, insert: to } });
    },
  },
});
