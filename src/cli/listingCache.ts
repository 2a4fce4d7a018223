import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCacheFile } from './cacheFile';
import { sealedJson, unsealJson } from './cacheJson';
import { listingKey, rememberListingKey } from './dailyNoteIndex';
import { isRacy } from './fileStamp';
import type { FolderStamp, Listing } from './vaultListing';

const LISTING_VERSION = 2;

interface Stored {
  version: number;
  root: string;
  folders: FolderStamp[];
  paths: string[];
  /** listingKey of the paths, kept so a warm run need not join and hash 20,000 of them again. */
  key: string;
}

const MAY_BE_MISSING = { throwIfNoEntry: false } as const;

function isStored(value: unknown, root: string): value is Stored {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    s.version === LISTING_VERSION &&
    s.root === root &&
    Array.isArray(s.folders) &&
    s.folders.every((f) => Array.isArray(f) && f.length === 3 && typeof f[0] === 'string' && typeof f[1] === 'number' && typeof f[2] === 'number') &&
    Array.isArray(s.paths) &&
    s.paths.every((p) => typeof p === 'string') &&
    typeof s.key === 'string'
  );
}

/**
 * The vault's listing kept between runs, used while every folder it walked
 * has the ctime it had. Safe because a folder's entries change only by
 * creating, removing or renaming an entry in it, each of which sets the
 * folder's mtime and so its ctime (POSIX), as does a change of its mode or
 * owner (a folder made unreadable), and no program can set a ctime back; a
 * note edited in place changes no folder, but the listing holds names, not
 * contents. Kept only for a walk of real folders — no link (its target's
 * folder is not the one walked), no folder it could not read, no temporary
 * file (whether its writer still runs changes without the folder) — and with
 * git's racy rule: a folder whose ctime was not clearly older than the moment
 * it was read is walked again.
 */
export class ListingCache {
  constructor(private readonly dir: string) {}

  private get file(): string {
    return join(this.dir, 'listing.json');
  }

  /** The kept listing of the vault at `realRoot` when no folder of it changed since; null otherwise. */
  load(realRoot: string): Listing | null {
    let stored: unknown;
    try {
      stored = unsealJson(readFileSync(this.file));
    } catch {
      return null; // missing or unreadable: walked afresh
    }
    if (!isStored(stored, realRoot)) return null;
    for (const [path, ctime, at] of stored.folders) {
      if (isRacy(ctime, at)) return null;
      const info = lstatSync(path ? `${realRoot}/${path}` : realRoot, MAY_BE_MISSING);
      if (!info?.isDirectory() || info.ctimeMs !== ctime) return null;
    }
    const files = stored.paths.map((path) => ({ path }));
    rememberListingKey(files, stored.key);
    return { files, plain: new Set(stored.paths), skipped: [], stale: [], folders: stored.folders };
  }

  /** Keeps a walk's listing when its folders can vouch for it. */
  save(realRoot: string, listing: Listing): void {
    if (listing.folders === null || listing.folders.some(([, ctime, at]) => isRacy(ctime, at))) return;
    const stored: Stored = { version: LISTING_VERSION, root: realRoot, folders: listing.folders, paths: listing.files.map((file) => file.path), key: listingKey(listing.files) };
    writeCacheFile(this.file, sealedJson(stored));
  }
}
