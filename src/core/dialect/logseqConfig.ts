import { parseEDNString } from 'edn-data';
import { dayToDate } from '../dates/periods';
import { formatDate } from '../dates/dateFormatter';
import { outsideVaultProblem } from '../vault';
import { logseqToMoment } from './logseqFormat';

/** What Daybook takes from a graph's `logseq/config.edn`, with Logseq's own defaults for what it leaves out. */
export interface LogseqConfig {
  journalsDir: string;
  pagesDir: string;
  /** Moment format of journal file names (`:journal/file-name-format`, default `yyyy_MM_dd`). */
  journalFileFormat: string;
  /** Moment format of journal page titles, which links to a day use (`:journal/page-title-format`, default `MMM do, yyyy`). */
  journalTitleFormat: string;
  /** `:file/name-format`: `triple-lowbar` (`a___b.md` is page `a/b`) or legacy (`a.b.md` is). */
  namespaceFiles: 'triple-lowbar' | 'legacy';
  /** Folders Logseq does not read (`:hidden`), vault-relative, without slashes at the ends. */
  hidden: string[];
}

export const LOGSEQ_DEFAULTS: LogseqConfig = {
  journalsDir: 'journals',
  pagesDir: 'pages',
  journalFileFormat: 'YYYY_MM_DD',
  journalTitleFormat: 'MMM Do, YYYY',
  namespaceFiles: 'legacy',
  hidden: [],
};

/** Where a folder holding this file is a Logseq graph. */
export const LOGSEQ_CONFIG_PATH = 'logseq/config.edn';

function folder(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim().replace(/^\.?\/+|\/+$/g, '');
  return trimmed === '' || trimmed.split('/').includes('..') ? null : trimmed;
}

/**
 * Reads config.edn with an EDN parser (the file is Clojure data: comments,
 * keywords, sets, nested maps, `#_` discards). A file that is not EDN, or a
 * setting of the wrong type, leaves Logseq's default in force and says why.
 */
export function readLogseqConfig(text: string): { config: LogseqConfig; problems: string[] } {
  const problems: string[] = [];
  let data: unknown;
  try {
    data = parseEDNString(text, { mapAs: 'object', keywordAs: 'string', listAs: 'array', setAs: 'array' });
  } catch (error) {
    return { config: { ...LOGSEQ_DEFAULTS }, problems: [`is not valid EDN (${error instanceof Error ? error.message : String(error)}); Logseq's defaults are used`] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { config: { ...LOGSEQ_DEFAULTS }, problems: ["is not a complete EDN map; Logseq's defaults are used"] };
  const raw = data as Record<string, unknown>;
  const config = { ...LOGSEQ_DEFAULTS, hidden: [] as string[] };
  const setFolder = (key: string, field: 'journalsDir' | 'pagesDir') => {
    if (raw[key] === undefined) return;
    const value = folder(raw[key]);
    if (value === null) problems.push(`:${key} ${JSON.stringify(raw[key])} is not a folder inside the graph; "${config[field]}" is used`);
    else config[field] = value;
  };
  setFolder('journals-directory', 'journalsDir');
  setFolder('pages-directory', 'pagesDir');
  const setFormat = (key: string, field: 'journalFileFormat' | 'journalTitleFormat') => {
    const value = raw[key];
    if (value === undefined) return;
    const moment = typeof value === 'string' ? logseqToMoment(value) : null;
    // A file name format names files: one whose quoted text leads out of the journals folder (`'../'yyyy`) is refused here, where the file that says it is named.
    const outside = field === 'journalFileFormat' && moment ? outsideVaultProblem(formatDate(dayToDate('2026-01-01'), moment)) : null;
    if (moment === null || moment === '') problems.push(`:${key} ${JSON.stringify(value)} is not a date format Daybook can read; "${config[field]}" is used`);
    else if (outside !== null) problems.push(`:${key} ${JSON.stringify(value)} ${outside}; "${config[field]}" is used`);
    else config[field] = moment;
  };
  setFormat('journal/file-name-format', 'journalFileFormat');
  setFormat('journal/page-title-format', 'journalTitleFormat');
  if (raw['file/name-format'] === 'triple-lowbar') config.namespaceFiles = 'triple-lowbar';
  const hidden = raw.hidden;
  if (Array.isArray(hidden)) {
    for (const entry of hidden) {
      const value = folder(entry);
      if (value !== null) config.hidden.push(value);
    }
  } else if (hidden !== undefined) problems.push(':hidden is not a list of folders; nothing is hidden');
  return { config, problems };
}
