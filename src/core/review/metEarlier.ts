import type { DailyNoteFile } from '../dailyNotes';
import type { Journal } from '../journal';
import { EarlierMatcher } from './earlierMatches';
import { type NoteText, noteText } from './noteWords';
import { SPOKEN_VERBS } from './oneOnOnes';
import { formsOf } from './periodHistory';

/**
 * What a 1:1 or meeting block must hold (oneOnOnes.ts): a 1:1 marker (MARKER), a
 * meeting word followed by "with" (MEETING_OPENING), an *Attendees* line above it, a
 * role line opening it (ATTENDEES, ROLE_LINE), or a word that takes a person followed
 * by the person (SPOKEN_WITH). Looked for in a note's raw text with what its rendered
 * text, which the rule reads, leaves out taken out too: emphasis, code and HTML marks,
 * and a markdown link's brackets and destination (`[Call](url) with`). Each is as
 * narrow as the rule: a looser one ("ask" inside "task") passed nearly every earlier
 * note on to be parsed, 1.4 times the time and 130 MB more for a yearly review.
 */
const MEETING_WORDS = /attendees|participants|invitees|1[:-]1|1on1|one[ -](?:to|on)[ -]one|o3|(?:meet\w*|calls?|syncs?|catch[- ]?ups?|chats?|check-?ins?|lunch|coffee|talk)\s+(?:with|w\/)\s/iu;
/** A role a meeting names people in, as the label a line or a list opens with (`Facilitator: [[Ana]]`, `- Hosts`). */
const ROLE_LABEL = /^[\s>#*+-]*(?:\d+[.)]\s*)?(?:facilitator|presenter|host|organi[sz]er|interviewer|guest)s?\s*(?:[:：]|$)/imu;
/**
 * A word that takes a person, then the people, as links or tags joined by `and`, `,`, `&`, `/`
 * or `+` (`Talk to [[Lena]]`, `ping #sunil and #nia`): the names the rule (oneOnOnes.ts) may take.
 */
const SPOKEN_TO = new RegExp(
  `(?:^|[\\s(>›])(?:${SPOKEN_VERBS})\\s+((?:(?:#?\\[\\[[^\\]\\n]*\\]\\]|#[^\\s#,.;:!?()[\\]]+)(?:\\s*(?:,|&|\\/|\\+|\\band\\b)\\s*)?)+)`,
  'giu',
);
const MARKUP = /[*_~=`\\[\]]|<[^>\n]*>/gu;
/** The marks SPOKEN_TO reads the text without: not a link's brackets, which name the person. */
const EMPHASIS = /[*_~=`\\]|<[^>\n]*>/gu;
const LINK_DESTINATION = /\]\([^)\n]*\)/gu;
/**
 * What of a note's raw text may log a meeting: all of it (`whole`: a meeting word, a role),
 * only the names a word that takes a person is followed by (`Paired with [[Ana]]`: a journal
 * writing that on every day meets Ana, and no topic, however often the note names one),
 * or nothing.
 */
function meetingText(raw: string): { whole: true } | { names: string } | null {
  const plain = raw.replace(LINK_DESTINATION, '').replace(MARKUP, '');
  if (MEETING_WORDS.test(plain) || ROLE_LABEL.test(plain)) return { whole: true };
  const names = [...raw.replace(EMPHASIS, '').matchAll(SPOKEN_TO)].map((found) => found[1]);
  return names.length > 0 ? { names: names.join('\n') } : null;
}

/** What each earlier note's raw text may log (meetingText), once per run: a review searches the earlier notes twice, for the period's names and for those gone quiet. */
type Verdict = ReturnType<typeof meetingText> | 'unreadable';
const verdicts = new WeakMap<Journal, Map<string, Verdict>>();

/** Whether a note's raw text may log a meeting, as far as this run looked: false only for a note read and found to log none. */
export function mayLogMeeting(journal: Journal, path: string): boolean {
  return verdicts.get(journal)?.get(path) !== null;
}

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
  // Looked up by each note's words, not tried one by one: a year's keys against a thousand notes was half the search.
  // A form of no words is spelt by no note (`spells`), so it is left out.
  const forms = keys.flatMap((key) => formsOf(journal, 'topics', key)).filter((form) => form.length > 0);
  const matcher = new EarlierMatcher([{ forms, tasks: false }]);
  const out: DailyNoteFile[] = [];
  const spelt: { file: DailyNoteFile; text: Promise<NoteText | null> }[] = [];
  let seen = verdicts.get(journal);
  if (!seen) verdicts.set(journal, (seen = new Map<string, Verdict>()));
  for (const file of earlier) {
    let found = seen.get(file.path);
    if (found === undefined) {
      try {
        found = meetingText(await journal.rawText(file.path));
        // Read only to be looked at: one that may meet is read again when parsed, and the rest when spelled for What changed (a read costs less than holding 1,458 texts).
        if (found === null || !('whole' in found)) journal.dropText(file.path);
      } catch {
        found = 'unreadable';
      }
      seen.set(file.path, found);
    }
    if (found === 'unreadable') {
      spelt.push({ file, text: Promise.resolve(null) });
      continue;
    }
    if (found === null) continue;
    // All at once: a speller on worker threads spells them side by side; the few names after a verb are spelt here.
    spelt.push({ file, text: 'whole' in found ? journal.spelling(file.path) : Promise.resolve(noteText(found.names, false)) });
  }
  for (const { file, text } of spelt) {
    const words = await text;
    if (words === null || matcher.matches(words).size > 0) out.push(file);
  }
  return out;
}
