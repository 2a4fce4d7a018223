import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { parse, postprocess, preprocess } from 'micromark';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import type { Event, Extension, ParseContext, Token } from 'micromark-util-types';

/**
 * The part of a markdown syntax tree the note parser reads, built straight
 * from micromark's events. mdast-util-from-markdown (what remark-parse runs)
 * builds the whole tree — URLs, titles, code values, identifiers, a position
 * for every node, a context object for every event — and that cost about a
 * third of a note's parse. This keeps what the block builder looks at, read
 * by the same rules as mdast-util-from-markdown 2.1 (which events make text,
 * where a line ending is text, what a link's children are), so the tree it
 * reads is the same: headings (with depth), paragraphs, lists, items and
 * block quotes; in their text, text, code spans and HTML (with offsets),
 * breaks, emphasis, strong and links. Code, HTML blocks, rules, definitions
 * and images are kept as nodes without content, as the builder skips them.
 */
export interface Position {
  start: { line: number; offset: number };
  end: { offset: number };
}

export type Phrasing =
  | { type: 'text'; value: string }
  | { type: 'inlineCode' | 'html'; position: Position }
  | { type: 'break' }
  | { type: 'emphasis' | 'strong' | 'link'; children: Phrasing[] }
  | { type: 'image' };

export interface HeadingNode {
  type: 'heading';
  depth: number;
  children: Phrasing[];
  position: Position;
}
export interface ParagraphNode {
  type: 'paragraph';
  children: Phrasing[];
  position: Position;
}
export interface ListItemNode {
  type: 'listItem';
  children: FlowNode[];
}
export interface ListNode {
  type: 'list';
  children: ListItemNode[];
}
export interface BlockquoteNode {
  type: 'blockquote';
  children: FlowNode[];
}
/** Code, HTML blocks, thematic breaks and definitions: nothing in them is read. */
export interface OtherNode {
  type: 'other';
}
export type FlowNode = HeadingNode | ParagraphNode | ListNode | BlockquoteNode | OtherNode;

/** What is open while the events are walked; a sink takes what is never read (a URL, a code block, an image's text). */
type Open =
  | { type: 'root' | 'blockquote' | 'listItem'; children: FlowNode[] }
  | { type: 'list'; children: ListItemNode[] }
  | HeadingNode
  | ParagraphNode
  | { type: 'emphasis' | 'strong' | 'link' | 'fragment'; children: Phrasing[] }
  | { type: 'inlineCode' | 'html'; position: Position }
  | { type: 'image' | 'break' | 'sink' }
  | { type: 'text'; value: string };

/** Where mdast-util-from-markdown makes a line ending text (its `canContainEols`, with a link's label as `fragment`). */
const HOLDS_LINE_ENDINGS = new Set(['emphasis', 'fragment', 'heading', 'paragraph', 'strong']);
/** Flow tokens whose content is never read: each becomes one `other` node. */
const UNREAD_FLOW = new Set(['codeFenced', 'codeIndented', 'htmlFlow', 'definition', 'thematicBreak']);
/** Tokens whose text mdast-util-from-markdown adds to the open text node. */
const DATA = new Set(['autolinkProtocol', 'autolinkEmail', 'characterEscape', 'characterReference', 'codeTextData', 'data', 'codeFlowValue', 'htmlFlowData', 'htmlTextData']);

function position(token: Token): Position {
  return { start: { line: token.start.line, offset: token.start.offset }, end: { offset: token.end.offset } };
}

/**
 * micromark's parser for each set of extensions, made once: making one
 * combines every construct anew, a few per cent of a note's parse. What it
 * holds of a document — the definitions seen, the lazy lines — is reset
 * before each one.
 */
const parsers = new Map<Extension[], ParseContext>();

/** The flow nodes of a document, parsed by micromark with the given extensions. */
export function markdownTree(text: string, extensions: Extension[]): FlowNode[] {
  let parser = parsers.get(extensions);
  if (!parser) {
    parser = parse({ extensions });
    parsers.set(extensions, parser);
  }
  parser.defined = [];
  parser.lazy = {};
  const tokenizer = parser.document();
  const chunks = preprocess()(text, undefined, true);
  return buildTree(postprocess(tokenizer.write(chunks)));
}

function buildTree(events: Event[]): FlowNode[] {
  const root: Open = { type: 'root', children: [] };
  const stack: Open[] = [root];
  let atHardBreak = false;
  let slurpLineEnding = false;
  let characterReferenceType: string | null = null;
  const top = () => stack[stack.length - 1];
  const pushFlow = (node: FlowNode) => {
    (top() as { children: FlowNode[] }).children.push(node);
    stack.push(node as Open);
  };
  const pushPhrasing = (node: Phrasing) => {
    const parent = top();
    if (parent.type === 'sink') stack.push({ type: 'sink' });
    else {
      (parent as { children: Phrasing[] }).children.push(node);
      stack.push(node);
    }
  };
  /** The open text node for data, or a sink where nothing is read. */
  const enterData = () => {
    const parent = top();
    if (!('children' in parent) || parent.type === 'root' || parent.type === 'list' || parent.type === 'listItem' || parent.type === 'blockquote') {
      stack.push({ type: 'sink' });
      return;
    }
    const siblings = parent.children as Phrasing[];
    const tail = siblings[siblings.length - 1];
    if (tail && tail.type === 'text') stack.push(tail);
    else {
      const node = { type: 'text' as const, value: '' };
      siblings.push(node);
      stack.push(node);
    }
  };
  const appendData = (value: string) => {
    const node = top();
    if (node.type === 'text') node.value += value;
  };

  for (const [kind, token, context] of events) {
    const type = token.type;
    if (kind === 'enter') {
      if (DATA.has(type)) enterData();
      else if (type === 'paragraph') pushFlow({ type: 'paragraph', children: [], position: position(token) });
      else if (type === 'atxHeading' || type === 'setextHeading') pushFlow({ type: 'heading', depth: 0, children: [], position: position(token) });
      else if (type === 'listOrdered' || type === 'listUnordered') pushFlow({ type: 'list', children: [] });
      else if (type === 'listItemPrefix') {
        // mdast-util-from-markdown starts an item at each marker of the list itself (not of a list or quote inside it).
        if (top().type === 'listItem') stack.pop();
        const list = top();
        if (list.type === 'list') {
          const item: ListItemNode = { type: 'listItem', children: [] };
          list.children.push(item);
          stack.push(item);
        }
      } else if (type === 'blockQuote') pushFlow({ type: 'blockquote', children: [] });
      else if (UNREAD_FLOW.has(type)) {
        const parent = top();
        if ('children' in parent) (parent.children as FlowNode[]).push({ type: 'other' });
        stack.push({ type: 'sink' });
      } else if (type === 'emphasis' || type === 'strong') pushPhrasing({ type, children: [] });
      else if (type === 'link' || type === 'autolink') pushPhrasing({ type: 'link', children: [] });
      else if (type === 'image') pushPhrasing({ type: 'image' });
      else if (type === 'label') {
        // A link's label holds its children; an image's is its alt text, never read.
        const parent = top();
        stack.push(parent.type === 'link' ? { type: 'fragment', children: [] } : { type: 'sink' });
      } else if (type === 'codeText' || type === 'htmlText') {
        pushPhrasing({ type: type === 'codeText' ? 'inlineCode' : 'html', position: position(token) });
        stack.push({ type: 'sink' });
      } else if (type === 'hardBreakEscape' || type === 'hardBreakTrailing') pushPhrasing({ type: 'break' });
      else if (type === 'resourceDestinationString' || type === 'resourceTitleString' || type === 'referenceString') stack.push({ type: 'sink' });
      continue;
    }
    switch (type) {
      case 'autolinkProtocol':
      case 'autolinkEmail':
      case 'characterEscapeValue':
      case 'codeTextData':
      case 'data':
      case 'codeFlowValue':
      case 'htmlFlowData':
      case 'htmlTextData':
        appendData(top().type === 'text' ? context.sliceSerialize(token) : '');
        stack.pop();
        break;
      case 'characterReferenceMarkerHexadecimal':
      case 'characterReferenceMarkerNumeric':
        characterReferenceType = type;
        break;
      case 'characterReferenceValue': {
        const value = context.sliceSerialize(token);
        const decoded = characterReferenceType ? decodeNumericCharacterReference(value, characterReferenceType === 'characterReferenceMarkerNumeric' ? 10 : 16) : decodeNamedCharacterReference(value);
        characterReferenceType = null;
        appendData(decoded as string);
        break;
      }
      case 'characterReference':
        stack.pop();
        break;
      case 'lineEnding':
        if (atHardBreak) atHardBreak = false;
        else if (!slurpLineEnding && HOLDS_LINE_ENDINGS.has(top().type)) {
          enterData();
          appendData(context.sliceSerialize(token));
          stack.pop();
        }
        break;
      case 'atxHeadingSequence': {
        const heading = top();
        if (heading.type === 'heading' && !heading.depth) heading.depth = context.sliceSerialize(token).length;
        break;
      }
      case 'setextHeadingText':
        slurpLineEnding = true;
        break;
      case 'setextHeadingLineSequence': {
        const heading = top();
        if (heading.type === 'heading') heading.depth = context.sliceSerialize(token).codePointAt(0) === 61 ? 1 : 2;
        break;
      }
      case 'setextHeading':
        slurpLineEnding = false;
        stack.pop();
        break;
      case 'label': {
        const fragment = stack.pop();
        const link = top();
        if (fragment?.type === 'fragment' && link.type === 'link') link.children = fragment.children;
        break;
      }
      case 'codeText':
      case 'htmlText':
        stack.pop();
        stack.pop();
        break;
      case 'hardBreakEscape':
      case 'hardBreakTrailing':
        atHardBreak = true;
        stack.pop();
        break;
      case 'listOrdered':
      case 'listUnordered':
        if (top().type === 'listItem') stack.pop();
        stack.pop();
        break;
      case 'paragraph':
      case 'atxHeading':
      case 'blockQuote':
      case 'emphasis':
      case 'strong':
      case 'link':
      case 'autolink':
      case 'image':
      case 'resourceDestinationString':
      case 'resourceTitleString':
      case 'referenceString':
      case 'codeFenced':
      case 'codeIndented':
      case 'htmlFlow':
      case 'definition':
      case 'thematicBreak':
        stack.pop();
        break;
      default:
        break;
    }
  }
  return root.children;
}
