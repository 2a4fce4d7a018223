import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { fileKind } from './noteBytes';
import { join } from 'node:path';
import { type Dialect, logseqDialect, OBSIDIAN, withLogseqJournalNames } from '../core/dialect/dialect';
import { LOGSEQ_CONFIG_PATH, readLogseqConfig } from '../core/dialect/logseqConfig';
import { loadPeriodicNotes } from '../core/periodicNotes';
import { type CoreDailyNotesSettings, type ResolvedSettings, resolveSettings } from '../core/settings';

/** A settings file that exists but cannot be used: the CLI stops with this message. */
export class SettingsError extends Error {}

/** Settings are a few hundred bytes; anything this big is not a settings file, and is not read whole. */
const MAX_SETTINGS_BYTES = 1 << 20;

// Synchronous, as the notes' reads are: a handful of small files, where each promise's trip through the thread pool cost a warm run more than the read.
async function readText(path: string): Promise<string | undefined> {
  let fd: number;
  try {
    // Without blocking: a FIFO in place of the file would otherwise hang the run until someone writes to it.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SettingsError(`${path} cannot be read: ${(error as Error).message}`);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new SettingsError(`${path} is ${fileKind(info)}; Daybook reads only regular files`);
    if (info.size > MAX_SETTINGS_BYTES) throw new SettingsError(`${path} is ${Math.round(info.size / 1024)} KB, too large for a settings file (at most 1 MB)`);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * Keys that appear twice in one JSON object: JSON.parse silently keeps the
 * last, which is rarely what the user meant to keep. A scan of the text's
 * tokens, linear in its length.
 */
export function duplicateKeys(text: string): string[] {
  const found = new Set<string>();
  const stack: ({ keys: Set<string>; path: string } | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        let key: string;
        try {
          key = JSON.parse(text.slice(i, end + 1)) as string;
        } catch {
          key = text.slice(i + 1, end);
        }
        if (top.keys.has(key)) found.add(top.path ? `${top.path}.${key}` : key);
        top.keys.add(key);
        expectKey = false;
      }
      i = end;
    } else if (ch === '{') {
      stack.push({ keys: new Set(), path: '' });
      expectKey = true;
    } else if (ch === '[') {
      stack.push(null);
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',') {
      expectKey = stack[stack.length - 1] !== null && stack.length > 0;
    }
  }
  return [...found];
}

async function readJson(path: string, problems: string[], label: string): Promise<unknown> {
  const text = await readText(path);
  if (text === undefined) return undefined;
  if (text.trim() === '') {
    problems.push(`${label} is empty; using defaults`);
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SettingsError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  for (const key of duplicateKeys(text)) problems.push(`${label}: "${key}" is set twice; the last one is used`);
  if (value === null) problems.push(`${label} holds null; using defaults`);
  return value;
}

/**
 * The settings the plugin would use in this vault: Daybook's own data.json,
 * then the core Daily notes plugin's folder, format and template. A folder
 * holding `logseq/config.edn` is a Logseq graph, opened in place: its
 * journals folder and file name format stand in for the Daily notes plugin's
 * (data.json still overrides them), and nothing is written to the graph.
 */
export async function loadVaultSettings(vault: string): Promise<ResolvedSettings & { file: string; dialect: Dialect; dialectProblems: string[] }> {
  const file = join(vault, '.obsidian', 'plugins', 'daybook', 'data.json');
  const coreFile = join(vault, '.obsidian', 'daily-notes.json');
  const read: string[] = [];
  const own = await readJson(file, read, 'data.json');
  const core = await readJson(coreFile, read, 'daily-notes.json');
  if (core !== undefined && core !== null && (typeof core !== 'object' || Array.isArray(core))) read.push('daily-notes.json is not a JSON object; ignored');
  // Another plugin's broken file is that plugin's problem: said, and read as absent.
  const other = async (path: string): Promise<unknown> => {
    try {
      return await readJson(join(vault, path), read, path);
    } catch (error) {
      read.push(`${path}: ${(error as Error).message.replace(join(vault, path), '').replace(/^[:\s]+/, '')}; ignored`);
      return undefined;
    }
  };
  let daily: CoreDailyNotesSettings = typeof core === 'object' && core !== null && !Array.isArray(core) ? core : {};
  let dialect = OBSIDIAN;
  const dialectProblems: string[] = [];
  const edn = await readText(join(vault, ...LOGSEQ_CONFIG_PATH.split('/')));
  if (edn !== undefined) {
    const logseq = readLogseqConfig(edn);
    dialect = logseqDialect(logseq.config);
    dialectProblems.push(...logseq.problems);
    daily = { ...daily, folder: logseq.config.journalsDir, format: logseq.config.journalFileFormat };
  }
  const periodic = await loadPeriodicNotes(other, '.obsidian');
  const resolved = resolveSettings(own, daily, periodic.notes);
  if (edn !== undefined && dialect.spec.app === 'logseq') resolved.settings = withLogseqJournalNames(resolved.settings, dialect.spec);
  return { ...resolved, problems: [...read, ...periodic.problems, ...resolved.problems], file, dialect, dialectProblems };
}
