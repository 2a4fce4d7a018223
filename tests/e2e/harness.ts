import { EditorState, StateEffect, StateField, type Text, Transaction } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { Editor, EditorPosition } from 'obsidian';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { insertSliderToken } from '../../src/obsidian/editorCommands';
import { sliderExtension } from '../../src/obsidian/slider/livePreview';
import { SliderElement } from '../../src/obsidian/slider/sliderElement';
import { installObsidianDom } from '../helpers/obsidianDom';

installObsidianDom();

/**
 * A page with a CodeMirror 6 editor running Daybook's Live Preview slider
 * extension over a daily note, as Obsidian runs it: sliders write through
 * the editor itself, and Live Preview is a state field that Source mode
 * flips without any edit (Obsidian's `editorLivePreviewField`).
 */
const note = [
  '---',
  '# mood, written by the sliders',
  'mood_wake: 4 # groggy',
  'tags: [daily, "on call"]',
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
  'Written as code: `{{slider mood_wake}}` stays text.',
  '',
  '~~~~markdown',
  '```',
  'How do you feel when you wake up? {{slider}}',
  '~~~~',
  '',
  '## Journal',
  '',
  'A line to put the cursor on.',
].join('\n');

const setLivePreview = StateEffect.define<boolean>();
const livePreview = StateField.define<boolean>({
  create: () => true,
  update: (value, tr) => tr.effects.reduce((v, e) => (e.is(setLivePreview) ? e.value : v), value),
});

interface Recorded {
  userEvent: string | undefined;
  changes: { from: number; to: number; inserted: string; removed: string }[];
  startDoc: Text;
  tr: Transaction;
}

const transactions: Recorded[] = [];
const notices: string[] = [];

function record(tr: Transaction): void {
  const changes: Recorded['changes'] = [];
  tr.changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => changes.push({ from: fromA, to: toA, inserted: inserted.toString(), removed: tr.startState.doc.sliceString(fromA, toA) }));
  transactions.push({ userEvent: tr.annotation(Transaction.userEvent), changes, startDoc: tr.startState.doc, tr });
}

function makeView(doc: string, parent: HTMLElement = document.getElementById('editor') as HTMLElement): EditorView {
  return new EditorView({
    parent,
    root: parent.ownerDocument,
    state: EditorState.create({
      doc,
      extensions: [
        EditorView.lineWrapping,
        livePreview,
        EditorView.updateListener.of((update) => update.transactions.filter((tr) => tr.docChanged).forEach(record)),
        sliderExtension({
          sliders: () => DEFAULT_SETTINGS.sliders,
          enabled: (state) => state.field(livePreview),
          notify: (message) => void notices.push(message),
        }),
      ],
    }),
  });
}

let view = makeView(note);

/** The few Editor methods "Insert mood slider" calls, over the CodeMirror view, as Obsidian's Editor maps them. */
function obsidianEditor(): Editor {
  const pos = (offset: number): EditorPosition => {
    const line = view.state.doc.lineAt(offset);
    return { line: line.number - 1, ch: offset - line.from };
  };
  const offset = (p: EditorPosition) => view.state.doc.line(p.line + 1).from + p.ch;
  return {
    getCursor: (which?: string) => pos(which === 'from' ? view.state.selection.main.from : view.state.selection.main.head),
    replaceSelection: (text: string) => view.dispatch(view.state.replaceSelection(text)),
    setCursor: (p: EditorPosition) => view.dispatch({ selection: { anchor: offset(p) } }),
  } as unknown as Editor;
}

Object.assign(window, {
  harness: {
    text: () => view.state.doc.toString(),
    load: (doc: string) => {
      view.destroy();
      transactions.length = 0;
      view = makeView(doc);
    },
    writes: () => transactions.filter((t) => t.userEvent?.startsWith('input.daybook')).map(({ userEvent, changes }) => ({ userEvent, changes })),
    notices: () => notices,
    /** Takes the last transaction back, as undo does with a history step that holds just it. */
    undoLast: () => {
      const last = transactions[transactions.length - 1];
      view.dispatch({ changes: last.tr.changes.invert(last.startDoc) });
    },
    cursorAt: (needle: string) => {
      const at = view.state.doc.toString().indexOf(needle);
      view.dispatch({ selection: { anchor: at } });
      view.focus();
    },
    caret: () => view.state.selection.main.head,
    replaceText: (from: string, to: string) => {
      const text = view.state.doc.toString();
      const at = text.indexOf(from);
      view.dispatch({ changes: { from: at, to: at + from.length, insert: to } });
    },
    /** Types at the middle of the note and returns the longest text read (sliceString/toString) while each keystroke is handled. */
    longestReadWhileTyping: (count: number) => {
      const doc = view.state.doc;
      const protos = new Set<{ sliceString: (this: Text, from: number, to?: number) => string }>([Object.getPrototypeOf(doc), ...(doc.children ?? []).map((c) => Object.getPrototypeOf(c))]);
      let longest = 0;
      let depth = 0;
      const originals = [...protos].map((proto) => [proto, proto.sliceString] as const);
      for (const [proto, original] of originals) {
        proto.sliceString = function (this: Text, from: number, to?: number) {
          depth++;
          try {
            const text = original.call(this, from, to);
            if (depth === 1) longest = Math.max(longest, text.length);
            return text;
          } finally {
            depth--;
          }
        };
      }
      try {
        const at = view.state.doc.line(Math.floor(view.state.doc.lines / 2)).to;
        view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
        longest = 0;
        for (let i = 0; i < count; i++) {
          const head = view.state.selection.main.head;
          view.dispatch({ changes: { from: head, insert: 'x' }, selection: { anchor: head + 1 }, userEvent: 'input.type' });
        }
      } finally {
        for (const [proto, original] of originals) proto.sliceString = original;
      }
      return longest;
    },
    /**
     * A callout as Live Preview renders it, through the markdown renderer into a
     * widget that flips to source on a mouse press inside it (as Obsidian's does).
     */
    renderedCallout: () => {
      const callout = document.body.createEl('div', { cls: 'callout', attr: { 'data-flipped': 'no', 'data-written': '' } });
      callout.createEl('div', { cls: 'callout-title', text: 'How do you feel when you wind down?' });
      const element = new SliderElement(DEFAULT_SETTINGS.sliders[1], { kind: 'unset' }, (value) => callout.setAttribute('data-written', String(value)));
      callout.createEl('p').append(element.root);
      for (const name of ['mousedown', 'pointerdown', 'click']) callout.addEventListener(name, () => callout.setAttribute('data-flipped', 'yes'));
    },
    /**
     * The note in an editor inside an iframe, standing in for a pop-out window:
     * another document and window, whose events are not this window's classes.
     * A button follows the editor, so Tab has somewhere to go.
     */
    popout: (doc: string) => {
      const frame = document.body.createEl('iframe', { attr: { id: 'popout' } });
      frame.width = '800';
      frame.height = '300';
      const inner = frame.contentDocument as Document;
      const host = inner.body.appendChild(inner.createElement('div'));
      const after = inner.body.appendChild(inner.createElement('button'));
      after.id = 'after';
      after.textContent = 'After the editor';
      view.destroy();
      transactions.length = 0;
      view = makeView(doc, host);
    },
    setLivePreview: (on: boolean) => view.dispatch({ effects: setLivePreview.of(on) }),
    insertSlider: (property: string) => insertSliderToken(obsidianEditor(), property),
  },
});
