import type { PeriodKind } from '../dates/periods';
import type { Warning } from '../vault';
import type { MoodSummary } from './mood';

/**
 * The review as data: what `daybook review --json` prints. Field names and
 * shapes are a contract other tools read; add fields, never rename them.
 */
export interface ReviewData {
  period: ReviewPeriod;
  /** Vault paths of this review note and its neighbours. */
  notes: { review: string; previous: string; next: string };
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
  warnings: Warning[];
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
}

export interface ReviewProject {
  name: string;
  linked: boolean;
  date: string;
  path: string;
  line: number;
  lines: string[];
  impact: string[];
}

export interface ReviewTask {
  text: string;
  /** True for any closed task, done or cancelled (as before `status` existed); open tasks are `status: 'open'`. */
  done: boolean;
  status: 'open' | 'done' | 'cancelled';
  date: string;
  path: string;
  line: number;
}

export interface ReviewGoal {
  text: string;
  path: string;
  line: number;
  done: boolean | null;
}
