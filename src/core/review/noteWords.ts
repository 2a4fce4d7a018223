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

/**
 * Word hashes gathered by one pass, then made a set (`hashSet`): a note's
 * words are kept as their hashes only, never as strings, and never joined
 * into readings; spelling the earlier notes built ~100 MB of strings per
 * yearly review, and joining them was a seventh of its time.
 */
class Hashes {
  values = new Uint32Array(1024);
  count = 0;

  add(hash: number): void {
    if (this.count === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = hash;
  }
}

/** Where one pass puts what it reads; each is optional, and a pass reads into those given only. */
interface Sinks {
  /** The hashes of the words of every reading spelled. */
  words?: Hashes;
  /** Neighbouring words of every reading, as a filter (`markPair`). */
  pairs?: Uint8Array;
  /** Of the keyed reading: the last word and the last two before each line break (the text's last ones so far, when a line has none). */
  lineEnds?: Hashes;
  /** Which lines the reading without hidden lines leaves out (`hiddenLines`): its words' pairs and line ends are read too. */
  hidden?: Uint8Array;
  /** The plain reading's words as strings: only the names and tasks asked about need them (`wordsOf`). */
  plainWords?: string[];
  /** The keyed reading's first word's hash and its first two words' (`pairKey`), filled as far as it has words: a task's opening. */
  firsts?: number[];
}

/**
 * Spells `folded` in each reading asked for (`PLAIN`, `KEYED`, both) into the
 * sinks given: the folded words, neighbouring pairs, line ends. A word may be
 * split by dropped marks (`wo` + `rd`); its pieces make it. One pass over the
 * char codes, through a table, each word's hash (`hashOf`) taken as its
 * characters are read: spelling the earlier notes was most of a cold yearly
 * review's worker time. The readings part only at a key mark, which ends the
 * plain reading's word and is dropped from the keyed one's.
 */
function spelled(folded: string, want: number, sinks: Sinks): void {
  // No closures over the loop's variables: V8 keeps a variable a closure shares in memory, not a register.
  const plain = (want & PLAIN) !== 0;
  const keyed = (want & KEYED) !== 0;
  const { words, pairs, lineEnds, hidden, plainWords, firsts } = sinks;
  const n = folded.length;
  // How many kept characters the word being read has in each reading, and its text (only for `plainWords`).
  let plainLength = 0;
  let keyedLength = 0;
  let plainWord = '';
  let run = -1;
  let plainHash = FNV_OFFSET;
  let keyedHash = FNV_OFFSET;
  let plainCount = 0;
  let plainLast = 0;
  let plainBefore = 0;
  // Each reading's last word and the one before it, and how many words it has so far.
  let keyedCount = 0;
  let keyedLast = 0;
  let keyedBefore = 0;
  let keptCount = 0;
  let keptLast = 0;
  let keptBefore = 0;
  let line = 0;
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
      plainLength++;
      keyedLength++;
      continue;
    }
    if (run !== -1 && plainWords !== undefined) plainWord += folded.slice(run, i);
    run = -1;
    if (wide) i++;
    // A combining mark is dropped from both readings; every other character not kept is a space, but a key mark to the keyed reading.
    if (kind !== SPACE) continue;
    if (plainLength > 0) {
      if (plain) {
        const done = finished(plainHash);
        words?.add(done);
        if (pairs && plainCount > 0) markNeighbours(pairs, plainCount, plainBefore, plainLast, done);
        plainBefore = plainLast;
        plainLast = done;
        plainCount++;
        plainWords?.push(plainWord);
      }
      plainWord = '';
      plainLength = 0;
      plainHash = FNV_OFFSET;
    }
    if (code < 128 && KEY_MARKS[code] === 1) continue;
    if (keyedLength > 0) {
      if (keyed) {
        const done = finished(keyedHash);
        words?.add(done);
        if (pairs && keyedCount > 0) markNeighbours(pairs, keyedCount, keyedBefore, keyedLast, done);
        keyedBefore = keyedLast;
        keyedLast = done;
        keyedCount++;
        if (firsts !== undefined && keyedCount <= 2) firsts.push(keyedCount === 1 ? done : pairKey(keyedBefore, done));
        if (hidden !== undefined && hidden[line] === 0) {
          if (pairs && keptCount > 0) markNeighbours(pairs, keptCount, keptBefore, keptLast, done);
          keptBefore = keptLast;
          keptLast = done;
          keptCount++;
        }
      }
      keyedLength = 0;
      keyedHash = FNV_OFFSET;
    }
    if (keyed && (code === 10 || i >= n)) {
      if (lineEnds && keyedCount > 0) {
        lineEnds.add(keyedLast);
        if (keyedCount > 1) lineEnds.add(pairKey(keyedBefore, keyedLast));
      }
      // A kept line ends its reading's line too (at a line break, or at the end when it is the last kept).
      if (hidden !== undefined && hidden[line] === 0 && lineEnds && keptCount > 0) {
        lineEnds.add(keptLast);
        if (keptCount > 1) lineEnds.add(pairKey(keptBefore, keptLast));
      }
      line++;
    }
  }
}

/** Bits of a note's filter of the words that stand next to each other in one of its readings. */
const PAIR_BITS = 1 << 14;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** A word's hash once its last character is read: never 0, which a set of hashes keeps for an empty slot. */
function finished(hash: number): number {
  return hash >>> 0 || 1;
}

/** FNV-1a over a word's char codes, as `spelled` takes it. */
export function hashOf(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  return finished(hash);
}

/** One pair of words' hashes mixed: the two bits it sets come from it (a Bloom filter: a pair absent leaves a bit clear, nearly always). */
function pairMix(first: number, second: number): number {
  return Math.imul(first ^ Math.imul(second, 0x9e3779b1), 0x85ebca6b) >>> 0;
}

/** Two words, one after the other, as one entry of a set of hashes (a line's last two words, a task's first two). */
export function pairKey(first: number, second: number): number {
  return pairMix(first, second) || 1;
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

/**
 * A word read after `count` others in its reading: it and the last one are a pair, and with the
 * one before that a run of three (a pair of the first two's `pairKey` and it). Runs of three keep
 * a long task's words, each pair of which other lines hold too, from passing the filter everywhere.
 */
function markNeighbours(pairs: Uint8Array, count: number, before: number, last: number, word: number): void {
  markPair(pairs, last, word);
  if (count > 1) markPair(pairs, pairKey(before, last), word);
}

function marked(pairs: Uint8Array, first: number, second: number): boolean {
  const mixed = pairMix(first, second);
  const a = mixed % PAIR_BITS;
  const b = secondBit(mixed);
  return (pairs[a >> 3] & (1 << (a & 7))) !== 0 && (pairs[b >> 3] & (1 << (b & 7))) !== 0;
}

/** False when some two or three words (hashes) of these in a row never stand so in any of the note's readings: then no reading spells them. */
function mayAdjoin(pairs: Uint8Array, words: ArrayLike<number>): boolean {
  for (let i = 1; i < words.length; i++) {
    if (!marked(pairs, words[i - 1], words[i])) return false;
    if (i > 1 && !marked(pairs, pairKey(words[i - 2], words[i - 1]), words[i])) return false;
  }
  return true;
}

/** A set of none, shared: two slots, both empty. */
const NO_HASHES = new Uint32Array(2);

/**
 * The hashes gathered as a set: an open-addressed table (0 an empty slot) more
 * than half again as large as the hashes put in, repeats and all, so it is never full.
 */
function hashSet(hashes: Hashes): Uint32Array {
  if (hashes.count === 0) return NO_HASHES;
  let size = 2;
  while (size < hashes.count + (hashes.count >> 1) + 1) size <<= 1;
  const table = new Uint32Array(size);
  const shift = Math.clz32(size) + 1;
  const mask = size - 1;
  for (let i = 0; i < hashes.count; i++) {
    const hash = hashes.values[i];
    let slot = Math.imul(hash, 0x9e3779b1) >>> shift;
    while (table[slot] !== 0 && table[slot] !== hash) slot = (slot + 1) & mask;
    table[slot] = hash;
  }
  hashes.count = 0;
  return table;
}

/** Whether a set of hashes (`hashSet`) holds this one. */
export function hasHash(table: Uint32Array, hash: number): boolean {
  const mask = table.length - 1;
  let slot = Math.imul(hash, 0x9e3779b1) >>> (Math.clz32(table.length) + 1);
  for (;;) {
    const held = table[slot];
    if (held === hash) return true;
    if (held === 0) return false;
    slot = (slot + 1) & mask;
  }
}

/** The folded words of a name, a project or a task's text. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  spelled(fold(text), PLAIN, { plainWords: words });
  return words;
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
function taskStarts(lines: string[], starts: Hashes): void {
  const firsts: number[] = [];
  const add = (text: string) => {
    firsts.length = 0;
    spelled(fold(text), KEYED, { firsts });
    for (const first of firsts) starts.add(first);
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
}

/**
 * A raw note as searched: its words, as hashes (`hashOf`), and which of them
 * stand next to each other. Each set is an open-addressed table (`hasHash`): a
 * plain object of typed arrays, which a worker thread hands over in one copy.
 */
export interface NoteText {
  words: Uint32Array;
  /** The last word and last two words of each line (`pairKey`), read as task keys compare: a task's text ends a line. */
  lineEnds: Uint32Array;
  /** The first word and first two words after each task opening: a task's text starts so. */
  taskStarts: Uint32Array;
  /**
   * Which words stand next to each other in a reading, as a filter: most names
   * and tasks asked of a note have all their words in it but not in a row
   * (`Topic 7` in a note with a 7 % and a topic). A filter passes some pairs
   * the note never spells (one in a few hundred); the note is then parsed to
   * no avail, as one whose words cannot be known is: the search of earlier
   * notes parses every note it picks before it says anything of it.
   */
  pairs: Uint8Array;
}

/** What one note is spelled into, reused from note to note: noteText never runs inside another. */
const WORDS = new Hashes();
const LINE_ENDS = new Hashes();
const TASK_STARTS = new Hashes();

/**
 * The raw note's words, or null when its parsed form may hold words its raw
 * text does not spell (then it must be parsed to know). Links are read as
 * written (`a_b` is two words), task and project text as their keys compare it
 * (`foo_bar` is one), without hidden lines, and links once more with `%20` decoded.
 * `tasks` false: for a search of names only, which reads no line end or task opening, both left empty.
 */
export function noteText(raw: string, tasks = true): NoteText | null {
  if (OPAQUE.test(raw)) return null;
  const pairs = new Uint8Array(PAIR_BITS / 8);
  // The reading without hidden lines is spelled in the same pass: folding keeps every line break where it was, and no
  // word, pair or line end of a kept line depends on the hidden ones but across the gap they leave, which the pass joins.
  const hides = /::|^\s*#\+|^\s*:[A-Za-z_-]+:\s*$/m.test(raw);
  // Split once, for the hidden lines and the task openings both.
  const lines = hides || tasks ? raw.split(/\r?\n/) : [];
  spelled(fold(raw), PLAIN | KEYED, { words: WORDS, pairs, ...(tasks ? { lineEnds: LINE_ENDS } : {}), hidden: hides ? hiddenLines(lines) : undefined });
  if (/%[0-9A-Fa-f]{2}/.test(raw)) spelled(fold(decodePercents(raw)), PLAIN, { words: WORDS, pairs });
  if (tasks) taskStarts(lines, TASK_STARTS);
  return { words: hashSet(WORDS), lineEnds: hashSet(LINE_ENDS), taskStarts: hashSet(TASK_STARTS), pairs };
}

/**
 * Whether the note may spell these words one after another: it has each, and
 * each two of them neighbour in one of its readings, as far as its filter
 * tells. True whenever the note spells them; now and then when it does not.
 */
export function maySpell(note: NoteText, words: ArrayLike<number>): boolean {
  for (let i = 0; i < words.length; i++) if (!hasHash(note.words, words[i])) return false;
  return mayAdjoin(note.pairs, words);
}
