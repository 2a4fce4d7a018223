import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DailyNoteFile, type DailyNotesFound, findDailyNotes, type ListingFacts, rememberDailyNotes } from '../core/dailyNotes';
import { listingFacts } from '../core/journal';
import { isDay } from '../core/dates/periods';
import type { DaybookSettings } from '../core/settings';
import type { VaultFile } from '../core/vault';
import { version as DAYBOOK_VERSION } from '../../package.json';
import { BUILD_IDENTITY } from '../core/buildIdentity';
import { writeCacheFile } from './cacheFile';
import { sealedJson, unsealJson } from './cacheJson';

/** Bumped whenever what a listing's daily notes are worked out from changes: older files are then ignored. */
const INDEX_VERSION = `${DAYBOOK_VERSION}/3/${BUILD_IDENTITY}`;

/** A daily note (or a duplicate of one) as its place in the listing and its day. */
type Row = [index: number, day: string];

/** The hash of a listing's paths, in order: one per listing, the CLI's memo keys its reviews by it too. */
const listingKeys = new WeakMap<VaultFile[], string>();

/** A listing's key as it was kept with the listing (listingCache.ts): the hash of the same paths, not worked out again. */
export function rememberListingKey(files: VaultFile[], key: string): void {
  listingKeys.set(files, key);
}

export function listingKey(files: VaultFile[]): string {
  let key = listingKeys.get(files);
  if (key === undefined) {
    // Node's native hash: the list of a large vault's notes is a long string.
    key = createHash('sha1').update(files.map((f) => f.path).join('\n')).digest('hex');
    listingKeys.set(files, key);
  }
  return key;
}

/** A run of notes in a list of the listing's: `count` notes from its `first`, in listing order. */
type Run = [first: number, count: number];

/** A list of the listing's notes (in the list's own order) as runs of consecutive notes: the alias notes are most of a vault, few runs. */
function runsOf(indices: number[]): Run[] {
  const runs: Run[] = [];
  for (const index of indices) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === index) last[1]++;
    else runs.push([index, 1]);
  }
  return runs;
}

function isRuns(value: unknown, files: VaultFile[]): value is Run[] {
  return Array.isArray(value) && value.every((run) => Array.isArray(run) && run.length === 2 && Number.isInteger(run[0]) && Number.isInteger(run[1]) && run[0] >= 0 && run[1] > 0 && run[0] + run[1] <= files.length);
}

function isFacts(value: unknown, files: VaultFile[]): value is { unread: [string, string][]; aliasCandidates: Run[] } {
  if (typeof value !== 'object' || value === null) return false;
  const facts = value as Record<string, unknown>;
  return Array.isArray(facts.unread) && facts.unread.every((w) => Array.isArray(w) && w.length === 2 && typeof w[0] === 'string' && typeof w[1] === 'string') && isRuns(facts.aliasCandidates, files);
}

function isRows(value: unknown, files: VaultFile[]): value is Row[] {
  return Array.isArray(value) && value.every((row) => Array.isArray(row) && row.length === 2 && Number.isInteger(row[0]) && row[0] >= 0 && row[0] < files.length && typeof row[1] === 'string' && isDay(row[1]));
}

/**
 * Which notes of the listing are daily notes, kept in the cache between runs:
 * they follow from the notes' paths and the settings alone, so a run whose
 * listing and settings are the last run's takes them from there instead of
 * parsing every name again. Any other listing, settings or Daybook version,
 * or a file that is damaged, works them out afresh and keeps those.
 */
export class DailyNoteIndex {
  constructor(private readonly dir: string) {}

  private get file(): string {
    return join(this.dir, 'daily-notes.json');
  }

  private keyOf(files: VaultFile[], settings: DaybookSettings): string {
    return createHash('sha1').update(`${INDEX_VERSION}\u0000${listingKey(files)}\u0000${JSON.stringify(settings)}`).digest('hex');
  }

  private stored(files: VaultFile[], key: string): DailyNotesFound | null {
    try {
      const stored = unsealJson(readFileSync(this.file)) as { key?: unknown; notes?: unknown; duplicates?: unknown; earlierFormats?: unknown; facts?: unknown } | null;
      if (stored?.key !== key || !isRows(stored.notes, files) || !isRows(stored.duplicates, files) || !isFacts(stored.facts, files)) return null;
      const formats = stored.earlierFormats;
      if (formats !== undefined && !(Array.isArray(formats) && formats.length > 0 && formats.every((f) => typeof f === 'string'))) return null;
      const note = ([index, day]: Row): DailyNoteFile => ({ day, path: files[index].path, file: files[index] });
      const aliasCandidates: string[] = [];
      for (const [first, count] of stored.facts.aliasCandidates) for (let i = first; i < first + count; i++) aliasCandidates.push(files[i].path);
      const facts: ListingFacts = { unread: stored.facts.unread.map(([path, message]) => ({ path, message })), aliasCandidates };
      return { notes: stored.notes.map(note), duplicates: stored.duplicates.map(note), ...(formats ? { earlierFormats: formats } : {}), facts };
    } catch {
      return null; // missing or unreadable: worked out afresh
    }
  }

  /** findDailyNotes, answered from the cache when the listing and settings are the ones it was kept for. */
  readonly find = (files: VaultFile[], settings: DaybookSettings): DailyNotesFound => {
    const key = this.keyOf(files, settings);
    const known = this.stored(files, key);
    if (known) {
      rememberDailyNotes(files, settings, known);
      return known;
    }
    const found = findDailyNotes(files, settings);
    const facts = listingFacts(files, settings, found);
    const index = new Map(files.map((file, i) => [file, i]));
    const rows = (notes: DailyNoteFile[]) => notes.map((n): Row => [index.get(n.file) ?? -1, n.day]);
    const byPath = new Map(files.map((file, i) => [file.path, i]));
    const stored = { unread: facts.unread.map((w) => [w.path, w.message]), aliasCandidates: runsOf(facts.aliasCandidates.map((path) => byPath.get(path) ?? -1)) };
    writeCacheFile(this.file, sealedJson({ key, notes: rows(found.notes), duplicates: rows(found.duplicates), ...(found.earlierFormats ? { earlierFormats: found.earlierFormats } : {}), facts: stored }));
    return { ...found, facts };
  };
}
