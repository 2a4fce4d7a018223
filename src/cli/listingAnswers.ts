import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Journal } from '../core/journal';
import { type AliasAnswers, type LinkAnswers, TargetCatalog } from '../core/links/targets';
import { mayBeMeetingNote } from '../core/review/dayExtras';
import { isInFolder } from '../core/vault';
import { writeCacheFile } from './cacheFile';
import { sealedJson, unsealJson } from './cacheJson';

const PREFIX = 'listing-';
/** What randomUUID gives: the only ids a run's answers are kept under. */
const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Which run's answers each period's memo names, as the runs that wrote them left it. */
const REFS = 'listings-named.json';

/**
 * `periods`: the run each memo written since the last rebuild names; `pinned`: every run the
 * last rebuild kept (its memos' and its record's). A run's answers named by neither may still be
 * named by a memo older than this file: only answers this file shows replaced are removed.
 */
interface Refs {
  version: string;
  periods: Record<string, string>;
  pinned: string[];
}

function isRefs(value: unknown, version: string): value is Refs {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    r.version === version &&
    typeof r.periods === 'object' &&
    r.periods !== null &&
    !Array.isArray(r.periods) &&
    Object.values(r.periods).every((id) => typeof id === 'string') &&
    Array.isArray(r.pinned) &&
    r.pinned.every((id) => typeof id === 'string')
  );
}

interface Stored extends LinkAnswers, AliasAnswers {
  version: string;
  /** The listing as reviews see it apart from link lookups (see `shapeKey`). */
  shape: string;
  /** A block reference was looked for through every note: then only the same listing answers the same. */
  everyNote: boolean;
}

const isPairs = (value: unknown, second: (v: unknown) => boolean): boolean =>
  Array.isArray(value) && value.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && second(pair[1]));

function isStored(value: unknown, version: string): value is Stored {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    s.version === version &&
    typeof s.shape === 'string' &&
    typeof s.everyNote === 'boolean' &&
    isPairs(s.resolved, (path) => path === null || typeof path === 'string') &&
    isPairs(s.linktexts, (text) => typeof text === 'string') &&
    isPairs(s.aliases, (path) => path === null || typeof path === 'string') &&
    isPairs(s.names, (list) => Array.isArray(list) && list.every((name) => typeof name === 'string'))
  );
}

/**
 * What the reviews of one run asked of the vault's listing, kept under the
 * run's id so that a review built then stays valid over another listing (a
 * note added or removed) while that listing answers the same: every name the
 * link index was asked, with the note it resolved to or none (case, Unicode
 * form, path or bare name, as the index resolves them), every link text, and
 * the listing's shape — the daily notes and their days, what the vault is
 * said to hold, the notes that may be meeting notes and the people folder's
 * notes. Any note that would answer one of them otherwise invalidates every
 * review of that run, a superset of what each review asked: never one too few.
 * So are the answers its aliases gave, for when the alias notes changed (the memo's `aliases` key).
 */
export class ListingAnswers {
  /** This run's answers are kept under this id, which each memo it writes names. */
  readonly id = randomUUID();
  private readonly checked = new Map<string, boolean>();
  private readonly aliasesChecked = new Map<string, boolean>();
  private readonly loaded = new Map<string, Stored | null>();
  /** A catalog of its own for checking aliases: reading them must not change what this run's reviews are built with. */
  private aliasCatalog: TargetCatalog | null = null;
  private shape: string | null = null;
  /** The periods whose memos this run wrote, each naming this run's id. */
  private readonly written = new Set<string>();

  constructor(
    private readonly dir: string,
    private readonly journal: Journal,
    private readonly version: string,
  ) {}

  private get folder(): string {
    return join(this.dir, 'reviews');
  }

  /**
   * Beside the memos, one file per run: `listing-<id>.json`; null for an id no
   * run gives (ids come from memos and refs, which may be hand-edited: `../x`
   * must never name a file outside the cache, to be read or removed).
   */
  private file(id: string): string | null {
    return RUN_ID.test(id) ? join(this.folder, `${PREFIX}${id}.json`) : null;
  }

  /**
   * Everything besides link lookups by which the listing reaches a review:
   * which notes are daily notes (and the warnings about names that look like
   * one), the vault's description (a Logseq graph's count of pages), the notes
   * the meeting notes are found among and the people folder's notes, each in
   * listing order.
   */
  private shapeKey(): string {
    if (this.shape === null) {
      const { journal } = this;
      const { settings } = journal;
      const daily = new Set(journal.dailyNotes.map((note) => note.path));
      const meetings = settings.meetingNotes ? journal.files.filter((f) => !daily.has(f.path) && mayBeMeetingNote(f.path, settings)).map((f) => f.path) : [];
      const people = settings.filedUnderDays && settings.peopleFolder ? journal.files.filter((f) => isInFolder(f.path, settings.peopleFolder)).map((f) => f.path) : [];
      const shape = [journal.dailyNotes.map((note) => [note.path, note.day]), journal.warnings, journal.describeVault(), meetings, people];
      this.shape = createHash('sha1').update(JSON.stringify(shape)).digest('hex');
    }
    return this.shape;
  }

  /** Whether the run kept under `id` asked nothing that this listing answers otherwise. Checked once per run. */
  holds(id: string): boolean {
    let holds = this.checked.get(id);
    if (holds === undefined) {
      holds = this.check(id);
      this.checked.set(id, holds);
    }
    return holds;
  }

  private stored(id: string): Stored | null {
    let stored = this.loaded.get(id);
    if (stored === undefined) {
      stored = null;
      try {
        const file = this.file(id);
        const value = file === null ? null : unsealJson(readFileSync(file));
        if (isStored(value, this.version)) stored = value;
      } catch {
        // Missing or unreadable: the review is built afresh.
      }
      this.loaded.set(id, stored);
    }
    return stored;
  }

  private check(id: string): boolean {
    const stored = this.stored(id);
    if (!stored || stored.everyNote || stored.shape !== this.shapeKey()) return false;
    return this.journal.catalog.answersHold(stored);
  }

  /**
   * Whether the aliases as the notes hold them now give every answer the run
   * kept under `id` had of them: for a review built while the alias notes were
   * otherwise (a note added, or one changed that names nothing asked). Checked once per run.
   */
  aliasesHold(id: string): boolean {
    let holds = this.aliasesChecked.get(id);
    if (holds === undefined) {
      const stored = this.stored(id);
      const { journal } = this;
      this.aliasCatalog ??= new TargetCatalog(journal.source, journal.files, journal.settings, journal.dialect, journal.dailyNotes);
      holds = stored !== null && this.aliasCatalog.aliasAnswersHold(stored);
      this.aliasesChecked.set(id, holds);
    }
    return holds;
  }

  /** A memo naming this run's answers was written for `periodId`. */
  memoWritten(periodId: string): void {
    this.written.add(periodId);
  }

  /**
   * Keeps this run's answers, for the memos it wrote. The answers a memo named
   * before this run rewrote it are removed once no memo the refs know of, nor
   * the last rebuild, names them: a review run every day for the current week
   * left a file of answers behind each day (150 KB each in the bench's vault).
   */
  save(): void {
    const stored: Stored = { version: this.version, shape: this.shapeKey(), everyNote: this.journal.searchedEveryNoteForBlocks, ...this.journal.catalog.answersGiven(), ...this.journal.catalog.aliasAnswersGiven() };
    const own = this.file(this.id);
    if (own === null || !writeCacheFile(own, sealedJson(stored)) || this.written.size === 0) return;
    const refs = this.readRefs() ?? { version: this.version, periods: {}, pinned: [] };
    const replaced = new Set<string>();
    for (const period of this.written) {
      const before = refs.periods[period];
      if (before !== undefined && before !== this.id) replaced.add(before);
      refs.periods[period] = this.id;
    }
    if (!writeCacheFile(join(this.folder, REFS), sealedJson(refs))) return;
    const named = new Set([...Object.values(refs.periods), ...refs.pinned]);
    for (const id of replaced) {
      const file = this.file(id);
      if (file !== null && !named.has(id)) rmSync(file, { force: true });
    }
  }

  private readRefs(): Refs | null {
    try {
      const value = unsealJson(readFileSync(join(this.folder, REFS)));
      return isRefs(value, this.version) ? value : null;
    } catch {
      return null;
    }
  }

  /** Removes the answers of runs no memo names any more (`keep`: the ids memos name), which the refs then pin. */
  prune(keep: Set<string>): void {
    let names: string[];
    try {
      names = readdirSync(this.folder);
    } catch {
      return;
    }
    writeCacheFile(join(this.folder, REFS), sealedJson({ version: this.version, periods: {}, pinned: [...keep].sort() } satisfies Refs));
    for (const name of names) if (name.startsWith(PREFIX) && name.endsWith('.json') && !keep.has(name.slice(PREFIX.length, -'.json'.length))) rmSync(join(this.folder, name), { force: true });
  }
}
