import type { Frontmatter } from './frontmatter';

/**
 * Logseq's page properties: the `key:: value` lines of a page's first block
 * (written at the very top, with or without a bullet), which Logseq reads as
 * Obsidian reads YAML frontmatter (`tags:: #Person, #developer`,
 * `alias:: @ana`, `type:: [[Person]]`). A value naming pages (`[[X]]`, `#X`,
 * `#[[X Y]]`) is the list of those pages; any other value is kept as written
 * (`stringList` splits it at commas, as Logseq does for tags and aliases).
 */
const PROPERTY = /^([\p{L}\p{N}_][\p{L}\p{N}_-]*)::(?:[ \t]+(.*?))?[ \t]*$/u;
const PAGE_REF = /#\[\[([^[\]\n]+)\]\]|\[\[([^[\]\n]+)\]\]|(?:^|[\s,])#([^\s#,[\]]+)/gu;
/** Properties are a few lines; past these the block is a page, not a header. */
const MAX_LINES = 100;

export function pageProperties(body: string): Frontmatter {
  const data: Frontmatter = {};
  let at = 0;
  // Blank lines before the first block are nothing.
  while (at < body.length && (body[at] === '\n' || body[at] === '\r' || body[at] === ' ' || body[at] === '\t')) {
    const newline = body.indexOf('\n', at);
    if (newline === -1 || body.slice(at, newline).trim() !== '') break;
    at = newline + 1;
  }
  for (let lines = 0; at < body.length && lines < MAX_LINES; lines++) {
    const newline = body.indexOf('\n', at);
    const raw = body.slice(at, newline === -1 ? body.length : newline).replace(/\r$/, '');
    // The first line may carry the bullet of the block (`- tags:: person`); later lines are its continuation.
    const line = (lines === 0 ? raw.replace(/^\s*[-*+]\s+/, '') : raw).trim();
    const match = PROPERTY.exec(line);
    if (!match) break;
    const key = match[1].toLowerCase();
    if (!(key in data)) data[key] = propertyValue(match[2] ?? '');
    if (newline === -1) break;
    at = newline + 1;
  }
  return data;
}

function propertyValue(value: string): unknown {
  if (!value.includes('[[') && !value.includes('#')) return value;
  const pages: string[] = [];
  for (const match of value.matchAll(PAGE_REF)) pages.push((match[1] ?? match[2] ?? match[3]).trim());
  return pages.length ? pages : value;
}
