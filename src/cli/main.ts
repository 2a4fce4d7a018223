import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { type Stats, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type * as V8 from 'node:v8';
import { type DailyNoteFile, dailyNotePath, findDailyNote } from '../core/dailyNotes';
import { compareDays, dateToDay, isDay, resolvePeriod } from '../core/dates/periods';
import { Journal } from '../core/journal';
import { noteText } from '../core/review/noteWords';
import { notesAhead } from '../core/review/periodHistory';
import { renderJournalBase, writeJournalBase } from '../core/journalBase';
import { buildReview, reviewNotePath } from '../core/review/buildReview';
import { plural } from '../core/review/renderMarkdown';
import { renderReview } from '../core/review/renderReview';
import { readWholeHistory } from '../core/review/history';
import { describeOutcome, periodsWithNotes, TEMPLATER_OUTSIDE_THE_APP, type WriteOutcome, writeReview } from '../core/reviewWriter';
import { orphanedPictures, removeOrphanedPicture, removeStaleReview, staleReviewNotes } from '../core/staleReviews';
import type { DaybookSettings } from '../core/settings';
import { defaultTemplate, fillTemplate, hasTemplaterCommands } from '../core/template';
import { basename, isInFolder, type Warning } from '../core/vault';
import { FolderVault, NotWritable } from './folderVault';
import { cacheInsideVault } from './cacheLocation';
import { explainFsError } from './fsErrors';
import { DiskParseCache, defaultCacheDir } from './parseCache';
import { ParsePool, POOL_THRESHOLD } from './parsePool';
import { FrontmatterIndex } from './frontmatterIndex';
import { ListingCache } from './listingCache';
import { DailyNoteIndex } from './dailyNoteIndex';
import { sharing } from './sharedStrings';
import { ReviewMemo } from './reviewMemo';
import { RebuildRecord } from './rebuildRecord';
import { moodChartPath } from '../core/review/moodChart';
import { incidentIndexPath } from '../core/review/incidentIndex';
import { reviewToJson } from './reviewJson';
import type { Period } from '../core/dates/periods';
import type { ReviewData } from '../core/review/types';
import { type NoteModel, parseNote } from '../core/note/parseNote';
import { loadVaultSettings, SettingsError } from './vaultSettings';
import { incidentsCommand, type IndexWrite, writeIndexLine } from './incidentsCommand';
import { exportCommand, type ExportOptions } from './exportCommand';
import type { Dialect } from '../core/dialect/dialect';
import { LOGSEQ_CONFIG_PATH } from '../core/dialect/logseqConfig';
import { logseqJournalPage } from '../core/dialect/journalPage';
import { lazyBuiltin } from './lazy/builtin';

/** Only a rebuild or a review of many notes sets V8's flags. */
const v8 = lazyBuiltin<typeof V8>('node:v8');

/** A problem the user can fix: printed as one line, without a stack trace. */
class UsageError extends Error {}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal, for progress lines. */
  isTty: boolean;
  now: () => Date;
}

const EXIT_SKIPPED = 3;
const EXIT_FAILED = 1;

/** One line for a review note that could not be written: the path first, the reason after. */
function notWritten(path: string, error: unknown): string {
  const message = explainFsError(error);
  return `error: ${path}: not written: ${message.startsWith(path) ? message.slice(path.length).replace(/^[:\s]+/, '') : message}`;
}

/** Years a note name can hold in four digits: below 1000 or above 9999 would name another year's note. */
function inYearRange(text: string): boolean {
  const year = Number(/^(\d{4})/.exec(text)?.[1]);
  return year >= 1000 && year <= 9999;
}

function dayOption(value: string): string {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value) || !isDay(value)) throw new InvalidArgumentError('expected a date written YYYY-MM-DD, a day that exists');
  if (!inYearRange(value)) throw new InvalidArgumentError('expected a date written YYYY-MM-DD, in the years 1000 to 9999');
  return value;
}

async function openVault(dir: string | undefined, io: Io): Promise<{ vault: FolderVault; settings: DaybookSettings; dialect: Dialect }> {
  if (!dir) throw new UsageError('--vault DIR is required: the folder of your Obsidian vault');
  const root = resolve(dir);
  let info: Stats | undefined;
  try {
    info = statSync(root, { throwIfNoEntry: false });
  } catch {
    info = undefined;
  }
  if (!info?.isDirectory()) throw new UsageError(`vault folder not found: ${dir}`);
  const { settings, problems, errors, file, dialect, dialectProblems } = await loadVaultSettings(root);
  for (const problem of problems) if (!errors.includes(problem)) io.stderr(`warning: ${file}: ${problem}\n`);
  for (const problem of dialectProblems) io.stderr(`warning: ${LOGSEQ_CONFIG_PATH}: ${problem}\n`);
  // A setting that would reach outside the vault, or make two reviews share a note: nothing is read or written.
  if (errors.length) throw new SettingsError(errors.map((e) => `${file}: ${e.replace(/; using .*$/, '')}`).join('\ndaybook: '));
  return { vault: await FolderVault.open(root, dialect.parse.pageProperties), settings, dialect };
}

function printWarnings(warnings: Warning[], io: Io): void {
  for (const w of warnings) io.stderr(`warning: ${w.path}: ${w.message}\n`);
}

function describe(outcome: Omit<WriteOutcome, 'review'>): string {
  const line = describeOutcome(outcome);
  return outcome.status === 'edited'
    ? `${line}. Move your text outside the %% daybook %% markers, or run again with --force (the edited note is kept as a backup beside it)`
    : line;
}

interface ReviewOptions {
  cache?: boolean;
  workers?: boolean;
  cacheDir?: string;
  vault?: string;
  period?: string;
  date?: string;
  all?: boolean;
  json?: boolean;
  write?: boolean;
  force?: boolean;
}

async function review(options: ReviewOptions, io: Io): Promise<number> {
  const opened = await openVault(options.vault, io);
  let pool: ParsePool | null = null;
  // Workers are started only once a run turns out to parse many notes.
  const rules = opened.dialect.parse;
  const parse = (text: string): NoteModel | Promise<NoteModel> => (pool ? pool.parse(text) : parseNote(text, rules));
  const speller = (text: string) => (pool ? pool.spell(text) : noteText(text));
  const dir = useCache(options, opened.vault, io) ? cacheDir(options, opened.vault) : null;
  const cache = dir === null ? null : new DiskParseCache(dir, parse, rules);
  const index = dir === null ? null : new FrontmatterIndex(dir, rules.pageProperties);
  const vault = dir === null ? opened.vault : new FolderVault(opened.vault.root, { index: index ?? undefined, listing: new ListingCache(dir), trackReads: true, pageProperties: rules.pageProperties });
  const journal = await Journal.open(vault, opened.settings, { parser: sharing(cache ? cache.parser : parse), speller, spellsAhead: () => pool !== null, dialect: opened.dialect, findDailyNotes: dir === null ? undefined : new DailyNoteIndex(dir).find });
  // Links out of the vault, loops, and second daily notes for a day: never read, so said once, by path.
  printWarnings([...vault.skipped, ...journal.warnings], io);
  if (options.write) vault.removeStaleTemporaries();
  const memo = dir === null ? null : new ReviewMemo(dir, vault, journal);
  // A rebuild checks first whether the last one that settled every note still holds: then no review's memo need be read.
  const rebuild = memo && dir !== null && options.all && options.write ? new RebuildRecord(dir, memo, vault, journal) : null;
  let periods: Period[] | null = null;
  const rebuildHolds = () => (rebuild && !options.force ? rebuild.settled((periods ??= periodsWithNotes(journal))) : null);
  // Whether every review note (and the index) of this rebuild ended written or up to date, so the run can be recorded.
  let allSettled = true;
  const build: Build = memo ? memo.build : buildReview;
  const upToDate = (period: Period) => {
    const warnings = rebuildHolds()?.get(period.id);
    if (warnings) return { warnings };
    return memo ? memo.upToDate(period, reviewNotePath(period, opened.settings)) : null;
  };
  const write: Write = async (period, force, built) => {
    const notePath = reviewNotePath(period, opened.settings);
    const known = force ? null : upToDate(period);
    if (known) return { period: period.id, path: notePath, status: 'unchanged', warnings: known.warnings };
    let outcome: WriteOutcome;
    try {
      const review = await build(journal, period);
      built?.();
      outcome = await writeReview(journal, period, vault, force, async () => review);
    } catch (error) {
      allSettled = false;
      throw error;
    }
    // A chart that failed is retried next run: the review is not recorded as settled.
    if (outcome.status !== 'edited' && !outcome.chartError) memo?.noteSettled(outcome.path, period);
    else allSettled = false;
    return { ...outcome, warnings: outcome.review.warnings };
  };
  const period = options.all ? null : periodOf(options, io);
  const inScope = options.all ? journal.dailyNotes.length : period ? journal.dailyNotesIn(period).length : 0;
  // A rebuild's heap is mostly what each review left behind: grown by V8's own factor (up to 4 × what
  // was live), it reached 430 MB with 160 MB live. At most twice what was live: peak RSS 524 -> 450 MB.
  // A review of many notes too: the synthetic yearly review's last full collection left 52 MB live, and the
  // heap grew to 150 MB of mostly the baseline's and the searched notes' garbage (peak RSS 221 -> 193 MiB).
  if (options.all || inScope >= POOL_THRESHOLD) v8().setFlagsFromString('--heap-growing-percent=100');
  if (options.workers !== false && inScope >= POOL_THRESHOLD) pool = options.all ? ParsePool.beside(rules) : ParsePool.forOneReview(rules, { forced: options.workers === true });
  try {
    // With workers, the notes of the reviews that need work go to them ahead of the reviews, so they stay busy;
    // the first batch while this thread reads the alias notes, the later ones as the rebuild gets to them.
    const notesOf = (periods: Period[]) => periods.filter((p) => options.force || !upToDate(p)).flatMap((p) => journal.dailyNotesIn(p));
    const preload: Preload = pool ? (periods, first) => (first ? whileParsing(journal, notesOf(periods)) : Promise.resolve(journal.preload(notesOf(periods)))) : null;
    // One period's notes on the workers: this thread reads the alias notes meanwhile, instead of after.
    if (pool && period && (options.force || !(upToDate(period) ?? memo?.answers(period)))) await whileParsing(journal, journal.dailyNotesIn(period), notesAhead(journal, period));
    // One review parsed on this thread, with no index of heads (--no-cache): the alias notes are read on another meanwhile.
    if (!pool && period && dir === null && inScope > 0) journal.catalog.readAliasNotesAhead();
    const removeStale: RemoveStale = {
      review: async (path, stalePeriod) => {
        const outcome = await removeStaleReview(vault, path, opened.settings.sliders);
        if (outcome === 'removed' && stalePeriod) memo?.noteSettled(path, stalePeriod);
        return outcome;
      },
      pictures: () => vault.picturesIn(opened.settings.reviewsFolder),
      picture: (path) => removeOrphanedPicture(vault, path),
    };
    const writeIndex: IndexWrite = async () => {
      // The index is read from the same notes as the reviews: a rebuild that holds left it as it would be written now.
      if (rebuildHolds()) return { line: null, skipped: null, failed: false };
      const result = await writeIndexLine(journal, vault, Boolean(options.force));
      if (result.skipped || result.failed) allSettled = false;
      return result;
    };
    // What a review prints follows from the review and the settings: with the cache, kept from the last run that printed it.
    const printSettings = JSON.stringify(opened.settings);
    const render = (json: boolean) => (data: ReviewData) => (json ? reviewToJson(data, 2) + '\n' : renderReview(data, opened.settings));
    const print: Print = async (p, json) => {
      if (memo) return memo.printed(p, json ? 'json' : 'markdown', printSettings, render(json));
      const data = await build(journal, p);
      return { text: render(json)(data), warnings: data.warnings };
    };
    const code = await reviewWith(journal, opened.settings, period, build, print, write, preload, removeStale, options, io, writeIndex);
    if (rebuild && rebuildHolds()) rebuild.refresh();
    else if (rebuild && memo) {
      // Every period's memo was read or written: the listing answers no memo names are let go.
      memo.pruneAnswers();
      if (allSettled && code !== EXIT_FAILED) rebuild.save((periods ??= periodsWithNotes(journal)), (p) => reviewNotePath(p, opened.settings), moodChartPath, incidentIndexPath(opened.settings));
    }
    return code;
  } finally {
    index?.save(journal.files.map((f) => f.path));
    memo?.save();
    await pool?.close();
  }
}

/** A journal over the vault through the parse cache (unless --no-cache), for commands that read every note. */
async function withVault(options: ReviewOptions, io: Io, act: (journal: Journal, vault: FolderVault) => Promise<number>): Promise<number> {
  const opened = await openVault(options.vault, io);
  const rules = opened.dialect.parse;
  const parse = (text: string): NoteModel => parseNote(text, rules);
  const dir = useCache(options, opened.vault, io) ? cacheDir(options, opened.vault) : null;
  const cache = dir === null ? null : new DiskParseCache(dir, parse, rules);
  const index = dir === null ? null : new FrontmatterIndex(dir, rules.pageProperties);
  const vault = dir === null ? opened.vault : new FolderVault(opened.vault.root, { index: index ?? undefined, listing: new ListingCache(dir), pageProperties: rules.pageProperties });
  const journal = await Journal.open(vault, opened.settings, { parser: sharing(cache ? cache.parser : parse), dialect: opened.dialect, findDailyNotes: dir === null ? undefined : new DailyNoteIndex(dir).find });
  printWarnings([...vault.skipped, ...journal.warnings], io);
  try {
    return await act(journal, vault);
  } finally {
    index?.save(journal.files.map((f) => f.path));
  }
}

/**
 * Whether this run reads and writes the cache. The cache is never among the notes: a
 * `--cache-dir` inside the vault is a usage error; a default one that falls inside it
 * (a vault that is the home folder, XDG_CACHE_HOME pointing into it) runs without cache.
 */
function useCache(options: ReviewOptions, vault: FolderVault, io: Io): boolean {
  if (options.cache === false) return false;
  if (!cacheInsideVault(cacheDir(options, vault), vault.realRoot)) return true;
  if (options.cacheDir !== undefined) throw new UsageError(`--cache-dir ${options.cacheDir} is inside the vault; the cache is kept outside the notes (choose a folder outside ${vault.root})`);
  io.stderr(`warning: the cache folder ${cacheDir(options, vault)} is inside the vault; running without the cache (set XDG_CACHE_HOME or --cache-dir to a folder outside it)\n`);
  return false;
}

/**
 * Waits for notes being parsed on worker threads, reading the notes aliases
 * may come from in the meantime: a review with an unresolved link needs them
 * after the parse, and this thread would only wait. What the review's history
 * reads next (`ahead`) goes to the workers right after, so they parse and spell
 * it while this thread digests the period.
 */
async function whileParsing(journal: Journal, notes: DailyNoteFile[], ahead?: { baseline: DailyNoteFile[]; earlier: DailyNoteFile[] }): Promise<void> {
  if (notes.length === 0) return;
  const parsing = journal.load(notes);
  if (ahead) {
    journal.preload(ahead.baseline);
    for (const file of ahead.earlier) journal.spelling(file.path).catch(() => undefined);
  }
  // After the notes read so far have gone to the workers, so they are busy first.
  await new Promise((resolve) => setImmediate(resolve));
  await journal.catalog.prefetchAliasNotes();
  await parsing;
}

function cacheDir(options: ReviewOptions, vault: FolderVault): string {
  return options.cacheDir ?? defaultCacheDir(vault.root);
}

type Build = (journal: Journal, period: Period) => Promise<ReviewData>;
/** The review of a period as printed (markdown, or JSON with `json`), with its warnings. */
type Print = (period: Period, json: boolean) => Promise<{ text: string; warnings: Warning[] }>;
/** What writing a review did; the review itself is absent when the note was known to be up to date. */
type Written = Omit<WriteOutcome, 'review'> & { review?: ReviewData; warnings: Warning[] };
/** Writes a period's review; `built` is called once the review is built and only its files are left to write. */
type Write = (period: Period, force: boolean, built?: () => void) => Promise<Written>;

/** Starts parsing the notes of these periods' reviews ahead of them; `first`: the rebuild's first batch. */
type Preload = ((periods: Period[], first: boolean) => Promise<void>) | null;

/**
 * How many periods ahead of the review being built a rebuild has its notes parsed. A worker
 * parses a week's notes in a fraction of the time this thread takes to build its review, so a
 * few weeks keep it busy; handing it all ten years at once kept every parsed model waiting
 * here to be digested, the rebuild's peak.
 */
const PARSE_AHEAD = 16;

/** Reviews of a rebuild between built and told: one whose files are being flushed while the next is built. */
const WRITES_IN_FLIGHT = 2;
/** Removes a stale review note (and its chart) when nothing in it is the user's, and pictures left without their review. */
interface RemoveStale {
  review: (path: string, period: Period | null) => Promise<'removed' | 'kept' | 'not a review'>;
  /** The pictures (`.svg`) in the reviews folder. */
  pictures: () => string[];
  /** Removes a review's picture left without its review, while it is Daybook's. */
  picture: (path: string) => Promise<boolean>;
}

/** The period a single review is for, or a usage error saying what to write instead. */
function periodOf(options: ReviewOptions, io: Io): Period {
  if (!options.period) throw new UsageError('--period is required: 2026-W47, 2026-11, 2026-Q4, 2026, or week|month|quarter|year');
  const named = options.period.trim();
  // ASCII only: full-width or other digits must not be read as another period.
  const period = /^[\x20-\x7e]+$/.test(named) ? resolvePeriod(named, options.date ?? dateToDay(io.now())) : null;
  if (period && !inYearRange(period.start)) throw new UsageError(`period "${options.period}" is outside the years 1000 to 9999`);
  if (!period) throw new UsageError(`unknown period "${options.period}": use 2026-W47, 2026-11, 2026-Q4, 2026, or week|month|quarter|year`);
  return period;
}

async function reviewWith(journal: Journal, settings: DaybookSettings, period: Period | null, build: Build, print: Print, write: Write, preload: Preload, removeStale: RemoveStale, options: ReviewOptions, io: Io, writeIndex: IndexWrite): Promise<number> {
  if (options.all || period === null) {
    if (!options.write) throw new UsageError('--all rebuilds review notes, so it needs --write');
    return rebuildAll(journal, Boolean(options.force), write, preload, removeStale, io, writeIndex);
  }
  if (options.write) {
    let outcome: Written;
    try {
      outcome = await write(period, Boolean(options.force));
    } catch (error) {
      io.stderr(notWritten(reviewNotePath(period, settings), error) + '\n');
      return EXIT_FAILED;
    }
    printWarnings(outcome.warnings, io);
    if (options.json) io.stdout(reviewToJson(outcome.review ?? (await build(journal, period)), 2) + '\n');
    io.stderr(describe(outcome) + '\n');
    return outcome.chartError ? EXIT_FAILED : outcome.status === 'edited' ? EXIT_SKIPPED : 0;
  }
  const printed = await print(period, Boolean(options.json));
  printWarnings(printed.warnings, io);
  io.stdout(printed.text);
  return 0;
}

/** The indexes of `periods` in the order their reviews are built: by the day each period ends, shorter periods first on the same day. */
function buildOrder(periods: Period[]): number[] {
  return periods.map((_, at) => at).sort((a, b) => compareDays(periods[a].end, periods[b].end) || a - b);
}

async function rebuildAll(journal: Journal, force: boolean, write: Write, preload: Preload, removeStale: RemoveStale, io: Io, writeIndex: IndexWrite): Promise<number> {
  const periods = periodsWithNotes(journal);
  // Every period compares with the history before it: grown once, oldest first, for all of them.
  readWholeHistory(journal);
  // Not awaited: workers parse ahead (weeks first, oldest first, as the reviews are built)
  // while this thread builds and writes reviews from the notes already parsed.
  let sent = 0;
  const parseAhead = (from: number) => {
    const upTo = Math.min(periods.length, from + PARSE_AHEAD);
    if (!preload || upTo <= sent) return;
    preload(order.slice(sent, upTo).map((at) => periods[at]), sent === 0).catch(() => undefined);
    sent = upTo;
  };
  const counts = { written: 0, unchanged: 0, skipped: 0, failed: 0, chartsFailed: 0 };
  const skipped: string[] = [];
  const warned = new Set<string>();
  // A review's files are flushed to disk on the thread pool while the next review is built (the flushes were a
  // fifth of breadchris's cold rebuild on this thread); reviews are still built one at a time.
  const writing: Promise<{ period: Period; outcome?: Written; error?: unknown }>[] = [];
  // Built in the order their periods end (a month right after its last week), so this thread builds the months,
  // quarters and years of the notes parsed so far while the workers parse the later weeks' notes, instead of
  // waiting on them and building every longer review at the end; told in the order of `periods` all the same.
  const order = buildOrder(periods);
  const results = new Array<{ period: Period; outcome?: Written; error?: unknown } | undefined>(periods.length);
  let told = 0;
  const keep = (at: number, result: { period: Period; outcome?: Written; error?: unknown }) => {
    // Only what telling needs is kept: a review's data goes as soon as it is written.
    results[at] = result.outcome ? { ...result, outcome: { ...result.outcome, review: undefined } } : result;
    while (told < results.length && results[told]) {
      tell(results[told]!);
      results[told++] = undefined;
    }
  };
  for (const [i, at] of order.entries()) {
    const period = periods[at];
    parseAhead(i);
    if (io.isTty) io.stderr(`\r\x1b[K[${i + 1}/${periods.length}] ${period.id}`);
    let built = (): void => undefined;
    const ready = new Promise<void>((resolve) => (built = resolve));
    const done = write(period, force, built).then(
      (outcome) => ({ period, outcome }),
      (error: unknown) => ({ period, error }),
    );
    writing.push(done.then((result) => (keep(at, result), result)));
    await Promise.race([ready, done]);
    while (writing.length >= WRITES_IN_FLIGHT) await writing.shift();
  }
  while (writing.length > 0) await writing.shift();
  function tell({ period, outcome, error }: { period: Period; outcome?: Written; error?: unknown }): void {
    if (!outcome) {
      // One review that cannot be written (read-only, a folder, a link out of the vault) never stops the others.
      counts.failed++;
      io.stderr(`${io.isTty ? '\r\x1b[K' : ''}${notWritten(reviewNotePath(period, journal.settings), error)}\n`);
      return;
    }
    for (const w of outcome.warnings) {
      const key = `${w.path}\u0000${w.message}`;
      if (!warned.has(key)) printWarnings([w], io);
      warned.add(key);
    }
    if (outcome.status === 'unchanged') counts.unchanged++;
    else if (outcome.status === 'edited') {
      counts.skipped++;
      skipped.push(outcome.path);
    } else counts.written++;
    if (outcome.backupPath) io.stderr(`${io.isTty ? '\r\x1b[K' : ''}${describe(outcome)}\n`);
    if (outcome.chartProblem) io.stderr(`${io.isTty ? '\r\x1b[K' : ''}warning: ${outcome.chartProblem}\n`);
    if (outcome.chartError) {
      counts.chartsFailed++;
      io.stderr(`${io.isTty ? '\r\x1b[K' : ''}error: ${outcome.chartError}\n`);
    }
  }
  if (io.isTty) io.stderr('\r\x1b[K');
  // The incident index is regenerated with the reviews; said only when something happened to it.
  const index = await writeIndex();
  if (index.line) io.stderr(index.line + '\n');
  if (index.skipped) skipped.push(index.skipped);
  if (index.skipped) counts.skipped++;
  if (index.failed) counts.failed++;
  // What a rebuild from first principles would not write: reviews of periods no daily note falls in any more.
  let removed = 0;
  for (const stale of staleReviewNotes(journal, periods)) {
    try {
      const outcome = await removeStale.review(stale.path, stale.period);
      if (outcome === 'removed') removed++;
      else if (outcome === 'kept' && stale.period) io.stderr(`warning: ${stale.path}: no daily note falls in ${stale.period.id} any more; kept, as it holds text of yours\n`);
    } catch (error) {
      counts.failed++;
      io.stderr(`error: ${stale.path}: not removed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  // Pictures of reviews deleted by hand, under names no review has now: a fresh rebuild has none.
  for (const path of orphanedPictures(journal, removeStale.pictures(), periods)) {
    try {
      await removeStale.picture(path);
    } catch (error) {
      counts.failed++;
      io.stderr(`error: ${path}: not removed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  const removedText = removed ? `, ${removed} removed (no daily notes left in their period)` : '';
  const skippedText = skipped.length ? ` (edited by hand: ${skipped.join(', ')}; use --force to rewrite them, keeping a backup)` : '';
  const failedText = (counts.failed ? `, ${counts.failed} not written (see above)` : '') + (counts.chartsFailed ? `, ${plural(counts.chartsFailed, 'mood chart')} not written (see above)` : '');
  io.stderr(`${periods.length} reviews: ${counts.written} written, ${counts.unchanged} unchanged, ${counts.skipped} skipped because edited by hand${removedText}${failedText}${skippedText}\n`);
  return counts.failed || counts.chartsFailed ? EXIT_FAILED : counts.skipped ? EXIT_SKIPPED : 0;
}

async function daily(options: { vault?: string; date?: string }, io: Io): Promise<number> {
  const { vault, settings, dialect } = await openVault(options.vault, io);
  const day = options.date ?? dateToDay(io.now());
  // The day's note wherever it sits under the daily folder (filed away in a subfolder) is that day's note.
  const existing = findDailyNote(await vault.list(), day, settings);
  if (existing) {
    io.stderr(`${existing.path} already exists; left as it is\n`);
    io.stdout(existing.path + '\n');
    return 0;
  }
  const path = dailyNotePath(day, settings);
  // In a Logseq graph, without a template of Daybook's own, today's note is a Logseq journal page.
  const edn = dialect.spec.app === 'logseq' && !settings.templatePath ? await vault.readIfExists(LOGSEQ_CONFIG_PATH) : null;
  if (edn !== null) {
    const pages = (await vault.list()).map((file) => file.path).filter((p) => p.endsWith('.md') && dialect.isNote(p) && !isInFolder(p, settings.dailyFolder));
    const page = await logseqJournalPage({ ednText: edn, day, now: io.now(), settings, pages, read: (p) => vault.readIfExists(p) });
    if (page.missingTemplate) io.stderr(`warning: no page of the graph holds the journal template "${page.missingTemplate}" (${LOGSEQ_CONFIG_PATH} :default-templates); using Daybook's journal page\n`);
    if (!(await vault.create(path, page.text))) io.stderr(`${path} already exists; left as it is\n`);
    io.stdout(path + '\n');
    return 0;
  }
  let template = defaultTemplate(settings);
  if (settings.templatePath) {
    const templateFile = settings.templatePath.endsWith('.md') ? settings.templatePath : `${settings.templatePath}.md`;
    const text = await vault.readIfExists(templateFile);
    if (text === null) io.stderr(`warning: template ${templateFile} not found; using Daybook's default template\n`);
    else template = text;
  }
  const text = fillTemplate(template, { day, title: basename(path), now: io.now(), settings });
  const created = await vault.create(path, text);
  if (!created) io.stderr(`${path} already exists; left as it is\n`);
  else if (hasTemplaterCommands(text)) io.stderr(`warning: ${path}: ${TEMPLATER_OUTSIDE_THE_APP}\n`);
  io.stdout(path + '\n');
  return 0;
}

async function base(options: { vault?: string; write?: boolean; force?: boolean }, io: Io): Promise<number> {
  const { vault, settings } = await openVault(options.vault, io);
  const rendered = renderJournalBase(settings);
  if ('problem' in rendered) throw new UsageError(rendered.problem);
  if (!options.write) {
    io.stdout(rendered.text);
    return 0;
  }
  const outcome = await writeJournalBase(vault, settings, Boolean(options.force));
  io.stderr(outcome.message + (outcome.status === 'kept' ? ', or run again with --force' : '') + '\n');
  io.stdout(outcome.path + '\n');
  return outcome.status === 'kept' ? EXIT_SKIPPED : 0;
}

function program(io: Io, setExit: (code: number) => void): Command {
  const cli = new Command('daybook')
    .description('Daily notes, incidents and review rollups over an Obsidian vault folder.')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  cli
    .command('review')
    .description('Print or write the review of a week, month, quarter or year')
    .option('--vault <dir>', 'the vault folder')
    .option('--period <period>', '2026-W47, 2026-11, 2026-Q4, 2026, or week|month|quarter|year (the one holding --date)')
    .option('--date <YYYY-MM-DD>', 'the day that week|month|quarter|year is taken around (default: today)', dayOption)
    .option('--all', 'every week, month, quarter and year that has daily notes (with --write)')
    .option('--json', 'print the review as JSON data instead of markdown')
    .option('--write', 'create or update the review note in the vault')
    .option('--force', 'rewrite a review whose generated part was edited by hand, keeping the edited note as a backup')
    .option('--no-cache', 'parse every note afresh, without reading or writing the parse cache')
    .option('--workers', 'parse on worker threads even for one review on two cores, where one thread alone is faster')
    .option('--no-workers', 'parse on this thread only; by default a run over 60+ daily notes parses on worker threads, one per core (one review on two cores: on this thread)')
    .option('--cache-dir <dir>', 'where parsed notes are cached (default: $XDG_CACHE_HOME/daybook/<vault id>, else ~/.cache/…)')
    .action(async (options: ReviewOptions) => setExit(await review(options, io)));
  cli
    .command('incidents')
    .description('Print or write the incident index: every incident of the vault, newest first, with its follow-ups')
    .option('--vault <dir>', 'the vault folder')
    .option('--write', 'create or update the incident index note in the vault')
    .option('--json', 'print the incidents as JSON data instead of markdown')
    .option('--force', 'rewrite an index whose generated part was edited by hand, keeping the edited note as a backup')
    .option('--no-cache', 'parse every note afresh, without reading or writing the parse cache')
    .option('--cache-dir <dir>', 'where parsed notes are cached')
    .action(async (options: ReviewOptions) => setExit(await withVault(options, io, (journal, vault) => incidentsCommand(journal, vault, options, io))));
  cli
    .command('export')
    .description('Print or save a review as a document to hand over: no wiki links, vault paths or Daybook markers')
    .option('--vault <dir>', 'the vault folder')
    .option('--period <period>', '2026-W47, 2026-11, 2026-Q4, 2026, or week|month|quarter|year (the one holding --date)')
    .option('--date <YYYY-MM-DD>', 'the day that week|month|quarter|year is taken around (default: today)', dayOption)
    .addOption(new Option('--format <format>', 'markdown, or self-contained HTML with the charts inlined').choices(['markdown', 'html']).default('markdown'))
    .addOption(new Option('--names <names>', "people's names as written, or as initials (default: the exportNames setting)").choices(['full', 'initials']))
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--no-cache', 'parse every note afresh, without reading or writing the parse cache')
    .option('--cache-dir <dir>', 'where parsed notes are cached')
    .action(async (options: ReviewOptions & ExportOptions) =>
      setExit(await withVault(options, io, (journal) => exportCommand(journal, periodOf(options, io), options, io))),
    );
  cli
    .command('daily')
    .description("Create a day's daily note from the template if it does not exist, and print its path")
    .option('--vault <dir>', 'the vault folder')
    .option('--date <YYYY-MM-DD>', 'the day (default: today)', dayOption)
    .action(async (options: { vault?: string; date?: string }) => setExit(await daily(options, io)));
  cli
    .command('base')
    .description('Print or write the Obsidian base (.base) of the journal: daily notes as rows, mood sliders as columns')
    .option('--vault <dir>', 'the vault folder')
    .option('--write', 'write it into the vault, beside the daily notes')
    .option('--force', 'rewrite a base changed since Daybook wrote it')
    .action(async (options: { vault?: string; write?: boolean; force?: boolean }) => setExit(await base(options, io)));
  return cli;
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it. */
export async function run(argv: string[], io: Io): Promise<number> {
  let code = 0;
  try {
    await program(io, (c) => (code = c)).parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    // Every mistake in the command line is a usage error: exit 2, as for the CLI's own checks.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError || error instanceof SettingsError) {
      io.stderr(`daybook: ${error.message}\n`);
      return 2;
    }
    if (error instanceof NotWritable) {
      io.stderr(`daybook: ${error.message}\n`);
      return EXIT_FAILED;
    }
    io.stderr(`daybook: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
