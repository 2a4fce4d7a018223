import { basename, withoutExtension, type VaultFile } from '../vault';

/**
 * Resolves link text to a note the way Obsidian does for `[[Target]]`: an exact
 * vault path first, then the note with that name, the shortest path winning
 * when several share it. Case is ignored, as on Obsidian's own lookups.
 */
export class LinkIndex {
  private readonly byName = new Map<string, string[]>();
  private readonly byPath = new Map<string, string>();

  /** `nameOf` is the page name links use for a note: its file name in Obsidian, Logseq's page name in a graph (`a___b.md` is `a/b`). */
  constructor(
    files: Iterable<VaultFile>,
    private readonly nameOf: (path: string) => string = basename,
  ) {
    for (const file of files) {
      this.byPath.set(withoutExtension(file.path).toLowerCase(), file.path);
      const key = nameOf(file.path).toLowerCase();
      const list = this.byName.get(key);
      if (list) list.push(file.path);
      else this.byName.set(key, [file.path]);
    }
    for (const list of this.byName.values()) list.sort((a, b) => a.length - b.length || a.localeCompare(b));
  }

  /**
   * Obsidian writes a bare name only when no other note shares it
   * (`fileToLinktext`); otherwise the path, so a review's link is never ambiguous.
   */
  linktext(path: string): string {
    const name = this.nameOf(path);
    const same = this.byName.get(name.toLowerCase());
    return same && same.length > 1 ? withoutExtension(path) : name;
  }

  resolve(target: string): string | null {
    // Markdown links may be relative (`../People/Ana.md`); the daily note's folder is not known here, so the rest is read as a partial path.
    const key = withoutExtension(target.trim().replace(/^(?:\.\.?\/)+/, '')).replace(/^\/+/, '').toLowerCase();
    if (key === '') return null;
    const exact = this.byPath.get(key);
    if (exact) return exact;
    if (key.includes('/')) {
      // A page named with a slash: a Logseq namespace (`[[a/b]]` is `a___b.md`) or journal title (`[[2022/05/16]]`).
      const named = this.byName.get(key)?.[0];
      if (named) return named;
      // A partial path (`Team/Vincent Chan`) matches the note whose path ends with it.
      const name = key.slice(key.lastIndexOf('/') + 1);
      return this.byName.get(name)?.find((path) => withoutExtension(path).toLowerCase().endsWith('/' + key)) ?? null;
    }
    return this.byName.get(key)?.[0] ?? null;
  }
}
