import type * as Yaml from 'yaml';
import { lazyChunk } from './load';

/** `yaml` in the bundled CLI (esbuild.config.mjs): frontmatter is read only from notes the cache cannot answer for. */
const yaml = lazyChunk<typeof Yaml>('yaml');

export const parseDocument: typeof Yaml.parseDocument = (...args: Parameters<typeof Yaml.parseDocument>) => yaml().parseDocument(...args);
