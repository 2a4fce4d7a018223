import { parse as parseYaml } from 'yaml';

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

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/** Splits off a YAML frontmatter block fenced by `---` lines at the very top. */
export function splitFrontmatter(text: string): SplitNote {
  const opening = OPENING.exec(text);
  if (opening) {
    const rest = text.slice(opening[0].length);
    const closing = CLOSING.exec(rest);
    if (closing) {
      const yaml = rest.slice(0, closing.index);
      const bodyOffset = opening[0].length + closing.index + closing[0].length;
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

const SIMPLE_KEY = /^([A-Za-z_][\w-]*):(?:[ \t]+(.*?))?[ \t]*$/;
/** Whether YAML reads `text` as a plain scalar, needing no quotes or escapes. */
function isPlain(text: string): boolean {
  return text !== '' && !/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(text) && !text.includes(': ') && !text.includes(' #') && !text.endsWith(':') && !text.includes('\t');
}

/** A plain YAML scalar as the core schema reads it: null, boolean, number or string. */
function plainScalar(text: string): unknown {
  if (text === '' || text === '~' || text === 'null') return null;
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^[-+]?(?:\d+|\d*\.\d+)$/.test(text)) return Number(text);
  return text;
}

/**
 * The frontmatter nearly every note has — `key: value` lines of plain scalars
 * and one-line `[a, b]` lists — read without the full YAML parser, which costs
 * more than the rest of classifying a link target. Anything else (quotes,
 * nesting, block lists, comments, anchors) returns null and goes to the parser.
 */
export function parseSimpleYaml(yaml: string): Frontmatter | null {
  const data: Frontmatter = {};
  for (const raw of yaml.split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    const line = SIMPLE_KEY.exec(raw);
    if (!line || line[1] in data) return null;
    const value = line[2] ?? '';
    if (value.startsWith('[') && value.endsWith(']')) {
      const inner = value.slice(1, -1).trim();
      const items = inner === '' ? [] : inner.split(',').map((item) => item.trim());
      if (items.some((item) => !isPlain(item) || /[[\]{}]/.test(item))) return null;
      data[line[1]] = items.map(plainScalar);
    } else if (value === '' || isPlain(value)) {
      data[line[1]] = plainScalar(value);
    } else return null;
  }
  return data;
}

export function parseFrontmatterYaml(yaml: string | null): ParsedFrontmatter {
  if (yaml === null || yaml.trim() === '') return { data: {}, error: null };
  const simple = parseSimpleYaml(yaml);
  if (simple) return { data: simple, error: null };
  try {
    const data: unknown = parseYaml(yaml, { prettyErrors: true, uniqueKeys: false });
    if (data === null || data === undefined) return { data: {}, error: null };
    if (typeof data !== 'object' || Array.isArray(data)) return { data: {}, error: 'frontmatter is not a set of properties' };
    return { data: data as Frontmatter, error: null };
  } catch (error) {
    const message = (error instanceof Error ? error.message.split('\n')[0] : String(error)).replace(/:\s*$/, '');
    return { data: {}, error: `invalid YAML frontmatter: ${message}` };
  }
}

/** Reads just the frontmatter of a note: what classifying a link target needs. */
export function readFrontmatter(text: string): ParsedFrontmatter {
  return parseFrontmatterYaml(splitFrontmatter(text).yaml);
}

/** A frontmatter value as a list of strings (`tags: [a, b]`, `tags: a, b`, `aliases: x`). */
export function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(stringList);
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  if (typeof value === 'number') return [String(value)];
  return [];
}
