/**
 * @jest-environment jsdom
 */
import { EditorState, Transaction, type TransactionSpec } from '@codemirror/state';
import { App, MarkdownView, Notice, postProcessorContext, type SectionInfo } from '../__mocks__/obsidian';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { DEFAULT_RETRY_DELAYS, WriteQueue } from '../../src/core/sliders/writeQueue';
import { sliderPostProcessor } from '../../src/obsidian/readingView';
import { SLIDER_USER_EVENT } from '../../src/obsidian/slider/editorWrite';
import { gaveUpText, sliderValueInNote, writeSliderValues } from '../../src/obsidian/slider/noteWriter';
import { installObsidianDom } from '../helpers/obsidianDom';
import { globalTimers } from '../helpers/timers';

installObsidianDom();

const PATH = 'Daily/2026-11-22.md';
const NOTE = [
  '---',
  '# how the day went',
  'mood_wake: 4 # groggy',
  'title: "Day: one"',
  "tags: [work, 'on call']",
  'mood_wind:',
  '---',
  '## Mood',
  '',
  'How do you feel when you wake up? {{slider}}',
  '',
  '> [!note]',
  '> How do you feel when you wind down? {{slider mood_wind}}',
  '',
].join('\n');

/** A rendered section: one paragraph holding `markdownLine`, as Reading view hands it to post-processors. */
function paragraph(markdownLine: string): HTMLElement {
  const el = document.createElement('div');
  const p = el.createEl('p');
  p.textContent = markdownLine;
  return el;
}

function section(text: string, line: string): SectionInfo {
  const lineStart = text.split('\n').indexOf(line);
  return { text, lineStart, lineEnd: lineStart };
}

const input = (el: HTMLElement) => el.querySelector('input') as HTMLInputElement;

function move(el: HTMLElement, value: string): void {
  input(el).value = value;
  input(el).dispatchEvent(new Event('input', { bubbles: true }));
  input(el).dispatchEvent(new Event('change', { bubbles: true }));
}

/** A note open in an editor: a CodeMirror state behind the `cm` the app exposes, recording transactions. */
function openInEditor(app: App, path: string, text: string) {
  const transactions: Transaction[] = [];
  const cm = {
    state: EditorState.create({ doc: text }),
    dispatch(spec: TransactionSpec) {
      const tr = cm.state.update(spec);
      transactions.push(tr);
      cm.state = tr.state;
    },
  };
  app.workspace.leaves.push({ view: new MarkdownView(app.vault.getAbstractFileByPath(path) as any, { cm }) });
  return { cm, transactions };
}

describe('Reading view sliders', () => {
  let app: App;
  let postProcess: (el: HTMLElement, ctx: any) => void;
  let rejections: unknown[];
  const onRejection = (reason: unknown) => rejections.push(reason);

  beforeEach(() => {
    jest.useFakeTimers();
    Notice.messages.length = 0;
    rejections = [];
    app = new App({ [PATH]: NOTE });
    const deps = { app: app as any, sliders: () => DEFAULT_SETTINGS.sliders, notify: (message: string) => void new Notice(message) };
    // As the plugin wires it: failed writes retried, a note told once the retries are over.
    const queue = new WriteQueue<string>((path, values) => writeSliderValues(deps, path, values), globalTimers, 200, () => Date.now(), {
      delays: DEFAULT_RETRY_DELAYS,
      giveUp: (path, values, error) => void new Notice(gaveUpText(path, values, error)),
    });
    postProcess = sliderPostProcessor({
      app: app as any,
      sliders: () => DEFAULT_SETTINGS.sliders,
      write: (path, property, value) => queue.set(path, property, value),
      pending: (path, property) => queue.pendingValue(path, property),
      valueOf: (path, slider) => sliderValueInNote(deps, path, slider),
      notify: (message) => void new Notice(message),
    });
    process.on('unhandledRejection', onRejection);
  });
  afterEach(() => {
    process.off('unhandledRejection', onRejection);
    jest.useRealTimers();
  });

  it('replaces a bare token with a slider bound through its question, showing the note’s value', () => {
    const el = paragraph('How do you feel when you wake up? {{slider}}');
    postProcess(el, postProcessorContext(PATH, section(NOTE, 'How do you feel when you wake up? {{slider}}')));
    expect(el.textContent).toBe('How do you feel when you wake up? 4');
    expect(input(el).getAttribute('aria-label')).toBe('How do you feel when you wake up?');
    expect(input(el).value).toBe('4');
    expect(input(el).classList.contains('slider')).toBe(true);
  });

  it('writes a closed note through Vault.process, changing only the value’s characters, once per burst of moves', async () => {
    const el = paragraph('How do you feel when you wake up? {{slider}}');
    postProcess(el, postProcessorContext(PATH, section(NOTE, 'How do you feel when you wake up? {{slider}}')));
    for (const value of ['5', '6', '7']) move(el, value);
    await jest.advanceTimersByTimeAsync(250);
    expect(app.vault.texts.get(PATH)).toBe(NOTE.replace('mood_wake: 4 # groggy', 'mood_wake: 7 # groggy'));
    // processFrontMatter would have dropped the comments and rewritten the quoting.
    expect(app.fileManager.calls).toEqual([]);
    expect(input(el).value).toBe('7');
  });

  it('writes a note open in an editor through that editor, keeping the typing not yet saved', async () => {
    const typed = NOTE + 'Typed a moment ago, not saved yet.\n';
    const { cm, transactions } = openInEditor(app, PATH, typed);
    const el = paragraph('How do you feel when you wind down? {{slider mood_wind}}');
    postProcess(el, postProcessorContext(PATH, null));
    move(el, '3');
    await jest.advanceTimersByTimeAsync(250);
    expect(cm.state.doc.toString()).toBe(typed.replace('mood_wind:\n', 'mood_wind: 3\n'));
    expect(app.vault.texts.get(PATH)).toBe(NOTE);
    expect(transactions).toHaveLength(1);
    expect(transactions[0].annotation(Transaction.userEvent)).toBe(SLIDER_USER_EVENT);
  });

  it('writes through Vault.process when the note is open only in Reading mode (no editor holds typing)', async () => {
    const cm = { dispatch: jest.fn(), state: EditorState.create({ doc: NOTE }) };
    app.workspace.leaves.push({ view: new MarkdownView(app.vault.getAbstractFileByPath(PATH) as any, { cm }, 'preview') });
    const el = paragraph('How do you feel when you wake up? {{slider}}');
    postProcess(el, postProcessorContext(PATH, null));
    move(el, '2');
    await jest.advanceTimersByTimeAsync(250);
    expect(cm.dispatch).not.toHaveBeenCalled();
    expect(app.vault.texts.get(PATH)).toBe(NOTE.replace('mood_wake: 4 # groggy', 'mood_wake: 2 # groggy'));
  });

  it('follows an external edit of the property', async () => {
    const el = paragraph('How do you feel when you wake up? {{slider}}');
    postProcess(el, postProcessorContext(PATH, section(NOTE, 'How do you feel when you wake up? {{slider}}')));
    const file = app.vault.put(PATH, NOTE.replace('mood_wake: 4', 'mood_wake: 9'));
    app.metadataCache.trigger('changed', file, '', app.metadataCache.getFileCache(file));
    expect(input(el).value).toBe('9');
    expect(el.querySelector('output')?.textContent).toBe('9');
  });

  it.each([
    ['great', 'Not a number: great — clear it to use the slider'],
    ['14', 'Out of range 1–10: 14 — clear it to use the slider'],
    ['7.5', 'Not a step of 1: 7.5 — clear it to use the slider'],
  ])('shows an odd value (%s) as it is, marked, and never writes over it', async (raw, problem) => {
    app.vault.put(PATH, NOTE.replace('mood_wake: 4', `mood_wake: ${raw}`));
    const el = paragraph('How do you feel when you wake up? {{slider}}');
    postProcess(el, postProcessorContext(PATH, null));
    expect(el.querySelector('output')?.textContent).toBe(raw);
    expect(el.querySelector('.daybook-slider-problem')?.textContent).toBe(problem);
    expect(input(el).getAttribute('aria-disabled')).toBe('true');
    // A press is refused (its default prevented) and says why, naming the note.
    const press = new MouseEvent('pointerdown', { bubbles: true, cancelable: true });
    input(el).dispatchEvent(press);
    expect(press.defaultPrevented).toBe(true);
    expect(Notice.messages).toEqual([`Daybook: ${PATH}: mood_wake is left as it is. ${problem}`]);
    move(el, '5');
    await jest.advanceTimersByTimeAsync(250);
    expect(app.vault.texts.get(PATH)).toContain(`mood_wake: ${raw} # groggy`);
    expect(el.querySelector('output')?.textContent).toBe(raw);
  });

  it('writes nothing to invalid YAML frontmatter: a notice names the note, nothing is rejected', async () => {
    const broken = NOTE.replace('title: "Day: one"', 'title: [unclosed');
    app.vault.put(PATH, broken);
    const el = paragraph('How do you feel when you wake up? {{slider}}');
    postProcess(el, postProcessorContext(PATH, null));
    move(el, '8');
    await jest.advanceTimersByTimeAsync(250);
    expect(app.vault.texts.get(PATH)).toBe(broken);
    expect(Notice.messages).toHaveLength(1);
    expect(Notice.messages[0]).toContain(PATH);
    expect(Notice.messages[0]).toMatch(/invalid YAML/i);
    expect(rejections).toEqual([]);
  });

  it('binds a bare token in a callout rendered with no section info through the callout’s question', () => {
    const el = document.createElement('div');
    const callout = el.createEl('div', { cls: 'callout' });
    callout.createEl('div', { cls: 'callout-title', text: 'How do you feel when you wind down?' });
    callout.createEl('div', { cls: 'callout-content' }).createEl('p', { text: '{{slider}}' });
    postProcess(el, postProcessorContext(PATH, null));
    expect(input(el).getAttribute('aria-label')).toBe('How do you feel when you wind down?');
  });

  it('binds through the section rendered before it when the question is its own paragraph', () => {
    const host = document.createElement('div');
    host.createEl('div').createEl('p', { text: 'How do you feel when you wake up?' });
    const el = host.createEl('div');
    el.createEl('p', { text: '{{slider}}' });
    postProcess(el, postProcessorContext(PATH, null));
    expect(input(el).getAttribute('aria-label')).toBe('How do you feel when you wake up?');
  });

  it('keeps pointer events inside the slider, so a rendered callout does not flip to source', () => {
    const el = paragraph('How do you feel when you wake up? {{slider}}');
    const seen: string[] = [];
    for (const name of ['mousedown', 'pointerdown', 'click', 'mouseup']) el.addEventListener(name, () => seen.push(name));
    postProcess(el, postProcessorContext(PATH, null));
    for (const name of ['pointerdown', 'mousedown', 'mouseup', 'click']) input(el).dispatchEvent(new MouseEvent(name, { bubbles: true }));
    expect(seen).toEqual([]);
  });

  it('writes a slider of an embedded note to that note, and is read-only on a canvas card', async () => {
    app.vault.put('Home.md', '---\nmood_wake: 1\n---\n![[Daily/2026-11-22]]\n');
    const embedded = paragraph('How do you feel when you wake up? {{slider}}');
    postProcess(embedded, postProcessorContext(PATH, null));
    move(embedded, '6');
    await jest.advanceTimersByTimeAsync(250);
    expect(app.vault.texts.get(PATH)).toContain('mood_wake: 6 # groggy');
    expect(app.vault.texts.get('Home.md')).toBe('---\nmood_wake: 1\n---\n![[Daily/2026-11-22]]\n');

    const card = paragraph('How do you feel when you wake up? {{slider}}');
    expect(() => postProcess(card, postProcessorContext('Boards/Week.canvas', null))).not.toThrow();
    expect(input(card).getAttribute('aria-disabled')).toBe('true');
    expect(card.querySelector('.daybook-slider-problem')?.textContent).toMatch(/read-only/i);
  });

  it('sets an unset slider on the first click, the resting thumb included', async () => {
    const el = paragraph('How do you feel when you wind down? {{slider mood_wind}}');
    postProcess(el, postProcessorContext(PATH, null));
    expect(el.querySelector('output')?.textContent).toBe('Not set');
    expect(el.querySelector('.daybook-slider')?.classList.contains('is-unset')).toBe(true);
    // A click on the thumb where it rests changes nothing, so the input fires no input or change event.
    input(el).dispatchEvent(new MouseEvent('pointerdown', { bubbles: true }));
    input(el).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await jest.advanceTimersByTimeAsync(250);
    const resting = Number(input(el).value);
    expect(app.vault.texts.get(PATH)).toContain(`mood_wind: ${resting}\n`);
    expect(el.querySelector('output')?.textContent).toBe(String(resting));
  });

  it('leaves tokens in code alone and removes its sliders on unload', () => {
    const el = paragraph('How do you feel when you wake up? {{slider}}');
    const code = el.createEl('code', { text: '{{slider mood_wake}}' });
    const ctx = postProcessorContext(PATH, section(NOTE, 'How do you feel when you wake up? {{slider}}'));
    postProcess(el, ctx);
    expect(el.querySelectorAll('.daybook-slider')).toHaveLength(1);
    expect(code.textContent).toBe('{{slider mood_wake}}');
    ctx.children.forEach((c) => c.unload());
    expect(el.querySelectorAll('.daybook-slider')).toHaveLength(0);
  });
  describe('a move the note does not take', () => {
    const wake = 'How do you feel when you wake up? {{slider}}';

    it('is tried again while the file is read-only, and lands once it can be written', async () => {
      app.vault.readOnly.add(PATH);
      const el = paragraph(wake);
      postProcess(el, postProcessorContext(PATH, section(NOTE, wake)));
      move(el, '8');
      await jest.advanceTimersByTimeAsync(250);
      expect(app.vault.texts.get(PATH)).toBe(NOTE);
      expect(input(el).value).toBe('8');
      app.vault.readOnly.delete(PATH);
      await jest.advanceTimersByTimeAsync(5000);
      expect(app.vault.texts.get(PATH)).toContain('mood_wake: 8 # groggy');
      expect(Notice.messages).toEqual([]);
      expect(rejections).toEqual([]);
    });

    it('is given up after half a minute of a read-only file: the user is told and the slider shows the file’s value', async () => {
      app.vault.readOnly.add(PATH);
      const el = paragraph(wake);
      postProcess(el, postProcessorContext(PATH, section(NOTE, wake)));
      move(el, '8');
      await jest.advanceTimersByTimeAsync(60_000);
      expect(app.vault.texts.get(PATH)).toBe(NOTE);
      expect(Notice.messages).toHaveLength(1);
      expect(Notice.messages[0]).toMatch(/^Daybook: could not write mood_wake 8 in Daily\/2026-11-22\.md.*EACCES.*The note keeps its value\.$/);
      expect(input(el).value).toBe('4');
      expect(el.querySelector('output')?.textContent).toBe('4');
      expect(rejections).toEqual([]);
    });

    it('is refused when the file meanwhile holds an odd value, and the slider then shows that value, not the one it did not write', async () => {
      const el = paragraph(wake);
      postProcess(el, postProcessorContext(PATH, section(NOTE, wake)));
      // Another program wrote the file; the metadata cache has not caught up yet.
      app.vault.texts.set(PATH, NOTE.replace('mood_wake: 4', 'mood_wake: great'));
      move(el, '8');
      await jest.advanceTimersByTimeAsync(250);
      expect(app.vault.texts.get(PATH)).toContain('mood_wake: great # groggy');
      expect(Notice.messages).toEqual([expect.stringContaining('mood_wake in Daily/2026-11-22.md was not written')]);
      expect(el.querySelector('output')?.textContent).toBe('great');
      expect(input(el).getAttribute('aria-disabled')).toBe('true');
    });
  });
  it.each([
    ['an Obsidian comment', 'How do you feel when you wake up? %% was {{slider mood_wind}} %% {{slider}}'],
    ['an HTML comment', 'How do you feel when you wake up? <!-- {{slider mood_wind}} --> {{slider}}'],
    ['a comment on the line above', '%% How do you feel when you wind down? {{slider}} %%\nHow do you feel when you wake up? {{slider}}'],
  ])('binds a bare token after %s in the same section to its own question, and dragging it writes that property only', async (_kind, source) => {
    const note = NOTE.replace('How do you feel when you wake up? {{slider}}', source);
    app.vault.put(PATH, note);
    const lines = note.split('\n');
    const lineStart = lines.findIndex((line) => source.startsWith(line));
    // What Reading view renders: the comment is gone, one token is left.
    const el = paragraph('How do you feel when you wake up?  {{slider}}');
    postProcess(el, postProcessorContext(PATH, { text: note, lineStart, lineEnd: lineStart + source.split('\n').length - 1 }));
    expect(input(el).getAttribute('aria-label')).toBe('How do you feel when you wake up?');
    move(el, '9');
    await jest.advanceTimersByTimeAsync(250);
    expect(app.vault.texts.get(PATH)).toBe(note.replace('mood_wake: 4 # groggy', 'mood_wake: 9 # groggy'));
  });
  it('in a pop-out window, a refusing slider lets Tab and other keys through and refuses only the moving ones', () => {
    app.vault.put(PATH, NOTE.replace('mood_wake: 4', 'mood_wake: great'));
    // A pop-out is another window: its events are not instances of this window's KeyboardEvent.
    const frame = document.body.appendChild(document.createElement('iframe'));
    const popout = frame.contentWindow as unknown as typeof window;
    const el = popout.document.body.appendChild(paragraph('How do you feel when you wake up? {{slider}}'));
    postProcess(el, postProcessorContext(PATH, null));
    const key = (name: string) => {
      const event = new popout.KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true });
      expect(Object.getPrototypeOf(event)).not.toBe(KeyboardEvent.prototype);
      input(el).dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(key('Tab')).toBe(false);
    expect(key('a')).toBe(false);
    expect(Notice.messages).toEqual([]);
    expect(key('ArrowRight')).toBe(true);
    expect(Notice.messages).toEqual([expect.stringContaining('mood_wake is left as it is')]);
    frame.remove();
  });
});
