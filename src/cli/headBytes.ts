/**
 * What a note's head holds, told from its bytes before they are decoded:
 * whether readFrontmatter can find anything in it. Each rule errs only one
 * way: "nothing here" is said only when the decoded text has nothing either.
 * Bytes here are UTF-8 without a byte order mark (the caller refuses the others).
 */

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const DASH = 0x2d;
const COLON = 0x3a;

/** Whether the bytes open with frontmatter's fence as readFrontmatter takes it: `---`, then spaces or tabs, then a line break. */
export function opensFence(bytes: Uint8Array): boolean {
  if (bytes[0] !== DASH || bytes[1] !== DASH || bytes[2] !== DASH) return false;
  let at = 3;
  while (bytes[at] === SPACE || bytes[at] === TAB) at++;
  return bytes[at] === LF || bytes[at] === CR;
}

/** A byte no trim removes and no multi-byte character holds: printable ASCII, or a control that is not white space. */
function settles(byte: number): boolean {
  return byte < 0x80 && byte !== SPACE && (byte < TAB || byte > CR);
}

/**
 * Whether a Logseq page's first block may hold properties (`key:: value`; see
 * pageProperties): only the first line that is not blank can start them, and
 * a line without `::` is none. Lines of white space are looked past, and so is
 * a line that might be blank by Unicode's reckoning (white space beyond ASCII),
 * as long as none of them holds `::`. `whole`: the bytes are the whole note;
 * otherwise they end at a line break, and running out of lines settles nothing.
 */
export function firstBlockMayHoldProperties(bytes: Uint8Array, whole: boolean): boolean {
  let at = 0;
  while (at < bytes.length) {
    let end = bytes.indexOf(LF, at);
    if (end === -1) end = bytes.length;
    let settled = false;
    for (let i = at; i < end; i++) {
      const byte = bytes[i];
      if (byte === COLON && i + 1 < end && bytes[i + 1] === COLON) return true;
      if (!settled && settles(byte)) settled = true;
    }
    if (settled) return false;
    at = end + 1;
  }
  return !whole;
}

/**
 * Whether a head holds nothing readFrontmatter reads, told from its bytes: no
 * opening fence, and with page properties (a Logseq graph) no `::` on the first
 * line of the first block (`:` is never part of another character in UTF-8).
 */
export function headIsBlank(bytes: Uint8Array, whole: boolean, pageProperties: boolean): boolean {
  return !opensFence(bytes) && (!pageProperties || !firstBlockMayHoldProperties(bytes, whole));
}
