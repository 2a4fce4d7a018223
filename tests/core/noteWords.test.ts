import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { noteText, spells, wordsOf } from '../../src/core/review/noteWords';
import { noteText as referenceText, spells as referenceSpells, wordsOf as referenceWords } from '../helpers/spellOracle/noteWords';

/**
 * Spelling a note's words was made cheaper (native splits instead of a loop
 * over characters) without changing them: on random text of every kind of
 * character the search of earlier notes tells apart — letters of several
 * scripts, digits, combining marks, the marks a task's key drops, line
 * breaks, surrogate pairs and lone halves, properties and task openings — its
 * words, readings, line ends and task openings are the frozen copy's.
 */
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('Ana', 'beta', 'x1', 'Q3', '1984', 'café', 'cafe\u0301', '\u0301', 'é\u0301\u0302', 'naïve', 'Straße', 'ﬁle', '①', '日本', 'Ωmega', '🔥', 'a\u{1D400}b', '\uD800', '\uDC00x') },
  fc.constantFrom(' ', '  ', '\t', '\n', '\n\n', '\r\n', '.', ',', '-', '—', '\u00A0', '\u3000'),
  fc.constantFrom('*', '_', '`', '[', ']', '**', '[[', ']]', 'foo_bar', '`x`', '[[Ana|Annie]]', '#tag', '%20', '%C3%A9', '%zz', '%E9'),
  fc.constantFrom('- [ ] ', '- [x] ', 'TODO ', 'DONE ', '{{[[TODO]]}} ', 'LATER ', 'NOW ', 'ABC '),
  fc.constantFrom('key:: value', 'collapsed:: true', '#+BEGIN_QUOTE', ':LOGBOOK:', ':END:', '\n- ', '\n  ', '\n# ', '\n> ', '\n1. '),
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

function plain(note: ReturnType<typeof referenceText>) {
  return note === null ? null : { words: [...note.words].sort(), lineEnds: [...note.lineEnds].sort(), taskStarts: [...note.taskStarts].sort(), readings: note.readings };
}

describe('a note spelled for the search of earlier notes', () => {
  it('reads random text exactly as the frozen copy does', () => {
    fc.assert(
      fc.property(text, (raw) => {
        expect(plain(noteText(raw))).toEqual(plain(referenceText(raw)));
        expect(wordsOf(raw)).toEqual(referenceWords(raw));
      }),
      { numRuns: 3000 },
    );
  });

  it('spells a list of words exactly when the frozen copy does, its filter of neighbouring words ruling out none it spells', () => {
    const phrase = fc.array(fc.constantFrom('ANA', 'BETA', 'X1', 'Q3', '1984', 'CAFE', 'NAIVE', 'STRASSE', 'FILE', '1', '日本', 'ΩMEGA', 'FOOBAR', 'FOO', 'BAR', 'X', 'TODO', 'TAG', 'KEY', 'VALUE', 'ANNIE'), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(text, fc.array(phrase, { maxLength: 6 }), (raw, phrases) => {
        const note = noteText(raw);
        const reference = referenceText(raw);
        if (note === null || reference === null) return expect(note).toBe(reference);
        // Lists the note surely spells, cut from its own readings, and random ones.
        const own = note.readings.flatMap((reading) => {
          const words = reading.split(' ').filter((w) => w !== '');
          return words.length ? [words.slice(0, 3), words.slice(-2), words.slice(1, 3)] : [];
        });
        for (const words of [...own, ...phrases].filter((w) => w.length > 0)) expect(spells(note, words)).toBe(referenceSpells(reference, words));
      }),
      { numRuns: 3000 },
    );
  });

  it('spelled for names only, has the same words, readings and neighbouring pairs, and no line ends or task openings', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const full = noteText(raw);
        const names = noteText(raw, false);
        if (full === null || names === null) return expect(names).toBe(full);
        expect({ ...names, lineEnds: [...names.lineEnds], taskStarts: [...names.taskStarts] }).toEqual({ ...full, lineEnds: [], taskStarts: [] });
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the fixture journals exactly as the frozen copy does', () => {
    for (const name of ['2026-11-09.md', '2026-11-10.md', '2026-11-12.md']) {
      const raw = readFileSync(join(__dirname, '..', '..', 'examples', 'vault', 'Daily', name), 'utf8');
      expect(plain(noteText(raw))).toEqual(plain(referenceText(raw)));
    }
  });

  it('joins a word split by an accent and keeps the last words of each line', () => {
    const note = noteText('Met wo\u0301rd with Ana\n\nthen **foo_bar** done\n');
    expect(note?.readings[0]).toBe(' MET WORD WITH ANA THEN FOO BAR DONE ');
    expect(note?.readings[1]).toBe(' MET WORD WITH ANA THEN FOOBAR DONE ');
    expect([...(note?.lineEnds ?? [])].sort()).toEqual(['ANA', 'DONE', 'FOOBAR DONE', 'WITH ANA']);
  });
});
