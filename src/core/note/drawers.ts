/**
 * Logseq's Org drawers: `:LOGBOOK:` (the clock of a task), `:PROPERTIES:` and others,
 * each a `:NAME:` line through an `:END:` line. The app hides them, so they are never a
 * block's words: not its text, not its quote. One left open hides the rest of the block,
 * as in the quote.
 */
export const DRAWER_START = /^:[A-Za-z_-]+:$/;
export const DRAWER_END = /^:END:$/i;

/** A block's text without its drawers; the lines around them are kept as they were. */
export function withoutDrawers(text: string): string {
  // A drawer needs a line that is only `:NAME:`: most blocks have no `:` at a line start to test.
  if (!text.startsWith(':') && !text.includes('\n:')) return text;
  const kept: string[] = [];
  let inDrawer = false;
  for (const line of text.split('\n')) {
    const bare = line.trim();
    if (inDrawer) {
      if (DRAWER_END.test(bare)) inDrawer = false;
      continue;
    }
    if (DRAWER_START.test(bare) && !DRAWER_END.test(bare)) {
      inDrawer = true;
      continue;
    }
    kept.push(line);
  }
  return kept.join('\n').trim();
}
