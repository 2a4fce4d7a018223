import type { DailyNoteFile } from '../dailyNotes';
import type { Journal } from '../journal';
import { type NoteText, spells } from './noteWords';
import { formsOf } from './periodHistory';

/**
 * What a 1:1 or meeting block must hold (oneOnOnes.ts): a 1:1 marker (MARKER), a
 * meeting word followed by "with" (MEETING_OPENING), an *Attendees* or role line above it or
 * opening it (ATTENDEES, ROLE_LINE), or a word that takes a person (SPOKEN_WITH). Looked for in a note's raw text with
 * what its rendered text, which the rule reads, leaves out taken out too: emphasis, code
 * and HTML marks, and a markdown link's brackets and destination (`[Call](url) with`).
 */
const MEETING_WORDS =
  /attendees|participants|invitees|facilitator|presenter|host|organi[sz]er|interviewer|guest|1[:-]1|1on1|one[ -](?:to|on)[ -]one|o3|(?:meet\w*|calls?|syncs?|catch[- ]?ups?|chats?|check-?ins?|lunch|coffee|talk)\s+(?:with|w\/)\s|(?:talk|speak|spoke|out|back|report)\w*\s+to\s|(?:up|align\w*|check\w*|in|met|meet\w*|chat\w*|talk\w*|spoke|speak\w*|pair\w*)\s+with\s|(?:ask|ping|email|brief|remind|thank|nudge|told|tell)\w*\s/iu;
const MARKUP = /[*_~=`\\[\]]|<[^>\n]*>/gu;
const LINK_DESTINATION = /\]\([^)\n]*\)/gu;
const mayLogMeeting = (raw: string) => MEETING_WORDS.test(raw.replace(LINK_DESTINATION, '').replace(MARKUP, ''));

/**
 * Of the earlier daily notes, those that may log a 1:1 or a meeting with one of
 * `keys` (the period's topics and other links, the entries a meeting can make
 * people): every note whose raw text may log a meeting and spells one of a
 * key's names, and every note whose words its raw text cannot show (block
 * references, entities; see noteText) or that cannot be read (its parse reports
 * it). Whom the others meet is none of these keys, so parsing only these gives
 * the same people as parsing all.
 */
export async function notesThatMayMeet(journal: Journal, keys: string[], earlier: DailyNoteFile[]): Promise<DailyNoteFile[]> {
  if (keys.length === 0 || earlier.length === 0) return [];
  if (keys.some((key) => key.startsWith('path:'))) await journal.catalog.loadAliasesNow();
  const forms = keys.flatMap((key) => formsOf(journal, 'topics', key));
  const out: DailyNoteFile[] = [];
  const spelt: { file: DailyNoteFile; text: Promise<NoteText | null> }[] = [];
  for (const file of earlier) {
    let raw: string;
    try {
      raw = await journal.rawText(file.path);
    } catch {
      spelt.push({ file, text: Promise.resolve(null) });
      continue;
    }
    // All at once: a speller on worker threads spells them side by side.
    if (mayLogMeeting(raw)) spelt.push({ file, text: journal.spelling(file.path) });
  }
  for (const { file, text } of spelt) {
    const words = await text;
    if (words === null || forms.some((form) => spells(words, form))) out.push(file);
  }
  return out;
}
