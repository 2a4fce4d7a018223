import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCacheFile } from './cacheFile';
import { sealedJson, unsealJson } from './cacheJson';
import { type Stamp, stampHolds } from './fileStamp';

/** A file as Daybook left it: stamp, the moment that stamp was taken, and the hash of its bytes; null: it was absent. */
export type FileRecord = [size: number, mtime: number, at: number, hash: string] | null;

/** A review note as Daybook left it, its mood chart, and the key of the memo it was written from. */
export interface SettledNote {
  note: FileRecord;
  chart: FileRecord;
  memo: string;
}

export function isFileRecord(value: unknown): value is FileRecord {
  return value === null || (Array.isArray(value) && value.length === 4 && value.slice(0, 3).every((n) => typeof n === 'number') && typeof value[3] === 'string');
}

function isSettled(value: unknown): value is [string, SettledNote] {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string') return false;
  const settled = value[1] as Partial<SettledNote> | null;
  return typeof settled === 'object' && settled !== null && isFileRecord(settled.note) && settled.note !== null && isFileRecord(settled.chart) && typeof settled.memo === 'string';
}

/** How a file is now, read only when its stamp alone cannot vouch for it. */
export interface FileProbe {
  stamp(path: string): Stamp | null;
  hash(path: string): string | null;
}

/** Whether a file is still as recorded: its stamp holds (racy rule included), or else its bytes hash the same. */
export function fileHolds(record: FileRecord, path: string, probe: FileProbe): boolean {
  const now = probe.stamp(path);
  if (record === null) return now === null;
  if (now === null) return false;
  const [size, mtime, at, hash] = record;
  if (now.size !== size) return false;
  if (stampHolds({ size, mtime, at }, now)) return true;
  return probe.hash(path) === hash;
}

/**
 * The review notes (and charts) as Daybook last wrote or checked them, kept
 * in one file of the cache: a note found exactly so, whose memo still holds,
 * needs neither rendering nor reading to be known up to date.
 */
export class SettledNotes {
  private notes: Map<string, SettledNote> | null = null;
  private changed = false;

  constructor(
    private readonly dir: string,
    private readonly version: string,
  ) {}

  private get file(): string {
    return join(this.dir, 'reviews', 'notes.json');
  }

  private index(): Map<string, SettledNote> {
    if (this.notes === null) {
      this.notes = new Map();
      try {
        const stored = unsealJson(readFileSync(this.file)) as { version?: unknown; notes?: unknown } | null;
        if (stored?.version === this.version && Array.isArray(stored.notes)) this.notes = new Map(stored.notes.filter(isSettled));
      } catch {
        // Missing or unreadable: every note is checked the slow way.
      }
    }
    return this.notes;
  }

  get(path: string): SettledNote | undefined {
    return this.index().get(path);
  }

  set(path: string, settled: SettledNote | null): void {
    if (settled) this.index().set(path, settled);
    else this.index().delete(path);
    this.changed = true;
  }

  save(): void {
    if (!this.changed || this.notes === null) return;
    writeCacheFile(this.file, sealedJson({ version: this.version, notes: [...this.notes] }));
    this.changed = false;
  }
}
