import { oneSpaced } from '../../src/core/text';

/** A small deterministic generator, so a failure names its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

// Every kind of character JavaScript's `\s` is, and a few it is not (the zero-width space, U+180E).
const PARTS = ['a', 'é', '日', '[[x]]', ' ', ' ', '  ', '\t', '\n', '\r\n', '\v', '\f', '\u00a0', '\u1680', '\u2003', '\u2028', '\u202f', '\u3000', '\ufeff', '\u200b', '\u180e', '*'];

function text(rnd: () => number): string {
  const length = Math.floor(rnd() * 12);
  let out = '';
  for (let i = 0; i < length; i++) out += PARTS[Math.floor(rnd() * PARTS.length)];
  return out;
}

describe('oneSpaced, the plain definition: every run of whitespace one space', () => {
  it.each([0, 1, 2, 3, 4, 5, 6, 7])('agrees with replace(/\\s+/g, " ") on random text (seed %d)', (seed) => {
    const rnd = random(seed);
    for (let i = 0; i < 2000; i++) {
      const sample = text(rnd);
      expect(oneSpaced(sample)).toBe(sample.replace(/\s+/g, ' '));
    }
  });

  it('gives back text that is one-spaced already, and mends each uneven run', () => {
    expect(oneSpaced('Paired with [[Ana]] on the deploy')).toBe('Paired with [[Ana]] on the deploy');
    expect(oneSpaced(' a b ')).toBe(' a b ');
    expect(oneSpaced('a\u00a0b')).toBe('a b');
    expect(oneSpaced('a \tb\n\nc')).toBe('a b c');
  });
});
