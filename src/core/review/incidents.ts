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
}

const TEMPLATE_TITLE = /^(?:incident|postmortem|post-mortem)\s*[:：—-]\s*/i;
const WHYS = /^(?:5|five) whys?$/;
const PREVENTION = /^(?:how to prevent(?: it)?|prevention|what changed|follow[- ]?ups?|remediation)$/;
const ACTIONS = /^(?:action items?|actions)$/;
const IMPACT = /^impact$/;
const PARTS = [WHYS, PREVENTION, ACTIONS, IMPACT, /^(?:timeline|people|severity|root cause|summary|context|what happened)$/];

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
  return (
    block.quote
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
    return {
      title: titleOf(blocks[root]),
      line: blocks[root].line,
      severity,
      links: all.flatMap((i) => blocks[i].links.filter((l) => !l.embed).map((l) => l.target)),
      whys: whysOf(blocks, within),
      prevention: prevention.filter((i) => !blocks[i].task && !isPlaceholder(blocks[i].text)).map((i) => blocks[i].quote),
      actions: [...actionBlocks]
        .filter((i) => blocks[i].task && !isPlaceholder(blocks[i].text))
        .map((i) => ({ text: taskText(blocks[i]), done: blocks[i].task?.done ?? false })),
      impact: partBlocks(blocks, within, IMPACT).filter((i) => !isPlaceholder(blocks[i].text)).map((i) => blocks[i].quote),
      context: within
        .filter((i) => !inParts.has(i) && Object.keys(blocks[i].fields).length === 0 && !isPlaceholder(blocks[i].text))
        .map((i) => blocks[i].quote),
    };
  });
}
