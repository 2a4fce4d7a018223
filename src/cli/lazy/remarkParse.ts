import type { Processor } from 'unified';
import type RemarkParse from 'remark-parse';
import { lazyChunk } from './load';

/**
 * `remark-parse` in the bundled CLI (esbuild.config.mjs). unified runs a
 * plugin when its processor first parses, so micromark is loaded then, not
 * at start: a warm review parses nothing.
 */
const remark = lazyChunk<{ default: typeof RemarkParse }>('remarkParse');

export default function remarkParse(this: Processor, ...options: Parameters<typeof RemarkParse>): void {
  remark().default.apply(this, options);
}
