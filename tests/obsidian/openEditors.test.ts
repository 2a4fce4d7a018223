/**
 * @jest-environment jsdom
 */
import { deserialize, serialize } from 'node:v8';
import { Notice, openNote, postProcessorContext } from '../__mocks__/obsidian';
import { installObsidianDom } from '../helpers/obsidianDom';
import { loadPlugin } from './pluginHarness';

installObsidianDom();
// Electron's windows have it; jest's jsdom environment does not.
if (typeof window.structuredClone !== 'function') window.structuredClone = (value) => deserialize(serialize(value));

/** A review note open in an editor holds text not saved yet: "Generate review" must change the region there, not on disk behind it. */
const DAY = 'Daily/2026-11-17.md';
const REVIEW = 'Reviews/2026-W47.md';

async function reviewWithTypingNotSaved(where: 'tab' | 'canvas card' | 'hover popover') {
  const loaded = await loadPlugin({ [DAY]: '- Paired with [[Ana]]\n', 'People/Ana.md': '---\ntype: person\n---\n', '.obsidian/daily-notes.json': '{"folder":"Daily"}' });
  await loaded.run('review-week');
  const editor = openNote(loaded.app, REVIEW, where);
  editor.type('\nMy own notes, typed a moment ago.\n');
  // The week changes: the region must now mention Bo as well.
  loaded.app.vault.put(DAY, '- Paired with [[Ana]]\n- Lunch with [[Bo]]\n');
  loaded.app.vault.put('People/Bo.md', '---\ntype: person\n---\n');
  return { ...loaded, editor };
}

beforeEach(() => {
  Notice.messages = [];
  jest.useFakeTimers({ now: new Date(2026, 10, 22, 8, 15), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
});
afterEach(() => jest.useRealTimers());

describe.each(['tab', 'canvas card', 'hover popover'] as const)('a review note open in a %s with typing not saved yet', (where) => {
  it('gets its new region through the editor, one transaction, and keeps the typing once the editor saves', async () => {
    const { app, run, editor } = await reviewWithTypingNotSaved(where);
    const onDisk = app.vault.texts.get(REVIEW)!;
    const before = editor.text;
    const edits = editor.edits().length;
    await run('review-week');
    expect(editor.text).toContain('[[Bo]]');
    expect(editor.text).toContain('My own notes, typed a moment ago.');
    expect(editor.edits()).toHaveLength(edits + 1);
    // Only the region changed: everything after its end marker is the user's typing, byte for byte.
    const tail = (text: string) => text.slice(text.indexOf('%% daybook:end %%'));
    expect(tail(editor.text)).toBe(tail(before));
    expect(app.vault.texts.get(REVIEW)).toBe(onDisk);
    await editor.save();
    expect(app.vault.texts.get(REVIEW)).toContain('[[Bo]]');
    expect(app.vault.texts.get(REVIEW)).toContain('My own notes, typed a moment ago.');
    expect(Notice.messages.pop()).toBe(`Daybook: updated ${REVIEW}.`);
  });
});

it('a review note shown only in Reading view is written on disk (no editor holds typing there)', async () => {
  const { app, run } = await loadPlugin({ [DAY]: '- Paired with [[Ana]]\n', '.obsidian/daily-notes.json': '{"folder":"Daily"}' });
  await run('review-week');
  const reading = openNote(app, REVIEW, 'tab', 'preview');
  app.vault.put(DAY, '- Paired with [[Ana]]\n- Lunch with [[Bo]]\n');
  await run('review-week');
  expect(app.vault.texts.get(REVIEW)).toContain('[[Bo]]');
  expect(reading.edits()).toHaveLength(0);
});

it('a slider moved in Reading view writes through the canvas card that has its note open, not past it on disk', async () => {
  const note = '---\nmood_wake: 4\n---\nHow do you feel when you wake up? {{slider}}\n';
  const { app, plugin } = await loadPlugin({ [DAY]: note });
  const card = openNote(app, DAY, 'canvas card');
  card.type('Typed in the card, not saved yet.\n');
  const el = document.createElement('div');
  el.createEl('p', { text: 'How do you feel when you wake up? {{slider}}' });
  (plugin as any).postProcessors[0](el, postProcessorContext(DAY, null));
  const range = el.querySelector('input')!;
  range.value = '8';
  range.dispatchEvent(new Event('change'));
  await jest.advanceTimersByTimeAsync(250);
  expect(card.text).toBe(note.replace('mood_wake: 4', 'mood_wake: 8') + 'Typed in the card, not saved yet.\n');
  expect(app.vault.texts.get(DAY)).toBe(note);
});
