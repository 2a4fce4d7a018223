import type MarkdownIt from 'markdown-it';
import { lazyChunk } from './load';

/**
 * `markdown-it` in the bundled CLI (esbuild.config.mjs), which the note parser
 * (src/core/note/markdownItTree.ts) tokenizes with: loaded when a note is
 * first parsed, so a warm review answered from the cache never compiles it.
 */
const markdownIt = lazyChunk<{ default: typeof MarkdownIt }>('markdownIt');

const lazy: typeof MarkdownIt = ((...args: Parameters<typeof MarkdownIt>) => markdownIt().default(...args)) as typeof MarkdownIt;
export default lazy;
