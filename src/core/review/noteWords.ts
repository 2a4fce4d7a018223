/**
 * The words of a note's raw text, folded coarser than any name or task text is
 * compared: Unicode forms (compatibility ones too) and accents, case, and all
 * punctuation and spacing ignored. A note can mention a name or write a task
 * only if each word of it is among the note's words, so the search of earlier
 * notes for What changed parses only the notes that pass, and misses none.
 */

const MARKS = /\p{M}/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/** Folds one piece at a time the same way wherever it stands: decomposition and case mapping act per character. */
function fold(text: string): string {
  return text.normalize('NFKD').toLowerCase().toUpperCase().normalize('NFKD').replace(MARKS, '');
}

/** The folded words of a name, a project or a task's text. */
export function wordsOf(text: string): string[] {
  return fold(text)
    .split(SEPARATORS)
    .filter((word) => word !== '');
}

/**
 * The words of a name's last path segment (`People/Ana.md` is Ana): every way a
 * link reaches a note or names an unresolved page spells that segment out.
 */
export function lastSegmentWords(name: string): string[] {
  const bare = name.replace(/\.md$/i, '');
  return wordsOf(bare.slice(bare.lastIndexOf('/') + 1));
}

/**
 * What can put text in a parsed note that its raw text does not spell: a
 * Logseq block reference shows another block's text; a character reference
 * (`&eacute;`) or a YAML escape (`\u00e9`) decodes to a letter; the quote of a
 * line drops an Org planning stamp or an empty code span from inside it, joining
 * what stood around it. A note holding any of them is always parsed.
 */
const OPAQUE = /\(\(|&#?[0-9A-Za-z]+;|\\[uUxN]|\b(?:SCHEDULED|DEADLINE|CLOSED):|`\s+`/;

/** `%20` in a markdown link's target is a space to the parser; both spellings count. */
function decodePercents(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/**
 * The words of a raw note, or null when its parsed form may hold words its raw
 * text does not (then it must be parsed to know). The marks a task's key drops
 * (`*_`[]`) join words (`foo_bar` is `foobar` there), so both readings count.
 */
export function noteWords(raw: string): Set<string> | null {
  if (OPAQUE.test(raw)) return null;
  const words = new Set(wordsOf(raw));
  if (/[*_`[\]]/.test(raw)) for (const word of wordsOf(raw.replace(/[*_`[\]]/g, ''))) words.add(word);
  if (raw.includes('%')) for (const word of wordsOf(decodePercents(raw))) words.add(word);
  return words;
}
