import { type App, normalizePath, TFile, type TAbstractFile } from 'obsidian';
import type { ParsedFrontmatter } from '../core/note/frontmatter';
import { type NoteModel, parseNote } from '../core/note/parseNote';
import type { ReviewStore } from '../core/reviewWriter';
import type { VaultFile, VaultSource } from '../core/vault';

/**
 * The vault as the core sees it, through Obsidian: notes from Vault, target
 * frontmatter from the metadata cache (no file read at all), review notes
 * written with Vault.process so concurrent edits are not clobbered.
 */
export class ObsidianVault implements VaultSource, ReviewStore {
  constructor(private readonly app: App) {}

  async list(): Promise<VaultFile[]> {
    return this.app.vault.getMarkdownFiles().map((file) => ({ path: file.path, mtime: file.stat.mtime, size: file.stat.size }));
  }

  private file(path: string): TFile | null {
    const file = this.app.vault.getAbstractFileByPath(normalizePath(path));
    return file instanceof TFile ? file : null;
  }

  async read(path: string): Promise<string> {
    const file = this.file(path);
    if (!file) throw new Error('not found');
    return this.app.vault.cachedRead(file);
  }

  async frontmatter(path: string): Promise<ParsedFrontmatter> {
    const file = this.file(path);
    if (!file) throw new Error('not found');
    return { data: { ...(this.app.metadataCache.getFileCache(file)?.frontmatter ?? {}) }, error: null };
  }

  async readIfExists(path: string): Promise<string | null> {
    const file = this.file(path);
    return file ? this.app.vault.read(file) : null;
  }

  /** Vault.process hands the callback the note's text at the moment of writing, so the merge happens there. */
  async update(path: string, change: (current: string | null) => string | null): Promise<boolean> {
    const normalised = normalizePath(path);
    const file = this.file(normalised);
    if (file) {
      let wrote = false;
      await this.app.vault.process(file, (data) => {
        const next = change(data);
        wrote = next !== null && next !== data;
        return wrote && next !== null ? next : data;
      });
      return wrote;
    }
    const text = change(null);
    if (text === null) return false;
    await this.ensureFolder(normalised);
    await this.app.vault.create(normalised, text);
    return true;
  }

  async create(path: string, text: string): Promise<boolean> {
    const normalised = normalizePath(path);
    if (this.app.vault.getAbstractFileByPath(normalised)) return false;
    await this.ensureFolder(normalised);
    await this.app.vault.create(normalised, text);
    return true;
  }

  async removeIfUnchanged(path: string, expected: string): Promise<boolean> {
    const file = this.file(path);
    if (!file || (await this.app.vault.read(file)) !== expected) return false;
    await this.app.fileManager.trashFile(file);
    return true;
  }

  async ensureFolder(path: string): Promise<void> {
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    if (folder && !this.app.vault.getAbstractFileByPath(folder)) await this.app.vault.createFolder(folder);
  }
}

/**
 * Parsed notes kept in memory while their file is unchanged; vault events
 * drop an entry as soon as its file is modified, renamed or deleted.
 */
export class ParseCache {
  private readonly entries = new Map<string, { mtime?: number; size?: number; model: NoteModel }>();

  readonly parser = (text: string, file: VaultFile): NoteModel => {
    const cached = this.entries.get(file.path);
    if (cached && file.mtime !== undefined && cached.mtime === file.mtime && cached.size === file.size) return cached.model;
    const model = parseNote(text);
    this.entries.set(file.path, { mtime: file.mtime, size: file.size, model });
    return model;
  };

  forget(file: TAbstractFile, oldPath?: string): void {
    this.entries.delete(file.path);
    if (oldPath) this.entries.delete(oldPath);
  }

  get size(): number {
    return this.entries.size;
  }
}
