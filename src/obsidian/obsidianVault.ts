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

  async write(path: string, text: string): Promise<void> {
    const normalised = normalizePath(path);
    const file = this.file(normalised);
    if (file) {
      await this.app.vault.process(file, () => text);
      return;
    }
    await this.ensureFolder(normalised);
    await this.app.vault.create(normalised, text);
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
