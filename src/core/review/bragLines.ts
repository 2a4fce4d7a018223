import { foldName } from '../links/targets';
import type { Block, NoteModel } from '../note/parseNote';
import { descendants, taskText } from '../note/outline';
import type { BragSettings } from '../settings';
import { isEmptyLine } from './projects';

/** The brag sections a line of a daily note can feed, besides projects and incidents. */
export type BragKind = 'highlight' | 'collaboration' | 'design';

export interface BragLine {
  kind: BragKind;
  index: number;
  text: string;
}

interface Matcher {
  kind: BragKind;
  tags: Set<string>;
  sections: Set<string>;
}

const matchers = new WeakMap<BragSettings, Matcher[]>();

function matchersOf(brag: BragSettings): Matcher[] {
  let known = matchers.get(brag);
  if (!known) {
    const words = (list: string[]) => new Set(list.map(foldName));
    known = [
      { kind: 'highlight', tags: words(brag.highlightTags), sections: words(brag.highlightSections) },
      { kind: 'collaboration', tags: words(brag.collaborationTags), sections: words(brag.collaborationSections) },
      { kind: 'design', tags: words(brag.designTags), sections: words(brag.designSections) },
    ];
    matchers.set(brag, known);
  }
  return known;
}

/** `#win/big` is a win: a nested tag counts by its first part. */
function tagWord(tag: string): string {
  return foldName(tag.split('/')[0]);
}

/** The block's text as a brag line shows it: without the tag that put it there (`#win` says nothing in a list of wins). */
function lineText(block: Block, tags: Set<string>): string {
  const text = block.task ? taskText(block) : block.quote;
  return text
    .replace(/(^|\s)#([\p{L}\p{N}_/-]+)/gu, (whole, space: string, tag: string) => (tags.has(tagWord(tag)) ? space : whole))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The lines of a note that feed the brag sections: a block tagged with one of
 * the kind's tags, or a direct child of a section (heading or parent bullet)
 * with one of its names. Details nested deeper belong to their line.
 */
export function bragLines(note: NoteModel, brag: BragSettings): BragLine[] {
  const { blocks } = note;
  const out: BragLine[] = [];
  const all = matchersOf(brag);
  blocks.forEach((block, index) => {
    if (isEmptyLine(block.text)) return;
    const parent = block.parent === -1 ? null : blocks[block.parent];
    const parentName = parent ? foldName(parent.name) : '';
    for (const matcher of all) {
      const tagged = block.tags.some((tag) => matcher.tags.has(tagWord(tag)));
      const underSection = parent !== null && matcher.sections.has(parentName);
      if (!tagged && !underSection) continue;
      if (block.kind === 'heading' && !tagged) continue;
      const text = lineText(block, matcher.tags);
      if (text !== '') out.push({ kind: matcher.kind, index, text });
    }
  });
  return out;
}

/**
 * A block's descendants; for a paragraph without any, the list that follows it
 * (`Started [[Book]]` then `- takeaway` lines is how sectioned notes nest).
 */
function underBlock(blocks: Block[], index: number): number[] {
  const block = blocks[index];
  const own = descendants(blocks, index);
  if (own.length || block.kind !== 'paragraph') return own;
  const out: number[] = [];
  for (let i = block.end; i < blocks.length && blocks[i].parent === block.parent && blocks[i].kind === 'item'; i = blocks[i].end) {
    out.push(i, ...descendants(blocks, i));
  }
  return out;
}

/** What is written under a block that links a note: the takeaways under a book, the notes under a design doc. */
export function writtenUnder(blocks: Block[], index: number, limit = 6): { index: number; text: string }[] {
  return underBlock(blocks, index)
    .filter((i) => !isEmptyLine(blocks[i].text))
    .slice(0, limit)
    .map((i) => ({ index: i, text: blocks[i].task ? taskText(blocks[i]) : blocks[i].quote }));
}
