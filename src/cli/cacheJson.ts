import { createHash } from 'node:crypto';

/**
 * JSON for the cache that gives back what it was given: plain JSON turns
 * NaN and ±Infinity into null and -0 into 0, so a note whose frontmatter holds
 * `.nan` would read differently from the cache than from the file.
 */
const NUMBER_TAG = '\u0000number:';

export function cacheReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) return NUMBER_TAG + String(Object.is(value, -0) ? '-0' : value);
  // A string that looks like a tag is kept apart from one, so no note's text can pass for a number.
  if (typeof value === 'string' && value.startsWith('\u0000')) return '\u0000' + value;
  return value;
}

export function cacheReviver(_key: string, value: unknown): unknown {
  if (typeof value !== 'string' || !value.startsWith('\u0000')) return value;
  if (value.startsWith(NUMBER_TAG)) return Number(value.slice(NUMBER_TAG.length));
  return value.slice(1);
}

/** The text of a cache file: the value's JSON after a line holding the hash of that JSON, so a damaged or hand-made file is noticed. */
export function sealedJson(value: unknown): string {
  const json = JSON.stringify(value, cacheReplacer);
  return `${digest(json)}\n${json}`;
}

/** The value of a file `sealedJson` wrote; null when the file is anything else (damaged, cut short, hand-edited, older). */
export function unsealJson(text: string): unknown {
  const newline = text.indexOf('\n');
  if (newline !== 40) return null;
  const json = text.slice(newline + 1);
  if (digest(json) !== text.slice(0, newline)) return null;
  try {
    // The reviver costs a third of the parse: only text holding a tagged value needs it.
    return (json.includes('\\u0000') ? JSON.parse(json, cacheReviver) : JSON.parse(json)) as unknown;
  } catch {
    return null;
  }
}

function digest(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
