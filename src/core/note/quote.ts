import { oneSpaced } from '../text';
import { DRAWER_END, DRAWER_START } from './drawers';

/**
 * A block's quote as reviews show it: the block's own markdown on one line,
 * without what the apps hide — outliner properties (`type:: [[Feature]]`,
 * shown as `type: [[Feature]]` only when the block holds nothing else),
 * Org syntax from Logseq (`#+BEGIN_QUOTE`, `:PROPERTIES:` drawers,
 * `SCHEDULED: <…>`) — and without markup left half open (an empty code span,
 * an unpaired `**`). Nothing is added: a quote is the source, trimmed.
 */
const PROPERTY = /^([\p{L}\p{N}_][\p{L}\p{N}_ -]*)::\s?(.*)$/u;
const ORG_DIRECTIVE = /^#\+[A-Za-z_]+:?(?:\s.*)?$/;
const PLANNING = /\b(?:SCHEDULED|DEADLINE|CLOSED):\s*[<[][^>\]\n]*[>\]]/g;

export function quoteOf(markdown: string, heading: boolean): string {
  const lines = markdown.includes('\n') ? markdown.split(/\r?\n/) : [markdown];
  const content: string[] = [];
  const properties: string[] = [];
  let inDrawer = false;
  for (const raw of lines) {
    const line = raw.trim();
    // Drawers, directives and properties each need a `:` or a `#+`; most lines have neither to test.
    const colon = line.includes(':');
    if (inDrawer) {
      if (DRAWER_END.test(line)) inDrawer = false;
      continue;
    }
    if (colon && DRAWER_START.test(line) && !DRAWER_END.test(line)) {
      inDrawer = true;
      continue;
    }
    if (line.startsWith('#+') && ORG_DIRECTIVE.test(line)) continue;
    const property = colon ? PROPERTY.exec(line) : null;
    if (property) {
      properties.push(`${property[1].trim()}: ${property[2].trim()}`);
      continue;
    }
    const kept = colon ? line.replace(PLANNING, '').trim() : line;
    if (kept !== '') content.push(kept);
  }
  let quote = oneSpaced((content.length ? content : properties).join(content.length ? ' ' : ' · ')).trim();
  if (heading) quote = quote.replace(/^#{1,6}\s+/, '').replace(/\s+#+$/, '');
  return cleanQuote(quote);
}

/** Drops markup left half open: empty code spans and an unpaired `**` or `__`. */
export function cleanQuote(quote: string): string {
  let out = quote.includes('`') ? oneSpaced(quote.replace(/(^|[^`])`\s*`(?!`)/g, '$1')).trim() : quote;
  for (const mark of ['**', '__']) out = withoutUnpaired(out, mark);
  return out;
}

function withoutUnpaired(text: string, mark: string): string {
  if (!text.includes(mark)) return text;
  // One pass: marks inside code spans do not count.
  const positions: number[] = [];
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '`') inCode = !inCode;
    else if (!inCode && text.startsWith(mark, i)) {
      positions.push(i);
      i += mark.length - 1;
    }
  }
  if (positions.length % 2 === 0) return text;
  // Pairs close left to right; the one left over is the dangling mark.
  const drop = positions[positions.length - 1];
  return (text.slice(0, drop) + text.slice(drop + mark.length)).replace(/\s+/g, ' ').trim();
}
