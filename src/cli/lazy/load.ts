import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * A library the bundled CLI ships as a file of its own beside `cli.js`,
 * loaded the first time it is used: a warm review answered from the cache
 * parses no note and no frontmatter, so it never compiles or runs them.
 */
export function lazyChunk<T>(name: string): () => T {
  let loaded: T | null = null;
  return () => (loaded ??= createRequire(__filename)(join(__dirname, `${name}.js`)) as T);
}
