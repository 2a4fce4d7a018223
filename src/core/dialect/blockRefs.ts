import type { Block, NoteModel } from '../note/parseNote';
import { quoteOf } from '../note/quote';
import type { VaultSource, Warning } from '../vault';

/**
 * Logseq's block references: `((uuid))`, `{{embed ((uuid))}}` and
 * `[label](((uuid)))` show the referenced block (the one carrying
 * `id:: uuid`, anywhere in the graph) in its place. A review shows what
 * Logseq shows: the block's text, or the label; a reference to no block is
 * dropped, with a warning naming the note.
 */
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
// A label may hold page references: `[Kickoff with [[Ana]]](((uuid)))`.
const REFERENCE = new RegExp(`\\{\\{\\s*embed\\s+\\(\\((${UUID})\\)\\)\\s*\\}\\}|\\[((?:[^[\\]\\n]|\\[\\[[^[\\]\\n]*\\]\\])*)\\]\\(\\(\\((${UUID})\\)\\)\\)|\\(\\((${UUID})\\)\\)`, 'g');
const PROPERTY_LINE = /^\s*[\p{L}\p{N}_][\p{L}\p{N}_-]*::/u;
const ID_LINE = new RegExp(`^[ \\t]*id::[ \\t]*(${UUID})[ \\t]*\\r?$`, 'gm');

/** The quote of the block an `id::` line at `offset` belongs to: its lines from its bullet (or the page's top) down to the id line. */
function blockAround(text: string, offset: number): string {
  const lines: string[] = [];
  let end = text.lastIndexOf('\n', offset - 1);
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    lines.unshift(line);
    if (/^\s*(?:[-*+]\s|#{1,6}\s)/.test(line) || start === 0) break;
    end = start - 1;
  }
  const own = lines.map((line, i) => (i === 0 ? line.replace(/^\s*[-*+]\s+/, '') : line));
  return quoteOf(own.join('\n'), /^\s*#{1,6}\s/.test(own[0] ?? ''));
}

interface Referenced {
  path: string;
  text: string;
}

/**
 * Where every `id::` of the graph is. Built on the first reference a note's
 * own blocks do not answer, from the notes' text: only files holding `id::`
 * are looked at further, and no note is parsed for it.
 */
export class BlockRefIndex {
  private ids: Promise<Map<string, Referenced>> | null = null;

  constructor(
    private readonly source: VaultSource,
    private readonly paths: () => string[],
  ) {}

  /** Whether some reference sent it reading every note of the listing: then what it answers hangs on the whole listing. */
  get built(): boolean {
    return this.ids !== null;
  }

  private build(): Promise<Map<string, Referenced>> {
    this.ids ??= (async () => {
      const ids = new Map<string, Referenced>();
      // Heads being read ahead elsewhere tell which notes hold no `::` at all: those need no read here.
      await this.source.frontmatterAheadRead?.();
      for (const path of this.paths()) {
        let text: string | null;
        try {
          text = this.source.readIfIncludes ? await this.source.readIfIncludes(path, 'id::') : await this.source.read(path);
        } catch {
          continue;
        }
        if (text === null || !text.includes('id::')) continue;
        for (const match of text.matchAll(ID_LINE)) {
          const id = match[1].toLowerCase();
          if (!ids.has(id)) ids.set(id, { path, text: blockAround(text, match.index ?? 0) });
        }
      }
      return ids;
    })();
    return this.ids;
  }

  /**
   * The note with each block reference replaced by what Logseq shows for it;
   * the note itself is left as it was (parsed notes may be shared by caches).
   */
  async resolve(note: NoteModel, path: string): Promise<{ note: NoteModel; warnings: Warning[]; sources: string[] }> {
    const own = new Map<string, string>();
    note.blocks.forEach((block) => {
      if (!block.fields.id) return;
      // Under a heading bullet (`- ## Kickoff` then `id:: …`) the properties read as a block of their own: the heading is the block referred to.
      const propertiesOnly = block.text.split('\n').every((line) => PROPERTY_LINE.test(line));
      const referred = propertiesOnly && block.parent !== -1 ? note.blocks[block.parent] : block;
      own.set(block.fields.id.toLowerCase(), referred.quote);
    });
    const wanted = new Set<string>();
    for (const block of note.blocks) {
      if (!block.quote.includes('((')) continue;
      for (const match of block.quote.matchAll(REFERENCE)) {
        const id = (match[1] ?? match[3] ?? match[4]).toLowerCase();
        if (!own.has(id)) wanted.add(id);
      }
    }
    const found = wanted.size ? await this.build() : new Map<string, Referenced>();
    const sources = new Set<string>();
    const missing = new Set<string>();
    const textOf = (id: string): string | null => {
      const key = id.toLowerCase();
      const local = own.get(key);
      if (local !== undefined) return local;
      const other = found.get(key);
      if (other) {
        sources.add(other.path);
        return other.text;
      }
      missing.add(key);
      return null;
    };
    const replace = (text: string): string =>
      text
        .replace(REFERENCE, (_all, embedded?: string, label?: string, labelled?: string, plain?: string) => {
          if (labelled !== undefined) return label ?? '';
          return textOf((embedded ?? plain) as string) ?? '';
        })
        .replace(/\s+/g, ' ')
        .trim();
    let changed = false;
    const blocks = note.blocks.map((block): Block => {
      if (!block.quote.includes('((') && !block.text.includes('((')) return block;
      const quote = replace(block.quote);
      const text = replace(block.text);
      if (quote === block.quote && text === block.text) return block;
      changed = true;
      return { ...block, quote, text };
    });
    const warnings = [...missing].sort().map((id) => ({ path, message: `refers to a block that no note of the graph holds (id ${id}); the reference is left out` }));
    return { note: changed ? { ...note, blocks } : note, warnings, sources: [...sources].sort() };
  }
}
