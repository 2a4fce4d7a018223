import { basename, isAscii, sameForm, withoutExtension, type VaultFile } from '../vault';

const SLASH = 47;

/** A name as links match it: Unicode form ignored (macOS stores names NFD, links are typed NFC), and case too. */
function linkKey(text: string): string {
  return sameForm(text).toLowerCase();
}

/**
 * Resolves link text to a note the way Obsidian does for `[[Target]]`: an exact
 * vault path first, then the note with that name, the shortest path winning
 * when several share it. Case is ignored, as on Obsidian's own lookups, unless
 * two notes differ only in case (a case-sensitive disk): then each link reaches
 * the one written as it is. Unicode forms are always ignored.
 */
export class LinkIndex {
  /** Paths by name: one path as itself, several as a list (shortest first); most names are one note's, and a list each showed in a large vault's runs. */
  private readonly byName = new Map<string, string | string[]>();
  private readonly byPath = new Map<string, string>();
  /** Paths by their exact spelling (one form), for notes whose names differ only in case. */
  private readonly byExactPath = new Map<string, string>();

  /**
   * `nameOf` is the page name links use for a note: its file name in Obsidian, Logseq's page name in a graph (`a___b.md` is `a/b`).
   * `partialPaths`: whether `[[Team/Ana]]` may name the note whose path ends with it, as in Obsidian; Logseq
   * names pages only by name, so in a graph `#go/libraries` is page go/libraries, never `computers/go/libraries.md`.
   */
  constructor(
    files: Iterable<VaultFile>,
    private readonly nameOf: (path: string) => string = basename,
    private readonly partialPaths = true,
  ) {
    // Named by their file names (Obsidian), ASCII names need no name of their own: their key ends the path's.
    const byFileName = nameOf === basename;
    for (const { path } of files) {
      const stem = withoutExtension(path);
      const ascii = isAscii(stem);
      const pathKey = ascii ? stem.toLowerCase() : linkKey(stem);
      const existing = this.byPath.get(pathKey);
      if (existing === undefined) this.byPath.set(pathKey, path);
      else {
        this.byExactPath.set(sameForm(withoutExtension(existing)), existing);
        this.byExactPath.set(sameForm(stem), path);
      }
      let key: string;
      if (byFileName && ascii) key = pathKey.slice(pathKey.lastIndexOf('/') + 1);
      else {
        const name = nameOf(path);
        // Most notes are named by their file name, whose key (ASCII keeps its length when lowercased) ends the path's.
        const start = stem.length - name.length;
        key = ascii && start >= 0 && (start === 0 || stem.charCodeAt(start - 1) === SLASH) && stem.endsWith(name) ? pathKey.slice(start) : linkKey(name);
      }
      const same = this.byName.get(key);
      if (same === undefined) this.byName.set(key, path);
      else if (typeof same === 'string') this.byName.set(key, [same, path]);
      else same.push(path);
    }
    for (const list of this.byName.values()) if (typeof list !== 'string') list.sort((a, b) => a.length - b.length || a.localeCompare(b));
  }

  /** The notes of a name, shortest path first. */
  private named(key: string): string[] {
    const same = this.byName.get(key);
    return same === undefined ? [] : typeof same === 'string' ? [same] : same;
  }

  /**
   * Obsidian writes a bare name only when no other note shares it
   * (`fileToLinktext`); otherwise the path, so a review's link is never ambiguous.
   */
  linktext(path: string): string {
    const name = this.nameOf(path);
    return typeof this.byName.get(linkKey(name)) === 'object' ? withoutExtension(path) : name;
  }

  resolve(target: string): string | null {
    // Markdown links may be relative (`../People/Ana.md`); the daily note's folder is not known here, so the rest is read as a partial path.
    const written = withoutExtension(target.trim().replace(/^(?:\.\.?\/)+/, '')).replace(/^\/+/, '');
    const key = linkKey(written);
    if (key === '') return null;
    const exactCase = this.byExactPath.get(sameForm(written));
    if (exactCase) return exactCase;
    const exact = this.byPath.get(key);
    if (exact) return exact;
    const name = key.slice(key.lastIndexOf('/') + 1);
    let candidates = this.named(name);
    if (key.includes('/')) {
      // A page named with a slash: a Logseq namespace (`[[a/b]]` is `a___b.md`) or journal title (`[[2022/05/16]]`).
      const named = this.named(key)[0];
      if (named) return named;
      // A partial path (`Team/Vincent Chan`) matches the note whose path ends with it.
      candidates = this.partialPaths ? candidates.filter((path) => linkKey(withoutExtension(path)).endsWith('/' + key)) : [];
    }
    if (candidates.length < 2) return candidates[0] ?? null;
    // Notes differing only in case: the one spelled as the link is, else the shortest path.
    const spelled = sameForm(written.slice(written.lastIndexOf('/') + 1));
    return candidates.find((path) => sameForm(basename(path)) === spelled) ?? candidates[0];
  }
}
