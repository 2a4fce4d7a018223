import { insertSliderToken } from '../../src/obsidian/editorCommands';
import { fakeEditor } from './editor';

describe('"Insert mood slider"', () => {
  it('leaves the caret right after the token, where it renders as a slider at once', () => {
    const editor = fakeEditor('How do you feel when you wake up? |');
    insertSliderToken(editor, 'mood_wake');
    expect(editor.text()).toBe('How do you feel when you wake up? {{slider mood_wake}}|');
  });
});
