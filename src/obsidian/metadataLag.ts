import type { App, Component } from 'obsidian';

/**
 * The notes the app changed whose properties its metadata cache has not read
 * again yet: the cache re-reads a note after the vault's 'modify' and says so
 * with 'changed', and in between it still answers with the old properties,
 * under the note's new size and mtime. What is built from them is not kept.
 */
export class MetadataLag {
  private readonly paths = new Set<string>();

  constructor(app: App, owner: Component) {
    owner.registerEvent(app.vault.on('modify', (file) => void this.paths.add(file.path)));
    owner.registerEvent(app.metadataCache.on('changed', (file) => void this.paths.delete(file.path)));
    owner.registerEvent(app.vault.on('delete', (file) => void this.paths.delete(file.path)));
    owner.registerEvent(app.vault.on('rename', (file, oldPath) => void (this.paths.delete(oldPath) && this.paths.add(file.path))));
    // Every note indexed: none is behind.
    owner.registerEvent(app.metadataCache.on('resolved', () => this.paths.clear()));
  }

  has(path: string): boolean {
    return this.paths.has(path);
  }
}
