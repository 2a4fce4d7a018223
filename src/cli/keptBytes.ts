/**
 * Text of a note that gives back the very same bytes when encoded again, so
 * what Daybook does not own in a review note (a Latin-1 "Café" pasted in, a
 * BOM, a cut UTF-8 sequence) is written back byte for byte.
 *
 * Valid UTF-8 is decoded as usual, a BOM included. Each byte that is not part
 * of a valid sequence becomes the lone surrogate U+DC80–U+DCFF holding it (the
 * scheme Python calls "surrogateescape"): a lone surrogate never comes out of
 * valid UTF-8, so encoding maps exactly those back to their byte.
 */
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const ESCAPE_BASE = 0xdc00;

/** Length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts none (WHATWG's rules: no overlongs, surrogates or values past U+10FFFF). */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) length = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    length = 3;
    if (b === 0xe0) low = 0xa0;
    if (b === 0xed) high = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    length = 4;
    if (b === 0xf0) low = 0x90;
    if (b === 0xf4) high = 0x8f;
  } else return 0;
  if (i + length > bytes.length) return 0;
  if (bytes[i + 1] < low || bytes[i + 1] > high) return 0;
  for (let k = 2; k < length; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return 0;
  return length;
}

export function decodeKeepingBytes(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    // Not valid UTF-8: decode the valid runs, escape each byte between them.
  }
  let text = '';
  let runStart = 0;
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceAt(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    if (i > runStart) text += strict.decode(bytes.subarray(runStart, i));
    text += String.fromCharCode(ESCAPE_BASE + bytes[i]);
    i++;
    runStart = i;
  }
  if (runStart < bytes.length) text += strict.decode(bytes.subarray(runStart));
  return text;
}

/** An escaped byte: a low surrogate U+DC80–U+DCFF that follows no high surrogate. */
const ESCAPED = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/g;

export function encodeKeptBytes(text: string): Buffer {
  ESCAPED.lastIndex = 0;
  if (!ESCAPED.test(text)) return Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  let from = 0;
  ESCAPED.lastIndex = 0;
  for (let match = ESCAPED.exec(text); match !== null; match = ESCAPED.exec(text)) {
    parts.push(Buffer.from(text.slice(from, match.index), 'utf8'), Buffer.of(text.charCodeAt(match.index) - ESCAPE_BASE));
    from = match.index + 1;
  }
  parts.push(Buffer.from(text.slice(from), 'utf8'));
  return Buffer.concat(parts);
}
