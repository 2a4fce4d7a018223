import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { applyEdit, readNumberProperty, setNumberProperty } from '../../src/core/sliders/frontmatterText';
import { sliderAt } from '../../src/core/sliders/binding';

describe('writing a slider value into the frontmatter text', () => {
  const set = (text: string, value: number) => applyEdit(text, setNumberProperty(text, 'mood_wake', value));

  it('changes only the property’s own line', () => {
    const note = '---\ntitle: "Day: 1"\nmood_wake: 3\nmood_wind:\ntags: [a]\n---\nbody\n';
    expect(set(note, 8)).toBe('---\ntitle: "Day: 1"\nmood_wake: 8\nmood_wind:\ntags: [a]\n---\nbody\n');
  });

  it('fills an empty property and adds a missing one before the closing fence', () => {
    expect(set('---\nmood_wake:\n---\n', 5)).toBe('---\nmood_wake: 5\n---\n');
    expect(set('---\nother: x\n---\nbody', 5)).toBe('---\nother: x\nmood_wake: 5\n---\nbody');
    expect(set('---\n---\nbody', 5)).toBe('---\nmood_wake: 5\n---\nbody');
  });

  it('adds frontmatter to a note without one', () => {
    expect(set('# Day\n', 7)).toBe('---\nmood_wake: 7\n---\n# Day\n');
  });

  it('does not mistake a longer property name for it', () => {
    expect(set('---\nmood_wake_time: 7\n---\n', 2)).toBe('---\nmood_wake_time: 7\nmood_wake: 2\n---\n');
  });

  it('reads the value back, unset as null', () => {
    expect(readNumberProperty('---\nmood_wake: 6\n---\n', 'mood_wake')).toBe(6);
    expect(readNumberProperty('---\nmood_wake:\n---\n', 'mood_wake')).toBeNull();
    expect(readNumberProperty('no frontmatter', 'mood_wake')).toBeNull();
  });
});

describe('what a slider token binds to', () => {
  const sliders = DEFAULT_SETTINGS.sliders;
  const bind = (text: string) => sliderAt(text, text.indexOf('{{'), /\{\{slider (\w+)\}\}/.exec(text)?.[1] ?? null, sliders)?.property ?? null;

  it.each([
    ['How do you feel when you wake up? {{slider}}', 'mood_wake'],
    ['- [[How do you feel when you wind down?]]\n\t- {{slider}}', 'mood_wind'],
    ['### How do you feel when you wake up?\n\n{{slider}}', 'mood_wake'],
    ['> [!question] How do you feel when you wind down?\n> {{slider}}', 'mood_wind'],
    ['{{slider mood_wind}}', 'mood_wind'],
    ['Some other question {{slider}}', null],
  ])('%j binds to %s', (text, property) => {
    expect(bind(text)).toBe(property);
  });

  it('gives an unconfigured named property the default range', () => {
    expect(sliderAt('{{slider energy}}', 0, 'energy', sliders)).toEqual({ question: 'energy', property: 'energy', min: 1, max: 10, step: 1 });
  });
});
