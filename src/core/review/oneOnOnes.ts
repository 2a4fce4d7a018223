import type { DailyNote } from '../journal';
import type { Target, TargetCatalog } from '../links/targets';

/**
 * People met one to one, as engineering leads log them: a block that names a
 * 1:1 and little else (`#Marek one to one`, `#Nadia [[1:1]]`,
 * `[[Bram Vollers]] #meeting/1:1`, `1:1 with [[Tomas]] / [[kiran]]`). Whom
 * such a block names is a person, whether or not the graph has a page that says
 * so. A block saying more (`1:1 with Ana about [[Atlas]]`) names a topic as well
 * as a person, so it decides nothing.
 */
const MARKER = /(?:^|[\s#[/(])(?:1:1s?|1-1s?|1on1s?|one[ -](?:to|on)[ -]one|o3)(?=$|[\s\]).,:])/iu;
/** Link or tag names that are the marker itself, or its date, not whom it is with. */
const MARKER_NAME = /^(?:meeting(?:\/.*)?|1|1:1s?|1-1s?|1on1s?|one[ -](?:to|on)[ -]one|o3)$|^\d{4}[-_/.]\d{1,2}(?:[-_/.]\d{1,2})?$/iu;
const FILLER = new Set(['with', 'and', 'meeting', 'sync', 'weekly', 'catch', 'up', 'catch-up', 'checkin', 'check-in', 'my', 'our', 'first', 'monthly']);
/** Words a 1:1 block may hold besides its marker, names and fillers. */
const MAX_OTHER_WORDS = 0;

function isOneOnOne(text: string): boolean {
  if (!MARKER.test(text)) return false;
  const words = text
    .replace(/#\[\[[^\]]*\]\]|\[\[[^\]]*\]\]|(?:^|\s)#[^\s#]+/gu, ' ')
    .replace(new RegExp(MARKER.source, 'giu'), ' ')
    .split(/[\s/&·,:;()+|–—-]+/u)
    .filter((word) => word !== '' && !FILLER.has(word.toLowerCase()));
  return words.length <= MAX_OTHER_WORDS;
}

/** The identities (`Target.key`) of the people the period's notes log a 1:1 with. Call `catalog.prepare` first. */
export function oneOnOnePeople(notes: DailyNote[], catalog: TargetCatalog, days: Set<string>): Set<string> {
  const people = new Set<string>();
  const consider = (target: Target, name: string) => {
    // A link to the day (`[[Apr 4th, 2022]]`) dates the 1:1; it is nobody.
    if (MARKER_NAME.test(name.trim()) || target.project || (target.path !== null && days.has(target.path))) return;
    // A note that says it is something else (a topic note) keeps its kind.
    if (target.kind === 'other' || (target.kind === 'topic' && target.path === null) || target.kind === 'person') people.add(target.key);
  };
  for (const { note } of notes) {
    for (const block of note.blocks) {
      if (!isOneOnOne(block.text)) continue;
      for (const link of block.links) if (!link.embed && link.target !== '') consider(catalog.lookup(link.target), link.target);
      for (const tag of block.tags) consider(catalog.lookupTag(tag), tag);
    }
  }
  return people;
}
