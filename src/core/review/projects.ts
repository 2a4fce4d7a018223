import type { Block, NoteModel } from '../note/parseNote';
import { descendants, isPlaceholder, sectionName } from '../note/outline';

export interface NoteProject {
  name: string;
  /** The project was named by a `[[link]]`, so the review links it too. */
  linked: boolean;
  line: number;
  lines: string[];
  impact: string[];
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
  const link = /^\s*\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]\s*[:：—–-]?\s*/.exec(block.quote);
  if (link) return { name: link[1].trim(), linked: true, rest: block.quote.slice(link[0].length).trim() };
  const split = /^([^:：—–]{1,80}?)\s*(?::|：|\s[—–-]\s)\s*(.*)$/.exec(block.quote);
  if (split && split[2] !== '') return { name: split[1].replace(/\*\*|__/g, '').trim(), linked: false, rest: split[2].trim() };
  return { name: block.quote.replace(/\*\*|__/g, '').trim(), linked: false, rest: '' };
}

function isProjectBlock(blocks: Block[], index: number): boolean {
  const block = blocks[index];
  return block.parent !== -1 && block.kind !== 'paragraph' && !block.task && sectionName(blocks[block.parent]) === 'projects' && !isPlaceholder(block.text);
}

/** The link that names a project (`- [[Project Atlas]]: …`): listed under Projects, so not again as an other link. */
export function projectLinkOf(blocks: Block[], index: number): string | null {
  if (!isProjectBlock(blocks, index)) return null;
  const { name, linked } = projectName(blocks[index]);
  return linked ? name : null;
}

/** Projects are the headings and items directly under a *Projects* section, with what is written under them. */
export function findProjects(note: NoteModel): NoteProject[] {
  const { blocks } = note;
  const projects: NoteProject[] = [];
  blocks.forEach((block, i) => {
    if (!isProjectBlock(blocks, i)) return;
    const { name, linked, rest } = projectName(block);
    const lines = [rest, ...descendants(blocks, i).map((d) => blocks[d].quote)].filter((line) => !isPlaceholder(line));
    projects.push({ name, linked, line: block.line, lines, impact: lines.filter(isImpactLine) });
  });
  return projects;
}
