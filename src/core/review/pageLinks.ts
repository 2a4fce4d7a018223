import { dayOfDailyNote } from '../dailyNotes';
import { logseqDialect } from '../dialect/dialect';
import type { LogseqConfig } from '../dialect/logseqConfig';
import type { DaybookSettings } from '../settings';

/**
 * How a review written into a Logseq graph links. Logseq names every page
 * (a journal by `:journal/page-title-format`, another file by its name, its
 * folder left out) and has no `[[page|label]]`: a label is written
 * `[label]([[page]])`, its documented page reference with a label. So a day is
 * `[Tue 28 Feb]([[Feb 28th, 2023]])`, never `[[journals/2023_02_28|…]]`
 * (which Logseq reads as a new page of that name).
 */
export interface GraphPages {
  /** The Logseq page a vault file is. */
  pageOf(path: string): string;
  /** The review note being written, which links to files (no pages: assets) are relative to. */
  review: string;
}

export function graphPages(config: LogseqConfig, settings: DaybookSettings, review: string): GraphPages {
  const dialect = logseqDialect(config);
  return { pageOf: (path) => dialect.pageName(path, dayOfDailyNote(path, settings)), review };
}

/** What a page reference cannot hold: `[[` and `]]` end or nest it, a line break ends the block. */
const NOT_IN_PAGE = /\[\[|\]\]|[\r\n\u2028\u2029]/;

/** `[[page]]`, or `[label]([[page]])` when the label is not the page's name (Logseq ignores case in names). */
export function pageLink(page: string, label?: string): string {
  const shown = label ?? page;
  if (NOT_IN_PAGE.test(page) || page.trim() === '') return shown.replace(/[\\[\]]/g, '\\$&');
  if (shown.toLowerCase() === page.toLowerCase()) return `[[${page}]]`;
  return `[${shown.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\\[\]]/g, '\\$&')}]([[${page}]])`;
}

let current: GraphPages | null = null;

/** The graph being written into while `render` runs (rendering is synchronous), else null. */
export function withGraphPages<T>(pages: GraphPages | null, render: () => T): T {
  const before = current;
  current = pages;
  try {
    return render();
  } finally {
    current = before;
  }
}

export function graphBeingWritten(): GraphPages | null {
  return current;
}
