import type { Block } from './parseNote';
import { TASK_MARKER } from './tokens';

/** A block's name as sections are matched by it (see `blockName`), worked out once when the note is parsed. */
export function sectionName(block: Block): string {
  return block.name;
}

/** The indices of a block's descendants. */
export function descendants(blocks: Block[], index: number): number[] {
  const out: number[] = [];
  for (let i = index + 1; i < blocks[index].end; i++) out.push(i);
  return out;
}

export function children(blocks: Block[], index: number): number[] {
  return descendants(blocks, index).filter((i) => blocks[i].parent === index);
}

export function ancestors(blocks: Block[], index: number): number[] {
  const out: number[] = [];
  for (let p = blocks[index].parent; p !== -1; p = blocks[p].parent) out.push(p);
  return out;
}

export function isUnder(blocks: Block[], index: number, test: (name: string) => boolean): boolean {
  return ancestors(blocks, index).some((a) => test(sectionName(blocks[a])));
}

/** Placeholder entries people leave in a template section: "none", "n/a", "-". */
export function isPlaceholder(text: string): boolean {
  return /^\s*(?:none|n\/?a|nothing|nil|no incidents?|tbd|-|—|…|\.\.\.)?\s*[.!]?\s*$/i.test(text);
}

const FIELDS_ONLY = /^[\p{L}\p{N}_][\p{L}\p{N}_ -]*::/u;

/**
 * A block's quote with its parent in front when the block means little alone:
 * a property line (`people:: [[Priya]]`) or a short outliner bullet under a
 * plain bullet (`Topics › [[Query planning]]`).
 */
/** A line that only names pages (`[[Retrieval]], [[Course design]]`, `#a #b`): it says what its parent is about, not what happened. */
function onlyNames(text: string): boolean {
  return text.includes('[[') || text.includes('#') ? text.replace(/#?\[\[[^\]]*\]\]|#[^\s#,;]+/gu, '').replace(/[\s,;.·|/&+-]+/gu, '') === '' : false;
}

export function quoteInContext(blocks: Block[], index: number): string {
  const block = blocks[index];
  const quote = block.task ? taskText(block) : block.quote;
  if (block.parent === -1) return quote;
  const parent = blocks[block.parent];
  const fieldsOnly = FIELDS_ONLY.test(block.text);
  if (fieldsOnly || (parent.kind === 'item' && (block.text.length < 30 || onlyNames(block.text)))) return `${parent.quote} › ${quote}`;
  return quote;
}

/**
 * A task's markdown without its checkbox or TODO marker. A checkbox written after a
 * Logseq keyword (`DONE [ ] Book the room`, from a vault kept in two apps) goes too:
 * the keyword says the state, as Logseq reads it.
 */
export function taskText(block: Block): string {
  const rest = block.quote.replace(TASK_MARKER, '');
  return /^[A-Z]/.test(block.quote) ? rest.replace(LEFTOVER_CHECKBOX, '') : rest;
}

const LEFTOVER_CHECKBOX = /^\[[^\]\n]\]\s+/;

/**
 * What a bare task keyword (`- DONE` over bullets, its `:LOGBOOK:` aside) did: its
 * child bullets, one line ("fixed the token; reset the cache"). Empty when none has words.
 */
export function toldByChildren(blocks: Block[], index: number): string {
  const lines: string[] = [];
  for (let c = index + 1; c < blocks[index].end; c++) if (blocks[c].parent === index && !isPlaceholder(blocks[c].text)) lines.push(blocks[c].quote);
  return lines.join('; ');
}
