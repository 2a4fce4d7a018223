import type { DailyNote } from '../journal';
import type { TargetCatalog } from '../links/targets';
import type { Block } from '../note/parseNote';

/** Days a tag must open, and the share of the period's days: a habit, not one day's subject. */
const MIN_DAYS = 3;

/** The day's first line of the owner's own (not a property or an empty bullet). */
function firstLine(blocks: Block[]): Block | undefined {
  return blocks.find((b) => b.text.trim() !== '' && !(Object.keys(b.fields).length > 0 && b.links.length === 0 && b.tags.length === 0));
}

/** A day's opening lone tag, read once per daily note: a rebuild lets a note's blocks go once its review is built, and its month, quarter and year ask again. */
const openingTags = new WeakMap<DailyNote, string | null>();

export function openingTag(daily: DailyNote): string | null {
  let tag = openingTags.get(daily);
  if (tag === undefined) {
    const first = firstLine(daily.note.blocks);
    tag = first ? loneTag(first) : null;
    openingTags.set(daily, tag);
  }
  return tag;
}

/** A line that is one tag and nothing else: `#pj`, `- #pj`, `#[[gratitude journaling]]`. */
function loneTag(block: Block): string | null {
  if (block.tags.length !== 1 || block.links.length !== 0 || block.task) return null;
  return block.text.replace(/#\[\[[^\]]*\]\]|#[^\s#]+/gu, '').replace(/[\s:,;.–—-]+/gu, '') === '' ? block.tags[0] : null;
}

/**
 * The topics (`Target.key`) that open at least half of the period's days, and three or more, alone
 * on the day's first line: `- #pj` with the day's private entry under it says what kind of entry the
 * day is, as a template's tag does, not what it is about. A tag the owner writes about in the day's
 * lines, however often, is not one; nor is a person's or a project's page.
 */
export function openingTagTopics(notes: DailyNote[], catalog: TargetCatalog): Set<string> {
  const days = new Map<string, number>();
  for (const daily of notes) {
    const tag = openingTag(daily);
    if (tag === null) continue;
    const target = catalog.lookupTag(tag);
    if (target.kind !== 'topic' || target.project) continue;
    days.set(target.key, (days.get(target.key) ?? 0) + 1);
  }
  return new Set([...days].filter(([, count]) => count >= MIN_DAYS && count * 2 >= notes.length).map(([key]) => key));
}
