import type { PeriodKind } from '../dates/periods';
import type { LogseqConfig } from '../dialect/logseqConfig';
import type { Warning } from '../vault';
import type { ReviewChanges } from './changes';
import type { MoodSummary } from './mood';

/**
 * The review as data: what `daybook review --json` prints. Field names and
 * shapes are a contract other tools read; add fields, never rename them.
 */
export interface ReviewData {
  period: ReviewPeriod;
  /** Vault paths of this review note and its neighbours. */
  notes: { review: string; previous: string; next: string };
  /** What Daybook found when the folder is not an Obsidian vault (`Logseq graph: 184 journal pages in journals/, 348 pages`). */
  vault?: string;
  /** The Logseq graph the review is written into (absent in an Obsidian vault): its links name Logseq's pages, as Logseq writes them. */
  logseq?: LogseqConfig;
  days: ReviewDay[];
  people: Entry[];
  topics: Entry[];
  otherLinks: Entry[];
  incidents: ReviewIncident[];
  projects: ReviewProject[];
  /** The period's tasks, open and done. */
  tasks: ReviewTask[];
  mood: Record<string, MoodSummary>;
  goals: ReviewGoal[];
  /** Lines marked as wins or praise (highlight tags and sections). */
  highlights: Mention[];
  /** Lines under collaboration/mentoring sections or tags. */
  collaboration: Mention[];
  /** Design docs linked (notes of a design type) and lines under design sections or tags. */
  design: { docs: LinkedNote[]; lines: Mention[] };
  /** Books, articles and courses linked, with the takeaways written under the link. */
  reading: LinkedNote[];
  /** Lines under *Learnings* / *Lessons* / *TIL* sections or tagged `#til`: what was learned, in the owner's words. */
  learnings?: Mention[];
  /** Prose under *Projects* that names no project: the day's work log. */
  workLog: Mention[];
  /** Against the previous period of the same kind with notes, from the whole journal. */
  changes?: ReviewChanges;
  /** Meeting notes of the period's days, and what people's notes file under a link to one of its days. */
  meetings: ReviewMeeting[];
  warnings: Warning[];
}

export interface ReviewMeeting {
  date: string;
  path: string;
  line: number;
  /** The meeting's name without its date, or the name of the note it is filed in. */
  title: string;
  kind: 'meeting' | 'filed';
  /** Attendees named by the meeting note's `attendees:` or `people:` property. */
  people?: string[];
}

/** A note of a given type (design doc, book…) that the period's days link to. */
export interface LinkedNote {
  name: string;
  path: string;
  type: string;
  /** The blocks that link it. */
  mentions: Mention[];
  /** What is written under those blocks: takeaways, notes on the doc. */
  takeaways: Mention[];
}

export interface ReviewPeriod {
  id: string;
  kind: PeriodKind;
  start: string;
  end: string;
  previous: string;
  next: string;
}

export interface ReviewDay {
  date: string;
  path: string;
  mood: Record<string, number>;
  /** The day's title or first line, for the week's one-line-per-day list. */
  summary: string;
}

/** A block that mentions something: the day it is in and a short quote of it. */
export interface Mention {
  date: string;
  path: string;
  line: number;
  text: string;
}

/** A person, topic or other link target, with every block that mentions it. */
export interface Entry {
  name: string;
  path: string | null;
  /** The note's path without `.md` when another note shares its name, so the review links it unambiguously. */
  link?: string;
  /** The note is a project (a projects folder, `type: project`), wherever it is linked. */
  project?: true;
  /** A day's or a period's page (`[[Mar 8th, 2023]]`, `[[2022-W19]]`): a date the notes name, listed apart from the other links. */
  dated?: true;
  /** For a note named by an id (`202310241130`): the text its links show most (`Postgres`), which the review shows too. */
  alias?: string;
  mentions: number;
  blocks: Mention[];
}

export interface ReviewIncident {
  title: string;
  date: string;
  path: string;
  line: number;
  severity: string | null;
  people: string[];
  whys: string[];
  prevention: string[];
  actions: { text: string; done: boolean }[];
  impact: string[];
  context: string[];
  learnings: string[];
}

export interface ReviewProject {
  name: string;
  linked: boolean;
  date: string;
  path: string;
  line: number;
  lines: string[];
  impact: string[];
  /** A line naming the project's page, not one filed as work on it: listed after the work, never as an impact. */
  mention?: true;
}

export interface ReviewTask {
  text: string;
  /** True for any closed task, done or cancelled (as before `status` existed); open tasks are `status: 'open'`. */
  done: boolean;
  status: 'open' | 'done' | 'cancelled';
  date: string;
  path: string;
  line: number;
  /** For an open task carried over from day to day: the later day of the period it was checked (the same text, done). */
  doneOn?: string;
  /** A done task's Tasks-plugin `✅ date`: a review of a period ending before it lists the task as open. */
  doneDate?: string;
}

export interface ReviewGoal {
  text: string;
  path: string;
  line: number;
  done: boolean | null;
  /** What the goal links, with the days and projects of the period that link to the same notes. */
  evidence: GoalEvidence[];
}

export interface GoalEvidence {
  name: string;
  path: string | null;
  days: { date: string; path: string }[];
  projects: string[];
}
