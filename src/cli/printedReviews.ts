import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCacheFile } from './cacheFile';
import { bytesHash } from './fileStamp';

/** How a review is printed: the markdown of `daybook review`, or the JSON of `--json`. */
export type PrintFormat = 'markdown' | 'json';

/** The line before the text: its key and its own hash, 40 hex digits each. */
const HEADER = 40 + 1 + 40 + 1;

/**
 * What a review printed last time, kept beside its memo (`<period>.<format>.txt`):
 * printing is a function of the review, the settings, the locale and the code
 * alone, so a run whose memo holds prints the kept text instead of reading the
 * stored review back and rendering it (on the bench vault's warm weekly run,
 * loading ICU's collator for one sort of names, 15–50 ms, and the rendering
 * itself, 20–30 ms). The key names all of those: the hash of the review's JSON,
 * the settings as the printer gets them, the locale and the memo's version
 * (Daybook's, the parser's and the build's); the text carries its own hash, so
 * a damaged or cut-short file is not printed but printed afresh.
 */
export class PrintedReviews {
  constructor(private readonly dir: string) {}

  private file(periodId: string, format: PrintFormat): string {
    return join(this.dir, 'reviews', `${periodId}.${format}.txt`);
  }

  /** The key of a printed text: everything printing reads, hashed. */
  static keyOf(version: string, reviewKey: string, printSettings: string, locale: string, format: PrintFormat): string {
    return bytesHash(JSON.stringify([version, reviewKey, printSettings, locale, format]));
  }

  /** The text kept under `key`; null when there is none, it was kept under another key, or it is damaged. */
  read(periodId: string, format: PrintFormat, key: string): string | null {
    let stored: string;
    try {
      stored = readFileSync(this.file(periodId, format), 'utf8');
    } catch {
      return null;
    }
    if (stored.length < HEADER || stored[40] !== ' ' || stored[HEADER - 1] !== '\n' || stored.slice(0, 40) !== key) return null;
    const text = stored.slice(HEADER);
    return bytesHash(text) === stored.slice(41, 81) ? text : null;
  }

  /** Keeps a printed text under its key; a cache that cannot be written only costs speed. */
  write(periodId: string, format: PrintFormat, key: string, text: string): void {
    writeCacheFile(this.file(periodId, format), `${key} ${bytesHash(text)}\n${text}`);
  }
}
