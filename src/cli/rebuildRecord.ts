import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Period } from '../core/dates/periods';
import type { Journal } from '../core/journal';
import type { Warning } from '../core/vault';
import { writeCacheFile } from './cacheFile';
import { sealedJson, unsealJson } from './cacheJson';
import { isRacy } from './fileStamp';
import type { FolderVault } from './folderVault';
import { type Input, isInput, isWarning, type Memo, MEMO_VERSION, type ReviewMemo } from './reviewMemo';
import { type FileRecord, fileHolds, isFileRecord } from './settledNotes';

/** A note Daybook left (a review, its chart, the incident index), as it left it. */
type LeftNote = [path: string, record: FileRecord];

interface Stored {
  version: string;
  settings: string;
  files: string;
  /** The runs whose answers about the listing it rests on, and the review notes absent then (ReviewMemo.listingDependence). */
  lookups: string[];
  absent: string[];
  /** The alias notes' key every review that needed aliases was built with; null when none did. */
  aliases: string | null;
  /** The periods the rebuild went through, in order, each with the warnings of its review. */
  periods: [id: string, warnings: Warning[]][];
  /** Everything any of its reviews, or the incident index, read. */
  inputs: Input[];
  notes: LeftNote[];
}

function isStored(value: unknown): value is Stored {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    s.version === MEMO_VERSION &&
    typeof s.settings === 'string' &&
    typeof s.files === 'string' &&
    Array.isArray(s.lookups) &&
    s.lookups.every((id) => typeof id === 'string') &&
    Array.isArray(s.absent) &&
    s.absent.every((path) => typeof path === 'string') &&
    (s.aliases === null || typeof s.aliases === 'string') &&
    Array.isArray(s.periods) &&
    s.periods.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && Array.isArray(p[1]) && (p[1] as unknown[]).every(isWarning)) &&
    Array.isArray(s.inputs) &&
    s.inputs.every(isInput) &&
    Array.isArray(s.notes) &&
    s.notes.every((n) => Array.isArray(n) && n.length === 2 && typeof n[0] === 'string' && isFileRecord(n[1]))
  );
}

/**
 * The last rebuild (`review --all --write`) that left every review note and
 * the incident index settled, as one record: the union of what all its
 * reviews and the index read, and every note it left. While the settings,
 * the listing, the alias notes, each of those inputs (size and mtime, or
 * else its hash: git's racy rule) and each note left (likewise) are as
 * recorded, every review is known up to date without reading its memo, and
 * the index without digesting the history: each review is a function of
 * what it read, and its note is the one written from it. Any doubt sends the
 * rebuild the usual way, review by review.
 */
export class RebuildRecord {
  /** Before any stamp of this run was taken: the moment a stamp re-checked by its hash this run can be recorded at. */
  private readonly started = Date.now();
  private holding: { warnings: Map<string, Warning[]>; stored: Stored } | null | undefined;
  /** The record held over a listing or alias notes other than its own: the next run should not check that again. */
  private heldOver = false;

  constructor(
    private readonly dir: string,
    private readonly memo: ReviewMemo,
    private readonly vault: FolderVault,
    private readonly journal: Journal,
  ) {}

  private get file(): string {
    return join(this.dir, 'reviews', 'rebuild.json');
  }

  private load(): Stored | null {
    try {
      const stored = unsealJson(readFileSync(this.file));
      return isStored(stored) ? stored : null;
    } catch {
      return null; // missing or unreadable: the rebuild checks review by review
    }
  }

  /** The warnings of each period's review when the last settled rebuild still holds for `periods`; null otherwise. Checked once per run. */
  settled(periods: Period[]): Map<string, Warning[]> | null {
    if (this.holding === undefined) this.holding = this.check(periods);
    return this.holding?.warnings ?? null;
  }

  private check(periods: Period[]): { warnings: Map<string, Warning[]>; stored: Stored } | null {
    const stored = this.load();
    if (!stored) return null;
    const { settings, files } = this.memo.keys;
    if (stored.settings !== settings) return null;
    if (stored.periods.length !== periods.length || stored.periods.some(([id], i) => id !== periods[i].id)) return null;
    if (!stored.inputs.every((input) => this.memo.unchanged(input))) return null;
    if (!stored.notes.every(([path, record]) => fileHolds(record, path, this.memo.probe))) return null;
    // Another listing, or other alias notes: what the reviews and the index asked of them decides, as for each memo.
    if (stored.files !== files && !this.memo.listingHoldsFor(stored.lookups, stored.absent)) return null;
    if (stored.aliases !== null && stored.aliases !== this.memo.aliasKey() && !this.memo.aliasesHoldFor(stored.lookups)) return null;
    this.heldOver = stored.files !== files || (stored.aliases !== null && stored.aliases !== this.memo.aliasKey());
    return { warnings: new Map(stored.periods), stored };
  }

  /**
   * After a run the record held for: stamps that only their hash could vouch
   * for (written moments before the last record) are recorded again as seen
   * this run, so the next run need not read them; and a listing or alias
   * notes it held over, as they are now.
   */
  refresh(): void {
    const stored = this.holding?.stored;
    if (!stored) return;
    let changed = false;
    // Held, so a stamp too fresh to vouch was checked by its hash this run: from `started` on, while the note is as seen, it vouches.
    const restamp = (path: string, size: number, mtime: number, at: number): number => {
      const now = this.memo.probe.stamp(path);
      if (!isRacy(mtime, at) || isRacy(mtime, this.started) || now?.size !== size || now.mtime !== mtime) return at;
      changed = true;
      return this.started;
    };
    const inputs = stored.inputs.map(([path, part, hash, size, mtime, at]): Input => [path, part, hash, size, mtime, restamp(path, size, mtime, at)]);
    const notes = stored.notes.map(([path, record]): LeftNote => (record === null ? [path, null] : [path, [record[0], record[1], restamp(path, record[0], record[1], record[2]), record[3]]]));
    // Held over another listing or other alias notes: recorded as this run found them, so the next run checks neither again.
    const now = this.heldOver ? { files: this.memo.keys.files, aliases: stored.aliases === null ? null : this.memo.aliasKeyAsRead() } : {};
    if (changed || this.heldOver) writeCacheFile(this.file, sealedJson({ ...stored, ...now, inputs, notes }));
  }

  /**
   * Records a rebuild in which every review note and the incident index were
   * written or found up to date: from each period's memo and settled note,
   * and what this run read. Nothing is kept when any piece is missing or the
   * reviews disagree on the alias notes.
   */
  save(periods: Period[], reviewPath: (period: Period) => string, chartPath: (notePath: string) => string, indexPath: string): void {
    const { settings, files } = this.memo.keys;
    const aliasKeys = new Set<string>();
    if (this.journal.catalog.aliasNotes() !== null) aliasKeys.add(this.memo.aliasKeyAsRead());
    const inputs = new Map<string, Input>();
    // One row per note as read: of the moments reviews saw it so, the latest (any one of them proves the stamp held then).
    const add = (input: Input) => {
      const key = input.slice(0, 5).join('\u0000');
      const known = inputs.get(key);
      if (!known || known[5] < input[5]) inputs.set(key, input);
    };
    const notes: LeftNote[] = [];
    const stored: Stored['periods'] = [];
    const memos: Memo[] = [];
    for (const period of periods) {
      const memo = this.memo.memoOf(period);
      const notePath = reviewPath(period);
      const settled = this.memo.settledOf(notePath);
      // A memo of another listing counts when this run found it holds over this one.
      if (!memo || !settled || memo.settings !== settings || !this.memo.holdsOverListing(period, memo)) return;
      const aliases = this.memo.aliasesOf(period, memo);
      if (aliases !== null) aliasKeys.add(aliases);
      memo.inputs.forEach(add);
      memos.push(memo);
      notes.push([notePath, settled.note], [chartPath(notePath), settled.chart]);
      stored.push([period.id, memo.warnings]);
    }
    if (aliasKeys.size > 1) return;
    // What this run read: the incident index's notes among them (`text:path`, `head:path`).
    for (const [key, reading] of this.vault.readings) {
      if (reading.size < 0) return;
      add([key.slice(key.indexOf(':') + 1), reading.part, reading.hash, reading.size, reading.mtime, reading.at]);
    }
    notes.push([indexPath, this.memo.recordOf(indexPath)]);
    const record: Stored = { version: MEMO_VERSION, settings, files, ...this.memo.listingDependence(memos), aliases: [...aliasKeys][0] ?? null, periods: stored, inputs: [...inputs.values()], notes };
    writeCacheFile(this.file, sealedJson(record));
  }
}
