import { basename } from '../vault';

/**
 * A review's markdown made fit to leave the vault: no wiki links (their text
 * kept), no vault paths, no Obsidian comments (Daybook's markers are those),
 * no note navigation, no warnings about the vault's files. Embeds are given
 * to `embed`, which returns what stands in their place (null: dropped).
 */

export interface ShareOptions {
  /** Shorten people's names to initials. */
  initials: boolean;
  /** The person a link target names (by name, alias or path), or null: decides which links are people. */
  personOf: (target: string) => string | null;
  /** People's names as written in the review, for names that appear unlinked. */
  people: string[];
  embed: (target: string) => string | null;
}

/** `Vincent Chan` → `V. C.`; `李雷` → `李.` (a name in one word: its first letter). */
export function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/u)
    .filter((w) => w !== '')
    .map((w) => `${[...w][0].toUpperCase()}.`)
    .join(' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What a wiki link shows: its label, else the note's name (and heading), never its folder. */
function linkText(inner: string): { target: string; text: string } {
  const bar = inner.indexOf('|');
  const target = (bar === -1 ? inner : inner.slice(0, bar)).trim();
  if (bar !== -1 && inner.slice(bar + 1).trim() !== '') return { target, text: inner.slice(bar + 1).trim() };
  const [note, ...rest] = target.split('#');
  const heading = rest.filter((h) => !h.startsWith('^')).join(' › ');
  return { target, text: [basename(note.replace(/\.md$/, '')), heading].filter((t) => t !== '').join(' › ') };
}

/** The names to shorten, longest first, so `Ana Ruiz` is replaced before `Ana`. */
function namePattern(people: string[]): RegExp | null {
  const names = [...new Set(people.filter((n) => n.trim() !== '' && !n.startsWith('#')))].sort((a, b) => b.length - a.length);
  if (names.length === 0) return null;
  // No lookbehind (older iOS): the character before is captured and put back.
  return new RegExp(`(^|[^\\p{L}\\p{N}_])(${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
}

export function shareMarkdown(markdown: string, options: ShareOptions): string {
  const names = options.initials ? namePattern(options.people) : null;
  const shorten = (text: string) => (names ? text.replace(names, (_, before: string, name: string) => before + initialsOf(name)) : text);
  const lines: string[] = [];
  let inWarning = false;
  for (const raw of markdown.replace(/%%[\s\S]*?%%/g, '').split('\n')) {
    // The callout listing notes that could not be read names vault paths: it is for the vault's owner only.
    if (/^> \[!warning\]/.test(raw)) {
      inWarning = true;
      continue;
    }
    if (inWarning && raw.startsWith('>')) continue;
    inWarning = false;
    let line = raw.replace(/ · ← \[\[[^\]]*\]\] · \[\[[^\]]*\]\] →$/, '');
    const embed = /^!\[\[([^\]]+)\]\]\s*$/.exec(line);
    if (embed) {
      const replacement = options.embed(embed[1].split('|')[0].trim());
      if (replacement !== null) lines.push(replacement);
      continue;
    }
    line = line.replace(/!\[\[[^\]]*\]\]/g, '');
    line = line.replace(/#\[\[([^\]]+)\]\]/g, '#$1');
    line = line.replace(/\[\[([^\]]*)\]\]/g, (_, inner: string) => {
      const { target, text } = linkText(inner);
      const person = options.personOf(target);
      return options.initials && person !== null ? initialsOf(person) : text;
    });
    // Markdown links to notes of the vault keep their text; links to the web stay links.
    line = line.replace(/\[([^\]]*)\]\((?!https?:|mailto:)[^)]*\)/g, '$1');
    lines.push(shorten(line));
  }
  return dropEmptySections(lines).join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** A heading whose section lost all its lines (only embeds were there) goes too. */
function dropEmptySections(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const heading = /^(#{2,6}) /.exec(lines[i]);
    if (heading) {
      let j = i + 1;
      while (j < lines.length && lines[j].trim() === '') j++;
      const next = j < lines.length ? /^(#{1,6}) /.exec(lines[j]) : null;
      if (j >= lines.length || (next && next[1].length <= heading[1].length)) continue;
    }
    out.push(lines[i]);
  }
  return out;
}
