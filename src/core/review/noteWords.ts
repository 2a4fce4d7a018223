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
const UNKNOWN = 3;

/** The kind of each character of the first plane, worked out when first met; ASCII letters and digits are kept, all other ASCII is space. */
const PLANE = new Uint8Array(0x10000).fill(UNKNOWN);
for (let c = 0; c < 128; c++) PLANE[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? KEEP : SPACE;
const WIDE = new Map<number, number>();
const LETTER = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;

function kindOf(char: string): number {
  return LETTER.test(char) ? KEEP : MARK.test(char) ? DROP : SPACE;
}

/** Letters and digits are kept, combining marks (an accent, once decomposed) dropped, the rest is space. */
function classOf(code: number): number {
  if (code < 0x10000) {
    let kind = PLANE[code];
    if (kind === UNKNOWN) PLANE[code] = kind = kindOf(String.fromCharCode(code));
    return kind;
  }
  let kind = WIDE.get(code);
  if (kind === undefined) WIDE.set(code, (kind = kindOf(String.fromCodePoint(code))));
  return kind;
}

/** The marks a task's key drops (`sameText`): `foo_bar` is `foobar` there. */
const KEY_MARKS = new Uint8Array(128);
for (const c of '*_`[]') KEY_MARKS[c.charCodeAt(0)] = 1;

/** Which readings one pass spells: with the marks a task's key drops read as spaces (`plain`), or dropped (`keyed`). */
const PLAIN = 1;
const KEYED = 2;

/** A pass's readings (` W1 W2 … `), each `' '` when not asked for or without words. */
interface Readings {
  plain: string;
  keyed: string;
}

/**
 * ` W1 W2 … `: the folded words, one space around each, in each reading asked
 * for (`PLAIN`, `KEYED`, both); into `words` and `pairs` (when given) the words
 * and neighbouring pairs of both; and, of the keyed reading only, into
 * `lineEnds` the last word and the last two words before each line break (the
 * text's last ones so far, when a line has none) and into `shown` its words
 * without the hidden lines. A word may be split by dropped marks (`wo` + `rd`);
 * its pieces make it. Both readings in one pass over the char codes, through a
 * table, each word's hash (`hashOf`) taken as its characters are read, and pairs
 * marked as they come: spelling the earlier notes was most of a cold yearly
 * review's worker time. The readings part only at a key mark, which ends the
 * plain reading's word and is dropped from the keyed one's.
 */
function spelled(folded: string, want: number, lineEnds?: Set<string>, words?: Set<string>, pairs?: Uint8Array, shown?: Shown): Readings {
  // No closures over the loop's variables: V8 keeps a variable a closure shares in memory, not a register.
  const plain = (want & PLAIN) !== 0;
  const keyed = (want & KEYED) !== 0;
  const allPlain: string[] = [];
  const allKeyed: string[] = [];
  const n = folded.length;
  let plainWord = '';
  let keyedWord = '';
  let run = -1;
  let plainHash = FNV_OFFSET;
  let keyedHash = FNV_OFFSET;
  let plainBefore = 0;
  let keyedBefore = 0;
  // The keyed reading without the hidden lines, when asked (`shown`): the same words but those of hidden lines, as no word spans a line.
  const kept = shown?.words;
  const hidden = shown?.hidden;
  let line = 0;
  let keptBefore = 0;
  for (let i = 0; i <= n; i++) {
    // One step past the end stands for a space, which ends the last word.
    let code = i < n ? folded.charCodeAt(i) : 32;
    let wide = false;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      const low = folded.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        wide = true;
      }
    }
    const kind = code < 0x10000 && PLANE[code] !== UNKNOWN ? PLANE[code] : classOf(code);
    if (kind === KEEP) {
      if (run === -1) run = i;
      if (wide) {
        const high = folded.charCodeAt(i);
        const low = folded.charCodeAt(i + 1);
        plainHash = Math.imul(Math.imul(plainHash ^ high, FNV_PRIME) ^ low, FNV_PRIME);
        keyedHash = Math.imul(Math.imul(keyedHash ^ high, FNV_PRIME) ^ low, FNV_PRIME);
        i++;
      } else {
        plainHash = Math.imul(plainHash ^ code, FNV_PRIME);
        keyedHash = Math.imul(keyedHash ^ code, FNV_PRIME);
      }
      continue;
    }
    if (run !== -1) {
      const piece = folded.slice(run, i);
      plainWord = plainWord === '' ? piece : plainWord + piece;
      keyedWord = keyedWord === '' ? piece : keyedWord + piece;
    }
    run = -1;
    if (wide) i++;
    // A combining mark is dropped from both readings; every other character not kept is a space, but a key mark to the keyed reading.
    if (kind !== SPACE) continue;
    if (plainWord !== '') {
      if (plain) {
        allPlain.push(plainWord);
        words?.add(plainWord);
        const done = plainHash >>> 0;
        if (pairs && allPlain.length > 1) markPair(pairs, plainBefore, done);
        plainBefore = done;
      }
      plainWord = '';
      plainHash = FNV_OFFSET;
    }
    if (code < 128 && KEY_MARKS[code] === 1) continue;
    if (keyedWord !== '') {
      if (keyed) {
        allKeyed.push(keyedWord);
        words?.add(keyedWord);
        const done = keyedHash >>> 0;
        if (pairs && allKeyed.length > 1) markPair(pairs, keyedBefore, done);
        keyedBefore = done;
        if (kept !== undefined && hidden !== undefined && hidden[line] === 0) {
          kept.push(keyedWord);
          if (pairs && kept.length > 1) markPair(pairs, keptBefore, done);
          keptBefore = done;
        }
      }
      keyedWord = '';
      keyedHash = FNV_OFFSET;
    }
    if (keyed && (code === 10 || i >= n)) {
      if (lineEnds && allKeyed.length > 0) {
        const last = allKeyed.length - 1;
        lineEnds.add(allKeyed[last]);
        if (last > 0) lineEnds.add(`${allKeyed[last - 1]} ${allKeyed[last]}`);
      }
      // A kept line ends its reading's line too (at a line break, or at the end when it is the last kept).
      if (kept !== undefined && hidden !== undefined && hidden[line] === 0 && lineEnds && kept.length > 0) {
        const last = kept.length - 1;
        lineEnds.add(kept[last]);
        if (last > 0) lineEnds.add(`${kept[last - 1]} ${kept[last]}`);
      }
      line++;
    }
  }
  return { plain: spaced(allPlain), keyed: spaced(allKeyed) };
}

/** Words as a reading holds them: ` W1 W2 `, or `' '` for none. */
function spaced(words: string[]): string {
  return words.length === 0 ? ' ' : ` ${words.join(' ')} `;
}

/** Which lines of a note its reading without hidden lines leaves out (`hiddenLines`), and that reading's words, filled by `spelled`. */
interface Shown {
  hidden: Uint8Array;
  words: string[];
}

/** Bits of a note's filter of the words that stand next to each other in one of its readings. */
const PAIR_BITS = 1 << 14;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a over a word's char codes. */
function hashOf(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

/** One pair of words' hashes mixed: the two bits it sets come from it (a Bloom filter: a pair absent leaves a bit clear, nearly always). */
function pairMix(first: number, second: number): number {
  return Math.imul(first ^ Math.imul(second, 0x9e3779b1), 0x85ebca6b) >>> 0;
}

/** The second bit of a pair, from its mix; the first is the mix itself, modulo the filter's size. */
function secondBit(mixed: number): number {
  return (Math.imul(mixed ^ (mixed >>> 15), 0xc2b2ae35) >>> 0) % PAIR_BITS;
}

function markPair(pairs: Uint8Array, first: number, second: number): void {
  const mixed = pairMix(first, second);
  const a = mixed % PAIR_BITS;
  const b = secondBit(mixed);
  pairs[a >> 3] |= 1 << (a & 7);
  pairs[b >> 3] |= 1 << (b & 7);
}

/** False when some two words of these never stand next to each other in any of the note's readings: then no reading spells them. */
function mayAdjoin(pairs: Uint8Array, words: string[]): boolean {
  for (let i = 1; i < words.length; i++) {
    const mixed = pairMix(hashOf(words[i - 1]), hashOf(words[i]));
    const a = mixed % PAIR_BITS;
    const b = secondBit(mixed);
    if ((pairs[a >> 3] & (1 << (a & 7))) === 0 || (pairs[b >> 3] & (1 << (b & 7))) === 0) return false;
  }
  return true;
}

/** The folded words of a name, a project or a task's text. */
export function wordsOf(text: string): string[] {
  return spelled(fold(text), PLAIN)
    .plain    .split(' ')
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
  const lines = raw.split(/\r?\n/);
  const hidden = hiddenLines(lines);
  return lines.filter((_, i) => hidden[i] === 0).join('\n');
}

/** Which of these lines no quote holds (1): properties, Org directives, drawers. */
function hiddenLines(lines: string[]): Uint8Array {
  const hidden = new Uint8Array(lines.length);
  let inDrawer = false;
  lines.forEach((untrimmed, i) => {
    const line = untrimmed.trim();
    if (inDrawer) {
      if (/^:END:$/i.test(line)) inDrawer = false;
      hidden[i] = 1;
    } else if (DRAWER_START.test(line) && !/^:END:$/i.test(line)) {
      inDrawer = true;
      hidden[i] = 1;
    } else if (ORG_DIRECTIVE.test(line) || PROPERTY.test(line)) hidden[i] = 1;
  });
  return hidden;
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
    const words = spelled(fold(text), KEYED).keyed.split(' ').filter((word) => word !== '');
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
  /**
   * Which words stand next to each other in a reading, as a filter: most names
   * and tasks asked of a note have all their words in it but not in a row
   * (`Topic 7` in a note with a 7 % and a topic), and scanning every reading
   * for each was most of matching a year's earlier notes.
   */
  pairs: Uint8Array;
}

/**
 * The raw note's readings, or null when its parsed form may hold words its
 * raw text does not spell (then it must be parsed to know). Links are read as
 * written (`a_b` is two words), task and project text as their keys compare it
 * (`foo_bar` is one), without hidden lines, and links once more with `%20` decoded.
 * `tasks` false: for a search of names only, which reads no line end or task opening, both left empty.
 */
export function noteText(raw: string, tasks = true): NoteText | null {
  if (OPAQUE.test(raw)) return null;
  const folded = fold(raw);
  const lineEnds = new Set<string>();
  const words = new Set<string>();
  const pairs = new Uint8Array(PAIR_BITS / 8);
  // The reading without hidden lines is spelled in the same pass: folding keeps every line break where it was, and no
  // word, pair or line end of a kept line depends on the hidden ones but across the gap they leave, which the pass joins.
  const shown = /::|^\s*#\+|^\s*:[A-Za-z_-]+:\s*$/m.test(raw) ? { hidden: hiddenLines(raw.split(/\r?\n/)), words: [] } : undefined;
  const { plain, keyed } = spelled(folded, PLAIN | KEYED, tasks ? lineEnds : undefined, words, pairs, shown);
  const readings = [plain, keyed];
  if (shown) readings.push(spaced(shown.words));
  if (/%[0-9A-Fa-f]{2}/.test(raw)) readings.push(spelled(fold(decodePercents(raw)), PLAIN, undefined, words, pairs).plain);
  return { words, lineEnds, taskStarts: tasks ? taskStarts(raw.split(/\r?\n/)) : new Set(), readings, pairs };
}

/** Whether the note spells these words one after another in one of its readings. */
export function spells(note: NoteText, words: string[]): boolean {
  if (!mayAdjoin(note.pairs, words)) return false;
  const wanted = phrase(words);
  return note.readings.some((reading) => reading.includes(wanted));
}
