import { dirname, join } from 'node:path';
import { logseqDialect } from '../../src/core/dialect/dialect';
import { LOGSEQ_DEFAULTS } from '../../src/core/dialect/logseqConfig';
import { parseNote } from '../../src/core/note/parseNote';
import { noteText } from '../../src/core/review/noteWords';
import { ParsePool } from '../../src/cli/parsePool';
import { bundleCli } from '../helpers/cli';

/** A day of an outline: people, tasks, a fence and a quote, different each day. */
function day(i: number): string {
  return [
    `- Met [[Person ${i % 7}]] about #project-${i % 3}`,
    `\t- TODO follow up ${i}`,
    '\t  ',
    `- ## Notes ${i}`,
    '\t- ```',
    `\t  code ${i}`,
    '\t  ```',
    `> quoted [[Topic ${i % 5}]]`,
    ...Array.from({ length: i % 40 }, (_, k) => `- line ${k} of day ${i} with [[Person ${k % 11}]]`),
  ].join('\n');
}

describe('the parse pool of a rebuild', () => {
  let worker: string;
  beforeAll(() => {
    worker = join(dirname(bundleCli()), 'parseWorker.js');
  });

  it('gives every note the model this thread would, each parsed once, by the worker or by this thread while it waits', async () => {
    const rules = logseqDialect(LOGSEQ_DEFAULTS).parse;
    const pool = ParsePool.beside(rules, 2, worker);
    expect(pool).not.toBeNull();
    const texts = Array.from({ length: 150 }, (_, i) => day(i));
    try {
      const [models, words] = await Promise.all([Promise.all(texts.map((t) => pool!.parse(t))), Promise.all(texts.map((t) => pool!.spell(t)))]);
      expect(JSON.stringify(models)).toBe(JSON.stringify(texts.map((t) => parseNote(t, rules))));
      expect(JSON.stringify(words)).toBe(JSON.stringify(texts.map((t) => noteText(t))));
      // Waiting on the jobs, this thread took some from the end of the queue; a job taken is never done twice.
      expect(pool!.done.here).toBeGreaterThan(0);
      expect(pool!.done.here + pool!.done.workers).toBe(texts.length * 2);
    } finally {
      await pool!.close();
    }
  });
});
