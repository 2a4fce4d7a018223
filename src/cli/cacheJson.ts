import { createHash } from 'node:crypto';
import { cacheReplacer, parseCacheJson } from '../core/cacheValues';

/** The text of a cache file: the value's JSON after a line holding the hash of that JSON, so a damaged or hand-made file is noticed. */
export function sealedJson(value: unknown): string {
  const json = JSON.stringify(value, cacheReplacer);
  return `${digest(json)}\n${json}`;
}

/**
 * The value of a file `sealedJson` wrote; null when the file is anything else
 * (damaged, cut short, hand-edited, older). Given the file's bytes, their hash
 * is taken as they are: the JSON's UTF-8 is what was hashed when it was sealed
 * (JSON.stringify leaves no lone surrogate), and a large cache file's text is
 * then not encoded back to UTF-8 just to be hashed (the listing of a vault of
 * 25,000 notes is 600 kB, read on every warm run).
 */
export function unsealJson(file: string | Buffer): unknown {
  const newline = file.indexOf('\n');
  if (newline !== 40) return null;
  const sealedWith = typeof file === 'string' ? file.slice(0, newline) : file.toString('latin1', 0, newline);
  const json = typeof file === 'string' ? file.slice(newline + 1) : file.subarray(newline + 1);
  if (digest(json) !== sealedWith) return null;
  try {
    return parseCacheJson(typeof json === 'string' ? json : json.toString('utf8'));
  } catch {
    return null;
  }
}

function digest(text: string | Buffer): string {
  return createHash('sha1').update(text).digest('hex');
}
