import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listingKey } from '../../src/cli/dailyNoteIndex';
import { FolderVault } from '../../src/cli/folderVault';
import { ListingCache } from '../../src/cli/listingCache';
import { sealedJson, unsealJson } from '../../src/cli/cacheJson';
import type { VaultFile } from '../../src/core/vault';

/** The key as listingKey works it out, from nothing kept. */
const keyOf = (files: VaultFile[]) => createHash('sha1').update(files.map((f) => f.path).join('\n')).digest('hex');

// The folders were made moments ago: a clock 5 s ahead lets their listing be kept (the racy rule).
const realNow = Date.now.bind(Date);
beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 5_000));
afterEach(() => jest.restoreAllMocks());

function vault(): { root: string; cache: string } {
  const root = mkdtempSync(join(tmpdir(), 'daybook-listing-key-'));
  mkdirSync(join(root, 'Daily'));
  for (const name of ['Daily/2026-11-16.md', 'Daily/2026-11-17.md', 'Person.md']) writeFileSync(join(root, name), 'x\n');
  return { root, cache: mkdtempSync(join(tmpdir(), 'daybook-listing-key-cache-')) };
}

const listed = (root: string, cache: string) => new FolderVault(root, { listing: new ListingCache(cache) }).list();

describe('the listing key kept with the listing', () => {
  it('is the key of the kept paths, and a listing walked again after a note is added has its own', async () => {
    const { root, cache } = vault();
    const walked = await listed(root, cache);
    const kept = await listed(root, cache);
    expect(kept).not.toBe(walked);
    expect(kept.map((f) => f.path)).toEqual(walked.map((f) => f.path));
    expect(listingKey(kept)).toBe(keyOf(walked));
    writeFileSync(join(root, 'Daily', '2026-11-18.md'), 'x\n');
    const after = await listed(root, cache);
    expect(after).toHaveLength(4);
    expect(listingKey(after)).toBe(keyOf(after));
    expect(listingKey(after)).not.toBe(keyOf(walked));
  });

  it('is the hash of the kept paths, and a file of the version before it (no key) is walked again', async () => {
    const { root, cache } = vault();
    await listed(root, cache);
    const file = join(cache, 'listing.json');
    const stored = unsealJson(readFileSync(file)) as Record<string, unknown>;
    expect(stored.key).toBe(keyOf((stored.paths as string[]).map((path) => ({ path }))));
    const { key: _key, ...older } = stored;
    writeFileSync(file, sealedJson({ ...older, version: 1 }));
    const again = await listed(root, cache);
    expect(listingKey(again)).toBe(keyOf(again));
  });
});
