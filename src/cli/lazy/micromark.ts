import type * as Micromark from 'micromark';
import { lazyChunk } from './load';

/**
 * `micromark` in the bundled CLI (esbuild.config.mjs), which the note parser
 * (src/core/note/markdownTree.ts) runs: loaded when a note is first parsed, so
 * a warm review answered from the cache never compiles it.
 */
const micromark = lazyChunk<typeof Micromark>('micromark');

export const parse: typeof Micromark.parse = (...args) => micromark().parse(...args);
export const preprocess: typeof Micromark.preprocess = (...args) => micromark().preprocess(...args);
export const postprocess: typeof Micromark.postprocess = (...args) => micromark().postprocess(...args);
