import { createHash } from 'node:crypto';
import { cacheReplacer, parseCacheJson } from '../core/cacheValues';

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
    return parseCacheJson(json);
  } catch {
    return null;
  }
}

function digest(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
