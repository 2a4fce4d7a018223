import { foldName } from '../links/targets';
import type { Block, NoteModel } from '../note/parseNote';
import { taskText } from '../note/outline';
import type { BragSettings } from '../settings';
import { isEmptyLine } from './projects';

/** The brag sections a line of a daily note can feed, besides projects and incidents. */
export type BragKind = 'highlight' | 'collaboration' | 'design' | 'learning';

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
      { kind: 'learning', tags: words(brag.learningTags), sections: words(brag.learningSections) },
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
      let text = lineText(block, matcher.tags);
      // What was learned about `#flutter` is written under it: the bare label alone says nothing.
      if (matcher.kind === 'learning' && text !== '' && isBareLabel(block)) text = withWhatIsUnder(blocks, index, text);
      if (text !== '') out.push({ kind: matcher.kind, index, text });
    }
  });
  return out;
}

/** A line that only names something (`#flutter`, `[[Postgres]]`, `## Project X`): its words are the lines under it. */
export function isBareLabel(block: Block): boolean {
  return block.level > 0 || block.text.replace(/#?\[\[[^\]]*\]\]|#[^\s#]+/gu, '').replace(/[\s:,;.–—-]+/gu, '') === '';
}

/**
 * A bare label with the words written under it, compactly: `#flutter: going
 * through the videos; split view`. The first few child lines, each cut short.
 */
export function withWhatIsUnder(blocks: Block[], index: number, label: string, limit = 3): string {
  const under = writtenUnder(blocks, index, limit + 1).filter((t) => blocks[t.index].parent === index);
  if (under.length === 0) return label;
  const cut = (text: string) => (text.length > 120 ? text.slice(0, 119).trimEnd() + '…' : text);
  const shown = under.slice(0, limit).map((t) => cut(t.text));
  return `${label}: ${shown.join('; ')}${under.length > limit ? ' …' : ''}`;
}

/**
 * Up to `limit` non-empty lines written under a block: its descendants, or for
 * a paragraph without any, the list that follows it (`Started [[Book]]` then
 * `- takeaway` lines is how sectioned notes nest). Stops at the limit: a root
 * bullet of a long outline may hold thousands of blocks.
 */
export function writtenUnder(blocks: Block[], index: number, limit = 6): { index: number; text: string }[] {
  const block = blocks[index];
  const from = index + 1;
  let to = block.end;
  if (to === from && block.kind === 'paragraph') {
    // The run of list items right after the paragraph, among its siblings.
    to = from;
    while (to < blocks.length && blocks[to].parent === block.parent && blocks[to].kind === 'item') to = blocks[to].end;
  }
  const out: { index: number; text: string }[] = [];
  for (let i = from; i < to && out.length < limit; i++) {
    if (!isEmptyLine(blocks[i].text)) out.push({ index: i, text: blocks[i].task ? taskText(blocks[i]) : blocks[i].quote });
  }
  return out;
}
