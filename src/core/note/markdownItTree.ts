import markdownIt, { type MarkdownIt, type StateBlock, type StateInline, type Token } from 'markdown-it';
import type { FlowNode, ListItemNode, ListNode, Phrasing, Position } from './markdownTree';

/**
 * The flow nodes `markdownTree` builds from micromark's events, built from
 * markdown-it's tokens instead: both parse CommonMark 0.31, and markdown-it
 * tokenizes a daily note about seven times faster (366 notes of the bench
 * vault: 0.10 s against 0.80 s). The tree must be the same node for node and
 * offset for offset, so wherever the two could part this gives up (null) and
 * the note is parsed by micromark: text holding a carriage return, a NUL or a
 * byte-order mark (markdown-it rewrites them before parsing), a line of an
 * outline that only micromark, with indented code switched off, reads as a
 * block of its own, an offset this cannot vouch for, a note nested deeper
 * than the stack allows, and each class of text the checks below name, found
 * by tests/core/markdownItTree.test.ts and bench/treeIdentity.ts.
 */

class GiveUp extends Error {}

/** Why the last texts were given to micromark, for the bench that counts them (bench/treeIdentity.ts). */
export const givenUp = new Map<string, number>();
const gaveUp = (reason: string) => givenUp.set(reason, (givenUp.get(reason) ?? 0) + 1);

/**
 * For the parse under way: where each line's content starts inside the
 * containers it is in, as the block rules saw it (parses never overlap).
 */
let lineStarts: number[] = [];
/** For the parse under way: the indentation of each container, outermost first, a block was looked for at each line in. */
let lineIndents: number[][] = [];

/** Makes markdown-it behave as micromark does where its defaults differ from CommonMark's letter. */
function makeParser(outline: boolean): MarkdownIt {
  const md = markdownIt('commonmark', { maxNesting: Number.MAX_SAFE_INTEGER });
  // Every destination is a link, as in CommonMark; the text of an autolink is the URL as written.
  md.validateLink = () => true;
  md.normalizeLinkText = (url) => url;
  // A definition stays in the tree as micromark's `definition` does (an item starting with one hangs its children off its parent).
  md.core.ruler.disable('strip_references');
  if (outline) md.block.ruler.disable(['code', 'lheading']);
  // Runs first at every line a block may start on: the content start of that line in the innermost container tried, which is where a paragraph or heading starting there begins.
  md.block.ruler.before('table', 'daybook_line_starts', (state: StateBlock, line: number) => {
    lineStarts[line] = state.bMarks[line] + state.tShift[line];
    (lineIndents[line] ??= []).push(state.blkIndent);
    return false;
  });
  for (const name of ['backticks', 'html_inline']) {
    const rule = md.inline.ruler.__rules__.find((r) => r.name === name);
    if (!rule) throw new Error(`markdown-it has no inline rule ${name}`);
    const original = rule.fn;
    md.inline.ruler.at(name, (state: StateInline, silent: boolean) => {
      const start = state.pos;
      const before = state.tokens.length;
      const matched = original(state, silent);
      const token = state.tokens[state.tokens.length - 1];
      if (matched && !silent && state.tokens.length > before && (token.type === 'code_inline' || token.type === 'html_inline')) token.meta = { start, end: state.pos };
      return matched;
    });
  }
  return md;
}

const parsers = new Map<boolean, MarkdownIt>();

/** A line that micromark without indented code may start a block on, sitting inside a paragraph here. */
const BLOCK_START = /^[ \t]*(?:[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|#{1,6}(?:[ \t]|$)|>|```|~~~|<)/;

/** An unquoted attribute value holding a slash (`href=a/b`): micromark takes most such for no tag at all. */
const SLASHED_VALUE = /=[ \t\n]*[^"'\s=<>`]*\//;

/** Spacing beyond ASCII's, which markdown-it lets end a line of HTML and micromark does not. */
const UNICODE_SPACE = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** A thematic break, which micromark without indented code finds at any indentation. */
const RULE = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** A tab among a quote's markers, or after them among an item's: the two count its columns apart. */
const TAB_IN_QUOTE = />[> \t*+\-\d.)]*\t/;
/**
 * But for a bullet after one tab right after one or two markers (`>> \t- x`), as a callout's nested
 * bullet is often written: the tab makes one or two columns, and the two agree on it (three markers
 * and a tab of four columns they do not).
 */
const TABBED_ITEM = /^>>? ?\t[-*+] (?=[^ \t])/;

/** A quote marker four columns past the one before it: code to micromark, a marker still to markdown-it. */
const INDENTED_MARKER = /^[ \t]*>(?:[ ]{0,3}>)*[ ]{4,}>/;

/**
 * Up to `depth` quote markers at the start of a line (each up to three spaces in, then `>` and
 * the space after it, which may be the first column of a tab), and the columns its content is
 * indented by past them, a tab to the next multiple of four; `rest` null for a line blank there.
 */
function quotedColumns(line: string, depth: number): { markers: number; rest: number | null } {
  let at = 0;
  let column = 0;
  let markers = 0;
  // Columns of a tab after the last marker already taken as its space.
  let taken = 0;
  while (markers < depth) {
    let k = at;
    while (k - at < 3 && line[k] === ' ') k++;
    if (line[k] !== '>') break;
    column += k - at + 1;
    at = k + 1;
    markers++;
    taken = 0;
    if (line[at] === ' ') {
      at++;
      column++;
    } else if (line[at] === '\t') taken = 1;
  }
  const base = column + taken;
  for (; at < line.length; at++) {
    if (line[at] === ' ') column++;
    else if (line[at] === '\t') column += 4 - (column % 4);
    else return { markers, rest: column - base };
  }
  return { markers, rest: null };
}

/** Whether a quoted line's content, after all its markers, is plain text: no block start, nor four columns in. */
function plainInQuote(line: string): boolean {
  const content = line.replace(/^(?:[ \t]*>)+ ?/, '');
  return !BLOCK_START.test(content) && !RULE.test(content) && !/^(?: {4}|[ ]*\t)/.test(content);
}

/**
 * Whether micromark reads this paragraph's content as one paragraph too: no
 * later line of it may look like the start of a block, which the two let
 * interrupt a paragraph by rules that differ at the edges (an empty item, a
 * list from 2, a lone HTML tag). In an outline (no indented code) markdown-it
 * still lets no block start four columns in, where micromark does: there the
 * first line may not look like one either, nor a later one keep indentation
 * of its own.
 */
function oneParagraph(content: string, outline: boolean): boolean {
  return content.split('\n').every((line, k) => (k === 0 && !outline) || (!BLOCK_START.test(line) && !RULE.test(line) && (k === 0 || !outline || !/^[ \t]/.test(line))));
}

/**
 * The flow nodes of `text`, as micromark reads it (`outline`: with indented
 * code and setext underlines switched off), or null when this cannot vouch
 * for them.
 */
export function markdownItTree(text: string, outline: boolean): FlowNode[] | null {
  // A tab ending a line of text: markdown-it keeps it before a soft break, micromark drops it. A line of
  // nothing but white space is blank to both (Logseq leaves `\t  ` lines between a page's blocks).
  if (text.includes('\r') || text.includes('\0') || text.charCodeAt(0) === 0xfeff || /[^ \t\n][ \t]*\t[ \t]*(?:\n|$)/.test(text)) {
    gaveUp('text');
    return null;
  }
  let md = parsers.get(outline);
  if (!md) {
    md = makeParser(outline);
    parsers.set(outline, md);
  }
  try {
    const tokens = md.parse(text, {});
    return new TreeBuilder(text, lineStarts, lineIndents, outline).build(tokens);
  } catch (error) {
    if (error instanceof GiveUp || error instanceof RangeError) {
      gaveUp(error.message);
      return null;
    }
    throw error;
  } finally {
    lineStarts = [];
    lineIndents = [];
  }
}

/** Whether the blocks closed right before token `i` end with a paragraph. */
function afterParagraph(tokens: Token[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && tokens[j].nesting === -1 && tokens[j].type !== 'paragraph_close') j--;
  return j >= 0 && tokens[j].type === 'paragraph_close';
}

type Container = { children: FlowNode[] } | ListNode | ListItemNode;

class TreeBuilder {
  /** The content column of each list item open, outermost first. */
  private readonly itemIndents: number[] = [];
  /** The offset of each line's end (its line feed, or the text's end). */
  private readonly lineEnds: number[] = [];

  constructor(
    private readonly text: string,
    private readonly starts: number[],
    private readonly indents: number[][],
    private readonly outline: boolean,
  ) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineEnds.push(i);
    this.lineEnds.push(text.length);
  }

  build(tokens: Token[]): FlowNode[] {
    const root: { children: FlowNode[] } = { children: [] };
    const stack: Container[] = [root];
    /** Each open quote: the line after it, and how many list items were open around it. */
    const quotes: { after: number; items: number }[] = [];
    /** Whether indented code came before the token at hand. */
    let codeBefore = false;
    const flowChildren = (): FlowNode[] => {
      const top = stack[stack.length - 1];
      if ('type' in top && top.type === 'list') throw new GiveUp('a block in a list');
      return top.children;
    };
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      switch (token.type) {
        case 'paragraph_open':
        case 'heading_open': {
          const inline = tokens[i + 1];
          if (inline?.type !== 'inline' || !token.map) throw new GiveUp('a block without its text');
          const [first, after] = token.map;
          const start = this.starts[first];
          if (start === undefined) throw new GiveUp('a line never looked at');
          if (token.type === 'paragraph_open') {
            const position = this.position(first, start, after - 1);
            if (quotes.length ? !this.blank(after) && !(quotes[quotes.length - 1].items === this.itemIndents.length && this.itemLeftOf(after)) && !this.endsInCallout(quotes, first, after) : this.lazyAt(first, after)) throw new GiveUp('a lazy line');
            // Four columns into its container an outline's line is still a block start to micromark (a definition, say).
            if (this.outline && this.column(first, start) - (this.indents[first]?.at(-1) ?? 0) >= 4) throw new GiveUp('an outline line four columns in');
            if (!oneParagraph(inline.content, this.outline)) throw new GiveUp('a block start inside a paragraph');
            flowChildren().push({ type: 'paragraph', children: this.phrasing(inline, first, start, position), position });
          } else {
            const atx = token.markup.startsWith('#');
            // micromark starts a setext heading at the definitions its text opened with.
            const before = tokens[i - 1];
            if (!atx && before?.type === 'reference_definition' && before.map?.[1] === first) throw new GiveUp('a setext heading after a definition');
            const position = this.position(first, start, atx ? first : after - 1);
            const contentStart = atx ? this.afterHashes(start) : start;
            flowChildren().push({ type: 'heading', depth: Number(token.tag.slice(1)), children: this.phrasing(inline, first, contentStart, position), position });
          }
          i += 2;
          break;
        }
        case 'bullet_list_open':
        case 'ordered_list_open': {
          // micromark lets indented code be interrupted only as a paragraph is (no empty item, no list from 2); and
          // a list opening with an empty item is text to it in more places than CommonMark says: only one after a blank line is read here.
          const before = tokens[i - 1]?.type;
          const line = token.map?.[0] ?? -1;
          const emptyFirst = tokens[i + 2]?.type === 'list_item_close';
          // A list opening on its item's own line (`- - x`) is read apart too, empty or not.
          const onItemLine = before === 'list_item_open' && tokens[i - 1].map?.[0] === line;
          if (before === 'code_block' || onItemLine || (emptyFirst && (before === 'list_item_open' || line < 0 || (line > 0 && !this.blank(line - 1))))) throw new GiveUp('a list where micromark reads text');
          const list: ListNode = { type: 'list', children: [] };
          flowChildren().push(list);
          stack.push(list);
          break;
        }
        case 'list_item_open': {
          const list = stack[stack.length - 1];
          if (!('type' in list) || list.type !== 'list') throw new GiveUp('an item outside a list');
          const item: ListItemNode = { type: 'listItem', children: [] };
          list.children.push(item);
          stack.push(item);
          // Its content's column: the container indentation its first line was read in last (an empty item holds nothing to read).
          const indent = token.map ? this.indents[token.map[0]]?.at(-1) : undefined;
          const empty = tokens[i + 1]?.type === 'list_item_close';
          if (indent === undefined && !empty) throw new GiveUp('an item without a first line');
          this.itemIndents.push(indent ?? 0);
          break;
        }
        case 'blockquote_open': {
          // Lazy lines (a quote's line without its `>`) are read by rules the two parsers apply apart.
          if (!token.map || !this.quotedThroughout(token.map[0], token.map[1])) throw new GiveUp('a quote with lazy or indented lines');
          // A tab among a quote's markers: the two count its columns apart.
          for (let line = token.map[0]; line < token.map[1]; line++) if (TAB_IN_QUOTE.test(this.lineText(line).replace(TABBED_ITEM, ''))) throw new GiveUp('a tab in a quote');
          // A quote opened under a line of text, or anywhere after indented code (which blank lines do not end for it): micromark
          // reads its first line as that text's interruption (no list from 2, no empty item).
          if (((token.map[0] > 0 && !this.blankInQuotes(token.map[0] - 1)) || codeBefore) && !plainInQuote(this.lineText(token.map[0]))) throw new GiveUp('a quote opening under text');
          quotes.push({ after: token.map[1], items: this.itemIndents.length });
          const quote = { type: 'blockquote' as const, children: [] as FlowNode[] };
          flowChildren().push(quote);
          stack.push(quote);
          break;
        }
        case 'blockquote_close': {
          // A quote ending in a paragraph right above a line of text: that line may be a lazy one to micromark.
          const after = quotes.pop()?.after ?? this.lineEnds.length;
          if (tokens[i - 1]?.type === 'paragraph_close' && !this.blankInQuotes(after)) throw new GiveUp('a quote ending above text');
          stack.pop();
          break;
        }
        case 'list_item_close':
          this.itemIndents.pop();
          stack.pop();
          break;
        case 'bullet_list_close':
        case 'ordered_list_close':
          stack.pop();
          break;
        case 'html_block':
          // HTML that may have interrupted a paragraph, maybe closing containers on the way, is where the two part.
          if (SLASHED_VALUE.test(token.content) || UNICODE_SPACE.test(token.content) || afterParagraph(tokens, i)) throw new GiveUp('HTML read apart');
          flowChildren().push({ type: 'other' });
          break;
        case 'reference_definition':
          // A definition over several lines, or with text right under it: where its title ends the two may part.
          if (!token.map || token.map[1] - token.map[0] > 1 || !this.blank(token.map[1])) throw new GiveUp('a definition with text under it');
          flowChildren().push({ type: 'other' });
          break;
        case 'fence':
          // In an outline micromark closes a fence at any indentation.
          if (this.outline && /^[ \t]*(?:```|~~~)/m.test(token.content)) throw new GiveUp('an indented closing fence');
          flowChildren().push({ type: 'other' });
          break;
        case 'code_block':
          codeBefore = true;
          flowChildren().push({ type: 'other' });
          break;
        case 'hr':
          flowChildren().push({ type: 'other' });
          break;
        default:
          throw new GiveUp('a token of no known kind');
      }
    }
    return root.children;
  }

  /** The offset a line starts at. */
  private lineStart(line: number): number {
    return line === 0 ? 0 : this.lineEnds[line - 1] + 1;
  }

  private lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnds[line]);
  }

  /** The columns a line is indented by, a tab to the next multiple of four. */
  private columns(line: number): number {
    let at = this.lineStart(line);
    let columns = 0;
    for (; at < this.lineEnds[line]; at++) {
      if (this.text[at] === ' ') columns++;
      else if (this.text[at] === '\t') columns += 4 - (columns % 4);
      else break;
    }
    return columns;
  }

  /** The column of an offset in its line, a tab to the next multiple of four. */
  private column(line: number, offset: number): number {
    let columns = 0;
    for (let at = this.lineStart(line); at < offset; at++) columns += this.text[at] === '\t' ? 4 - (columns % 4) : 1;
    return columns;
  }

  /**
   * Whether a later line of the paragraph starting at `first`, or the line
   * that ended it, stands left of the list item the paragraph is in yet four
   * columns or more into an outer one: such a line is lazy text or a block start by
   * rules micromark weighs in the outer container and markdown-it in the inner.
   */
  private lazyAt(first: number, after: number): boolean {
    const chain = [0, ...this.itemIndents];
    const inner = chain[chain.length - 1];
    for (let line = first + 1; line <= after && line < this.lineEnds.length; line++) {
      if (this.blank(line)) break;
      const columns = this.columns(line);
      if (columns >= inner) continue;
      let outer = 0;
      for (const indent of chain) if (indent <= columns) outer = indent;
      if (columns - outer >= 4) return true;
    }
    return false;
  }

  /**
   * Whether a paragraph in quotes nested straight into each other at the start of
   * the line (a callout's `>>`, no list item around them), running from `first` to
   * before `after`, ends as micromark ends it: every later line of it, and `after`,
   * carries all the quotes' markers, or `after` is blank inside fewer of them; and
   * none of them stands four columns or more into the innermost item, or left of it
   * yet four columns into an outer one (lazy text or a block start, as in `lazyAt`).
   */
  private endsInCallout(quotes: { after: number; items: number }[], first: number, after: number): boolean {
    if (quotes.some((q) => q.items !== 0)) return false;
    const chain = [0, ...this.itemIndents];
    const inner = chain[chain.length - 1];
    for (let line = first + 1; line <= after; line++) {
      const quoted = quotedColumns(this.lineText(line), quotes.length);
      if (quoted.rest === null) return line === after;
      if (quoted.markers < quotes.length) return false;
      const columns = quoted.rest;
      if (columns - inner >= 4) return false;
      if (columns < inner) {
        let outer = 0;
        for (const indent of chain) if (indent <= columns) outer = indent;
        if (columns - outer >= 4) return false;
      }
    }
    return true;
  }

  /** Whether the line is a bullet with text, left of the list item open (a sibling's or an outer one's): it ends a quote in the item for both parsers. */
  private itemLeftOf(line: number): boolean {
    if (line >= this.lineEnds.length || this.columns(line) >= (this.itemIndents.at(-1) ?? 0)) return false;
    return /^[ \t]*[-*+][ \t]+\S/.test(this.lineText(line));
  }

  /** Whether the line is blank inside the quotes it carries the markers of (`>>`, `> >`), or past the text's end. */
  private blankInQuotes(line: number): boolean {
    return line >= this.lineEnds.length || /^(?:[ \t]*>)*[ \t]*$/.test(this.lineText(line));
  }

  /** Whether the line is blank or past the text's end. */
  private blank(line: number): boolean {
    return line >= this.lineEnds.length || /^[ \t]*$/.test(this.lineText(line));
  }

  /**
   * Whether every line after `first` up to `after` is blank or has a `>` before
   * anything else, within its list item's column and less than four columns
   * past it (code, or a quote, by which container's rules).
   */
  private quotedThroughout(first: number, after: number): boolean {
    // Indentation counts from the list item the quote is in; its first line starts at the `>` itself.
    const indent = this.itemIndents.at(-1) ?? 0;
    for (let line = first + 1; line < after; line++) {
      if (this.blank(line)) continue;
      const columns = this.columns(line);
      if (columns - indent >= 4 || columns < indent || !/^[ \t]*>/.test(this.lineText(line)) || INDENTED_MARKER.test(this.lineText(line))) return false;
    }
    return true;
  }

  private position(line: number, start: number, lastLine: number): Position {
    const end = this.lineEnds[lastLine];
    if (end === undefined || end < start) throw new GiveUp('a block ending before its start');
    return { start: { line: line + 1, offset: start }, end: { offset: end } };
  }

  /** Where an ATX heading's text starts: after its `#`s and the spacing after them. */
  private afterHashes(start: number): number {
    let at = start;
    while (this.text.charCodeAt(at) === 35) at++;
    while (at < this.text.length && /[ \t]/.test(this.text[at])) at++;
    return at;
  }

  /**
   * The text offset of each line of a block's inline content: the content is its
   * lines without their container prefixes and indentation, so each line (the last
   * but for its trailing spacing) ends where its line of the text ends.
   */
  private contentOffsets(inline: Token, firstLine: number, contentStart: number): (offset: number) => { line: number; offset: number } {
    const lines = inline.content.split('\n');
    const starts: number[] = [];
    const contentStarts: number[] = [];
    let at = 0;
    lines.forEach((line, k) => {
      let textStart: number;
      if (k === 0) textStart = contentStart;
      else {
        let end = this.lineEnds[firstLine + k];
        if (k === lines.length - 1) while (end > 0 && /[ \t\f]/.test(this.text[end - 1])) end--;
        textStart = end - line.length;
      }
      if (this.text.slice(textStart, textStart + line.length) !== line) throw new GiveUp('inline text off its lines');
      starts.push(textStart);
      contentStarts.push(at);
      at += line.length + 1;
    });
    return (offset) => {
      let k = contentStarts.length - 1;
      while (k > 0 && contentStarts[k] > offset) k--;
      return { line: firstLine + k + 1, offset: starts[k] + (offset - contentStarts[k]) };
    };
  }

  private phrasing(inline: Token, firstLine: number, contentStart: number, block: Position): Phrasing[] {
    const root: Phrasing[] = [];
    const stack: Phrasing[][] = [root];
    let offsets: ((offset: number) => { line: number; offset: number }) | null = null;
    const push = (node: Phrasing) => stack[stack.length - 1].push(node);
    const append = (value: string) => {
      if (value === '') return;
      const siblings = stack[stack.length - 1];
      const tail = siblings[siblings.length - 1];
      if (tail?.type === 'text') tail.value += value;
      else siblings.push({ type: 'text', value });
    };
    const open = (type: 'emphasis' | 'strong' | 'link') => {
      const node = { type, children: [] as Phrasing[] };
      push(node);
      stack.push(node.children);
    };
    const close = () => {
      if (stack.length === 1) throw new GiveUp('a close without an open');
      stack.pop();
    };
    for (const token of inline.children ?? []) {
      switch (token.type) {
        case 'text':
          append(token.content);
          break;
        case 'softbreak':
          append('\n');
          break;
        case 'hardbreak':
          push({ type: 'break' });
          break;
        case 'code_inline':
        case 'html_inline': {
          const meta = token.meta as { start: number; end: number } | null;
          if (!meta || (token.type === 'html_inline' && SLASHED_VALUE.test(token.content))) throw new GiveUp('inline HTML read apart');
          offsets ??= this.contentOffsets(inline, firstLine, contentStart);
          const start = offsets(meta.start);
          const end = offsets(meta.end).offset;
          if (start.offset < block.start.offset || end > block.end.offset) throw new GiveUp('inline code outside its block');
          push({ type: token.type === 'code_inline' ? 'inlineCode' : 'html', position: { start, end: { offset: end } } });
          break;
        }
        case 'em_open':
          open('emphasis');
          break;
        case 'strong_open':
          open('strong');
          break;
        case 'link_open':
          open('link');
          break;
        case 'em_close':
        case 'strong_close':
        case 'link_close':
          close();
          break;
        case 'image':
          push({ type: 'image' });
          break;
        default:
          throw new GiveUp('an inline token of no known kind');
      }
    }
    if (stack.length !== 1) throw new GiveUp('an open without a close');
    return root;
  }
}
