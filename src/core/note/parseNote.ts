import type { Extension } from 'micromark-util-types';
import type { ParseRules } from '../dialect/dialect';
import { type Frontmatter, parseFrontmatterYaml, splitFrontmatter } from './frontmatter';
import { defuse, restoreDefused } from './defuse';
import { type FlowNode, type HeadingNode, type ListItemNode, type ListNode, markdownTree, type ParagraphNode, type Phrasing } from './markdownTree';
import { scanInline } from './inlineScan';
import { markdownItTree } from './markdownItTree';
import { quoteOf } from './quote';
import { withoutDrawers } from './drawers';
import { taskDates } from './taskFields';
import { blockName, findFields, findSliderTokens, TASK_MARKER, type TaskStatus, type WikiLink } from './tokens';

/**
 * A block is the unit a mention is quoted from: a heading, a list item (its
 * first paragraph or heading) or a paragraph. Blocks are stored in document
 * order; `parent` points at the enclosing block (the item it is nested in, or
 * the heading whose section it sits in, including headings written inside
 * bullets like `- ## 1. Why …`, which open a section among their siblings).
 * A block's descendants are exactly the blocks from its index + 1 to `end`.
 */
export interface Block {
  /** 1-based line in the file. */
  line: number;
  kind: 'heading' | 'item' | 'paragraph';
  /** Heading level for headings (and bullets holding one), else 0. */
  level: number;
  /** The rendered text, without markup or code, as matching and naming use it. */
  text: string;
  /** The text as section names are compared: `### 🔥 [Incidents]:` is "incidents". */
  name: string;
  /** The block's own markdown, on one line, for quoting in a review. */
  quote: string;
  parent: number;
  end: number;
  /** `done` is true for any closed task (done or cancelled), as before `status` existed. */
  /** `doneDate`: the Tasks plugin's `✅ date` of a done task, the day it was done. */
  task: { done: boolean; status: TaskStatus; doneDate?: string } | null;
  links: WikiLink[];
  tags: string[];
  fields: Record<string, string>;
  /** Slider tokens in order: the property named, or null for a bare `{{slider}}`. */
  sliders: (string | null)[];
}

export interface NoteModel {
  frontmatter: Frontmatter;
  /** Problems reading the note that did not stop it being read. */
  problems: string[];
  blocks: Block[];
}

const COMMONMARK: Extension[] = [];
/**
 * An outliner's text: indentation nests bullets and never makes an indented code block
 * (only fences make code), and a bare `-` under a line is an empty bullet, not the
 * underline of a heading.
 */
const OUTLINE: Extension[] = [{ disable: { null: ['codeIndented', 'setextUnderline'] } }];

/** Obsidian comments (`%% … %%`) are invisible in the app, so they hold no mentions. */
function blankComments(body: string): string {
  if (!body.includes('%%')) return body;
  return body.replace(/%%[\s\S]*?%%/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

/** Section names a sectioned note writes on a line of their own. */
const SECTION_LINE = /^(projects|incidents|journal|wins|kudos|highlights|learnings|lessons|meetings|notes|tasks|goals|mood|feedback|reflections?|collaboration|mentoring|design|reading)\s*:?\s*$/i;

/**
 * The seed's sectioned style writes each paragraph as one line with no blank
 * line between them (`Projects` / a line of work / `Incidents` / a title /
 * its story): read as CommonMark that is one paragraph. A section name alone
 * on a line inside such a run is a heading, and the first line of an
 * *Incidents* section, when it reads as a title, is the incident's heading.
 * Only prefixes are added, so every line keeps its number.
 */
function sectionLines(body: string): string {
  if (!/(?:^|\n)[A-Za-z]+:?[ \t]*\r?\n[^\s#>*+-]/.test(body)) return body;
  const lines = body.split('\n');
  let fence: string | null = null;
  let incidents = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (marker) fence = fence === null ? marker[1][0] : line.trimStart().startsWith(fence) ? null : fence;
    if (fence !== null || marker) continue;
    const next = (lines[i + 1] ?? '').replace(/\r$/, '');
    const prose = (text: string) => text.trim() !== '' && !/^\s*(?:[#>|]|[-*+]\s|\d+[.)]\s|```|~~~)/.test(text) && !/^\s{4}|^\t/.test(text);
    const previous = i === 0 ? '' : lines[i - 1].replace(/\r$/, '');
    if (SECTION_LINE.test(line.trim()) && prose(next) && (previous.trim() === '' || prose(previous))) {
      lines[i] = `## ${lines[i]}`;
      incidents = /^incidents/i.test(line.trim());
      continue;
    }
    if (incidents && prose(line) && prose(next) && line.trim().length <= 120 && !/[.!?:;,]$/.test(line.trim())) lines[i] = `### ${lines[i]}`;
    incidents = false;
  }
  return lines.join('\n');
}

/**
 * Parses a note's text by the rules of its app (Obsidian's by default).
 * Never throws: what cannot be read is reported in `problems`.
 */
export function parseNote(text: string, rules?: ParseRules): NoteModel {
  return parseNoteBy(text, rules, true);
}

/** The same parse with micromark alone, which `markdownItTree` must agree with: for the tests and the bench that hold them to it. */
export function parseNoteByMicromark(text: string, rules?: ParseRules): NoteModel {
  return parseNoteBy(text, rules, false);
}

function parseNoteBy(text: string, rules: ParseRules | undefined, fast: boolean): NoteModel {
  const split = splitFrontmatter(text);
  const { data, error } = parseFrontmatterYaml(split.yaml);
  const problems = error ? [error] : [];
  if (text.includes('\uFFFD')) problems.push('contains � (U+FFFD), which stands for bytes that were not valid UTF-8 or for a character lost before the note was saved');
  const readable = blankComments(sectionLines(split.body));
  const safe = defuse(readable);
  problems.push(...safe.problems);
  // Where defuse only stood other characters in for brackets, every block's markdown is a slice of the text it was
  // given, which holds no stand-ins to map back: one comparison per note instead of a replace per block.
  const restored = safe.text === readable || (safe.text.length === readable.length && restoreDefused(safe.text) === readable) ? readable : null;
  try {
    const outline = rules !== undefined && !rules.indentedCode;
    const tree = (fast ? markdownItTree(safe.text, outline) : null) ?? markdownTree(safe.text, outline ? OUTLINE : COMMONMARK);
    const builder = new BlockBuilder(safe.text, restored, split.bodyLine, rules?.fileLinks ?? true, rules?.logseqTags ?? false);
    builder.container(tree, -1);
    return { frontmatter: data, problems, blocks: builder.finish() };
  } catch (error) {
    // Deeply nested input can still exhaust the stack: the note is reported, never fatal.
    problems.push(`could not be read as markdown (${error instanceof Error ? error.message : String(error)}); its links and tasks are left out`);
    return { frontmatter: data, problems, blocks: [] };
  }
}

interface OpenHeading {
  level: number;
  index: number;
}

class BlockBuilder {
  private readonly blocks: Block[] = [];

  constructor(
    private readonly source: string,
    /** The source with its brackets put back (`restoreDefused` of it), when defuse changed nothing else; else null. */
    private readonly restored: string | null,
    private readonly lineOffset: number,
    private readonly fileLinks: boolean,
    private readonly logseqTags: boolean,
  ) {}

  finish(): Block[] {
    for (let i = 0; i < this.blocks.length; i++) {
      for (let p = this.blocks[i].parent; p !== -1; p = this.blocks[p].parent) this.blocks[p].end = i + 1;
    }
    return this.blocks;
  }

  /** Walks sibling nodes; headings among them open sections for what follows. */
  container(nodes: FlowNode[], parent: number): void {
    const open: OpenHeading[] = [];
    for (const node of nodes) {
      const current = open.length ? open[open.length - 1].index : parent;
      switch (node.type) {
        case 'heading': {
          const enclosing = closeSections(open, node.depth, parent);
          open.push({ level: node.depth, index: this.add(node, 'heading', node.depth, enclosing) });
          break;
        }
        case 'paragraph':
          this.add(node, 'paragraph', 0, current);
          break;
        case 'list':
          this.list(node, current);
          break;
        case 'blockquote':
          this.container(node.children, current);
          break;
        default:
          // Code, HTML, rules and definitions hold no mentions.
          break;
      }
    }
  }

  private list(list: ListNode, parent: number): void {
    const open: OpenHeading[] = [];
    for (const item of list.children) this.item(item, parent, open);
  }

  private item(item: ListItemNode, listParent: number, open: OpenHeading[]): void {
    const [head, ...rest] = item.children;
    let index: number;
    if (head?.type === 'heading') {
      const enclosing = closeSections(open, head.depth, listParent);
      index = this.add(head, 'item', head.depth, enclosing);
      // A heading bullet with nested bullets holds its section as children; a bare one opens it among its siblings.
      if (rest.length === 0) open.push({ level: head.depth, index });
    } else if (head?.type === 'paragraph') {
      index = this.add(head, 'item', 0, open.length ? open[open.length - 1].index : listParent);
    } else {
      // An empty bullet or one that starts with a nested list: its children hang off the parent.
      this.container(item.children, open.length ? open[open.length - 1].index : listParent);
      return;
    }
    this.container(rest, index);
  }

  private add(node: HeadingNode | ParagraphNode, kind: Block['kind'], level: number, parent: number): number {
    // A `:LOGBOOK:` … `:END:` drawer is hidden by Logseq: never the block's words.
    const rendered = withoutDrawers(restoreDefused(visibleText(node.children).trim()));
    const start = node.position.start.offset;
    const end = node.position.end.offset;
    const markdown = withoutQuoteMarkers(this.restored !== null ? this.restored.slice(start, end) : restoreDefused(this.source.slice(start, end)), this.source, start);
    const scan = scanInline(markdown, maskedRanges(node.children, start), { heading: node.type === 'heading', item: kind === 'item' && level === 0, fileLinks: this.fileLinks, logseqTags: this.logseqTags });
    const text = scan.task ? rendered.replace(TASK_MARKER, '') : rendered;
    const block: Block = {
      line: node.position.start.line + this.lineOffset,
      kind,
      level,
      text,
      // Long lines name no section; only short ones are worth normalising.
      name: text.length <= 80 ? blockName(text) : '',
      quote: quoteOf(markdown, node.type === 'heading'),
      parent,
      end: this.blocks.length + 1,
      task: scan.task ? taskState(scan.task.status, text) : null,
      links: scan.links,
      tags: scan.tags,
      fields: rendered.includes('::') ? findFields(rendered) : {},
      sliders: rendered.includes('{{') ? findSliderTokens(rendered).map((t) => t.property) : [],
    };
    this.blocks.push(block);
    return this.blocks.length - 1;
  }
}

/**
 * A paragraph inside a quote or callout that runs over several lines carries the quote's `>`
 * markers on every line after its first (`>> ate\n>> then slept`); they are the container's,
 * never the block's words. Each becomes a space, so offsets into the block stay as they were.
 * The first line's own prefix (`> - `) tells a quoted block: only container markers precede it.
 */
function withoutQuoteMarkers(markdown: string, source: string, start: number): string {
  if (!markdown.includes('\n>') && !/\n[ \t]+>/.test(markdown)) return markdown;
  const prefix = source.slice(source.lastIndexOf('\n', start - 1) + 1, start);
  if (!prefix.includes('>')) return markdown;
  return markdown.replace(/\n[ \t>]*>/g, (run) => run.replace(/>/g, ' '));
}

/** Ranges of the block's markdown the apps show as code or hide as HTML, from the parse tree. */
function maskedRanges(nodes: Phrasing[], base: number, out: [number, number][] = []): [number, number][] {
  for (const node of nodes) {
    if (node.type === 'inlineCode' || node.type === 'html') out.push([node.position.start.offset - base, node.position.end.offset - base]);
    else if ('children' in node) maskedRanges(node.children, base, out);
  }
  return out;
}

/** Pops sections closed by a heading of `level`; returns the block the heading sits in. */
function closeSections(open: OpenHeading[], level: number, parent: number): number {
  while (open.length && open[open.length - 1].level >= level) open.pop();
  return open.length ? open[open.length - 1].index : parent;
}

/** Text as a reader sees it; code spans become a space so nothing is read from them. */
function visibleText(nodes: Phrasing[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += node.value;
        break;
      case 'inlineCode':
      case 'html':
        out += ' ';
        break;
      case 'break':
        out += '\n';
        break;
      case 'emphasis':
      case 'strong':
      case 'link':
        out += visibleText(node.children);
        break;
      default:
        break;
    }
  }
  return out;
}

/**
 * A task's state, its checkbox read with the Tasks plugin's fields: an open box with a
 * `❌ date` was cancelled that day (the field says so, whatever box it sits in).
 */
function taskState(marked: TaskStatus, text: string): NonNullable<Block['task']> {
  const dates = taskDates(text);
  const status = marked === 'open' && dates.cancelled !== undefined ? 'cancelled' : marked;
  return { done: status !== 'open', status, ...(status === 'done' && dates.done !== undefined ? { doneDate: dates.done } : {}) };
}
