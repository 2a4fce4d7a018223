import type { DailyNote } from '../journal';
import type { NoteModel } from '../note/parseNote';
import type { Target, TargetCatalog } from '../links/targets';

/**
 * People met one to one, as engineering leads log them: a block that names a
 * 1:1 and little else (`#Marek one to one`, `#Nadia [[1:1]]`,
 * `[[Bram Vollers]] #meeting/1:1`, `1:1 with [[Tomas]] / [[kiran]]`). Whom
 * such a block names is a person, whether or not the graph has a page that says
 * so. A block saying more (`talked to [[Ana]] about the [[Atlas]] 1:1s`) names a
 * topic as well as a person, so it decides nothing, unless it opens with the meeting
 * and whom it was with (meetingWith below).
 */
const MARKER = /(?:^|[\s#[/(])(?:1:1s?|1-1s?|1on1s?|one[ -](?:to|on)[ -]one|o3)(?=$|[\s\]).,:])/iu;
/** Link or tag names that are the marker itself, or its date, not whom it is with. */
const MARKER_NAME = /^(?:meeting(?:\/.*)?|me|myself|1|1:1s?|1-1s?|1on1s?|one[ -](?:to|on)[ -]one|o3)$|^\d{4}[-_/.]\d{1,2}(?:[-_/.]\d{1,2})?$/iu;
const FILLER = new Set(['with', 'and', 'meeting', 'sync', 'weekly', 'catch', 'up', 'catch-up', 'checkin', 'check-in', 'my', 'our', 'first', 'monthly']);
/** Words a 1:1 block may hold besides its marker, names and fillers. */
const MAX_OTHER_WORDS = 0;

/** Property lines (`collapsed:: true`, `id:: …`) are Logseq's bookkeeping, not words of the block. */
const PROPERTY_LINE = /^\s*[\p{L}\p{N}_][\p{L}\p{N}_-]*::.*$/gmu;
const ownWords = (text: string) => (text.includes('::') ? text.replace(PROPERTY_LINE, '').trim() : text);

/** Whether a block's own words are only names (links, tags) and filler words. */
/** Every marker in a text, to take them all out (one regex for the run, not one per block). */
const EVERY_MARKER = new RegExp(MARKER.source, 'giu');

function onlyNames(text: string, withoutMarker: boolean): boolean {
  const words = text
    .replace(/#\[\[[^\]]*\]\]|\[\[[^\]]*\]\]|(?:^|\s)#[^\s#]+/gu, ' ')
    .replace(withoutMarker ? EVERY_MARKER : /$^/u, ' ')
    .split(/[\s/&·,:;()+|–—-]+/u)
    .filter((word) => word !== '' && !FILLER.has(word.toLowerCase()));
  return words.length <= MAX_OTHER_WORDS;
}

function isOneOnOne(text: string): boolean {
  return MARKER.test(text) && onlyNames(text, true);
}

/** A meeting's list of whom it had: `Attendees:` with a bullet per name, grouped or not; and the roles meeting notes name people in. */
const ATTENDEES = /^(?:attendees|participants|invitees|facilitators?|presenters?|hosts?|organi[sz]ers?|interviewers?|guests?)$/u;

/** The same list written on its own line (`Attendees: [[Ana]], [[Tom]]`, `Attendees: #tanu #mani`, `Facilitator: [[Ana]]`). */
const ROLE_LINE = /^(?:attendees|participants|invitees|facilitators?|presenters?|hosts?|organi[sz]ers?|interviewers?|guests?)\s*[:：]\s*(\S.*)$/iu;

/** Whether a block is a meeting's list of whom it had on one line: the label, then only names. */
function isRoleLine(block: NoteModel['blocks'][number], text: string): boolean {
  if (block.links.length === 0 && block.tags.length === 0) return false;
  const line = ROLE_LINE.exec(text.trim());
  return line !== null && onlyNames(line[1], false);
}

/**
 * A bullet of only names with nothing under it, below an *Attendees* or *Participants* line
 * (`Attendees:` → `[[Uri Bell]]`, or under a group: `Us` → `[[Dana Voss]]`): whom
 * the meeting was with. A name with bullets under it (`[[Kestrel]]` → its people) is a group, and so
 * is a name alone beside one. The owner (`[[me]]`) is nobody they met.
 */
function isAttendee(blocks: NoteModel['blocks'], index: number, text: string): boolean {
  const block = blocks[index];
  if (block.end !== index + 1 || (block.links.length === 0 && block.tags.length === 0)) return false;
  let underAttendees = false;
  for (let p = block.parent, depth = 0; p !== -1 && depth < 3 && !underAttendees; p = blocks[p].parent, depth++) underAttendees = ATTENDEES.test(blocks[p].name);
  // The block's words only under an attendees line: most leaves with a link are under none, and reading their words was a third of namesMet.
  if (!underAttendees || !onlyNames(text, false)) return false;
  // Beside a group with its people under it (`[[Kestrel]]:` → …), a name alone is another group (`[[Acme]]`).
  // Looked for only under an attendees line: a walk over every block for every name in the note was quadratic.
  return !(block.parent !== -1 && blocks.some((b, i) => b.parent === block.parent && b.end > i + 1));
}

/**
 * A block opening with a meeting and whom it was with, as work journals log them:
 * `Meeting with #piyush on [[lusaka]]`, `Weekly call with #tanda`, `Sync with [[Ana]] and #bo`,
 * `1:1 with #kim about #perf`. The names right after "with" (joined by `and`, `,`, `&`, `/`)
 * are whom it was with; what follows them must be the end, punctuation or a word that starts
 * what it was about or what was said (`on`, `about`, `re`, `we` …). A name followed by a plain word
 * (`meeting with #design team about #perf`) is a group or a thing, so the block names no one.
 */
const MEETING_OPENING = new RegExp(
  '^(?:\\d{1,2}[:.]\\d{2}\\s*(?:[ap]m)?\\s*[-–—]?\\s*)?' +
    '(?:(?:weekly|daily|monthly|quarterly|bi-?weekly|fortnightly|quick|short|first|intro|regular|follow-?up|video|phone|zoom)\\s+)*' +
    '(?:meetings?|meet|calls?|syncs?|catch[- ]?ups?|chats?|check-?ins?|1:1s?|1-1s?|1on1s?|one[ -](?:on|to)[ -]ones?|lunch|coffee|talk)' +
    '\\s+(?:with|w/)\\s+',
  'iu',
);
const NAME = /^(?:#\[\[([^[\]\n]+)\]\]|\[\[([^[\]|#\n]+)(?:[|#][^[\]\n]*)?\]\]|#([^\s#,.;:!?()[\]]+))/u;
const JOINER = /^\s*(?:,|&|\/|\+|\band\b)\s*/iu;
const ABOUT = /^(?:[.,:;!?()–—-]|\s+(?:about|on|re|regarding|for|to|at|in|over|today|tomorrow|this|next|after|before|around|we|he|she|they|i)\b|\s*$)/iu;

/** Whom a meeting block was with (tag names and link targets as written), or none. */
export function meetingWith(text: string): string[] {
  const opening = MEETING_OPENING.exec(text.trim());
  return opening ? namesBefore(text.trim().slice(opening[0].length)) : [];
}

/**
 * Words that only take a person (or a group of them) as what follows, wherever they stand
 * in a line: `Talk to [[Lena]] about pricing`, `Followup with #sunil on API contracts`,
 * `align with #parfait and #nia on the goals`, `Get back to [[dan]] re [[newsletter]]`,
 * `Brief [[Matt]]`. Not "work with", "sync with", "call" or "integrate with": things take those too.
 */
export const SPOKEN_VERBS =
  '(?:talk(?:ed|ing)?|speak(?:ing)?|spoke|reach(?:ed|ing)? out|get(?:ting)? back|got back|report(?:s|ed|ing)?)\\s+to' +
  '|(?:follow(?:ed|ing)?[ -]?up|align(?:ed|ing)?|check(?:ed|ing)?(?:[ -]in)?|catch(?:ing)? up|caught up|met|meet(?:ing)?|chat(?:ted|ting)?|talk(?:ed|ing)?|spoke|speak(?:ing)?|pair(?:ed|ing)?)\\s+with' +
  '|ask(?:ed|ing)?|ping(?:ed|ing)?|email(?:ed|ing)?|brief(?:ed|ing)?|remind(?:ed|ing)?|thank(?:ed|ing)?|nudged?|told|tell';
const SPOKEN_WITH = new RegExp(`(?:^|[\\s(>›])(?:${SPOKEN_VERBS})\\s+`, 'giu');

/** The words before "talk" that make it a noun: `a talk`, `submitted talk`. */
const NOUN_BEFORE = /(?:^|\s)(?:a|the|my|our|your|his|her|their|this|that|submitted|gave|give|giving|prepared)\s*$/iu;

/** Whom a line says the owner spoke with, anywhere in it (SPOKEN_WITH), or none. */
export function spokenWith(text: string): string[] {
  const names: string[] = [];
  for (const found of text.matchAll(SPOKEN_WITH)) {
    const at = found.index ?? 0;
    // "Talk" as a noun ("submitted a talk to #conference") is no one spoken to.
    if (/^\W?talk\s/iu.test(found[0]) && NOUN_BEFORE.test(text.slice(0, at + 1))) continue;
    names.push(...namesBefore(text.slice(at + found[0].length)));
  }
  // A namespaced page (`conference/seagl`) names a thing; `people/ana` is a person by its namespace already.
  return names.filter((name) => !name.includes('/'));
}

/** The names opening `rest` (joined by `and`, `,`, `&`, `/`), when what follows them starts what it was about; else none. */
function namesBefore(text: string): string[] {
  let rest = text;
  const names: string[] = [];
  for (;;) {
    const name = NAME.exec(rest);
    if (!name) return [];
    names.push((name[1] ?? name[2] ?? name[3]).trim());
    rest = rest.slice(name[0].length);
    const joiner = JOINER.exec(rest);
    if (!joiner || !NAME.test(rest.slice(joiner[0].length))) break;
    rest = rest.slice(joiner[0].length);
  }
  return ABOUT.test(rest) ? names : [];
}

/** The links and tags a note's 1:1 and meeting blocks name: what oneOnOnePeople asks the catalog about, without the note. */
export interface MetNames {
  links: string[];
  tags: string[];
}

/** By daily note, not by model: a rebuild lets a note's blocks go once its review is built, and later periods ask again. */
const metIn = new WeakMap<DailyNote, MetNames>();

/** The link targets and tags a note's 1:1 and meeting blocks name: read once per parsed note, as every later period asks again. */
export function namesMet(daily: DailyNote): MetNames {
  const known = metIn.get(daily);
  const { note } = daily;
  if (known) return known;
  const found = { links: [] as string[], tags: [] as string[] };
  for (const [index, block] of note.blocks.entries()) {
    const text = ownWords(block.text);
    if (isOneOnOne(text) || isAttendee(note.blocks, index, text) || isRoleLine(block, text)) {
      for (const link of block.links) if (!link.embed && link.target !== '') found.links.push(link.target);
      found.tags.push(...block.tags);
      continue;
    }
    const met = [...meetingWith(text), ...spokenWith(text)];
    if (met.length === 0) continue;
    const named = new Set(met.map((name) => name.toLowerCase()));
    for (const link of block.links) if (!link.embed && named.has(link.target.trim().toLowerCase())) found.links.push(link.target);
    for (const tag of block.tags) if (named.has(tag.toLowerCase())) found.tags.push(tag);
  }
  metIn.set(daily, found);
  return found;
}

/** Whether a name a 1:1 or a meeting block gives is a person met: not the marker, a day, a project or the owner. */
function personMet(target: Target, name: string, days: Set<string>): boolean {
  // A link to the day (`[[Apr 4th, 2022]]`) dates the 1:1; it is nobody.
  if (MARKER_NAME.test(name.trim()) || target.project || target.owner || (target.path !== null && days.has(target.path))) return false;
  // A note that says it is something else (a topic note) keeps its kind.
  return target.kind === 'other' || (target.kind === 'topic' && target.path === null) || target.kind === 'person';
}

/** The identities (`Target.key`) of the people `notes` log a 1:1 or a meeting with. Call `catalog.prepare` first. */
export function oneOnOnePeople(notes: (DailyNote | MetNames)[], catalog: TargetCatalog, days: Set<string>): Set<string> {
  const people = new Set<string>();
  for (const daily of notes) {
    const { links, tags } = 'note' in daily ? namesMet(daily) : daily;
    for (const name of links) {
      const target = catalog.lookup(name);
      if (personMet(target, name, days)) people.add(target.key);
    }
    for (const name of tags) {
      const target = catalog.lookupTag(name);
      if (personMet(target, name, days)) people.add(target.key);
    }
  }
  return people;
}

/**
 * Whom one daily note logs a 1:1 or a meeting with, in the order oneOnOnePeople adds them;
 * null while the catalog may still answer one of its names otherwise (a note or the
 * aliases not loaded yet), as then the answer cannot be kept for later periods.
 */
export function peopleMetIn(daily: DailyNote, catalog: TargetCatalog, days: Set<string>): string[] | null {
  const { links, tags } = namesMet(daily);
  const keys: string[] = [];
  for (const name of links) {
    const target = catalog.lookup(name);
    if (!catalog.settled(name)) return null;
    if (personMet(target, name, days)) keys.push(target.key);
  }
  for (const name of tags) {
    const target = catalog.lookupTag(name);
    if (!catalog.tagSettled(name)) return null;
    if (personMet(target, name, days)) keys.push(target.key);
  }
  return keys;
}
