import { type Period, periodContaining, shiftPeriod } from '../dates/periods';
import { type DailyNote, type Journal, NOTES_PER_PAUSE } from '../journal';
import { foldName, type Target, type TargetCatalog, type TargetKind } from '../links/targets';
import { resolveRelative } from './relink';
import { type Block, type NoteModel, parseNote } from '../note/parseNote';
import { isPlaceholder, isUnder, quoteInContext, sectionName, taskText, toldByChildren } from '../note/outline';
import { normaliseQuestion, type WikiLink } from '../note/tokens';
import { type DailyNoteFile, dayOfDailyNote } from '../dailyNotes';
import { logseqConfigOf } from '../dialect/dialect';
import type { DaybookSettings } from '../settings';
import { basename, inAnyFolder, joinPath, type Warning, withoutExtension } from '../vault';
import { stringList } from '../note/frontmatter';
import { reviewNotePath } from '../reviewNotes';
import { bragLines, type BragKind, writtenUnder } from './bragLines';
import { changesOf, quietCandidates } from './changes';
import { type History, notesBefore, readsWholeHistory, statusOn } from './history';
import { mayLogMeeting, notesThatMayMeet } from './metEarlier';
import { asPeople, historyFor } from './periodHistory';
import { findIncidents } from './incidents';
import { taskKey } from './renderSections';
import { readMood, summariseMood } from './mood';
import { type MetNames, namesMet, oneOnOnePeople, peopleMetIn } from './oneOnOnes';
import { openingTag, openingTagTopics } from './openingTags';
import { withoutOrganisations } from './organisations';
import { findProjects, projectLinkOf } from './projects';
import { type DayExtra, filedUnderDays, hostNote, meetingNotes, meetingNotesBefore, notesInPeopleFolder } from './dayExtras';
import { isGraphMarkerPage, isNoGraphTopic, namesPeriod } from './graphPages';
import { projectOfWorkPage, workNamespaceProjects } from './workNamespaces';
import { filingText, isCalloutTitle, isDateTitle, isTemplaterLeftover, navigationLinks } from './templateLines';
import { outsideRegion } from './managedRegion';
import type { Entry, GoalEvidence, LinkedNote, Mention, ReviewData, ReviewGoal, ReviewIncident, ReviewMeeting, ReviewProject, ReviewTask } from './types';

/** Inline code with something in it: `` `gitto` ``. */
const CODE_SPAN = /`[^`\n]*[^`\s][^`\n]*`/;

export { reviewNotePath } from '../reviewNotes';

/** A mention of a person, topic or other link target by one block of a daily note. */
interface NoteMention {
  kind: TargetKind;
  target: Target;
  mention: Mention;
  /** The link's display text (`[[202310241130|Postgres]]`), if it has one. */
  alias: string | null;
  /** The link names a day or a period (`[[Mar 8th, 2023]]`, `[[2022-W19]]`): a date, listed apart from the other links. */
  dated?: true;
}

/**
 * What one daily note contributes to any review. Computed once per note and
 * journal: a rebuild puts each note in a week, a month, a quarter and a year,
 * and should read it once, not four times.
 */
export interface NoteDigest {
  mentions: NoteMention[];
  tasks: ReviewTask[];
  incidents: ReviewIncident[];
  projects: ReviewProject[];
  mood: Record<string, number>;
  warnings: Warning[];
  referenced: string[];
  brag: Record<BragKind, Mention[]>;
  /** Blocks linking a resolved note, with what is written under them (a book's takeaways). */
  linked: { path: string; mention: Mention; takeaways: Mention[] }[];
  workLog: Mention[];
  /**
   * The mention each linked project line would be of its page: a page met one to one elsewhere
   * is a person, never a project, which only the review of a period can tell.
   */
  projectMentions: { line: number; target: Target; mention: Mention; workLog: Mention }[];
  /** The lines that may sum up the day, first first (`summariesOf` picks one per day of a review). */
  summaries: string[];
}

const digests = new WeakMap<DailyNote, NoteDigest>();

/**
 * What What changed's history reads of a daily note (`addNotes`, and the search of
 * earlier notes): whom and what it mentions, its projects, tasks, incidents and mood.
 * The baseline's notes and the earlier ones searched are read for nothing else, so
 * theirs is digested without the quotes, brag lines, takeaways and summaries only a
 * review of their own period shows (a mention's text is empty there).
 */
export type HistoryFacts = Pick<NoteDigest, 'mentions' | 'projectMentions' | 'projects' | 'tasks' | 'incidents' | 'mood'>;

/** The history-only digests (`HistoryFacts`), apart from the full ones: a later review of the note's own period digests it in full. */
const historyDigests = new WeakMap<DailyNote, HistoryFacts>();

/**
 * The notes each digested daily note links or tags, by its path, per journal: what a
 * review's cache must watch of the notes it read, kept when the notes' models and
 * digests are let go (a yearly review lets its baseline year go once counted).
 */
const referencedBy = new WeakMap<Journal, Map<string, string[]>>();

function digest(journal: Journal, daily: DailyNote, isQuestion: (target: string) => boolean): NoteDigest {
  const known = digests.get(daily);
  if (known) return known;
  const result = digestOf(journal, daily, isQuestion, false) as NoteDigest;
  digests.set(daily, result);
  return result;
}

/** The note's history facts: its full digest if it has one, else one without the texts (`HistoryFacts`). */
function historyFacts(journal: Journal, daily: DailyNote, isQuestion: (target: string) => boolean): HistoryFacts {
  const known = digests.get(daily) ?? historyDigests.get(daily);
  if (known) return known;
  const result = digestOf(journal, daily, isQuestion, true);
  historyDigests.set(daily, result);
  return result;
}

/** A note's digest; `forHistory`, only its `HistoryFacts`, every text the history does not read left empty. */
function digestOf(journal: Journal, daily: DailyNote, isQuestion: (target: string) => boolean, forHistory: boolean): HistoryFacts | NoteDigest {
  const { catalog, settings } = journal;
  const isMarker = markerTest(settings);
  const graph = journal.dialect.tagsArePages;
  const { note } = daily;
  const mentions: NoteMention[] = [];
  const tasks: ReviewTask[] = [];
  const referenced = new Set<string>();
  const linked: NoteDigest['linked'] = [];
  const projectMentions: NoteDigest['projectMentions'] = [];
  const at = (i: number, text: string): Mention => ({ date: daily.day, path: daily.path, line: note.blocks[i].line, text });
  const dayOf = linkDays(journal);
  note.blocks.forEach((block, i) => {
    // One block mentions a thing once, however often it names it.
    const seen = new Set<string>();
    // One quote per block, however many links it has; none for the history, which reads no text.
    let quoted: string | undefined;
    const quote = () => (forHistory ? '' : (quoted ??= quoteInContext(note.blocks, i)));
    const navigation = block.links.length ? navigationLinks(block, (link) => dayOf(link, daily.path)) : null;
    const filing = block.links.length || block.tags.length ? filingText(block) : '';
    const mention = (kind: TargetKind, target: Target, alias: string | null = null, dated = false) => {
      if (seen.has(target.key)) return;
      seen.add(target.key);
      mentions.push({ kind, target, alias, ...(dated ? { dated: true as const } : {}), mention: { date: daily.day, path: daily.path, line: block.line, text: quote() } });
    };
    let underTopics: boolean | undefined;
    const named = block.links.length ? projectLinkOf(note.blocks, i) : null;
    // A person linked under Projects is someone worked with, never a project: their link stays a mention.
    const namedTarget = named !== null ? catalog.lookup(catalog.fromNote(named, daily.path)) : null;
    const projectLink = namedTarget !== null && namedTarget.kind !== 'person' ? named : null;
    if (namedTarget !== null && projectLink !== null) {
      projectMentions.push({ line: block.line, target: namedTarget, mention: { date: daily.day, path: daily.path, line: block.line, text: quote() }, workLog: { date: daily.day, path: daily.path, line: block.line, text: block.quote } });
    }
    for (const link of block.links) {
      if (link.embed || link.target === '' || isQuestion(link.target) || link.target === projectLink || navigation?.has(link) || isTemplaterLeftover(link) || !journal.dialect.isPageRef(link.relative ?? link.target)) continue;
      if (filing !== '' && filing.includes(`[[${link.target}`)) continue;
      // In a graph `[[Meeting]]` is the page `#Meeting` is: a marker either way.
      // `[[lunabrain/work]]` files the line as work on lunabrain: listed under the project, not as a mention.
      if (graph && (isGraphMarkerPage(link.target, isMarker) || projectOfWorkPage(link.target) !== null)) continue;
      const target = catalog.lookup(linkTarget(catalog, link, daily.path));
      // `[[P0]]` may be an alias of `Priority/P0`: the page it resolves to is a marker too.
      if (graph && target.path !== null && isGraphMarkerPage(target.name, isMarker)) continue;
      if (target.path) referenced.add(target.path);
      if (!forHistory && target.path && target.kind === 'other' && !seen.has(target.key)) {
        linked.push({ path: target.path, mention: at(i, quote()), takeaways: writtenUnder(note.blocks, i).map((t) => at(t.index, t.text)) });
      }
      let kind = target.kind;
      // A project is never a topic, even linked under a *Topics* heading.
      if (kind === 'other' && !target.project && !target.owner) {
        // In a graph `[[X]]` is the page `#X` is: a topic however it is linked, unless it names a day or a period.
        if (graph && dayOf(link, daily.path) === null && !isNoGraphTopic(target.name)) kind = 'topic';
        else {
          underTopics ??= isUnder(note.blocks, i, (name) => name === 'topics');
          if (underTopics) kind = 'topic';
        }
      }
      mention(kind, target, link.alias, kind === 'other' && !target.project && !target.owner && (dayOf(link, daily.path) !== null || namesPeriod(target.name)));
    }
    for (const tag of block.tags) {
      if (isMarker(tag) || (filing !== '' && filing.includes(`#${tag}`)) || (graph && projectOfWorkPage(tag) !== null)) continue;
      // A tag is a topic, unless it names a person's note (`#ana` beside `Ana.md`) or, in Logseq, a page of another kind.
      const target = catalog.lookupTag(tag);
      if (graph && isGraphMarkerPage(target.name, isMarker)) continue;
      mention(target.kind, target);
      for (const path of catalog.tagNotes(tag)) referenced.add(path);
    }
    // A bare `- DONE` is told by the bullets under it; with none, it says nothing: no task. Code is words
    // (`- [ ] \`gitto\``, a repository's name): the block's text leaves code out, its quote keeps it.
    const told = block.task === null ? '' : !isPlaceholder(block.text) || CODE_SPAN.test(block.quote) ? taskText(block) : toldByChildren(note.blocks, i);
    if (block.task && told !== '') tasks.push({ text: told, done: block.task.done, status: block.task.status, date: daily.day, path: daily.path, line: block.line, ...(block.task.doneDate ? { doneDate: block.task.doneDate } : {}) });
  });
  const found = findIncidents(note);
  const incidents = found.map(({ links, ...incident }) => ({
    ...incident,
    date: daily.day,
    path: daily.path,
    people: unique(links.map((link) => catalog.lookup(link)).filter((t) => t.kind === 'person').map((t) => t.name)),
  }));
  const projects: ReviewProject[] = [];
  const workLog: Mention[] = [];
  const proseLines = new Set<number>();
  for (const { prose, ...project } of findProjects(note)) {
    // Prose names a project by a link to something that is neither a person nor a topic.
    const kind = project.linked ? catalog.lookup(catalog.fromNote(project.name, daily.path)).kind : 'other';
    if (prose || project.name === '' || kind === 'person') proseLines.add(project.line);
    if ((prose && kind !== 'other') || kind === 'person') continue;
    if (project.name !== '') projects.push({ ...project, date: daily.day, path: daily.path });
  }
  if (graph) for (const project of workNamespaceProjects(note)) projects.push({ ...project, date: daily.day, path: daily.path });
  const mood = readMood(note, settings.sliders);
  // What a review's cache watches of the notes it read: the same whichever digest read them.
  const referencedPaths = [...referenced];
  let perJournal = referencedBy.get(journal);
  if (!perJournal) referencedBy.set(journal, (perJournal = new Map<string, string[]>()));
  perJournal.set(daily.path, referencedPaths);
  if (forHistory) return { mentions, projectMentions, projects, tasks, incidents, mood: mood.values };
  for (const line of proseLines) {
    if (!projects.some((p) => p.line === line)) {
      const block = note.blocks.find((b) => b.line === line);
      if (block) workLog.push({ date: daily.day, path: daily.path, line, text: block.quote });
    }
  }
  const brag: Record<BragKind, Mention[]> = { highlight: [], collaboration: [], design: [], learning: [] };
  // A learning written in an incident is told with the incident's story, not again under What I learned.
  const inIncident = incidentBlocks(note, found);
  for (const line of bragLines(note, settings.brag)) if (line.kind !== 'learning' || !inIncident(line.index)) brag[line.kind].push(at(line.index, line.text));
  const templateLinksOnly = (block: Block) => block.links.length > 0 && isTemplateLinksOnly(block, (link) => dayOf(link, daily.path));
  return {
    mentions,
    tasks,
    incidents,
    projects,
    mood: mood.values,
    warnings: mood.problems.map((message) => ({ path: daily.path, message })),
    referenced: referencedPaths,
    brag,
    linked,
    workLog,
    projectMentions,
    summaries: summaryCandidates(note, daily.day, isQuestion, templateLinksOnly),
  };
}

/** Whether every link of the block is the template's: a step between days, or a Templater command that never ran. */
function isTemplateLinksOnly(block: Block, dayOf: (link: WikiLink) => string | null): boolean {
  const navigation = navigationLinks(block, dayOf);
  return block.links.every((link) => navigation.has(link) || isTemplaterLeftover(link));
}

/** Whether a block of the note is part of one of its incidents. */
function incidentBlocks(note: NoteModel, incidents: { line: number }[]): (index: number) => boolean {
  if (incidents.length === 0) return () => false;
  const roots = new Set(incidents.map((i) => i.line));
  const ranges = note.blocks.flatMap((b, i) => (roots.has(b.line) ? [[i, b.end] as const] : []));
  return (index) => ranges.some(([from, to]) => index >= from && index < to);
}

/** How many lines a day's summary is chosen from: its first line may be the template's. */
const SUMMARY_CANDIDATES = 4;

/**
 * The lines that may sum up the day, first first: its title (a first-level
 * heading that is not just the date), then the first lines of the owner's own
 * words: not a slider, a mood question, a property, a section label, a
 * callout's title or links between days.
 */
function summaryCandidates(note: NoteModel, day: string, isQuestion: (target: string) => boolean, isNavigation: (block: Block) => boolean): string[] {
  const { blocks } = note;
  const out: string[] = [];
  // The note's first top heading is its title; later ones (`# 📝 Notes`) are the template's sections.
  const title = blocks.find((b) => b.kind === 'heading' && b.level === 1);
  if (title && !isPlaceholder(title.text) && !isDateTitle(title.text.trim()) && !title.text.includes(day)) out.push(title.quote);
  for (let i = 0; i < blocks.length && out.length < SUMMARY_CANDIDATES; i++) {
    const b = blocks[i];
    if (b.level > 0 || b.sliders.length > 0 || isPlaceholder(b.text) || Object.keys(b.fields).length > 0) continue;
    if (isDateTitle(b.text.trim()) || isCalloutTitle(b.quote) || isNavigation(b) || b.quote.includes('<%') || isTable(b.text)) continue;
    if (b.links.length > 0 && b.links.every((l) => isQuestion(l.target))) continue;
    // A short line with lines under it, or a bold label before a list, names a section.
    const hasChildren = b.end > i + 1;
    const labelsList = b.kind === 'paragraph' && blocks[i + 1]?.kind === 'item' && blocks[i + 1].parent === b.parent && b.text.length < 25;
    if (hasChildren && b.text.length < 25) continue;
    if (labelsList || /^[^.!?]{1,40}:$/.test(b.text.trim())) continue;
    out.push(b.task ? taskText(b) : b.quote);
  }
  return out;
}

/** A table's header and delimiter row (`| a | b |` then `|---|---|`): cells of data, no sentence that sums up a day. */
const TABLE_DELIMITER = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
function isTable(text: string): boolean {
  const first = text.indexOf('\n');
  if (first === -1 || !text.slice(0, first).includes('|')) return false;
  const second = text.indexOf('\n', first + 1);
  const delimiter = text.slice(first + 1, second === -1 ? text.length : second).trim();
  return delimiter.includes('|') && delimiter.includes('-') && TABLE_DELIMITER.test(delimiter);
}

/**
 * Each day's summary: its first candidate line that is not the template's. A line
 * that begins half or more of the period's days, two or more, is the template's
 * (`# Tasks for the Day`, `fill by hand`), not what those days were about: days'
 * own words do not repeat. A day of nothing but such lines keeps its first.
 */
function summariesOf(candidates: string[][]): string[] {
  const days = new Map<string, number>();
  for (const lines of candidates) for (const line of new Set(lines)) days.set(line, (days.get(line) ?? 0) + 1);
  const isTemplate = (line: string) => {
    const count = days.get(line) ?? 0;
    return count >= 2 && count * 2 >= candidates.length;
  };
  return candidates.map((lines) => lines.find((line) => !isTemplate(line)) ?? lines[0] ?? '');
}

/** A note name that is an id, not words: a Zettelkasten timestamp (`202310241130`), a UUID. */
const ID_NAME = /^(?:\d{8,14}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

class EntryTable {
  private readonly entries = new Map<string, Entry>();

  private readonly aliases = new Map<string, Map<string, number>>();

  add(target: Target, mention: Mention, alias: string | null = null, dated = false): void {
    let entry = this.entries.get(target.key);
    if (!entry) {
      entry = {
        name: target.name,
        path: target.path,
        ...(target.link ? { link: target.link } : {}),
        ...(target.project ? { project: true as const } : {}),
        ...(dated ? { dated: true as const } : {}),
        mentions: 0,
        blocks: [],
      };
      this.entries.set(target.key, entry);
    }
    entry.mentions += 1;
    entry.blocks.push(mention);
    // A note named by an id reads by what its links call it: `[[202310241130|Postgres]]` is Postgres.
    if (alias !== null && ID_NAME.test(target.name)) {
      const counts = this.aliases.get(target.key) ?? new Map<string, number>();
      counts.set(alias, (counts.get(alias) ?? 0) + 1);
      this.aliases.set(target.key, counts);
      entry.alias = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    }
  }

  get(key: string): Entry | undefined {
    return this.entries.get(key);
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** Leaves out the entries of these identities. */
  remove(keys: Set<string>): void {
    for (const key of keys) this.entries.delete(key);
  }

  /** Moves the entries of these identities from `other` to here. */
  takeFrom(other: EntryTable, keys: Set<string>): void {
    for (const key of keys) {
      const entry = other.entries.get(key);
      if (!entry || this.entries.has(key)) continue;
      this.entries.set(key, entry);
      other.entries.delete(key);
    }
  }

  /**
   * Takes over the entries of `other` that are also here: in Logseq `#X` and
   * `[[X]]` are one page, listed once, as a topic when it is used as a tag.
   */
  absorb(other: EntryTable): void {
    for (const [key, entry] of this.entries) {
      const theirs = other.entries.get(key);
      if (!theirs) continue;
      entry.mentions += theirs.mentions;
      entry.blocks = [...entry.blocks, ...theirs.blocks].sort((a, b) => a.date.localeCompare(b.date) || a.line - b.line);
      other.entries.delete(key);
    }
  }

  /** The notes of the entries that are notes. */
  paths(): string[] {
    return [...this.entries.values()].map((e) => e.path).filter((p): p is string => p !== null);
  }

  /** Mentions in date order, once notes other than the daily notes have added theirs. */
  sortBlocks(): void {
    for (const entry of this.entries.values()) entry.blocks.sort((a, b) => a.date.localeCompare(b.date));
  }

  sorted(): Entry[] {
    return [...this.entries.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  }
}

/**
 * What a link names from its note: a relative markdown link to a file that is
 * no note (`../assets/q.sql`) is named by its vault path, so the review's
 * link to it resolves from the review note too.
 */
function linkTarget(catalog: TargetCatalog, link: WikiLink, from: string): string {
  const written = link.relative ?? link.target;
  const target = catalog.fromNote(written, from);
  if (!(written.startsWith('./') || written.startsWith('../')) || catalog.lookup(target).path !== null) return target;
  // A relative link to no note names the path from its note's folder, where Obsidian would make that note.
  return resolveRelative(written, from) ?? target;
}

const linkDayTests = new WeakMap<Journal, (link: WikiLink, from: string) => string | null>();

/** The day a link names: the daily note it resolves to, or a name shaped like one (tomorrow's note may not exist yet). */
function linkDays(journal: Journal): (link: WikiLink, from: string) => string | null {
  let test = linkDayTests.get(journal);
  if (!test) {
    const byPath = new Map(journal.dailyNotes.map((n) => [n.path, n.day]));
    const { catalog, settings } = journal;
    const known = new Map<string, string | null>();
    test = (link, from) => {
      const target = linkTarget(journal.catalog, link, from);
      let day = known.get(target);
      if (day === undefined) {
        const path = catalog.lookup(target).path;
        const name = target.replace(/\.md$/i, '');
        day =
          (path !== null ? byPath.get(path) : undefined) ??
          dayOfDailyNote(joinPath(settings.dailyFolder, name) + '.md', settings) ??
          dayOfDailyNote(name + '.md', settings) ??
          (/^(?:.*\/)?(\d{4})[-_./](\d{2})[-_./](\d{2})\b/.exec(name)?.slice(1, 4).join('-') ?? null);
        known.set(target, day);
      }
      return day;
    };
    linkDayTests.set(journal, test);
  }
  return test;
}

/** A test made from the settings once per settings object: every note of a run asks it. */
function perSettings<T>(make: (settings: DaybookSettings) => T): (settings: DaybookSettings) => T {
  const made = new WeakMap<DaybookSettings, T>();
  return (settings) => {
    let value = made.get(settings);
    if (value === undefined) made.set(settings, (value = make(settings)));
    return value;
  };
}

/**
 * Tags a CSS snippet reads to lay out the list under them, not what the line is about:
 * Modular CSS Layout's `#mcl/list-grid`, `#mcl/list-card` … (a raptor clinic's vault wrote
 * one on every bird's food table, 1,297 times in a year, and it led the topics).
 */
const LAYOUT_TAG = /^mcl\//i;

/** Whether a tag marks what a line is (`#task`, `#meeting/1:1`) or how it is laid out: by its first part, folded. */
const markerTest = perSettings((settings): ((tag: string) => boolean) => {
  const markers = new Set(settings.markerTags.map(foldName));
  return (tag) => markers.has(foldName(tag.split('/')[0])) || LAYOUT_TAG.test(tag);
});

/** Whether a link names a slider question (`[[How do you feel when you wake up?]]`): a binding, not a mention. */
const questionTest = perSettings((settings): ((target: string) => boolean) => {
  const questions = new Set(settings.sliders.map((s) => normaliseQuestion(s.question)));
  const answers = new Map<string, boolean>();
  return (target) => {
    let answer = answers.get(target);
    if (answer === undefined) {
      answer = questions.has(normaliseQuestion(target));
      answers.set(target, answer);
    }
    return answer;
  };
});

/**
 * The notes a built review of `period` depends on besides its own daily
 * notes: the earlier daily notes, and those all of them link or tag. (The period's notes themselves, the
 * alias notes and the goals note are known to the caller.)
 */
export function targetsOf(journal: Journal, period: Period): string[] {
  // What changed reads every earlier daily note. Of their links, only those of the period
  // it compares with can change what it says: any other target it classifies is linked now too.
  const paths = new Set<string>(notesBefore(journal, period.start));
  const last = journal.dailyNotes.reduce((max, n) => (n.day < period.start && n.day > max ? n.day : max), '');
  const baseline = last ? journal.dailyNotesIn(periodContaining(period.kind, last)) : [];
  const referenced = referencedBy.get(journal);
  for (const file of [...baseline, ...journal.dailyNotesIn(period)]) {
    for (const path of referenced?.get(file.path) ?? []) paths.add(path);
    for (const path of journal.blockRefSources(file.path)) paths.add(path);
  }
  for (const path of goalSources.get(journal)?.get(period.id) ?? []) paths.add(path);
  for (const path of extraSources.get(journal)?.get(period.id) ?? []) paths.add(path);
  return [...paths];
}

/** Reads the link targets and tags of notes not yet digested, all at once, before they are digested. */
async function prepareTargets(journal: Journal, notes: DailyNote[]): Promise<void> {
  const { catalog, settings } = journal;
  const isQuestion = questionTest(settings);
  const targets = new Set<string>();
  const tags = new Set<string>();
  for (const daily of notes) {
    if (digests.has(daily)) continue;
    for (const block of daily.note.blocks) {
      for (const link of block.links) if (!link.embed && link.target !== '' && !isQuestion(link.target)) targets.add(linkTarget(catalog, link, daily.path));
      for (const tag of block.tags) tags.add(tag);
    }
  }
  await catalog.prepare(targets, tags);
}

/** The digests of these daily notes, each computed once per run (shared with the reviews that read the same notes). */
export async function digestNotes(journal: Journal, notes: DailyNote[]): Promise<NoteDigest[]> {
  await prepareTargets(journal, notes);
  const isQuestion = questionTest(journal.settings);
  const out: NoteDigest[] = [];
  let fresh = 0;
  for (const daily of notes) {
    if (!digests.has(daily) && ++fresh % NOTES_PER_PAUSE === 0) await journal.pause();
    out.push(digest(journal, daily, isQuestion));
  }
  return out;
}

/** What the history reads of these daily notes (`HistoryFacts`): their full digests where made, else history-only ones, each once per run. */
export async function historyFactsOf(journal: Journal, notes: DailyNote[]): Promise<HistoryFacts[]> {
  await prepareTargets(journal, notes.filter((daily) => !historyDigests.has(daily)));
  const isQuestion = questionTest(journal.settings);
  const out: HistoryFacts[] = [];
  let fresh = 0;
  for (const daily of notes) {
    if (!digests.has(daily) && !historyDigests.has(daily) && ++fresh % NOTES_PER_PAUSE === 0) await journal.pause();
    out.push(historyFacts(journal, daily, isQuestion));
  }
  return out;
}

/**
 * Meeting notes of the period and what people's notes file under its days,
 * as the settings say; with every note read for them (a review depends on those too).
 */
async function dayExtras(journal: Journal, period: Period, dailyPaths: Set<string>, people: string[]): Promise<{ extras: DayExtra[]; read: string[] }> {
  const { settings } = journal;
  const extras = await meetingNotes(journal, period, dailyPaths);
  const read = extras.map((e) => e.path);
  if (!settings.filedUnderDays) return { extras, read };
  const hosts = new Set(people);
  for (const path of notesInPeopleFolder(journal)) hosts.add(path);
  for (const path of [...read, ...dailyPaths]) hosts.delete(path);
  const dayOf = linkDays(journal);
  // Asked all at once: parsed on worker threads side by side, not one round trip each.
  const paths = [...hosts].sort();
  const notes = paths.map((path) => hostNote(journal, path));
  // One that fails is reported where it is awaited, in order, not as an unhandled rejection.
  for (const note of notes) note.catch(() => undefined);
  for (const [i, path] of paths.entries()) {
    const note = await notes[i];
    read.push(path);
    if (note) extras.push(...filedUnderDays(note, path, period, (link) => dayOf(link, path)));
  }
  return { extras, read };
}

/** The other notes each period's review read (meeting notes, people's notes), per journal. */
const extraSources = new WeakMap<Journal, Map<string, string[]>>();

/** How many notes besides the daily notes, goals and link targets a built review of `period` read. */
export function extraNotesRead(journal: Journal, period: Period): number {
  return extraSources.get(journal)?.get(period.id)?.length ?? 0;
}

/** Builds the review of `period` from the journal's daily notes. Reads; never writes. */
export async function buildReview(journal: Journal, period: Period): Promise<ReviewData> {
  const review = await reviewBeforeChanges(journal, period);
  // The period's parsed notes are held by nothing here, so What changed can let them go once counted.
  // The baseline's models are let go once counted: whom those that may log a meeting name is kept, for metAmong below
  // (which, reading the whole history, asks metThrough instead; the period's own notes it has met already).
  const whole = readsWholeHistory(journal, period.end);
  const counted = async (j: Journal, notes: DailyNote[]) => {
    if (!whole) rememberMetNames(j, notes.filter((daily) => daily.day < period.start));
    return historyFactsOf(j, notes);
  };
  const history = await historyFor(journal, period, { whole: digestNotes, period: counted }, review.metHere);
  // Someone met by the previous period and not named in this one is a person gone quiet, not a topic.
  const quiet = quietCandidates(history, period);
  const metQuiet = quiet.length > 0 ? await review.metAmong(quiet) : new Set<string>();
  return review.finish(metQuiet.size > 0 ? asPeople(history, metQuiet) : history);
}

/**
 * The review but What changed, built first; and what it takes to finish it from
 * the history. Everything before *changes* is worked out as before, in order.
 */
async function reviewBeforeChanges(journal: Journal, period: Period): Promise<{ metHere: Set<string>; metAmong: (keys: string[]) => Promise<Set<string>>; finish: (history: History) => ReviewData }> {
  const { settings, catalog } = journal;
  const files = journal.dailyNotesIn(period);
  const notes = await journal.notesIn(period);
  const inPeriod = new Set(files.map((n) => n.path));
  const warnings: Warning[] = journal.warnings.filter((w) => inPeriod.has(w.path));
  for (const file of files) warnings.push(...journal.warningsFor(file.path));

  const isQuestion = questionTest(settings);
  await prepareTargets(journal, notes);

  const tables: Record<TargetKind, EntryTable> = { person: new EntryTable(), topic: new EntryTable(), other: new EntryTable() };
  const incidents: ReviewIncident[] = [];
  const projects: ReviewProject[] = [];
  const tasks: ReviewTask[] = [];
  const referenced = new Set<string>();
  const days: ReviewData['days'] = [];
  const candidates: string[][] = [];
  const brag: Record<BragKind, Mention[]> = { highlight: [], collaboration: [], design: [], learning: [] };
  const linked = new Map<string, { mentions: Mention[]; takeaways: Mention[] }>();
  const workLog: Mention[] = [];
  const projectMentions: NoteDigest['projectMentions'] = [];
  const merge = (facts: NoteDigest) => {
    projectMentions.push(...facts.projectMentions);
    for (const { kind, target, mention, alias, dated } of facts.mentions) tables[kind].add(target, mention, alias, dated);
    incidents.push(...facts.incidents);
    projects.push(...facts.projects);
    tasks.push(...facts.tasks);
    warnings.push(...facts.warnings);
    for (const path of facts.referenced) referenced.add(path);
    for (const kind of ['highlight', 'collaboration', 'design', 'learning'] as const) brag[kind].push(...facts.brag[kind]);
    for (const { path, mention, takeaways } of facts.linked) {
      const note = linked.get(path) ?? { mentions: [], takeaways: [] };
      note.mentions.push(mention);
      note.takeaways.push(...takeaways);
      linked.set(path, note);
    }
    workLog.push(...facts.workLog);
  };
  // One review (a rebuild reads the notes again) needs a note's blocks for nothing but its digest, whom it met and its
  // opening tag: worked out here, its blocks go at once, and the period's models are not all held through the digest
  // (11 of the 41 MB live on the bench vault). All are parsed first: parsed a few at a time, the first few asked for the
  // alias notes' heads a fifth of a second sooner, and the review's thread read thousands of them itself.
  const early = !readsWholeHistory(journal, period.end);
  for (const [index, daily] of notes.entries()) {
    if (index > 0 && index % NOTES_PER_PAUSE === 0) await journal.pause();
    const facts = digest(journal, daily, isQuestion);
    merge(facts);
    days.push({ date: daily.day, path: daily.path, mood: facts.mood, summary: '' });
    candidates.push(facts.summaries);
    if (!early) continue;
    if (settings.openingTagMarkers) openingTag(daily);
    rememberMetNames(journal, [daily]);
    journal.letGoOfBlocks([daily.path]);
  }
  summariesOf(candidates).forEach((summary, i) => (days[i].summary = summary));
  // Then what other notes file under the period's days: meeting notes, 1:1s in people's notes.
  const { extras, read } = await dayExtras(journal, period, new Set(journal.dailyNotes.map((n) => n.path)), tables.person.paths());
  let perJournal = extraSources.get(journal);
  if (!perJournal) extraSources.set(journal, (perJournal = new Map<string, string[]>()));
  perJournal.set(period.id, read);
  await prepareTargets(journal, extras);
  const meetings: ReviewMeeting[] = [];
  for (const extra of extras) {
    merge(digest(journal, extra, isQuestion));
    const root = extra.note.blocks[0];
    meetings.push({ date: extra.day, path: extra.path, line: root?.line ?? 1, title: extra.title, kind: extra.kind, ...(extra.people ? { people: extra.people } : {}) });
    // A 1:1 filed in Ana's note is a day with Ana.
    const host = extra.kind === 'filed' ? catalog.lookup(withoutExtension(extra.path)) : null;
    if (host?.kind === 'person' && root) {
      // `- [[2024-06-05]]` says only the day: the 1:1 is told by the first line under it.
      const own = root.quote.replace(/\[\[[^\]]*\]\]/, '').replace(/^[\s:–—-]+/, '').trim();
      tables.person.add(host, { date: extra.day, path: extra.path, line: root.line, text: own || (extra.note.blocks[1]?.quote ?? root.quote) });
    }
  }
  if (extras.length) {
    const byDate = <T extends { date: string }>(list: T[]) => list.sort((a, b) => a.date.localeCompare(b.date));
    for (const list of [incidents, projects, tasks, workLog, brag.highlight, brag.collaboration, brag.design, brag.learning]) byDate(list as { date: string }[]);
    for (const table of Object.values(tables)) table.sortBlocks();
    byDate(meetings);
  }
  // In a graph a page worked on as a project this period (`#lunabrain/work`, or under *Projects*) is that project, never a topic.
  const worked = journal.dialect.tagsArePages ? new Set(projects.filter((p) => p.linked).map((p) => catalog.lookup(catalog.fromNote(p.name, p.path)).key)) : new Set<string>();
  if (journal.dialect.tagsArePages) {
    tables.topic.absorb(tables.other);
    tables.other.takeFrom(tables.topic, worked);
  }
  // A tag opening most days (`- #pj` above the day's entry) says what the day is: a marker here, and in What changed.
  const openers = settings.openingTagMarkers ? openingTagTopics(notes, catalog) : new Set<string>();
  tables.topic.remove(openers);
  // Whom the journal logs a 1:1 or a meeting with, up to the period's last day, is a person, marked so or not:
  // someone met one to one in March is a person in May's week too.
  // Earlier meeting notes meet their attendees as earlier daily notes do; the review then depends on them too.
  const earlierMeetings = await meetingNotesBefore(journal, period.start, new Set(journal.dailyNotes.map((n) => n.path)));
  read.push(...earlierMeetings.map((m) => m.path));
  await prepareTargets(journal, earlierMeetings);
  const metOneOnOne = await metOneToOne(journal, period, [...tables.topic.keys(), ...tables.other.keys()], [...earlierMeetings, ...extras]);
  // Every later step, and every later review of this run, reads the period's notes through their digests, whom
  // they met and their opening tags, all worked out by now: their blocks go before What changed parses the baseline.
  if (!early) journal.letGoOfBlocks(files.map((file) => file.path));
  // Whom else the journal met is not looked for in every earlier note.
  // Only this period's entries; and a meeting "with" a page marked as a company is with no person.
  const metHere = await withoutOrganisations(journal, new Set([...metOneOnOne].filter((key) => tables.topic.get(key) ?? tables.other.get(key))));
  for (const table of [tables.topic, tables.other]) tables.person.takeFrom(table, metHere);
  const projectPeople = await withoutOrganisations(journal, new Set(projectMentions.map((m) => m.target.key).filter((key) => metOneOnOne.has(key))));
  movePeopleFromProjects(projects, projectMentions, projectPeople, tables.person, workLog);
  // Whom the journal met is a person, worked on or not; what is left of a worked page's mentions is its project's.
  // In a graph a page marked as a project (`tags:: acme/project`) is listed under Projects too, worked on or only linked.
  const marked = journal.dialect.tagsArePages ? tables.other.keys().filter((key) => tables.other.get(key)?.project) : [];
  const own = ownPageLines(new Set([...worked, ...marked]), tables.other, projects, (name, from) => catalog.lookup(catalog.fromNote(name, from)).key);
  if (own.length) projects.splice(0, projects.length, ...[...projects, ...own].sort((a, b) => a.date.localeCompare(b.date) || (a.path === b.path ? a.line - b.line : 0)));
  const typed = await typedNotes(journal, linked, warnings);
  for (const path of referenced) {
    const problem = catalog.problemWith(path);
    if (problem) warnings.push(problem);
  }

  const previous = shiftPeriod(period, -1);
  const next = shiftPeriod(period, 1);
  const reviewPath = reviewNotePath(period, settings);
  const goals = period.kind === 'year' || period.kind === 'quarter' ? await findGoals(journal, period, reviewPath, warnings) : [];
  await linkGoals(journal, goals, tables, projects);
  const before = {
    period: { id: period.id, kind: period.kind, start: period.start, end: period.end, previous: previous.id, next: next.id },
    notes: { review: reviewPath, previous: reviewNotePath(previous, settings), next: reviewNotePath(next, settings) },
    ...(journal.describe(period) ? { vault: journal.describe(period) as string } : {}),
    ...(journal.dialect.spec.app === 'logseq' ? { logseq: logseqConfigOf(journal.dialect.spec) } : {}),
    days,
    people: tables.person.sorted(),
    topics: tables.topic.sorted(),
    otherLinks: tables.other.sorted(),
    incidents,
    projects,
    tasks: withRollovers(tasks.map((task) => asOf(task, period.end))),
    mood: summariseMood(days, settings.sliders),
    goals,
    highlights: brag.highlight,
    collaboration: brag.collaboration,
    design: { docs: typed.design, lines: brag.design },
    reading: typed.reading,
    learnings: brag.learning,
    workLog,
  };
  return {
    // What changed says as people whom People lists as met: from the topics, the other links and under Projects.
    metHere: new Set([...metHere, ...projectPeople]),
    // Whom of these keys the journal met up to the period's end, by the rules that made metHere.
    metAmong: async (keys) => {
      const met = await metEarlierAmong(journal, period, keys, earlierMeetings);
      return withoutOrganisations(journal, new Set(keys.filter((key) => met.has(key))));
    },
    finish: (history) => ({
      ...before,
      changes: changesOf(withoutTopics(history, new Set([...openers, ...worked])), period, settings.sliders, (p) => reviewNotePath(p, settings)),
      meetings,
      warnings: dedupeWarnings(warnings),
    }),
  };
}

/**
 * A project's own page mentioned in a period it is worked on (`#milvus should be used in #lunabrain`
 * beside `#lunabrain/work`), or a page marked as a project, is a line about that project: listed
 * under it, after the lines of its work, not as a mention of the page. Takes those entries out of
 * the other links.
 */
function ownPageLines(worked: Set<string>, others: EntryTable, projects: ReviewProject[], keyOf: (name: string, from: string) => string): ReviewProject[] {
  const lines: ReviewProject[] = [];
  const moved = new Set<string>();
  for (const key of worked) {
    const entry = others.get(key);
    const name = projects.find((p) => p.linked && keyOf(p.name, p.path) === key)?.name ?? (entry?.project ? entry.name : undefined);
    if (!entry || name === undefined) continue;
    // A block that both files work on the project and names its page is one line, listed once.
    const listed = new Set(projects.filter((p) => p.name === name).map((p) => `${p.path}\u0000${p.line}`));
    for (const block of entry.blocks) {
      if (listed.has(`${block.path}\u0000${block.line}`)) continue;
      // A line that is only the page's link (`- [[Hiring]]`) dates work on the project, and says nothing more.
      const own = new Set([foldName(name), foldName(entry.name)]);
      const says = block.text.replace(/#?\[\[([^\]|#]*)[^\]]*\]\]|#(\S+)/gu, (ref, link?: string, tag?: string) => (own.has(foldName(link ?? tag ?? '')) ? '' : 'x')).replace(/[\s›:–—-]+/gu, '') !== '';
      lines.push({ name, linked: true, line: block.line, lines: says ? [block.text] : [], impact: [], date: block.date, path: block.path, mention: true });
    }
    moved.add(key);
  }
  others.remove(moved);
  return lines;
}

/**
 * Whom the journal logs a 1:1 or a meeting with, up to the period's last day: of the earlier
 * notes only those that may log a meeting with one of `keys` (the period's topics and other
 * links) are parsed (notesThatMayMeet). In a function of its own, so the notes it reads are
 * held by nothing once it returns.
 */
async function metOneToOne(journal: Journal, period: Period, keys: string[], extras: DayExtra[]): Promise<Set<string>> {
  const through = readsWholeHistory(journal, period.end) ? await metThrough(journal, period.end) : null;
  // The period's meeting notes meet their attendees after its daily notes, as below.
  if (through) return extras.length === 0 ? through : new Set([...through, ...oneOnOnePeople(extras, journal.catalog, new Set(journal.dailyNotes.map((d) => d.path)))]);
  const earlier = journal.dailyNotes.filter((n) => n.day < period.start);
  const mayMeet = readsWholeHistory(journal, period.end) ? earlier : await notesThatMayMeet(journal, keys, earlier);
  // The period's meeting notes meet their attendees too: a team vault of meeting notes and no daily notes has people.
  return peopleMetInNotes(journal, [...mayMeet, ...journal.dailyNotes.filter((n) => n.day >= period.start && n.day <= period.end)], extras);
}

/**
 * What each earlier daily note parsed for whom it met names in its 1:1 and meeting blocks, per journal: a
 * yearly review searches the earlier notes twice (for the period's names, then for those gone quiet), and
 * What changed lets the baseline year's models go in between; 24 of jennasmu-rare's were parsed twice.
 */
const metNamesBy = new WeakMap<Journal, Map<string, MetNames>>();

function metNamesOf(journal: Journal): Map<string, MetNames> {
  let known = metNamesBy.get(journal);
  if (!known) metNamesBy.set(journal, (known = new Map<string, MetNames>()));
  return known;
}

/** Keeps whom these parsed notes name in their 1:1 and meeting blocks, for those whose raw text may log a meeting. */
function rememberMetNames(journal: Journal, notes: DailyNote[]): void {
  const known = metNamesOf(journal);
  for (const daily of notes) if (!known.has(daily.path) && mayLogMeeting(journal, daily.path)) known.set(daily.path, namesMet(daily));
}

/** Whom these daily notes (parsed here, unless their names met are known) and `extras` log a 1:1 or a meeting with. */
async function peopleMetInNotes(journal: Journal, files: DailyNoteFile[], extras: DayExtra[]): Promise<Set<string>> {
  const known = metNamesOf(journal);
  const unknown = files.filter((file) => !known.has(file.path));
  await journal.load(unknown);
  const parsed = unknown.map((file) => journal.parsedNote(file.path)).filter((n): n is DailyNote => n !== null);
  await prepareTargets(journal, parsed);
  for (const daily of parsed) known.set(daily.path, namesMet(daily));
  // In the notes' order, as the people are added in the order the notes meet them; a note that could not be parsed meets no one.
  const met = files.map((file) => known.get(file.path)).filter((names): names is MetNames => names !== undefined);
  return oneOnOnePeople([...met, ...extras], journal.catalog, new Set(journal.dailyNotes.map((d) => d.path)));
}

/**
 * Whom of `keys`, named in none of the period's notes, the journal met before it: the
 * earlier notes that may meet them, parsed, and nothing else (the period's own notes,
 * let go of by now, would be parsed again for names they do not hold).
 */
async function metEarlierAmong(journal: Journal, period: Period, keys: string[], earlierMeetings: DayExtra[]): Promise<Set<string>> {
  if (readsWholeHistory(journal, period.end)) return metOneToOne(journal, period, keys, earlierMeetings);
  const mayMeet = await notesThatMayMeet(journal, keys, journal.dailyNotes.filter((n) => n.day < period.start));
  return mayMeet.length === 0 && earlierMeetings.length === 0 ? new Set() : peopleMetInNotes(journal, mayMeet, earlierMeetings);
}


/** Per journal, whom its daily notes meet one to one, note by note in day order as far as they were read; null when the notes are not in day order. */
const metSoFar = new WeakMap<Journal, { read: number; keys: string[]; firstIn: number[]; seen: Set<string>; days: Set<string> } | null>();

/**
 * What metOneToOne answers when it reads every earlier note: whom the daily notes up to
 * `end` meet, each note's names looked up once per run instead of once per period (a
 * rebuild asks for hundreds of periods, ten years of notes each: a sixth of its time).
 * The people in the order the notes first meet them, as oneOnOnePeople adds them; null
 * when a name's answer may still change, and the period is worked out as before.
 */
async function metThrough(journal: Journal, end: string): Promise<Set<string> | null> {
  const notes = journal.dailyNotes;
  let state = metSoFar.get(journal);
  if (state === undefined) {
    const inOrder = notes.every((note, i) => i === 0 || notes[i - 1].day <= note.day);
    state = inOrder ? { read: 0, keys: [], firstIn: [], seen: new Set(), days: new Set(notes.map((d) => d.path)) } : null;
    metSoFar.set(journal, state);
  }
  if (state === null) return null;
  let upTo = state.read;
  while (upTo < notes.length && notes[upTo].day <= end) upTo++;
  while (upTo > 0 && notes[upTo - 1].day > end) upTo--;
  if (upTo > state.read) {
    const files = notes.slice(state.read, upTo);
    await journal.load(files);
    await prepareTargets(journal, files.map((file) => journal.parsedNote(file.path)).filter((n): n is DailyNote => n !== null));
    for (let i = state.read; i < upTo; i++) {
      const daily = journal.parsedNote(notes[i].path);
      const keys = daily ? peopleMetIn(daily, journal.catalog, state.days) : [];
      if (keys === null) return null;
      for (const key of keys) {
        if (state.seen.has(key)) continue;
        state.seen.add(key);
        state.keys.push(key);
        state.firstIn.push(i);
      }
      state.read = i + 1;
    }
  }
  let count = state.keys.length;
  while (count > 0 && state.firstIn[count - 1] >= upTo) count--;
  return new Set(state.keys.slice(0, count));
}

/**
 * A page linked under *Projects* whom the journal meets one to one is someone worked with,
 * never a project: as for a page marked as a person, the link is a mention of them and the
 * line goes to the work log.
 */
function movePeopleFromProjects(projects: ReviewProject[], mentions: NoteDigest['projectMentions'], met: Set<string>, people: EntryTable, workLog: Mention[]): void {
  const moved = mentions.filter((m) => met.has(m.target.key));
  if (moved.length === 0) return;
  const at = new Set(moved.map((m) => `${m.mention.path}\u0000${m.line}`));
  const kept = projects.filter((p) => !(p.linked && at.has(`${p.path}\u0000${p.line}`)));
  projects.splice(0, projects.length, ...kept);
  for (const m of moved) {
    people.add({ ...m.target, kind: 'person' }, m.mention);
    workLog.push(m.workLog);
  }
  people.sortBlocks();
  workLog.sort((a, b) => a.date.localeCompare(b.date) || a.line - b.line);
}

/** The history without these topics: the markers of this review are no topics of What changed either. */
function withoutTopics(history: History, keys: Set<string>): History {
  if (![...keys].some((key) => history.topics.has(key))) return history;
  return { ...history, topics: new Map([...history.topics].filter(([key]) => !keys.has(key))) };
}

/** A task as it stood on `end`: one done after it (its `✅ date`) was still open then. */
function asOf(task: ReviewTask, end: string): ReviewTask {
  return statusOn(task, end) === task.status ? task : { ...task, done: false, status: 'open' };
}

/**
 * A task copied from day to day (by hand or a rollover plugin) and checked on
 * a later day was done: its open copies say on which day. Copies, as the
 * digests' tasks are shared by every period.
 */
function withRollovers(tasks: ReviewTask[]): ReviewTask[] {
  const lastDone = new Map<string, string>();
  for (const task of tasks) {
    if (task.status !== 'done') continue;
    const key = taskKey(task.text);
    if ((lastDone.get(key) ?? '') < task.date) lastDone.set(key, task.date);
  }
  if (lastDone.size === 0) return tasks;
  return tasks.map((task) => {
    const done = task.done ? undefined : lastDone.get(taskKey(task.text));
    return done !== undefined && done >= task.date ? { ...task, doneOn: done } : task;
  });
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** The first of each group of items that share a key, in their order. */
function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function dedupeWarnings(warnings: Warning[]): Warning[] {
  return uniqueBy(warnings, (w) => `${w.path}\u0000${w.message}`);
}

/** The notes goals were read from, per journal and period: a memo of the review must watch them too. */
const goalSources = new WeakMap<Journal, Map<string, string[]>>();

/** The review notes a period's goals are read from when they exist: its own and its year's, for a quarter or a year. */
export function goalReviewNotes(period: Period, settings: DaybookSettings): string[] {
  if (period.kind !== 'year' && period.kind !== 'quarter') return [];
  return [...new Set([reviewNotePath(period, settings), reviewNotePath(periodContaining('year', period.start), settings)])];
}

/**
 * Goals come from the goals note (setting) and from a *Goals* section the user
 * wrote in the period's own review note or in the year's review note, outside
 * Daybook's region. A daily note's *Goals* heading is that day's, not the year's.
 */
async function findGoals(journal: Journal, period: Period, reviewPath: string, warnings: Warning[]): Promise<ReviewGoal[]> {
  const goals: ReviewGoal[] = [];
  const sources: string[] = [];
  const fromNote = (note: NoteModel, path: string, all: boolean) => {
    note.blocks.forEach((block, i) => {
      const inGoals = all || isUnder(note.blocks, i, (name) => name === 'goals' || /^goals? for /.test(name));
      if (!inGoals || block.kind === 'heading' || isPlaceholder(block.text) || foldName(sectionName(block)) === 'goals') return;
      goals.push({
        text: block.task ? taskText(block) : block.quote,
        path,
        line: block.line,
        done: block.task ? block.task.done : null,
        evidence: block.links.filter((l) => !l.embed && l.target !== '').map((l) => ({ name: l.target, path: null, days: [], projects: [] })),
      });
    });
  };
  const read = async (path: string, all: boolean, optional: boolean) => {
    try {
      // A review note is read only around Daybook's region: a source that tracks reads then knows a rewritten region changes no goal.
      const text = all ? await journal.source.read(path) : journal.source.readOutsideRegion ? await journal.source.readOutsideRegion(path) : outsideRegion(await journal.source.read(path));
      sources.push(path);
      fromNote(parseNote(text), path, all);
    } catch (error) {
      if (!optional) warnings.push({ path, message: `goals note cannot be read: ${error instanceof Error ? error.message : String(error)}` });
    }
  };
  const goalsPath = journal.settings.goalsNote ? journal.catalog.lookup(journal.settings.goalsNote).path : null;
  if (goalsPath) await read(goalsPath, true, false);
  for (const path of goalReviewNotes(period, journal.settings)) if (journal.isListed(path) && path !== goalsPath) await read(path, false, true);
  let perJournal = goalSources.get(journal);
  if (!perJournal) goalSources.set(journal, (perJournal = new Map<string, string[]>()));
  perJournal.set(period.id, sources);
  return goals;
}

/** Each goal's links, with the days and projects of the period that link to the same notes. */
async function linkGoals(journal: Journal, goals: ReviewGoal[], tables: Record<TargetKind, EntryTable>, projects: ReviewProject[]): Promise<void> {
  const { catalog } = journal;
  await catalog.prepare(goals.flatMap((g) => g.evidence.map((e) => e.name)));
  for (const goal of goals) {
    goal.evidence = goal.evidence.map((link): GoalEvidence => {
      const target = catalog.lookup(link.name);
      const entry = tables.person.get(target.key) ?? tables.topic.get(target.key) ?? tables.other.get(target.key);
      const named = projects.filter((p) => foldName(p.name) === foldName(target.name) || foldName(p.name) === foldName(link.name));
      const days = new Map<string, { date: string; path: string }>();
      for (const m of [...(entry?.blocks ?? []), ...named]) days.set(m.date, { date: m.date, path: m.path });
      const others = projects.filter((p) => !named.includes(p) && p.lines.some((line) => line.includes(`[[${link.name}`)));
      return {
        name: target.name,
        path: target.path,
        days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)),
        projects: [...new Set([...named, ...others].map((p) => p.name))],
      };
    });
  }
}

/** The linked notes that are design docs or reading (by `type:` or tag), each with the blocks that link it. */
async function typedNotes(
  journal: Journal,
  linked: Map<string, { mentions: Mention[]; takeaways: Mention[] }>,
  warnings: Warning[],
): Promise<{ design: LinkedNote[]; reading: LinkedNote[] }> {
  const { brag } = journal.settings;
  const fold = (list: string[]) => new Set(list.map(foldName));
  const designTypes = fold(brag.designTypes);
  const designTags = fold(brag.designTags);
  const readingTypes = fold(brag.readingTypes);
  const readingTags = fold(brag.readingTags);
  const design: LinkedNote[] = [];
  const reading: LinkedNote[] = [];
  for (const [path, { mentions, takeaways }] of linked) {
    let frontmatter;
    try {
      frontmatter = (await journal.source.frontmatter(path)).data;
    } catch (error) {
      warnings.push({ path, message: `cannot be read: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    // Matched folded (`Design Doc` is `design-doc`), shown as written in the note.
    const written = (list: string[], strip: RegExp) => list.map((t) => t.replace(strip, '').trim());
    const rawTypes = written(stringList(frontmatter.type), /^\[\[|\]\]$/g);
    const rawTags = written(stringList(frontmatter.tags), /^#/);
    const pick = (raw: string[], wanted: Set<string>) => raw.find((t) => wanted.has(foldName(t)));
    const note = (type: string): LinkedNote => ({ name: basename(path), path, type, mentions, takeaways: dedupeMentions(takeaways) });
    const designType = pick(rawTypes, designTypes) ?? pick(rawTags, designTags) ?? (inAnyFolder(path, brag.designFolders) ? 'doc' : undefined);
    const readingType = pick(rawTypes, readingTypes) ?? pick(rawTags, readingTags) ?? (inAnyFolder(path, brag.readingFolders) ? 'reading' : undefined);
    if (designType !== undefined) design.push(note(designType));
    else if (readingType !== undefined) reading.push(note(readingType));
  }
  const byFirst = (a: LinkedNote, b: LinkedNote) => a.mentions[0].date.localeCompare(b.mentions[0].date) || a.name.localeCompare(b.name);
  return { design: design.sort(byFirst), reading: reading.sort(byFirst) };
}

/** The same line written under two links of one block is one takeaway. */
function dedupeMentions(mentions: Mention[]): Mention[] {
  return uniqueBy(mentions, (m) => `${m.path}\u0000${m.line}`);
}
