/**
 * Makes a note's body safe for the markdown parser, whose cost grows faster
 * than the text on some hostile shapes (measured with remark-parse 11: a list
 * nested 500 deep takes tens of seconds, 4,000 nested brackets seconds), and
 * keeps link reference definitions from turning `[[x]]` into a reference.
 * Every change is reported as a problem of the note, except the definitions,
 * which hold no mentions. Line numbers never change.
 */

/** Notes beyond this are cut at a line end: a daily note is never this long, and the parser's time grows with it. */
export const MAX_NOTE_CHARS = 1_048_576;
/** Deeper container nesting (list markers, `>`, indentation) is flattened to this depth. */
export const MAX_NESTING = 32;
/** Indentation beyond this many columns is cut: nesting is read up to about 32 levels of two spaces. */
export const MAX_INDENT = 64;
/** Brackets nested deeper than this on one line are text: links need two levels, Logseq's `[a]([[b]])` three. */
export const MAX_BRACKETS = 8;

/**
 * Past this many brackets in a run of lines (a paragraph or list without a
 * blank line) the parser sees them all as text: remark's time grows with the
 * square of their number (20,000 `[a] ` take seconds). Links are read from
 * the source all the same; only the rendered text keeps the brackets.
 */
export const MAX_BRACKETS_PARSED = 2000;

/** Stand-ins of the same length for brackets made text, mapped back by `restoreDefused`. */
const OPEN = '\uE000';
const CLOSE = '\uE001';

export interface Defused {
  text: string;
  problems: string[];
}

const WIKI_LINK = /\[\[[^[\]\n]+?\]\]/g;
/** A whole-line definition as CommonMark reads one: label, destination, optional title, nothing else. A footnote (`[^1]:`) is none. */
const DEFINITION = /^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*(?:<[^>\n]*>|[^\s<]\S*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$/;
/** A footnote definition's label: `[^1]:`. */
const FOOTNOTE = /^( {0,3})\[(\^[^\]\n]+)\]:/;

export function defuse(body: string): Defused {
  const problems: string[] = [];
  let text = body;
  if (text.length > MAX_NOTE_CHARS) {
    const cut = text.lastIndexOf('\n', MAX_NOTE_CHARS);
    text = text.slice(0, cut > 0 ? cut : MAX_NOTE_CHARS);
    problems.push(`is longer than ${MAX_NOTE_CHARS.toLocaleString('en')} characters; only the first ${text.length.toLocaleString('en')} were read`);
  }
  const lines = text.split('\n');
  let flattened = 0;
  let bracketLines = 0;
  let previousBlank = true;
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n];
    // Foam and others write `[x]: x.md` definitions; without them `[[x]]` stays a wiki link to the parser.
    if (previousBlank && line.includes(']:') && DEFINITION.test(line)) {
      lines[n] = '';
      continue;
    }
    previousBlank = line.trim() === '';
    // Without footnote support the parser would take `[^1]: text` for a definition and drop the text; its label made text, it is a paragraph.
    const footnote = FOOTNOTE.exec(line);
    if (footnote) line = footnote[1] + OPEN + footnote[2] + CLOSE + ':' + line.slice(footnote[0].length);
    const prefix = flattenPrefix(line);
    if (prefix !== line) {
      line = prefix;
      flattened++;
    }
    if (line.includes('[')) {
      const capped = capBrackets(line);
      if (capped !== line) bracketLines++;
      // Wiki links are read from the source, never from the parser, which spends far longer on brackets than on text.
      line = capped.includes('[[') ? capped.replace(WIKI_LINK, (link) => OPEN + OPEN + link.slice(2, -2) + CLOSE + CLOSE) : capped;
    }
    lines[n] = line;
  }
  bracketsAsText(lines);
  if (flattened) problems.push(`nests lists or quotes deeper than ${MAX_NESTING} levels on ${flattened} line(s); deeper lines are read at that depth`);
  if (bracketLines) problems.push(`nests brackets deeper than ${MAX_BRACKETS} on ${bracketLines} line(s); the deeper brackets are read as text`);
  return { text: lines.join('\n'), problems };
}

function bracketsAsText(lines: string[]): void {
  let start = 0;
  let count = 0;
  for (let n = 0; n <= lines.length; n++) {
    const line = n < lines.length ? lines[n] : '';
    if (line.trim() === '') {
      if (count > MAX_BRACKETS_PARSED) {
        for (let k = start; k < n; k++) lines[k] = lines[k].replace(/\[/g, OPEN).replace(/\]/g, CLOSE);
      }
      start = n + 1;
      count = 0;
      continue;
    }
    for (let i = line.indexOf('['); i !== -1; i = line.indexOf('[', i + 1)) count++;
  }
}

/** Puts back the brackets `defuse` made text, for what readers see (quotes, names). */
export function restoreDefused(text: string): string {
  return text.includes(OPEN) || text.includes(CLOSE) ? text.replace(/\uE000/g, '[').replace(/\uE001/g, ']') : text;
}

/**
 * The line with its container prefix (indentation, `>` and list markers)
 * flattened: indentation past MAX_INDENT columns and markers past MAX_NESTING
 * are dropped. A line within both limits comes back unchanged.
 */
function flattenPrefix(line: string): string {
  // A blank line nests nothing; a long `%%comment%%` is blanked to spaces before it gets here.
  if (line.trim() === '') return line;
  let columns = 0;
  let markers = 0;
  let out = '';
  let changed = false;
  let afterMarker = false;
  let dropping = false;
  let i = 0;
  while (i < line.length) {
    let end = i;
    while (end < line.length && (line[end] === ' ' || line[end] === '\t')) end++;
    if (end > i) {
      const run = line.slice(i, end);
      const width = run.length + 3 * (run.split('\t').length - 1);
      if (dropping) changed = true;
      else if (columns + width <= MAX_INDENT) {
        out += run;
        columns += width;
      } else {
        // Past the limit only the one space a marker needs is kept.
        out += afterMarker ? ' ' : ' '.repeat(Math.max(0, MAX_INDENT - columns));
        columns = MAX_INDENT;
        changed = true;
      }
      i = end;
      continue;
    }
    const marker = /^(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))/.exec(line.slice(i, i + 11));
    if (!marker) break;
    markers++;
    dropping = markers > MAX_NESTING;
    if (!dropping) out += marker[0];
    else changed = true;
    afterMarker = true;
    i += marker[0].length;
  }
  return changed ? out + line.slice(i) : line;
}

/** Brackets beyond MAX_BRACKETS deep become stand-ins; a line with none that deep comes back unchanged. */
function capBrackets(line: string): string {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '[') deepest = Math.max(deepest, ++depth);
    else if (c === ']' && depth > 0) depth--;
  }
  if (deepest <= MAX_BRACKETS) return line;
  let out = '';
  depth = 0;
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '[') {
      depth++;
      if (depth > MAX_BRACKETS) {
        out += line.slice(from, i) + OPEN;
        from = i + 1;
      }
    } else if (c === ']' && depth > 0) {
      if (depth > MAX_BRACKETS) {
        out += line.slice(from, i) + CLOSE;
        from = i + 1;
      }
      depth--;
    }
  }
  return out + line.slice(from);
}
