import { namesKind, namesOwner } from '../links/targets';

/** Logseq's task keywords: `[[DONE]]` is the page Logseq lists a graph's done tasks on, not a subject. */
const TASK_PAGES = new Set(['TODO', 'DOING', 'NOW', 'LATER', 'WAIT', 'WAITING', 'IN-PROGRESS', 'DONE', 'CANCELED', 'CANCELLED']);

/** A page named by a period, as weekly or monthly pages are (`2022-W19`, `2022-05`, `2022-Q3`, `2022/Q3`). */
const PERIOD_NAME = /^\d{4}(?:[-/_.](?:W\d{1,2}|Q[1-4]|\d{1,2}))?$/i;

/**
 * In a Logseq graph `#X`, `#[[X]]` and `[[X]]` are one page, and a page is what the
 * day was about however it is linked: a topic, unless it is a person or a project (its
 * properties say so), a day or a period, or one of these pages that say what a line is
 * rather than what it is about.
 */
export function isGraphMarkerPage(name: string, isMarker: (tag: string) => boolean): boolean {
  const page = name.trim();
  return isMarker(page) || namesKind(page) || TASK_PAGES.has(page.toUpperCase());
}

/** Whether a page is named by a period (`2022-W19`, `2022/Q3`): like a day's, a date, not a subject. */
export function namesPeriod(name: string): boolean {
  return PERIOD_NAME.test(name.trim());
}

/** A page that stays an other link in a graph, never a topic: a period's page, the owner's (`[[me]]`: who wrote the journal, not what it is about). */
export function isNoGraphTopic(name: string): boolean {
  return PERIOD_NAME.test(name.trim()) || namesOwner(name);
}
