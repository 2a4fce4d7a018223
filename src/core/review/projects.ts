import type { Block, NoteModel } from '../note/parseNote';
import { isPlaceholder, sectionName } from '../note/outline';

export interface NoteProject {
  name: string;
  /** The project was named by a `[[link]]`, so the review links it too. */
  linked: boolean;
  line: number;
  lines: string[];
  impact: string[];
  /** Found in a prose paragraph under *Projects*, named by one of its links (which may turn out to be a person). */
  prose?: boolean;
}

/**
 * Lines that state an impact: numbers with a unit of change (%, ×, "3x"),
 * "by half", "a factor of ten", "halved", or a change verb followed by a number.
 */
const IMPACT =
  /\d+(?:[.,]\d+)?\s*(?:%|percent\b|×|x\b)|\bby (?:half|a third|a quarter)\b|\bfactor of\b|\b(?:halved|doubled|tripled|quadrupled)\b|\b(?:from|to|by|saved|saving|cut|reduced|increased|improved|dropped|grew|lowered|raised)\s+(?:about |around |~)?[$€£]?\d/i;

export function isImpactLine(text: string): boolean {
  return IMPACT.test(text);
}

/** The project a line of the Projects section names: a leading link, or the text before a colon or dash. */
function projectName(block: Block): { name: string; linked: boolean; rest: string } {
  const link = /^\s*\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]\s*([:：—–-]?)\s*/.exec(block.quote);
  // `[[dbt]]: moved models` describes the project after the colon; in `[[dbt]] migration` the link is a word of the line, kept whole.
  if (link) return { name: link[1].trim(), linked: true, rest: link[2] === '' && link[0].length < block.quote.length ? block.quote.trim() : block.quote.slice(link[0].length).trim() };
  const split = /^([^:：—–]{1,80}?)\s*(?::|：|\s[—–-]\s)\s*(.*)$/.exec(block.quote);
  if (split && split[2] !== '') return { name: split[1].replace(/\*\*|__/g, '').trim(), linked: false, rest: split[2].trim() };
  return { name: block.quote.replace(/\*\*|__/g, '').trim(), linked: false, rest: '' };
}

/** What people write on a day without progress: "nothing today", "no updates", an empty bullet. */
const NOTHING = /^\s*(?:nothing|no (?:updates?|progress|work|change)|nothing (?:new|much|to report))(?:\s+(?:today|this week|yet|new|much|to report))?\s*[.!]?\s*$/i;

export function isEmptyLine(text: string): boolean {
  return isPlaceholder(text) || NOTHING.test(text) || /^\s*(?:\[\s?\]|\{\{\[\[(?:TODO|DONE)\]\]\}\})?\s*$/.test(text);
}

function isProjectBlock(blocks: Block[], index: number): boolean {
  const block = blocks[index];
  return block.parent !== -1 && block.kind !== 'paragraph' && !block.task && sectionName(blocks[block.parent]) === 'projects' && !isEmptyLine(block.text);
}

/** A paragraph written straight under *Projects*: the day's project work in prose. */
function isProjectProse(blocks: Block[], index: number): boolean {
  const block = blocks[index];
  return block.parent !== -1 && block.kind === 'paragraph' && sectionName(blocks[block.parent]) === 'projects' && !isEmptyLine(block.text);
}

/** The link that names a project (`- [[Project Atlas]]: …`): listed under Projects, so not again as an other link. */
export function projectLinkOf(blocks: Block[], index: number): string | null {
  if (!isProjectBlock(blocks, index)) return null;
  const { name, linked } = projectName(blocks[index]);
  return linked ? name : null;
}

/** A line that only names what its lines are about: a heading (`- ## Migration`) or a label (`Staffing needs:`). */
function isLabel(block: Block): boolean {
  return block.level > 0 || /^[^.!?]{1,60}:$/.test(block.text.trim());
}

/**
 * The lines written under a project. A label with lines under it is one line with them
 * (`- ## Migration` over `- moved the models` and `- dropped the old view` reads
 * "Migration: moved the models; dropped the old view"): a label alone says nothing, and
 * its lines without it lose what they are about.
 */
function workLines(blocks: Block[], root: number): string[] {
  const lines: string[] = [];
  for (let d = root + 1; d < blocks[root].end; d++) {
    const block = blocks[d];
    if (!(isLabel(block) && block.end > d + 1 && !isEmptyLine(block.text))) {
      lines.push(block.quote);
      continue;
    }
    let line = block.quote.trim();
    for (let u = d + 1; u < block.end; u++) {
      if (isEmptyLine(blocks[u].text)) continue;
      line += /[:：]$/.test(line) ? ` ${blocks[u].quote.trim()}` : line === block.quote.trim() ? `: ${blocks[u].quote.trim()}` : `; ${blocks[u].quote.trim()}`;
    }
    lines.push(line);
    d = block.end - 1;
  }
  return lines;
}

/** Projects are the headings and items directly under a *Projects* section, with what is written under them. */
export function findProjects(note: NoteModel): NoteProject[] {
  const { blocks } = note;
  const projects: NoteProject[] = [];
  blocks.forEach((block, i) => {
    if (isProjectProse(blocks, i)) {
      // Prose names its projects by linking them; prose that links none is the day's work log (name '').
      const named = [...new Set(block.links.filter((l) => !l.embed && l.target !== '').map((l) => l.target))];
      const impact = isImpactLine(block.quote) ? [block.quote] : [];
      if (named.length === 0) projects.push({ name: '', linked: false, line: block.line, lines: [block.quote], impact });
      for (const name of named) projects.push({ name, linked: true, line: block.line, lines: [block.quote], impact, prose: true });
      return;
    }
    if (!isProjectBlock(blocks, i)) return;
    const { name, linked, rest } = projectName(block);
    const lines = [rest, ...workLines(blocks, i)].filter((line) => !isEmptyLine(line));
    projects.push({ name, linked, line: block.line, lines, impact: lines.filter(isImpactLine) });
  });
  return projects;
}
