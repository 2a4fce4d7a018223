import type { Block, NoteModel } from '../note/parseNote';
import { children, descendants, isPlaceholder, sectionName, taskText } from '../note/outline';

/** An incident as found in one note, before its links are classified. */
export interface NoteIncident {
  title: string;
  line: number;
  severity: string | null;
  links: string[];
  whys: string[];
  prevention: string[];
  actions: { text: string; done: boolean }[];
  impact: string[];
  context: string[];
  /** What the notes say was learned: a *Learnings* / *Lessons* part or a `learnings::` field. */
  learnings: string[];
}

const TEMPLATE_TITLE = /^(?:incident|postmortem|post-mortem)\s*[:：—-]\s*/i;
const WHYS = /^(?:5|five)[\s-]*whys?$/;
const PREVENTION = /^(?:how to prevent(?: it)?|prevention|what changed|follow[- ]?ups?|remediation)$/;
const ACTIONS = /^(?:action items?|actions)$/;
const IMPACT = /^impact$/;
const LEARNINGS = /^(?:learnings?|lessons?(?: learn[te]d)?|what (?:i|we) learn[te]d|takeaways?)$/;
const PARTS = [WHYS, PREVENTION, ACTIONS, IMPACT, LEARNINGS, /^(?:timeline|people|severity|root cause|summary|context|what happened)$/];

function isPart(block: Block): boolean {
  const name = sectionName(block);
  return PARTS.some((part) => part.test(name));
}

/** `SEV-1`, `sev2`, `P1` or a `severity::` field, written one way: `SEV-1`, `P1`. */
export function normaliseSeverity(raw: string): string | null {
  const sev = /\bsev[-\s]?(\d)\b/i.exec(raw);
  if (sev) return `SEV-${sev[1]}`;
  const priority = /\bP([0-4])\b/.exec(raw);
  if (priority) return `P${priority[1]}`;
  const trimmed = raw.replace(/\[\[|\]\]/g, '').trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * The incident roots of a note: blocks made by the incident template
 * (`Incident: …`), headings and top-level items of an *Incidents* section,
 * and the parent of any *5 Whys* part. An incident inside another is part of it.
 */
function incidentRoots(blocks: Block[]): number[] {
  const roots = new Set<number>();
  blocks.forEach((block, i) => {
    if (block.kind !== 'paragraph' && TEMPLATE_TITLE.test(block.text)) roots.add(i);
    const parent = block.parent === -1 ? null : blocks[block.parent];
    if (parent && block.kind !== 'paragraph' && sectionName(parent) === 'incidents' && !isPlaceholder(block.text) && !isPart(block)) roots.add(i);
    if (block.parent !== -1 && WHYS.test(sectionName(block))) {
      const owner = parent && sectionName(parent) === 'incidents' ? -1 : block.parent;
      if (owner !== -1) roots.add(owner);
    }
  });
  const sorted = [...roots].sort((a, b) => a - b);
  const kept: number[] = [];
  for (const root of sorted) {
    const outer = kept[kept.length - 1];
    if (outer === undefined || root >= blocks[outer].end) kept.push(root);
  }
  return kept;
}

function titleOf(block: Block): string {
  // "Today is a firefighting day. [[Henry Tang]] [[Tom Lui]]": the people are listed with the incident, not in its title.
  const withoutPeople = block.quote.replace(/(?:\s*\[\[[^\]]+\]\])+\s*$/, '');
  return (
    (withoutPeople.trim() === '' ? block.quote : withoutPeople)
      .replace(TEMPLATE_TITLE, '')
      .replace(/\(\s*(?:sev[-\s]?\d|P[0-4])\s*\)|\[\s*(?:sev[-\s]?\d|P[0-4])\s*\]/gi, '')
      .replace(/\s+(?:[—–-]\s*)?(?:sev[-\s]?\d|P[0-4])\s*$/i, '')
      .replace(/\s+/g, ' ')
      .trim() || 'Untitled incident'
  );
}

function partBlocks(blocks: Block[], within: number[], test: RegExp): number[] {
  return within.filter((i) => test.test(sectionName(blocks[i]))).flatMap((i) => descendants(blocks, i));
}

/** Whys are the numbered "Why …" items or headings of the 5-whys part (or its direct items), each with its answer. */
function whysOf(blocks: Block[], within: number[]): string[] {
  const whys: string[] = [];
  for (const part of within.filter((i) => WHYS.test(sectionName(blocks[i])))) {
    for (const i of descendants(blocks, part)) {
      const block = blocks[i];
      const isWhy = /^(?:\d+[.)]\s*)?why\b/i.test(block.text) || (block.parent === part && block.kind === 'item' && !block.task);
      if (!isWhy || isPlaceholder(block.text)) continue;
      const question = block.quote.replace(/^\d+[.)]\s*/, '');
      const answer = children(blocks, i).map((c) => blocks[c].quote).find((q) => !isPlaceholder(q));
      whys.push(answer ? `${question} — ${answer}` : question);
    }
  }
  return whys;
}

/** A prose paragraph that lists follow-ups: "Next steps include …", "Follow-ups: …", "Action items: …". */
const FOLLOW_UPS = /^(?:\*\*)?(?:next steps?(?: include| are| were)?|follow[- ]?ups?(?: include| are)?|action items?(?: include| are)?|to do)\s*(?:\*\*)?\s*[:：]?\s*(?:\*\*)?\s*/i;

/**
 * The follow-ups of a "Next steps include a, b, and c." paragraph, one per
 * item: commas outside parentheses separate them, a leading "and" goes.
 */
export function followUpsOf(paragraph: string): string[] | null {
  const head = FOLLOW_UPS.exec(paragraph);
  if (!head || head[0].trim() === '') return null;
  const rest = paragraph.slice(head[0].length).trim().replace(/\.$/, '');
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= rest.length; i++) {
    const ch = rest[i];
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    else if ((ch === ',' || ch === ';' || i === rest.length) && depth === 0) {
      const item = rest.slice(start, i).trim().replace(/^and\s+/i, '');
      if (item !== '') items.push(item[0].toUpperCase() + item.slice(1));
      start = i + 1;
    }
  }
  return items.length ? items : null;
}

/**
 * A paragraph's follow-ups, and what it says before them: the paragraph may
 * be all next steps, or end with a line of them (the sectioned style writes
 * one line per paragraph with no blank line between, so the story and its
 * "Next steps include …" line are one paragraph).
 */
function splitFollowUps(block: Block): { before: string; followUps: string[] } | null {
  const whole = followUpsOf(block.quote);
  if (whole) return { before: '', followUps: whole };
  const lines = block.text.split('\n');
  const at = lines.findIndex((line, k) => k > 0 && FOLLOW_UPS.test(line.trim()) && FOLLOW_UPS.exec(line.trim())?.[0].trim() !== '');
  if (at === -1) return null;
  // The quote is the block's markdown on one line: cut it where that line's first words start.
  const opening = lines[at].trim().split(/\s+/).slice(0, 3).join(' ');
  const cut = block.quote.lastIndexOf(opening);
  if (cut <= 0) return null;
  const followUps = followUpsOf(block.quote.slice(cut));
  return followUps ? { before: block.quote.slice(0, cut).trim(), followUps } : null;
}

export function findIncidents(note: NoteModel): NoteIncident[] {
  const { blocks } = note;
  return incidentRoots(blocks).map((root) => {
    const within = descendants(blocks, root);
    const all = [root, ...within];
    const fieldSeverity = all.map((i) => blocks[i].fields.severity).find((value) => value !== undefined && value.trim() !== '');
    const severity = normaliseSeverity(fieldSeverity ?? '') ?? (/(\bsev[-\s]?\d\b|\bP[0-4]\b)/i.test(blocks[root].text) ? normaliseSeverity(blocks[root].text) : null);
    const prevention = partBlocks(blocks, within, PREVENTION);
    const actionBlocks = new Set([...prevention, ...partBlocks(blocks, within, ACTIONS)]);
    const inParts = new Set(within.filter((i) => isPart(blocks[i])).flatMap((i) => [i, ...descendants(blocks, i)]));
    // Sectioned incidents are prose: a paragraph of next steps is the follow-ups, the rest tells what happened.
    const prose = within.filter((i) => !inParts.has(i) && Object.keys(blocks[i].fields).length === 0 && !isPlaceholder(blocks[i].text));
    const split = prose.map((i) => (blocks[i].task ? null : splitFollowUps(blocks[i])));
    const followUps = split.map((parts) => parts?.followUps ?? null);
    const learningFields = all.map((i) => blocks[i].fields.learnings ?? blocks[i].fields.lessons).filter((v): v is string => v !== undefined && v.trim() !== '');
    return {
      title: titleOf(blocks[root]),
      line: blocks[root].line,
      severity,
      links: all.flatMap((i) => blocks[i].links.filter((l) => !l.embed).map((l) => l.target)),
      whys: whysOf(blocks, within),
      actions: [...actionBlocks]
        .filter((i) => blocks[i].task && !isPlaceholder(blocks[i].text))
        .map((i) => ({ text: taskText(blocks[i]), done: blocks[i].task?.done ?? false })),
      impact: partBlocks(blocks, within, IMPACT).filter((i) => !isPlaceholder(blocks[i].text)).map((i) => blocks[i].quote),
      prevention: [
        ...prevention.filter((i) => !blocks[i].task && !isPlaceholder(blocks[i].text)).map((i) => blocks[i].quote),
        ...followUps.flatMap((items) => items ?? []),
      ],
      context: prose.flatMap((i, k) => (split[k] === null ? [blocks[i].quote] : split[k].before !== '' ? [split[k].before] : [])),
      learnings: [...learningFields, ...partBlocks(blocks, within, LEARNINGS).filter((i) => !isPlaceholder(blocks[i].text)).map((i) => blocks[i].quote)],
    };
  });
}
