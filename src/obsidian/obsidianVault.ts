import { type App, normalizePath, TFile, TFolder } from 'obsidian';
import type { Dialect } from '../core/dialect/dialect';
import { parseFrontmatterYaml, type ParsedFrontmatter, splitFrontmatter } from '../core/note/frontmatter';
import { pageProperties } from '../core/note/pageProperties';
import { logseqFrontMatter } from '../core/dialect/logseqFrontMatter';
import type { ReviewStore } from '../core/reviewWriter';
import type { Stamp } from '../core/stampTrust';
import type { VaultFile, VaultSource } from '../core/vault';
import type { EditorView } from '@codemirror/view';
import { updateThroughEditor } from './slider/editorWrite';
import { createNoteFromTemplate } from './templater';

/**
 * The vault as the core sees it, through Obsidian: notes from Vault, target
 * frontmatter from the metadata cache (no file read at all), review notes
 * written through the editor that has one open, else with Vault.process, so
 * concurrent edits are not clobbered.
 */
export class ObsidianVault implements VaultSource, ReviewStore {
  constructor(
    private readonly app: App,
    /** The editor a note is open in, if any (a tab, a canvas card, a hover popover). */
    private readonly editorOf: (path: string) => EditorView | null = () => null,
    /** In a Logseq graph a note's properties are also the `key:: value` lines of its first block, which the metadata cache does not read. */
    private readonly dialect?: Dialect,
  ) {}

  async list(): Promise<VaultFile[]> {
    return this.app.vault.getMarkdownFiles().map((file) => ({ path: file.path, mtime: file.stat.mtime, size: file.stat.size }));
  }

  private file(path: string): TFile | null {
    const file = this.app.vault.getAbstractFileByPath(normalizePath(path));
    return file instanceof TFile ? file : null;
  }

  /** A note's size and mtime as the app knows them (TFile.stat, which the app keeps up as the file changes); null when there is no such note. */
  stamp(path: string): Stamp | null {
    const file = this.file(path);
    return file ? { size: file.stat.size, mtime: file.stat.mtime } : null;
  }

  /** Whether the metadata cache has read the note yet: until then its frontmatter reads as none (the app still loading, a file just synced). */
  indexed(path: string): boolean {
    const file = this.file(path);
    return file !== null && this.app.metadataCache.getFileCache(file) !== null;
  }

  async read(path: string): Promise<string> {
    const file = this.file(path);
    if (!file) throw new Error('not found');
    return this.app.vault.cachedRead(file);
  }

  async frontmatter(path: string): Promise<ParsedFrontmatter> {
    const file = this.file(path);
    if (!file) throw new Error('not found');
    const yaml = { ...(this.app.metadataCache.getFileCache(file)?.frontmatter ?? {}) };
    if (!this.dialect?.parse.pageProperties) return { data: yaml, error: null };
    const text = await this.app.vault.cachedRead(file);
    const split = splitFrontmatter(text);
    // YAML the app rejects still names the page in Logseq, which reads front matter line by line.
    const lines = split.yaml !== null && Object.keys(yaml).length === 0 && parseFrontmatterYaml(split.yaml).error?.startsWith('invalid YAML') ? logseqFrontMatter(split.yaml) : {};
    return { data: { ...pageProperties(split.body), ...lines, ...yaml }, error: null };
  }

  /** Any file type (a review note, its SVG chart): read from disk, not the cache, as a write may follow. */
  async readIfExists(path: string): Promise<string | null> {
    const file = this.file(path);
    return file ? this.app.vault.read(file) : null;
  }

  /**
   * A note open in an editor is changed there (one transaction); any other
   * through Vault.process, which hands `change` the text at the moment of
   * writing, so text typed into the note since it was read is merged, not
   * overwritten. A note that would not change is not written at all (no
   * touch, no sync conflict).
   */
  async update(path: string, change: (current: string | null) => string | null): Promise<boolean> {
    const normalised = normalizePath(path);
    const file = this.file(normalised);
    if (!file) {
      this.refuseFolder(normalised);
      const text = change(null);
      if (text === null) return false;
      await this.ensureFolder(normalised);
      try {
        await this.app.vault.create(normalised, text);
        return true;
      } catch (error) {
        // Created meanwhile (sync, another command): merge into what is there now.
        const created = this.file(normalised);
        if (!created) throw error;
        return this.processFile(created, change);
      }
    }
    return this.processFile(file, change);
  }

  private async processFile(file: TFile, change: (current: string | null) => string | null): Promise<boolean> {
    // Open in an editor: its text, unsaved typing included, is the note; the disk is behind it until the editor saves.
    const editor = this.editorOf(file.path);
    if (editor) return updateThroughEditor(editor, change);
    const before = await this.app.vault.read(file);
    const planned = change(before);
    if (planned === null || planned === before) return false;
    let wrote = false;
    await this.app.vault.process(file, (data) => {
      const next = data === before ? planned : change(data);
      wrote = next !== null && next !== data;
      return next !== null && wrote ? next : data;
    });
    return wrote;
  }

  async create(path: string, text: string): Promise<boolean> {
    const normalised = normalizePath(path);
    if (this.app.vault.getAbstractFileByPath(normalised)) return false;
    await this.ensureFolder(normalised);
    try {
      await this.app.vault.create(normalised, text);
      return true;
    } catch (error) {
      if (this.app.vault.getAbstractFileByPath(normalised)) return false;
      throw error;
    }
  }

  /** A review note from the user's template, Templater's commands run by Templater where it is enabled. */
  createFromTemplate(path: string, text: string): Promise<{ created: boolean; problem: string | null }> {
    return createNoteFromTemplate(this.app, path, text, (at, body) => this.create(at, body));
  }

  async removeIfUnchanged(path: string, expected: string): Promise<boolean> {
    const file = this.file(path);
    if (!file || (await this.app.vault.read(file)) !== expected) return false;
    await this.trash(file);
    return true;
  }

  /** Into the trash the user chose in the app's settings. */
  private async trash(file: TFile): Promise<void> {
    await this.app.fileManager.trashFile(file);
  }

  /** Makes the folders above `path` that are missing, one level at a time; one made meanwhile is fine. */
  async ensureFolder(path: string): Promise<void> {
    const parts = normalizePath(path).split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      const entry = this.app.vault.getAbstractFileByPath(folder);
      if (entry instanceof TFolder) continue;
      if (entry) throw new Error(`${folder} is a file, not a folder`);
      try {
        await this.app.vault.createFolder(folder);
      } catch (error) {
        if (!(this.app.vault.getAbstractFileByPath(folder) instanceof TFolder)) throw error;
      }
    }
  }

  private refuseFolder(path: string): void {
    if (this.app.vault.getAbstractFileByPath(path) instanceof TFolder) throw new Error(`${path} is a folder, not a note`);
  }
}
