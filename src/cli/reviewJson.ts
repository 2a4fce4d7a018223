import type { Entry, Mention, ReviewData } from '../core/review/types';

/** Longer mention quotes are printed this long, with the whole text once in `quotes`. */
export const QUOTE_CHARS = 280;

type PrintedMention = Mention & { quote?: number };
type PrintedReview = ReviewData & { quotes?: string[] };

function cut(text: string): string {
  const end = /[\uD800-\uDBFF]/.test(text[QUOTE_CHARS - 1] ?? '') ? QUOTE_CHARS - 1 : QUOTE_CHARS;
  return text.slice(0, end) + '…';
}

/**
 * The review as JSON. A block that mentions many things is one quote, however
 * many entries point at it: a long quote is written once, in `quotes`, and each
 * mention keeps a shortened `text` plus `quote`, its index there. Without this,
 * 10,000 links on one line of a 1 MB note print the line 10,000 times (gigabytes).
 * Both fields are additions: a mention's `text` is still its quote's start.
 */
export function reviewToJson(review: ReviewData, indent?: number): string {
  const quotes: string[] = [];
  const index = new Map<string, number>();
  const mention = (m: Mention): PrintedMention => {
    if (m.text.length <= QUOTE_CHARS) return m;
    let k = index.get(m.text);
    if (k === undefined) {
      k = quotes.length;
      quotes.push(m.text);
      index.set(m.text, k);
    }
    return { ...m, text: cut(m.text), quote: k };
  };
  const entries = (list: Entry[]): Entry[] => list.map((entry) => ({ ...entry, blocks: entry.blocks.map(mention) }));
  const printed: PrintedReview = { ...review, people: entries(review.people), topics: entries(review.topics), otherLinks: entries(review.otherLinks) };
  if (quotes.length) printed.quotes = quotes;
  return JSON.stringify(printed, null, indent);
}

/** The review `reviewToJson` wrote, with every quote whole again. */
export function reviewFromJson(text: string): ReviewData {
  const printed = JSON.parse(text) as PrintedReview;
  const quotes = printed.quotes;
  if (!quotes) return printed;
  const restore = (list: Entry[]) => {
    for (const entry of list) {
      entry.blocks = entry.blocks.map((m: PrintedMention) => {
        if (m.quote === undefined) return m;
        const { quote, ...rest } = m;
        return { ...rest, text: quotes[quote] ?? m.text };
      });
    }
  };
  restore(printed.people);
  restore(printed.topics);
  restore(printed.otherLinks);
  delete printed.quotes;
  return printed;
}
