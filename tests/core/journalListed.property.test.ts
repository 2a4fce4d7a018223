import { Journal } from '../../src/core/journal';
import { resolveSettings } from '../../src/core/settings';
import { MemoryVault } from '../helpers/memoryVault';

/** A small deterministic generator, so a failure names its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PARTS = ['a', 'A', 'b', 'é', 'e\u0301', ' ', '-', '.', '0', '2026-11-01', 'People', 'z'];

function name(rnd: () => number): string {
  const length = 1 + Math.floor(rnd() * 4);
  let text = '';
  for (let i = 0; i < length; i++) text += PARTS[Math.floor(rnd() * PARTS.length)];
  return text;
}

function path(rnd: () => number): string {
  const depth = Math.floor(rnd() * 3);
  return [...Array.from({ length: depth }, () => name(rnd)), name(rnd)].join('/') + '.md';
}

describe('Journal.isListed, the plain definition: the listing holds that exact path', () => {
  it.each([0, 1, 2, 3, 4, 5, 6, 7])('agrees with a set of the listed paths, listings in path order and not (seed %d)', async (seed) => {
    const rnd = random(seed);
    for (let round = 0; round < 25; round++) {
      const paths = [...new Set(Array.from({ length: Math.floor(rnd() * 40) }, () => path(rnd)))];
      // The CLI lists in path order; the plugin's listing comes in the app's order.
      if (round % 2 === 0) paths.sort();
      else paths.sort(() => rnd() - 0.5);
      const vault = new MemoryVault(Object.fromEntries(paths.map((p) => [p, 'text\n'])));
      const journal = await Journal.open(vault, resolveSettings({}).settings);
      const listed = new Set(journal.files.map((file) => file.path));
      const asked = [...paths, ...Array.from({ length: 30 }, () => path(rnd)), 'missing.md', '', 'a', 'zzzz.md'];
      for (const p of asked) expect([p, journal.isListed(p)]).toEqual([p, listed.has(p)]);
    }
  });
});
