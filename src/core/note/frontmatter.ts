import { parseDocument } from 'yaml';
import { pageProperties } from './pageProperties';
import { logseqFrontMatter } from '../dialect/logseqFrontMatter';

export type Frontmatter = Record<string, unknown>;

export interface SplitNote {
  /** The YAML text between the fences, or null when the note has none. */
  yaml: string | null;
  /** Everything after the closing fence (the whole text when there is no frontmatter). */
  body: string;
  /** How many lines precede the body, so body line numbers map back to the file. */
  bodyLine: number;
  /** Offset of the body in the text, for the same reason. */
  bodyOffset: number;
}

const OPENING = /^\uFEFF?---[ \t]*(?:\r\n?|\n)/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;
/** YAML's line breaks: LF, CRLF and a lone CR (a note saved by an old Mac editor). */
const YAML_BREAK = /\r\n?|\n/g;

/**
 * The closing fence, a line at a time. A line ends at YAML's breaks only: with
 * the regex `m` flag, a U+2028 inside a property would also end the frontmatter.
 */
function findClosing(rest: string): { index: number; length: number } | null {
  YAML_BREAK.lastIndex = 0;
  for (let start = 0; start <= rest.length; ) {
    const lineBreak = YAML_BREAK.exec(rest);
    const end = lineBreak === null ? rest.length : lineBreak.index;
    const next = lineBreak === null ? end : end + lineBreak[0].length;
    if ((rest.charCodeAt(start) === 45 || rest.charCodeAt(start) === 46) && CLOSING.test(rest.slice(start, end))) return { index: start, length: next - start };
    if (lineBreak === null) return null;
    start = next;
  }
  return null;
}

/** Splits off a YAML frontmatter block fenced by `---` lines at the very top. */
export function splitFrontmatter(text: string): SplitNote {
  const opening = OPENING.exec(text);
  if (opening) {
    const rest = text.slice(opening[0].length);
    const closing = findClosing(rest);
    if (closing) {
      const yaml = rest.slice(0, closing.index);
      const bodyOffset = opening[0].length + closing.index + closing.length;
      return { yaml, body: text.slice(bodyOffset), bodyLine: countLines(text, bodyOffset), bodyOffset };
    }
  }
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  return { yaml: null, body: text.slice(bom), bodyLine: 0, bodyOffset: bom };
}

function countLines(text: string, end: number): number {
  let lines = 0;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) lines++;
  return lines;
}

export interface ParsedFrontmatter {
  data: Frontmatter;
  /** Why the YAML could not be read, when it could not. */
  error: string | null;
}

/** A key of words (`type`, `RARE Bird`, `dg-publish`, `Admit Weight (kg)`, `Lead (ug/dL)`), with its value on the line or none. */
const SIMPLE_KEY = /^([A-Za-z_][\w-]*(?: +[\w()/-]+)*):(?:[ \t]+(.*?))?[ \t]*$/;
/** Keys the core schema reads as a boolean or null, which YAML would not keep as the text written. */
const SCALAR_KEY = /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL)$/;
/** An item of a block list (`  - a`), and its text. */
const LIST_ITEM = /^( *)-(?:[ \t]+(.*?))?[ \t]*$/;

/** Whether YAML reads `text` as a plain scalar, needing no quotes or escapes. */
function isPlain(text: string): boolean {
  return text !== '' && !/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(text) && !text.includes(': ') && !text.includes(' #') && !text.endsWith(':') && !text.includes('\t');
}

// The YAML 1.2 core schema's scalars, as the `yaml` package resolves them (its core tags, in order).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOLEAN = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCTAL = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const INFINITY = /^[-+]?\.(?:inf|Inf|INF)$/;
const NOT_A_NUMBER = /^\.(?:nan|NaN|NAN)$/;
const NUMBER = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** A plain YAML scalar as the core schema reads it: null, boolean, number (hex, octal, exponent, infinities and NaN too) or string. */
function plainScalar(text: string): unknown {
  if (NULL.test(text)) return null;
  if (BOOLEAN.test(text)) return text[0] === 't' || text[0] === 'T';
  if (OCTAL.test(text)) return parseInt(text.slice(2), 8);
  if (HEX.test(text)) return parseInt(text.slice(2), 16);
  if (INFINITY.test(text)) return text[0] === '-' ? -Infinity : Infinity;
  if (NOT_A_NUMBER.test(text)) return NaN;
  if (NUMBER.test(text)) return Number(text);
  return text;
}

/** A scalar written on one line: plain, or quoted with nothing to unescape (`"[[Ana]]"`, `'a, b'`); undefined when it is neither. */
function lineScalar(text: string): unknown {
  if (text.length >= 2 && text[0] === '"' && text.endsWith('"')) {
    const inner = text.slice(1, -1);
    return /["\\]/.test(inner) ? undefined : inner;
  }
  if (text.length >= 2 && text[0] === "'" && text.endsWith("'")) {
    const inner = text.slice(1, -1);
    return inner.includes("'") ? undefined : inner;
  }
  return isPlain(text) ? plainScalar(text) : undefined;
}

/**
 * The frontmatter nearly every note has — `key: value` lines of plain or
 * simply quoted scalars, one-line `[a, b]` lists and block lists of scalars
 * (`tags:` then `  - a` lines, as Obsidian's property editor writes them) —
 * read without the full YAML parser, which costs more than the rest of
 * classifying a link target (a vault of 1,949 notes with frontmatter: 0.6 s).
 * Anything else (escapes, nesting, comments, anchors, multi-line scalars)
 * returns null and goes to the parser.
 */
export function parseSimpleYaml(yaml: string): Frontmatter | null {
  const data: Frontmatter = {};
  const lines = yaml.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === '') continue;
    const line = SIMPLE_KEY.exec(raw);
    if (!line || line[1] in data || SCALAR_KEY.test(line[1])) return null;
    const value = line[2] ?? '';
    if (value.startsWith('[') && value.endsWith(']')) {
      const inner = value.slice(1, -1).trim();
      const items = inner === '' ? [] : inner.split(',').map((item) => item.trim());
      if (items.some((item) => !isPlain(item) || /[[\]{}]/.test(item))) return null;
      data[line[1]] = items.map(plainScalar);
    } else if (value === '') {
      const items: unknown[] = [];
      let indent: number | null = null;
      for (; i + 1 < lines.length; i++) {
        const next = lines[i + 1];
        if (next.trim() === '') continue;
        const item = LIST_ITEM.exec(next);
        if (!item) {
          // Anything indented under the key that is not an item (a nested map, a continued scalar) is for the parser.
          if (next[0] === ' ' || next[0] === '\t') return null;
          break;
        }
        if (indent !== null && item[1].length !== indent) return null;
        indent = item[1].length;
        const scalar = item[2] === undefined ? null : lineScalar(item[2]);
        if (scalar === undefined) return null;
        items.push(scalar);
      }
      data[line[1]] = indent === null ? null : items;
    } else {
      const scalar = lineScalar(value);
      if (scalar === undefined) return null;
      data[line[1]] = scalar;
    }
  }
  return data;
}

/**
 * Bounds on what the YAML parser is given: real properties are a few lines,
 * and the parser's time grows faster than the text (50,000 lines take over a
 * second). Past them the note's properties are left out, with a warning.
 */
export const MAX_FRONTMATTER_CHARS = 256 * 1024;
export const MAX_FRONTMATTER_LINES = 5_000;
/** Aliases a document may expand: a few are normal YAML, thousands are a "billion laughs". */
const MAX_ALIASES = 100;
/** How deep properties may nest: nothing Obsidian shows goes past a few levels. */
const MAX_DEPTH = 64;

function lineCount(text: string, limit: number): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1 && lines <= limit; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** Why the data YAML produced cannot be used as properties: a cycle (`a: &a [*a]`) or nesting past MAX_DEPTH. */
function shapeProblem(value: unknown): string | null {
  const ancestors = new Set<object>();
  const visit = (node: unknown, depth: number): string | null => {
    if (typeof node !== 'object' || node === null) return null;
    if (ancestors.has(node)) return 'a property refers to itself through a YAML alias';
    if (depth > MAX_DEPTH) return `properties nest more than ${MAX_DEPTH} levels deep`;
    ancestors.add(node);
    const children = node instanceof Map ? [...node.values()] : Array.isArray(node) ? node : Object.values(node);
    for (const child of children) {
      const problem = visit(child, depth + 1);
      if (problem) return problem;
    }
    ancestors.delete(node);
    return null;
  };
  return visit(value, 0);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message.split('\n')[0] : String(error)).replace(/:\s*$/, '');
}

/**
 * A note's properties from its YAML. Never throws and never logs: anything
 * the note's YAML does wrong (syntax, cycles, alias bombs, unknown tags such
 * as `!!js/function`, sheer size) comes back in `error`, which the caller
 * reports against the note's path.
 */
export function parseFrontmatterYaml(yaml: string | null): ParsedFrontmatter {
  if (yaml === null || yaml.trim() === '') return { data: {}, error: null };
  // Lone CRs are line breaks to YAML; the fast reader below splits on LF only.
  if (yaml.includes('\r')) yaml = yaml.replace(/\r\n?/g, '\n');
  if (yaml.length > MAX_FRONTMATTER_CHARS) return { data: {}, error: `frontmatter is ${Math.round(yaml.length / 1024)} KB, more than Daybook reads (${MAX_FRONTMATTER_CHARS / 1024} KB); its properties are left out` };
  const lines = lineCount(yaml, MAX_FRONTMATTER_LINES);
  if (lines > MAX_FRONTMATTER_LINES) return { data: {}, error: `frontmatter has more than ${MAX_FRONTMATTER_LINES} lines, more than Daybook reads; its properties are left out` };
  const simple = parseSimpleYaml(yaml);
  if (simple) return { data: simple, error: null };
  try {
    // parseDocument collects warnings instead of printing them: nothing of the library reaches stderr.
    const doc = parseDocument(yaml, { prettyErrors: true, uniqueKeys: false, logLevel: 'silent' });
    if (doc.errors.length) return { data: {}, error: `invalid YAML frontmatter: ${firstLine(doc.errors[0])}` };
    const data: unknown = doc.toJS({ maxAliasCount: MAX_ALIASES });
    const problem = shapeProblem(data);
    if (problem) return { data: {}, error: `frontmatter left out: ${problem}` };
    if (data === null || data === undefined) return { data: {}, error: null };
    if (typeof data !== 'object' || Array.isArray(data)) return { data: {}, error: 'frontmatter is not a set of properties' };
    const tag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
    if (tag) return { data: data as Frontmatter, error: `frontmatter uses a YAML tag Obsidian does not know (${firstLine(tag).replace(/^Unresolved tag: (tag:yaml\.org,2002:)?/, '!!').replace(/ at line.*$/, '')}); its value is read as text` };
    return { data: data as Frontmatter, error: null };
  } catch (error) {
    const message = firstLine(error);
    return { data: {}, error: /alias count/i.test(message) ? 'frontmatter left out: it expands more YAML aliases than any note needs (a "billion laughs")' : `invalid YAML frontmatter: ${message}` };
  }
}

/**
 * Reads just the properties of a note: what classifying a link target needs.
 * Its YAML frontmatter, and in a Logseq graph (`withPageProperties`) the
 * `key:: value` lines of its first block, as Logseq writes page properties:
 * a key set in both is taken from the YAML. Obsidian reads only the YAML.
 * YAML that does not parse is read in a graph as Logseq reads it (logseqFrontMatter).
 */
export function readFrontmatter(text: string, withPageProperties = false): ParsedFrontmatter {
  const split = splitFrontmatter(text);
  let parsed = parseFrontmatterYaml(split.yaml);
  // Logseq reads front matter line by line, never as YAML: what YAML rejects still names the page there.
  if (withPageProperties && split.yaml !== null && parsed.error?.startsWith('invalid YAML')) {
    const lines = logseqFrontMatter(split.yaml);
    if (Object.keys(lines).length) parsed = { data: lines, error: null };
  }
  if (!withPageProperties || !split.body.includes('::')) return parsed;
  const properties = pageProperties(split.body);
  return Object.keys(properties).length ? { data: { ...properties, ...parsed.data }, error: parsed.error } : parsed;
}

/**
 * Whether `head`, the start of a note cut just after a line break, holds all
 * that readFrontmatter reads of the whole note: its first line shows there is
 * no frontmatter, or the closing fence is in it. Lets the CLI stop reading a
 * note at its closing `---`; must cover whatever readFrontmatter looks at.
 */
export function frontmatterComplete(head: string): boolean {
  const opening = OPENING.exec(head);
  if (!opening) return head.includes('\n');
  return findClosing(head.slice(opening[0].length)) !== null;
}

/** A frontmatter value as a list of strings (`tags: [a, b]`, `tags: a, b`, `aliases: x`). */
export function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(stringList);
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  if (typeof value === 'number') return [String(value)];
  return [];
}
