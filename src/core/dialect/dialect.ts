import { dayToDate } from '../dates/periods';
import { formatDate } from '../dates/dateFormatter';
import { basename, inAnyFolder } from '../vault';
import type { LogseqConfig } from './logseqConfig';
import type { DaybookSettings } from '../settings';

/**
 * The rules one app reads a vault by: which files are notes, what a note's
 * page is called, whether `#X` names a page, and how the text is read.
 * Obsidian and a Logseq graph differ in exactly these; the parser and the
 * link catalog are given one of these objects, and nothing else in Daybook
 * asks which app a vault belongs to.
 */
export interface Dialect {
  /** Plain data, so a worker thread can rebuild the same dialect, and caches can key on it. */
  readonly spec: DialectSpec;
  /** Whether a listed markdown file is one of the vault's notes (Logseq's own folder and `:hidden` folders are not). */
  isNote(path: string): boolean;
  /** The page a note is, as links name it: its file name, or Logseq's namespace or journal title. */
  pageName(path: string, day: string | null): string;
  /** Logseq: `#X`, `#[[X]]` and `[[X]]` are one page. Obsidian: a tag is a tag. */
  readonly tagsArePages: boolean;
  /** The properties whose values are other names of the note: `aliases:`; in Logseq `alias::` too. */
  readonly aliasProperties: readonly string[];
  /** The property that names the page instead of its file (Logseq's `title::`), if any. */
  readonly titleProperty: string | null;
  /** How the note parser reads text in this dialect. */
  readonly parse: ParseRules;
  /**
   * Whether `[[target]]` references a page. In Logseq a reference to a drawing (`[[draws/…]]`)
   * or a local asset (`[[../assets/q.pdf]]`) is a link to that file, not a page reference.
   */
  isPageRef(target: string): boolean;
  /** What a review says first about a folder opened in place, or null for a plain Obsidian vault. */
  describe(journals: number, pages: number, journalsFolder: string): string | null;
}

export interface ParseRules {
  /** CommonMark's indented code block: Obsidian has it, Logseq's outliner never does (only fences make code). */
  indentedCode: boolean;
  /** Logseq's block references `((uuid))`, `{{embed ((uuid))}}`, `[label](((uuid)))`. */
  blockRefs: boolean;
  /**
   * Whether a markdown link to a file (`[t](Note.md)`, `[t](../assets/q.sql)`) names a note:
   * Obsidian makes it an internal link; in Logseq only `[[X]]`, `#X` and `[t]([[X]])` reference a page.
   */
  fileLinks: boolean;
  /** Logseq's page properties: the `key:: value` lines of a page's first block are its properties, as YAML frontmatter is. */
  pageProperties: boolean;
  /** Logseq's tag rule (mldoc): `#node.js` and `#c++` are tags of those names, where Obsidian's end at the punctuation. */
  logseqTags: boolean;
}

export type DialectSpec = { app: 'obsidian' } | ({ app: 'logseq' } & LogseqConfig);

const OBSIDIAN_RULES: ParseRules = { indentedCode: true, blockRefs: false, fileLinks: true, pageProperties: false, logseqTags: false };
const LOGSEQ_RULES: ParseRules = { indentedCode: false, blockRefs: true, fileLinks: false, pageProperties: true, logseqTags: true };

export const OBSIDIAN: Dialect = {
  spec: { app: 'obsidian' },
  isNote: () => true,
  pageName: (path) => basename(path),
  tagsArePages: false,
  aliasProperties: ['aliases', 'alias'],
  titleProperty: null,
  parse: OBSIDIAN_RULES,
  isPageRef: () => true,
  describe: () => null,
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function decode(name: string): string {
  if (!name.includes('%')) return name;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * A Logseq page name from its file name: `a___b` (triple-lowbar) or `a.b`
 * (the legacy format) is the namespace page `a/b`, and `%2F` or any other
 * percent-escape is the character it stands for.
 */
export function logseqPageName(file: string, namespaceFiles: LogseqConfig['namespaceFiles']): string {
  // Asked of every page of the graph for the link index: most names hold no separator, and a search is cheaper than a replace.
  const triple = namespaceFiles === 'triple-lowbar';
  const separated = file.includes(triple ? '___' : '.') ? file.replace(triple ? /___/g : /\./g, '/') : file;
  return decode(separated);
}

/** Logseq's own test (logseq.common.config `draw?` and `local-asset?`), case and all: a name starting `draws`, or `assets` after only dots and slashes. */
function isLogseqPageRef(target: string): boolean {
  return !target.startsWith('draws') && !/^[./]*assets/.test(target);
}

export function logseqDialect(config: LogseqConfig): Dialect {
  const own = ['logseq', ...config.hidden];
  return {
    spec: { app: 'logseq', ...config },
    isNote: (path) => !inAnyFolder(path, own),
    pageName: (path, day) => (day !== null ? formatDate(dayToDate(day), config.journalTitleFormat) : logseqPageName(basename(path), config.namespaceFiles)),
    tagsArePages: true,
    aliasProperties: ['alias', 'aliases'],
    titleProperty: 'title',
    parse: LOGSEQ_RULES,
    isPageRef: isLogseqPageRef,
    describe: (journals, pages, folder) => `Logseq graph: ${plural(journals, 'journal page')} in ${folder ? `${folder}/` : 'the graph folder'}, ${plural(pages, 'page')}`,
  };
}

/**
 * Logseq takes a journal page's file name as its date in the graph's own format or in any
 * of `MMM Do, YYYY`, `YYYY-MM-DD` and `YYYY_MM_DD` (its safe-journal-title-formatters), so
 * `journals/2022-04-26.md` is a journal in a `yyyy_MM_dd` graph. While the journals are read
 * by config.edn (no dailyFolder / dailyFormat of Daybook's own), those names are days too.
 */
export function withLogseqJournalNames(settings: DaybookSettings, config: LogseqConfig): DaybookSettings {
  if (settings.dailyFolder !== config.journalsDir || settings.dailyFormat !== config.journalFileFormat) return settings;
  // A format holding `/` would name folders, which a journal's file name cannot.
  const also = [...new Set([config.journalTitleFormat, 'MMM Do, YYYY', 'YYYY-MM-DD', 'YYYY_MM_DD'])].filter((format) => format !== settings.dailyFormat && !format.includes('/'));
  return also.length ? { ...settings, dailyFormatsAlso: also } : settings;
}

/** The graph's config.edn settings a dialect was made from, without the app's name. */
export function logseqConfigOf(spec: { app: 'logseq' } & LogseqConfig): LogseqConfig {
  const { app: _app, ...config } = spec;
  return config;
}
