import { basename, withoutExtension, type VaultFile } from '../vault';

/**
 * Resolves link text to a note the way Obsidian does for `[[Target]]`: an exact
 * vault path first, then the note with that name, the shortest path winning
 * when several share it. Case is ignored, as on Obsidian's own lookups.
 */
export class LinkIndex {
  private readonly byName = new Map<string, string[]>();
  private readonly byPath = new Map<string, string>();

  constructor(files: Iterable<VaultFile>) {
    for (const file of files) {
      this.byPath.set(withoutExtension(file.path).toLowerCase(), file.path);
      const key = basename(file.path).toLowerCase();
      const list = this.byName.get(key);
      if (list) list.push(file.path);
      else this.byName.set(key, [file.path]);
    }
    for (const list of this.byName.values()) list.sort((a, b) => a.length - b.length || a.localeCompare(b));
  }

  resolve(target: string): string | null {
    const key = withoutExtension(target.trim()).replace(/^\/+/, '').toLowerCase();
    if (key === '') return null;
    const exact = this.byPath.get(key);
    if (exact) return exact;
    if (key.includes('/')) {
      // A partial path (`Team/Vincent Chan`) matches the note whose path ends with it.
      const name = key.slice(key.lastIndexOf('/') + 1);
      return this.byName.get(name)?.find((path) => withoutExtension(path).toLowerCase().endsWith('/' + key)) ?? null;
    }
    return this.byName.get(key)?.[0] ?? null;
  }
}
