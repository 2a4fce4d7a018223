import { dayToDate, type Period, shiftPeriod } from '../dates/periods';
import { formatMoment } from '../dates/momentFormat';
import type { DailyNote, Journal } from '../journal';
import { foldName, type Target, type TargetKind } from '../links/targets';
import { type NoteModel, parseNote } from '../note/parseNote';
import { isPlaceholder, isUnder, quoteInContext, sectionName, taskText } from '../note/outline';
import { normaliseQuestion } from '../note/tokens';
import type { DaybookSettings } from '../settings';
import { joinPath, type Warning } from '../vault';
import { findIncidents } from './incidents';
import { readMood, summariseMood } from './mood';
import { findProjects, projectLinkOf } from './projects';
import type { Entry, ReviewData, ReviewGoal, ReviewIncident, ReviewProject, ReviewTask } from './types';

/** Where the review note of a period lives, named by the configured format. */
export function reviewNotePath(period: Period, settings: DaybookSettings): string {
  return joinPath(settings.reviewsFolder, formatMoment(dayToDate(period.start), settings.reviewFormats[period.kind])) + '.md';
}

class EntryTable {
  private readonly entries = new Map<string, Entry>();
  private readonly seen = new Set<string>();

  add(target: Target, note: DailyNote, blockIndex: number): void {
    // One block mentions a thing once, however often it names it.
    const seenKey = `${target.key}\u0000${note.path}\u0000${blockIndex}`;
    if (this.seen.has(seenKey)) return;
    this.seen.add(seenKey);
    let entry = this.entries.get(target.key);
    if (!entry) {
      entry = { name: target.name, path: target.path, mentions: 0, blocks: [] };
      this.entries.set(target.key, entry);
    }
    const block = note.note.blocks[blockIndex];
    entry.mentions += 1;
    entry.blocks.push({ date: note.day, path: note.path, line: block.line, text: quoteInContext(note.note.blocks, blockIndex) });
  }

  sorted(): Entry[] {
    return [...this.entries.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  }
}

/** Builds the review of `period` from the journal's daily notes. Reads; never writes. */
export async function buildReview(journal: Journal, period: Period): Promise<ReviewData> {
  const { settings, catalog } = journal;
  const notes = await journal.notesIn(period);
  const warnings: Warning[] = [...journal.warnings.filter((w) => journal.dailyNotesIn(period).some((n) => n.path === w.path))];
  for (const file of journal.dailyNotesIn(period)) warnings.push(...journal.warningsFor(file.path));

  const questions = new Set(settings.sliders.map((s) => normaliseQuestion(s.question)));
  const isQuestion = (target: string) => questions.has(normaliseQuestion(target));
  const targets = new Set<string>();
  const tags = new Set<string>();
  for (const { note } of notes) {
    for (const block of note.blocks) {
      for (const link of block.links) if (!link.embed && link.target !== '') targets.add(link.target);
      for (const tag of block.tags) tags.add(tag);
    }
  }
  await catalog.prepare(targets, tags);

  const tables: Record<TargetKind, EntryTable> = { person: new EntryTable(), topic: new EntryTable(), other: new EntryTable() };
  const incidents: ReviewIncident[] = [];
  const projects: ReviewProject[] = [];
  const tasks: ReviewTask[] = [];
  const referenced = new Set<string>();

  const days = notes.map((daily) => {
    const { note } = daily;
    note.blocks.forEach((block, i) => {
      let underTopics: boolean | undefined;
      const projectLink = projectLinkOf(note.blocks, i);
      for (const link of block.links) {
        if (link.embed || link.target === '' || isQuestion(link.target) || link.target === projectLink) continue;
        const target = catalog.lookup(link.target);
        if (target.path) referenced.add(target.path);
        let kind = target.kind;
        if (kind === 'other') {
          underTopics ??= isUnder(note.blocks, i, (name) => name === 'topics');
          if (underTopics) kind = 'topic';
        }
        tables[kind].add(target, daily, i);
      }
      for (const tag of block.tags) tables.topic.add(catalog.lookupTag(tag), daily, i);
      if (block.task && !isPlaceholder(block.text)) tasks.push({ text: taskText(block), done: block.task.done, date: daily.day, path: daily.path, line: block.line });
    });
    for (const incident of findIncidents(note)) {
      const people = unique(incident.links.map((link) => catalog.lookup(link)).filter((t) => t.kind === 'person').map((t) => t.name));
      const { links: _links, ...rest } = incident;
      incidents.push({ ...rest, date: daily.day, path: daily.path, people });
    }
    for (const project of findProjects(note)) projects.push({ ...project, date: daily.day, path: daily.path });
    const mood = readMood(note, settings.sliders);
    for (const message of mood.problems) warnings.push({ path: daily.path, message });
    return { date: daily.day, path: daily.path, mood: mood.values };
  });
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
