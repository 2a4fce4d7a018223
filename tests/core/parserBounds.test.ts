import { MAX_NOTE_CHARS } from '../../src/core/note/defuse';
import { parseNote } from '../../src/core/note/parseNote';

/**
 * Hostile notes finish and give sane results; where content is cut or
 * flattened the note says so. (Time is measured by `npm run bench`, not here;
 * remark's own pace on a loaded machine is why some cases get a longer timeout.)
 */
const SLOW = 120_000;

describe('the parser on hostile input', () => {
  it('says nothing of nesting for a long comment, which is blank text, not indentation', () => {
    // Obsidian help's "Basic formatting syntax" has such a comment; it was reported as lists nested past 32 levels.
    const note = parseNote('Text.\n\n%%\n' + 'a comment longer than the indentation limit, '.repeat(3) + '\n%%\n\n- [[Ana]]');
    expect(note.problems).toEqual([]);
    expect(note.blocks.flatMap((b) => b.links.map((l) => l.target))).toEqual(['Ana']);
  });

  it('reads a 1 MB line', () => {
    const note = parseNote('[[Ana]] ' + 'word '.repeat(200_000) + '#perf');
    expect(note.blocks).toHaveLength(1);
    expect(note.blocks[0].links.map((l) => l.target)).toEqual(['Ana']);
    expect(note.blocks[0].tags).toEqual(['perf']);
    expect(note.problems).toEqual([]);
  }, SLOW);

  it('reads 100,000 unclosed [[ and #[[ as text', () => {
    for (const opener of ['[[', '#[[']) {
      const note = parseNote(opener.repeat(100_000) + ' [[Ana]]');
      expect(note.blocks.flatMap((b) => b.links.map((l) => l.target))).toEqual(['Ana']);
      expect(note.blocks.flatMap((b) => b.tags)).toEqual([]);
      expect(note.problems).toEqual(['nests brackets deeper than 8 on 1 line(s); the deeper brackets are read as text']);
    }
  }, SLOW);

  it('reads 10,000 links on one line', () => {
    const note = parseNote(Array.from({ length: 10_000 }, (_, i) => `[[Note ${i}]]`).join(' '));
    expect(note.blocks[0].links).toHaveLength(10_000);
    expect(note.blocks[0].links[9_999].target).toBe('Note 9999');
  }, SLOW);

  it('flattens a list nested 5,000 deep and says so', () => {
    const lines = Array.from({ length: 5_000 }, (_, i) => '\t'.repeat(i) + `- item ${i}`);
    const note = parseNote(lines.join('\n'));
    expect(note.problems.some((p) => /nests lists or quotes deeper than 32 levels/.test(p))).toBe(true);
    // Every item stays a block; the deep ones hang at the deepest level kept.
    expect(note.blocks.length).toBeGreaterThan(1_000);
    expect(note.blocks[0].text).toBe('item 0');
    let depth = 0;
    for (let p = note.blocks[note.blocks.length - 1].parent; p !== -1; p = note.blocks[p].parent) depth++;
    expect(depth).toBeLessThanOrEqual(32);
  }, SLOW);

  it('flattens 5,000 nested quote or list markers on one line', () => {
    for (const marker of ['> ', '- ']) {
      const note = parseNote(marker.repeat(5_000) + 'deep [[Ana]]');
      expect(note.blocks.flatMap((b) => b.links.map((l) => l.target))).toEqual(['Ana']);
      expect(note.problems).toHaveLength(1);
    }
  }, SLOW);

  it('cuts a 10 MB note at a line end and says how much was read', () => {
    const note = parseNote('plain words with [[Ana]] and #perf\n\n'.repeat(300_000));
    expect(note.problems).toHaveLength(1);
    expect(note.problems[0]).toMatch(/^is longer than 1,048,576 characters; only the first [\d,]+ were read$/);
    const read = note.blocks.length * 'plain words with [[Ana]] and #perf\n\n'.length;
    expect(read).toBeLessThanOrEqual(MAX_NOTE_CHARS);
    expect(read).toBeGreaterThan(MAX_NOTE_CHARS - 100);
    expect(note.blocks.every((b) => b.links[0]?.target === 'Ana' && b.tags[0] === 'perf')).toBe(true);
  }, SLOW);

  it('stays linear on unclosed inline fields, math and link destinations', () => {
    for (const unit of ['[a:: ', '$a ', '[a](<b ', '**a ']) {
      const note = parseNote(unit.repeat(50_000) + '[[Ana]]');
      expect(note.blocks.flatMap((b) => b.links.map((l) => l.target))).toEqual(['Ana']);
    }
  }, SLOW);
});
