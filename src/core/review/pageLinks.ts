import { dayOfDailyNote } from '../dailyNotes';
import { dayToDate } from '../dates/periods';
import { formatDate } from '../dates/dateFormatter';
import { basename } from '../vault';
import { logseqDialect } from '../dialect/dialect';
import type { LogseqConfig } from '../dialect/logseqConfig';
import type { DaybookSettings } from '../settings';

/**
 * How a review written into a Logseq graph links. Logseq names every page
 * (a journal by `:journal/page-title-format`, another file by its name, its
 * folder left out) and has no `[[page|label]]`: a label is written
 * `[label]([[page]])`, its documented page reference with a label. A day is
 * linked by its journal file's name, `[Tue 28 Feb]([[2023_02_28]])`: Logseq
 * takes a reference named by `yyyy_MM_dd`, `yyyy-MM-dd` or `MMM do, yyyy`
 * as that day's journal (its convert-page-if-journal), and Obsidian, which
 * many open the same folder with, finds the file by that name, where the
 * title `[[Feb 28th, 2023]]` names no file and a click makes a new note.
 * Never `[[journals/2023_02_28|…]]`, which Logseq reads as a new page of that name.
 */
export interface GraphPages {
  /** The Logseq page a vault file is. */
  pageOf(path: string): string;
  /** The review note being written, which links to files (no pages: assets) are relative to. */
  review: string;
}

export function graphPages(config: LogseqConfig, settings: DaybookSettings, review: string): GraphPages {
  const dialect = logseqDialect(config);
  // A review links the same few days and pages again and again.
  const pages = new Map<string, string>();
  return {
    pageOf: (path) => {
      let page = pages.get(path);
      if (page === undefined) {
        const day = dayOfDailyNote(path, settings);
        page = day !== null && isLogseqDayName(basename(path), day) ? basename(path) : dialect.pageName(path, day);
        pages.set(path, page);
      }
      return page;
    },
    review,
  };
}

/**
 * Whether Logseq reads a page reference of this name as the journal of `day` (a `YYYY-MM-DD`):
 * by its safe-journal-title-formatters, `yyyy_MM_dd`, `yyyy-MM-dd` or `MMM do, yyyy`, names
 * compared in lower case. Asked for every link a review writes, so the two numeric forms are
 * compared as strings.
 */
function isLogseqDayName(name: string, day: string): boolean {
  if (name === day || name === day.replace(/-/g, '_')) return true;
  return /^[a-z]{3} \d/i.test(name) && formatDate(dayToDate(day), 'MMM Do, YYYY').toLowerCase() === name.toLowerCase();
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
