import { basename, withoutExtension } from '../vault';
import { type GraphPages, pageLink } from './pageLinks';
import type { Entry, LinkedNote, Mention, ReviewData, ReviewIncident } from './types';

/**
 * A quote copied into a review must point where it pointed from its own line.
 * Obsidian resolves `[[Name]]` by name, the same from any note; what depends
 * on the linking note is a link to one of its own headings (`[[#h]]`,
 * `[text](#h)`) and a markdown link relative to its folder (`./x`, `../x`).
 * Those are rewritten to resolve from the review note; embeds become links,
 * since a review quotes a line, it does not show a picture. In a Logseq
 * graph, which has no links into a page, a link to a heading of the line's own
 * note becomes a link to that note's page (`[h]([[Feb 28th, 2023]])`).
 */

const WIKI = /(!?)\[\[([^[\]\n]+?)\]\]/g;
/** `[text](dest "title")` or `[text](<dest with spaces>)`; nested brackets in the text are not links Obsidian reads either. */
const MARKDOWN = /(!?)\[([^[\]\n]*)\]\(\s*(<[^<>\n]*>|[^\s()<>]+)(\s+"[^"\n]*")?\s*\)/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function folderOf(path: string): string[] {
  const parts = path.split('/');
  parts.pop();
  return parts;
}

/** `../assets/q.sql` from `Daily/2026-11-16.md`: `assets/q.sql`; null when it climbs out of the vault. */
export function resolveRelative(dest: string, fromPath: string): string | null {
  const parts = folderOf(fromPath);
  for (const part of dest.split('/')) {
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

/** The relative path from `fromPath`'s folder to the vault path `target`, always starting `./` or `../`. */
export function relativeTo(target: string, fromPath: string): string {
  const from = folderOf(fromPath);
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  const rest = to.slice(common).join('/');
  return up === 0 ? `./${rest}` : `${'../'.repeat(up)}${rest}`;
}

function decode(dest: string): string {
  try {
    return decodeURI(dest);
  } catch {
    return dest;
  }
}

function encodeDest(path: string, angled: boolean): string {
  return angled ? `<${path}>` : path.replace(/ /g, '%20');
}

function relinkWiki(whole: string, embed: string, inner: string, sourcePath: string, graph: GraphPages | null): string {
  const pipe = inner.indexOf('|');
  const target = pipe === -1 ? inner : inner.slice(0, pipe);
  let alias = pipe === -1 ? null : inner.slice(pipe + 1);
  // `![[diagram.png|300]]`: the number is a size, not a name to show.
  if (embed && alias !== null && /^\s*\d+(?:x\d+)?\s*$/.test(alias)) alias = null;
  if (target.startsWith('#')) {
    const heading = target.slice(1);
    const shown = alias ?? heading.replace(/^\^/, '');
    if (graph) return pageLink(graph.pageOf(sourcePath), shown);
    return `[[${withoutExtension(sourcePath)}#${heading}|${shown}]]`;
  }
  if (!embed) return whole;
  return alias === null ? `[[${target}]]` : `[[${target}|${alias}]]`;
}

function relinkMarkdown(whole: string, embed: string, text: string, rawDest: string, title: string | undefined, sourcePath: string, reviewPath: string, graph: GraphPages | null): string {
  const angled = rawDest.startsWith('<');
  const dest = angled ? rawDest.slice(1, -1) : rawDest;
  if (graph && dest.startsWith('#')) return pageLink(graph.pageOf(sourcePath), text.trim() === '' ? undefined : text);
  let next = dest;
  if (dest.startsWith('#')) next = encodeDest(sourcePath + dest, angled);
  else if ((dest.startsWith('./') || dest.startsWith('../')) && !SCHEME.test(dest)) {
    const hash = dest.indexOf('#');
    const path = hash === -1 ? dest : dest.slice(0, hash);
    const resolved = resolveRelative(angled ? path : decode(path), sourcePath);
    if (resolved !== null) next = encodeDest(relativeTo(resolved, reviewPath) + (hash === -1 ? '' : dest.slice(hash)), angled);
  }
  if (next === dest && !embed) return whole;
  const shown = embed && text.trim() === '' ? basename(decode(dest.split('#')[0])) || dest : text;
  return `[${shown}](${next === dest ? rawDest : next}${title ?? ''})`;
}

/** `text` as written in `sourcePath`, with its links rewritten to resolve the same from `reviewPath`. */
export function relinkQuote(text: string, sourcePath: string, reviewPath: string, graph: GraphPages | null = null): string {
  if (!text.includes('](') && !text.includes('[[')) return text;
  // Code spans show their text as written: links inside them are not links.
  return text
    .split(/(`+[^`]*`+)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(WIKI, (whole: string, embed: string, inner: string) => relinkWiki(whole, embed, inner, sourcePath, graph))
            .replace(MARKDOWN, (whole: string, embed: string, label: string, dest: string, title: string | undefined) => relinkMarkdown(whole, embed, label, dest, title, sourcePath, reviewPath, graph)),
    )
    .join('');
}

/**
 * The review as its note shows it: every quote relinked from its day's note
 * to the review note. A copy: the data (and `--json`) keep the text as written.
 */
export function relinkReview(data: ReviewData, graph: GraphPages | null = null): ReviewData {
  const review = data.notes.review;
  // One line quoted by every entry it links (10,000 links on a line: 10,000 entries) is relinked once, not once per entry.
  // Keyed by the text itself, not a joined key: the quoted line is one shared string, so no copy of it is made.
  const done = new Map<string, Map<string, string>>();
  const text = (value: string, path: string) => {
    let byText = done.get(path);
    if (!byText) done.set(path, (byText = new Map<string, string>()));
    let relinked = byText.get(value);
    if (relinked === undefined) byText.set(value, (relinked = relinkQuote(value, path, review, graph)));
    return relinked;
  };
  const mention = <M extends Mention>(m: M): M => ({ ...m, text: text(m.text, m.path) });
  const mentions = <M extends Mention>(list: M[]): M[] => list.map(mention);
  const note = (n: LinkedNote): LinkedNote => ({ ...n, mentions: mentions(n.mentions), takeaways: mentions(n.takeaways) });
  const entries = (list: Entry[]): Entry[] => list.map((e) => ({ ...e, blocks: mentions(e.blocks) }));
  const incident = (i: ReviewIncident): ReviewIncident => {
    const all = (list: string[] | undefined) => (list ?? []).map((t) => text(t, i.path));
    return {
      ...i,
      title: text(i.title, i.path),
      whys: all(i.whys),
      prevention: all(i.prevention),
      impact: all(i.impact),
      context: all(i.context),
      learnings: all(i.learnings),
      actions: i.actions.map((a) => ({ ...a, text: text(a.text, i.path) })),
    };
  };
  return {
    ...data,
    days: data.days.map((d) => ({ ...d, summary: text(d.summary ?? '', d.path) })),
    people: entries(data.people),
    topics: entries(data.topics),
    otherLinks: entries(data.otherLinks),
    incidents: data.incidents.map(incident),
    projects: data.projects.map((p) => ({ ...p, lines: p.lines.map((l) => text(l, p.path)), impact: p.impact.map((l) => text(l, p.path)) })),
    tasks: mentions(data.tasks),
    goals: data.goals.map((g) => ({ ...g, text: text(g.text, g.path) })),
    highlights: mentions(data.highlights),
    collaboration: mentions(data.collaboration),
    design: { docs: data.design.docs.map(note), lines: mentions(data.design.lines) },
    reading: data.reading.map(note),
    workLog: mentions(data.workLog ?? []),
  };
}
