import { BlockRefIndex } from '../../src/core/dialect/blockRefs';
import { parseNote } from '../../src/core/note/parseNote';
import type { VaultSource } from '../../src/core/vault';

/**
 * The search of every page for a block's `id::` waits for heads being read
 * ahead (the CLI's worker, src/cli/headsAhead.ts): they say which pages hold
 * no `::` at all, and so need no read. Asked before they are in, each page is read.
 */
describe('the search for a block id, with heads read ahead', () => {
  it('asks for the heads read ahead before reading any page, and finds the block', async () => {
    const events: string[] = [];
    const pages: Record<string, string> = { 'pages/a.md': '- plain\n', 'pages/b.md': '- Kickoff with [[Ana]]\n  id:: 6571a0e2-93f4-4a6c-b1d8-0c6f2d7e9a31\n' };
    const source: VaultSource = {
      list: async () => Object.keys(pages).map((path) => ({ path })),
      read: async (path) => pages[path],
      frontmatter: async () => ({ data: {}, error: null, end: 0 }) as never,
      readIfIncludes: async (path, needle) => {
        events.push(`read ${path}`);
        return pages[path].includes(needle) ? pages[path] : null;
      },
      frontmatterAheadRead: async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        events.push('heads ahead');
      },
    };
    const index = new BlockRefIndex(source, () => Object.keys(pages));
    const note = parseNote('- see ((6571a0e2-93f4-4a6c-b1d8-0c6f2d7e9a31))\n', { indentedCode: false, blockRefs: true, fileLinks: false, pageProperties: true, logseqTags: true });
    const resolved = await index.resolve(note, 'journals/2026_11_17.md');
    expect(events).toEqual(['heads ahead', 'read pages/a.md', 'read pages/b.md']);
    expect(resolved.sources).toEqual(['pages/b.md']);
    expect(resolved.note.blocks[0].quote).toContain('Kickoff with [[Ana]]');
  });
});
