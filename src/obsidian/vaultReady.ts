import type { App, Component } from 'obsidian';

/**
 * Whether the vault has finished loading: the workspace layout is ready and
 * the metadata cache has indexed every note. Until then a daily note still
 * arriving by sync may not be listed yet, and making an empty one would
 * shadow it, so nothing is created before.
 */
export class VaultReadiness {
  private waiting: (() => void)[] = [];

  constructor(
    private readonly app: App,
    owner: Component,
  ) {
    // 'resolved' is the cache saying every file is indexed (at load, and after later changes): that is final.
    owner.registerEvent(app.metadataCache.on('resolved', () => this.release(() => this.app.workspace.layoutReady)));
    // Every save fires 'changed': the vault is looked through only while a command waits.
    owner.registerEvent(app.metadataCache.on('changed', () => this.release(() => this.isReady())));
  }

  /** True when the layout is ready and every note has its metadata. */
  isReady(): boolean {
    return this.app.workspace.layoutReady && this.app.vault.getMarkdownFiles().every((file) => this.app.metadataCache.getFileCache(file) !== null);
  }

  /** Resolves once the vault has finished loading (at once when it has). */
  async ready(): Promise<void> {
    await new Promise<void>((resolve) => this.app.workspace.onLayoutReady(() => resolve()));
    if (this.isReady()) return;
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(ready: () => boolean): void {
    if (!this.waiting.length || !ready()) return;
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}
