// A frozen copy of src/core/review/noteWords.ts as it was before its words were split natively (issue #16): the reference tests/core/noteWords.test.ts compares the new spelling with.
/**
 * A note's raw text as the search of earlier notes for What changed reads it:
 * folded coarser than any name or task text is compared (Unicode forms,
 * compatibility ones too, accents, case), every run of punctuation and spacing
 * one space. A note can mention a name, or write a task, only if its folded
 * text spells the name's (or the task's) words one after another, so only the
 * notes that do are parsed, and none that could is missed.
 */

/** Folds the same way wherever a piece stands: decomposition and case mapping act per character. */
function fold(text: string): string {
  return text.normalize('NFKD').toLowerCase().toUpperCase().normalize('NFKD');
}

const KEEP = 1;
const DROP = 2;
const SPACE = 0;

/** ASCII letters and digits are kept, all other ASCII is space. */
const ASCII = new Uint8Array(128).map((_, c) => ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? KEEP : SPACE));
const WIDE = new Map<number, number>();
const LETTER = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;

/** Letters and digits are kept, combining marks (an accent, once decomposed) dropped, the rest is space. */
function classOf(code: number): number {
  if (code < 128) return ASCII[code];
  let kind = WIDE.get(code);
  if (kind === undefined) {
    const char = String.fromCodePoint(code);
    kind = LETTER.test(char) ? KEEP : MARK.test(char) ? DROP : SPACE;
    WIDE.set(code, kind);
  }
  return kind;
}

/** The marks a task's key drops (`sameText`): `foo_bar` is `foobar` there. */
const KEY_MARKS = new Set(['*', '_', '`', '[', ']'].map((c) => c.charCodeAt(0)));

/**
 * ` W1 W2 … `: the folded words, one space around each; and into `lineEnds`
 * (when given) the last word and the last two words before each line break.
 */
function spelled(folded: string, dropKeyMarks: boolean, lineEnds?: Set<string>, words?: Set<string>): string {
  const parts: string[] = [' '];
  let run = -1;
  let spaced = true;
  // A word may be split by dropped marks: `wo` + `rd`; the pieces since the last space make it.
  let word = '';
  let last = '';
  let previous = '';
  const endLine = () => {
    if (!lineEnds || last === '') return;
    lineEnds.add(last);
    if (previous !== '') lineEnds.add(`${previous} ${last}`);
  };
  for (let i = 0; i < folded.length; i++) {
    const code = folded.codePointAt(i) as number;
    const wide = code > 0xffff;
    const kind = dropKeyMarks && KEY_MARKS.has(code) ? DROP : classOf(code);
    if (kind === KEEP) {
      if (run === -1) run = i;
    } else {
      if (run !== -1) {
        const piece = folded.slice(run, i);
        parts.push(piece);
        word += piece;
      }
      run = -1;
      if (kind === SPACE && !spaced) {
        parts.push(' ');
        spaced = true;
        previous = last;
        last = word;
        words?.add(word);
        word = '';
      }
      if (code === 10) endLine();
    }
    if (kind === KEEP) spaced = false;
    if (wide) i++;
  }
  if (run !== -1) {
    parts.push(folded.slice(run));
    word += folded.slice(run);
  }
  if (!spaced) {
    parts.push(' ');
    previous = last;
    last = word;
    words?.add(word);
  }
  endLine();
  return parts.join('');
}

/** The folded words of a name, a project or a task's text. */
export function wordsOf(text: string): string[] {
  return spelled(fold(text), false)
    .split(' ')
    .filter((word) => word !== '');
}

/** Words as a note must spell them: ` W1 W2 `. */
export function phrase(words: string[]): string {
  return ` ${words.join(' ')} `;
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

// The lines a block's quote leaves out (note/quote.ts): properties, Org directives, drawers.
const PROPERTY = /^([\p{L}\p{N}_][\p{L}\p{N}_ -]*)::\s?(.*)$/u;
const ORG_DIRECTIVE = /^#\+[A-Za-z_]+:?(?:\s.*)?$/;
const DRAWER_START = /^:[A-Za-z_-]+:$/;

/** The note without the lines no quote holds, so a task written around a property line reads as one. */
function withoutHiddenLines(raw: string): string {
  let inDrawer = false;
  return raw
    .split(/\r?\n/)
    .filter((untrimmed) => {
      const line = untrimmed.trim();
      if (inDrawer) {
        if (/^:END:$/i.test(line)) inDrawer = false;
        return false;
      }
      if (DRAWER_START.test(line) && !/^:END:$/i.test(line)) {
        inDrawer = true;
        return false;
      }
      return !ORG_DIRECTIVE.test(line) && !PROPERTY.test(line);
    })
    .join('\n');
}

/** Whatever may open a task (`[ ]`, `[x]`, Logseq's `TODO`, Roam's `{{[[TODO]]}}`), anywhere on a line. */
const TASK_OPENING = /\[[^\]\n]\]|\{\{\[\[(?:TODO|DONE)\]\]\}\}|\b(?:TODO|DOING|NOW|LATER|WAITING|WAIT|IN-PROGRESS|DONE|CANCELED|CANCELLED)\b/g;

/** A line that starts another block: a list item, a heading, a quote, a blank line. */
const BLOCK_START = /^\s*(?:[-*+]\s|\d+[.)]\s|#{1,6}\s|>|$)/;

/**
 * The first word and first two words after each task opening, read as task
 * keys compare: a task's text is its block's quote without the marker it
 * starts with. Read twice: as written on, and as the quote reads its block,
 * without the property and Org lines it hides (a property right after the
 * marker included), up to the next block.
 */
function taskStarts(lines: string[]): Set<string> {
  const starts = new Set<string>();
  const add = (text: string) => {
    const words = spelled(fold(text), true).split(' ').filter((word) => word !== '');
    if (words.length) starts.add(words[0]);
    if (words.length > 1) starts.add(`${words[0]} ${words[1]}`);
  };
  lines.forEach((line, i) => {
    if (!line.includes('[') && !/[A-Z]{3}/.test(line)) return;
    for (const match of line.matchAll(TASK_OPENING)) {
      const rest = line.slice((match.index ?? 0) + match[0].length);
      add(rest + '\n' + (lines[i + 1] ?? ''));
      const block = [rest];
      for (let j = i + 1; j < lines.length && !BLOCK_START.test(lines[j]); j++) block.push(lines[j]);
      add(withoutHiddenLines(block.join('\n')));
    }
  });
  return starts;
}

/** A raw note as searched: its words, and its text spelled out in each reading that counts. */
export interface NoteText {
  words: Set<string>;
  /** The last word and last two words of each line, read as task keys compare: a task's text ends a line. */
  lineEnds: Set<string>;
  /** The words after each task opening: a task's text starts so. */
  taskStarts: Set<string>;
  readings: string[];
}

/**
 * The raw note's readings, or null when its parsed form may hold words its
 * raw text does not spell (then it must be parsed to know). Links are read as
 * written (`a_b` is two words), task and project text as their keys compare it
 * (`foo_bar` is one), without hidden lines, and links once more with `%20` decoded.
 */
export function noteText(raw: string): NoteText | null {
  if (OPAQUE.test(raw)) return null;
  const folded = fold(raw);
  const lineEnds = new Set<string>();
  const words = new Set<string>();
  const readings = [spelled(folded, false, undefined, words), spelled(folded, true, lineEnds, words)];
  if (/::|^\s*#\+|^\s*:[A-Za-z_-]+:\s*$/m.test(raw)) readings.push(spelled(fold(withoutHiddenLines(raw)), true, lineEnds, words));
  if (/%[0-9A-Fa-f]{2}/.test(raw)) readings.push(spelled(fold(decodePercents(raw)), false, undefined, words));
  return { words, lineEnds, taskStarts: taskStarts(raw.split(/\r?\n/)), readings };
}

/** Whether the note spells these words one after another in one of its readings. */
export function spells(note: NoteText, words: string[]): boolean {
  const wanted = phrase(words);
  return note.readings.some((reading) => reading.includes(wanted));
}
