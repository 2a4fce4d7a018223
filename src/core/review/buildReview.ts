import { dayToDate, type Period, shiftPeriod } from '../dates/periods';
import { formatMoment } from '../dates/momentFormat';
import { type DailyNote, type Journal, NOTES_PER_PAUSE } from '../journal';
import { foldName, type Target, type TargetKind } from '../links/targets';
import { type NoteModel, parseNote } from '../note/parseNote';
import { isPlaceholder, isUnder, quoteInContext, sectionName, taskText } from '../note/outline';
import { normaliseQuestion } from '../note/tokens';
import type { DaybookSettings } from '../settings';
import { joinPath, type Warning } from '../vault';
import { findIncidents } from './incidents';
import { readMood, summariseMood } from './mood';
import { findProjects, projectLinkOf } from './projects';
import type { Entry, Mention, ReviewData, ReviewGoal, ReviewIncident, ReviewProject, ReviewTask } from './types';

/** Where the review note of a period lives, named by the configured format. */
export function reviewNotePath(period: Period, settings: DaybookSettings): string {
  return joinPath(settings.reviewsFolder, formatMoment(dayToDate(period.start), settings.reviewFormats[period.kind])) + '.md';
}

/** A mention of a person, topic or other link target by one block of a daily note. */
interface NoteMention {
  kind: TargetKind;
  target: Target;
  mention: Mention;
}

/**
 * What one daily note contributes to any review. Computed once per note and
 * journal: a rebuild puts each note in a week, a month, a quarter and a year,
 * and should read it once, not four times.
 */
interface NoteDigest {
  mentions: NoteMention[];
  tasks: ReviewTask[];
  incidents: ReviewIncident[];
  projects: ReviewProject[];
  mood: Record<string, number>;
  warnings: Warning[];
  referenced: string[];
}

const digests = new WeakMap<DailyNote, NoteDigest>();

function digest(journal: Journal, daily: DailyNote, isQuestion: (target: string) => boolean): NoteDigest {
  const known = digests.get(daily);
  if (known) return known;
  const { catalog, settings } = journal;
  const { note } = daily;
  const mentions: NoteMention[] = [];
  const tasks: ReviewTask[] = [];
  const referenced = new Set<string>();
  note.blocks.forEach((block, i) => {
    // One block mentions a thing once, however often it names it.
    const seen = new Set<string>();
    const mention = (kind: TargetKind, target: Target) => {
      if (seen.has(target.key)) return;
      seen.add(target.key);
      mentions.push({ kind, target, mention: { date: daily.day, path: daily.path, line: block.line, text: quoteInContext(note.blocks, i) } });
    };
    let underTopics: boolean | undefined;
    const projectLink = block.links.length ? projectLinkOf(note.blocks, i) : null;
    for (const link of block.links) {
      if (link.embed || link.target === '' || isQuestion(link.target) || link.target === projectLink) continue;
      const target = catalog.lookup(link.target);
      if (target.path) referenced.add(target.path);
      let kind = target.kind;
      if (kind === 'other') {
        underTopics ??= isUnder(note.blocks, i, (name) => name === 'topics');
        if (underTopics) kind = 'topic';
      }
      mention(kind, target);
    }
    for (const tag of block.tags) {
      mention('topic', catalog.lookupTag(tag));
      for (const path of catalog.tagNotes(tag)) referenced.add(path);
    }
    if (block.task && !isPlaceholder(block.text)) tasks.push({ text: taskText(block), done: block.task.done, status: block.task.status, date: daily.day, path: daily.path, line: block.line });
  });
  const incidents = findIncidents(note).map(({ links, ...incident }) => ({
    ...incident,
    date: daily.day,
    path: daily.path,
    people: unique(links.map((link) => catalog.lookup(link)).filter((t) => t.kind === 'person').map((t) => t.name)),
  }));
  const projects = findProjects(note).map((project) => ({ ...project, date: daily.day, path: daily.path }));
  const mood = readMood(note, settings.sliders);
  const result: NoteDigest = {
    mentions,
    tasks,
    incidents,
    projects,
    mood: mood.values,
    warnings: mood.problems.map((message) => ({ path: daily.path, message })),
    referenced: [...referenced],
  };
  digests.set(daily, result);
  return result;
}

class EntryTable {
  private readonly entries = new Map<string, Entry>();

  add(target: Target, mention: Mention): void {
    let entry = this.entries.get(target.key);
    if (!entry) {
      entry = { name: target.name, path: target.path, ...(target.link ? { link: target.link } : {}), mentions: 0, blocks: [] };
      this.entries.set(target.key, entry);
    }
    entry.mentions += 1;
    entry.blocks.push(mention);
  }

  sorted(): Entry[] {
    return [...this.entries.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  }
}

const questionTests = new WeakMap<DaybookSettings, (target: string) => boolean>();

/** Whether a link names a slider question (`[[How do you feel when you wake up?]]`): a binding, not a mention. */
function questionTest(settings: DaybookSettings): (target: string) => boolean {
  let test = questionTests.get(settings);
  if (!test) {
    const questions = new Set(settings.sliders.map((s) => normaliseQuestion(s.question)));
    const answers = new Map<string, boolean>();
    test = (target) => {
      let answer = answers.get(target);
      if (answer === undefined) {
        answer = questions.has(normaliseQuestion(target));
        answers.set(target, answer);
      }
      return answer;
    };
    questionTests.set(settings, test);
  }
  return test;
}

/**
 * The link-target notes a built review of `period` depends on: those its
 * notes' links and tags resolved to. (The period's notes themselves, the
 * alias notes and the goals note are known to the caller.)
 */
export function targetsOf(journal: Journal, period: Period): string[] {
  const paths = new Set<string>();
  for (const file of journal.dailyNotesIn(period)) {
    const daily = journal.parsedNote(file.path);
    const facts = daily ? digests.get(daily) : undefined;
    for (const path of facts?.referenced ?? []) paths.add(path);
  }
  return [...paths];
}

/** Builds the review of `period` from the journal's daily notes. Reads; never writes. */
export async function buildReview(journal: Journal, period: Period): Promise<ReviewData> {
  const { settings, catalog } = journal;
  const files = journal.dailyNotesIn(period);
  const notes = await journal.notesIn(period);
  const inPeriod = new Set(files.map((n) => n.path));
  const warnings: Warning[] = journal.warnings.filter((w) => inPeriod.has(w.path));
  for (const file of files) warnings.push(...journal.warningsFor(file.path));

  const isQuestion = questionTest(settings);
  const targets = new Set<string>();
  const tags = new Set<string>();
  for (const daily of notes) {
    if (digests.has(daily)) continue;
    for (const block of daily.note.blocks) {
      for (const link of block.links) if (!link.embed && link.target !== '' && !isQuestion(link.target)) targets.add(link.target);
      for (const tag of block.tags) tags.add(tag);
    }
  }
  await catalog.prepare(targets, tags);

  const tables: Record<TargetKind, EntryTable> = { person: new EntryTable(), topic: new EntryTable(), other: new EntryTable() };
  const incidents: ReviewIncident[] = [];
  const projects: ReviewProject[] = [];
  const tasks: ReviewTask[] = [];
  const referenced = new Set<string>();
  const days: ReviewData['days'] = [];
  for (const [index, daily] of notes.entries()) {
    if (index > 0 && index % NOTES_PER_PAUSE === 0) await journal.pause();
    const facts = digest(journal, daily, isQuestion);
    for (const { kind, target, mention } of facts.mentions) tables[kind].add(target, mention);
    incidents.push(...facts.incidents);
    projects.push(...facts.projects);
    tasks.push(...facts.tasks);
    warnings.push(...facts.warnings);
    for (const path of facts.referenced) referenced.add(path);
    days.push({ date: daily.day, path: daily.path, mood: facts.mood });
  }
  for (const path of referenced) {
    const problem = catalog.problemWith(path);
    if (problem) warnings.push(problem);
  }

  const previous = shiftPeriod(period, -1);
  const next = shiftPeriod(period, 1);
  return {
    period: { id: period.id, kind: period.kind, start: period.start, end: period.end, previous: previous.id, next: next.id },
    notes: { review: reviewNotePath(period, settings), previous: reviewNotePath(previous, settings), next: reviewNotePath(next, settings) },
    days,
    people: tables.person.sorted(),
    topics: tables.topic.sorted(),
    otherLinks: tables.other.sorted(),
    incidents,
    projects,
    tasks,
    mood: summariseMood(days, settings.sliders),
    goals: period.kind === 'year' || period.kind === 'quarter' ? await findGoals(journal, notes, warnings) : [],
    warnings: dedupeWarnings(warnings),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function dedupeWarnings(warnings: Warning[]): Warning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = `${w.path}\u0000${w.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Goals come from the goals note, when the vault has one, and from *Goals* sections of the period's notes. */
async function findGoals(journal: Journal, notes: DailyNote[], warnings: Warning[]): Promise<ReviewGoal[]> {
  const goals: ReviewGoal[] = [];
  const fromNote = (note: NoteModel, path: string, all: boolean) => {
    note.blocks.forEach((block, i) => {
      const inGoals = all || isUnder(note.blocks, i, (name) => name === 'goals' || /^goals? for /.test(name));
      if (!inGoals || block.kind === 'heading' || isPlaceholder(block.text) || foldName(sectionName(block)) === 'goals') return;
      goals.push({ text: block.task ? taskText(block) : block.quote, path, line: block.line, done: block.task ? block.task.done : null });
    });
  };
  const goalsPath = journal.settings.goalsNote ? journal.catalog.lookup(journal.settings.goalsNote).path : null;
  if (goalsPath) {
    try {
      fromNote(parseNote(await journal.source.read(goalsPath)), goalsPath, true);
    } catch (error) {
      warnings.push({ path: goalsPath, message: `goals note cannot be read: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  for (const daily of notes) fromNote(daily.note, daily.path, false);
  return goals;
}
