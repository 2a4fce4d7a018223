import { LinkIndex } from '../../src/core/links/linkIndex';
import { basename } from '../../src/core/vault';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

// Case, Unicode forms (NFC and NFD é), dots, spaces and a name that is also a folder's.
const PARTS = ['ana', 'Ana', 'ANA', 'é', 'e\u0301', 'People', 'people', ' ', '.', '-', '2026-11-01', 'x.md', 'Ünïcode'];

function pick(rnd: () => number): string {
  return PARTS[Math.floor(rnd() * PARTS.length)];
}

function name(rnd: () => number): string {
  return Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => pick(rnd)).join('');
}

function path(rnd: () => number): string {
  return [...Array.from({ length: Math.floor(rnd() * 3) }, () => name(rnd)), name(rnd)].join('/') + (rnd() < 0.95 ? '.md' : '');
}

describe('LinkIndex: a page named by its file name (Obsidian) resolves as the name function says', () => {
  it.each([0, 1, 2, 3, 4, 5])('the index told basename itself answers as one given the same name another way (seed %d)', (seed) => {
    const rnd = random(seed);
    for (let round = 0; round < 40; round++) {
      const files = [...new Set(Array.from({ length: Math.floor(rnd() * 30) }, () => path(rnd)))].map((p) => ({ path: p }));
      const quick = new LinkIndex(files, basename);
      const plain = new LinkIndex(files, (p) => basename(p));
      const targets = [...files.map((f) => f.path), ...files.map((f) => basename(f.path)), ...Array.from({ length: 30 }, () => path(rnd).replace(/\.md$/, ''))];
      for (const target of targets) expect([target, quick.resolve(target)]).toEqual([target, plain.resolve(target)]);
      for (const { path: p } of files) expect([p, quick.linktext(p)]).toEqual([p, plain.linktext(p)]);
    }
  });
});
