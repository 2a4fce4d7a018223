import { parseEDNString } from 'edn-data';
import { addDays } from 'date-fns';
import { dayToDate } from '../dates/periods';
import { formatDate } from '../dates/dateFormatter';
import type { DaybookSettings } from '../settings';
import { readLogseqConfig } from './logseqConfig';

/**
 * Today's page in a Logseq graph is a Logseq journal page: an outline (every
 * block a `- ` bullet), started from the graph's journal template when
 * config.edn names one (`:default-templates {:journals "Daily"}`), as Logseq
 * starts it. Mood lives where Logseq keeps a page's data: page properties,
 * the `key:: value` lines of the first block (`wake:: 7`), which Daybook reads
 * as it reads frontmatter and the sliders write into.
 */

/** The template journal pages start from (`:default-templates {:journals "Daily"}`), or '' for none. */
export function journalTemplateName(ednText: string): string {
  try {
    const data = parseEDNString(ednText, { mapAs: 'object', keywordAs: 'string', listAs: 'array', setAs: 'array' }) as Record<string, unknown>;
    const templates = data['default-templates'] as Record<string, unknown> | undefined;
    const name = templates?.journals;
    return typeof name === 'string' ? name.trim() : '';
  } catch {
    return '';
  }
}

const BULLET = /^([ \t]*)[-*+][ \t]+/;
const PROPERTY = /^[ \t]*(?:[-*+][ \t]+)?([\p{L}\p{N}_][\p{L}\p{N}_-]*)::(?:[ \t]+(.*?))?[ \t]*$/u;
const TEMPLATE_PROPERTIES = new Set(['template', 'template-including-parent']);

const indentOf = (line: string) => /^[ \t]*/.exec(line)?.[0] ?? '';

/** `line` without `prefix` at its start, else without its leading white space. */
function outdent(line: string, prefix: string): string {
  return line.startsWith(prefix) ? line.slice(prefix.length) : line.replace(/^[ \t]+/, '');
}

/**
 * The text of the block carrying `template:: name` in a page, as Logseq
 * inserts it: its child blocks, outdented to the top level, or the block with
 * its children when it says `template-including-parent:: true`; the template
 * properties themselves are left out. Null when the page holds no such block.
 */
export function templateBlock(page: string, name: string): string | null {
  const lines = page.split(/\r?\n/);
  const wanted = name.trim().toLowerCase();
  const at = lines.findIndex((line) => {
    const match = PROPERTY.exec(line);
    return match !== null && match[1].toLowerCase() === 'template' && (match[2] ?? '').trim().toLowerCase() === wanted;
  });
  if (at === -1) return null;
  // The block the property belongs to: the bullet above it (or on its line); none when it is a page property.
  let head = at;
  while (head >= 0 && !BULLET.test(lines[head])) head--;
  const parentIndent = head === -1 ? null : indentOf(lines[head]);
  // The block's own lines: its first line and the property lines under it.
  let end: number;
  const own: string[] = [];
  if (head !== -1) own.push(lines[head].replace(BULLET, ''));
  for (end = head + 1; end < lines.length && !BULLET.test(lines[end]) && lines[end].trim() !== ''; end++) {
    const match = PROPERTY.exec(lines[end]);
    if (!(match && TEMPLATE_PROPERTIES.has(match[1].toLowerCase()))) own.push(lines[end].trim());
  }
  const includingParent = lines.slice(Math.max(head, 0), end).some((line) => {
    const match = PROPERTY.exec(line);
    return match !== null && match[1].toLowerCase() === 'template-including-parent' && /^(true|yes)$/i.test((match[2] ?? '').trim());
  });
  const children: string[] = [];
  for (let i = end; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const indent = indentOf(line);
    if (parentIndent !== null && (indent.length <= parentIndent.length || !indent.startsWith(parentIndent))) break;
    children.push(line);
  }
  const firstChild = children.find((line) => BULLET.test(line));
  const childIndent = firstChild ? indentOf(firstChild) : '';
  const body = children.map((line) => outdent(line, childIndent));
  const ownText = own.filter((line) => {
    const match = PROPERTY.exec(line);
    return !(match && TEMPLATE_PROPERTIES.has(match[1].toLowerCase()));
  });
  if (includingParent && head !== -1 && ownText[0]?.trim()) return [`- ${ownText[0]}`, ...ownText.slice(1).map((l) => `  ${l}`), ...body.map((l) => `\t${l}`)].join('\n') + '\n';
  return body.length ? body.join('\n') + '\n' : null;
}

/**
 * Logseq's template variables, as it fills them when it makes the page:
 * `<% today %>`, `<% yesterday %>`, `<% tomorrow %>` and `<% current page %>`
 * are links to those journal pages, `<% time %>` the time. Others (natural
 * language dates) are left as written.
 */
export function fillLogseqVariables(text: string, day: string, now: Date, titleFormat: string): string {
  const title = (offset: number) => `[[${formatDate(addDays(dayToDate(day), offset), titleFormat)}]]`;
  return text.replace(/<%\s*(today|yesterday|tomorrow|current page|time)\s*%>/gi, (_all, name: string) => {
    switch (name.toLowerCase()) {
      case 'yesterday':
        return title(-1);
      case 'tomorrow':
        return title(1);
      case 'time':
        return formatDate(now, 'HH:mm');
      default:
        return title(0);
    }
  });
}

/** A journal page with no template of the graph's: the mood questions as blank page properties, each slider under its question, then an empty bullet. */
export function defaultJournalPage(settings: DaybookSettings): string {
  const properties = settings.sliders.map((s) => `${s.property}:: `);
  const questions = settings.sliders.map((s) => `- ${s.question} {{slider ${s.property}}}`);
  return [...properties, ...(properties.length ? [''] : []), ...questions, '- ', ''].join('\n');
}

export interface JournalPage {
  text: string;
  /** The template config.edn names that no page of the graph holds, when the default page was made instead. */
  missingTemplate: string | null;
}

/**
 * Today's journal page of a graph: from the template config.edn names (found
 * in the graph's pages, which are read only when one is named), else the
 * default page, with Logseq's variables filled.
 */
export async function logseqJournalPage(options: {
  ednText: string;
  day: string;
  now: Date;
  settings: DaybookSettings;
  pages: string[];
  read: (path: string) => Promise<string | null>;
}): Promise<JournalPage> {
  const name = journalTemplateName(options.ednText);
  const { journalTitleFormat } = readLogseqConfig(options.ednText).config;
  const fill = (text: string) => fillLogseqVariables(text, options.day, options.now, journalTitleFormat);
  if (name !== '') {
    for (const path of options.pages) {
      const text = await options.read(path);
      if (text === null || !text.includes('template::')) continue;
      const block = templateBlock(text, name);
      if (block !== null) return { text: fill(block), missingTemplate: null };
    }
  }
  return { text: fill(defaultJournalPage(options.settings)), missingTemplate: name === '' ? null : name };
}
