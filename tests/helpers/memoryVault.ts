import { readFrontmatter } from '../../src/core/note/frontmatter';
import type { ReviewStore } from '../../src/core/reviewWriter';
import type { VaultFile, VaultSource } from '../../src/core/vault';

/** An in-memory vault: the core's ports implemented over a map of path → text. */
export class MemoryVault implements VaultSource, ReviewStore {
  readonly files = new Map<string, string>();
  readonly reads: string[] = [];
  readonly writes: string[] = [];

  constructor(files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) this.files.set(path, text);
  }

  async list(): Promise<VaultFile[]> {
    return [...this.files.keys()].filter((p) => p.endsWith('.md')).map((path) => ({ path, mtime: 0, size: this.files.get(path)?.length ?? 0 }));
  }

  async read(path: string): Promise<string> {
    this.reads.push(path);
    const text = this.files.get(path);
    if (text === undefined) throw new Error('no such note');
    return text;
  }

  async frontmatter(path: string) {
    return readFrontmatter(await this.read(path));
  }

  async readIfExists(path: string): Promise<string | null> {
    return this.files.get(path) ?? null;
  }

  async update(path: string, change: (current: string | null) => string | null): Promise<boolean> {
    const current = this.files.get(path) ?? null;
    const next = change(current);
    if (next === null || next === current) return false;
    this.writes.push(path);
    this.files.set(path, next);
    return true;
  }

  async create(path: string, text: string): Promise<boolean> {
    if (this.files.has(path)) return false;
    this.writes.push(path);
    this.files.set(path, text);
    return true;
  }

  async removeIfUnchanged(path: string, expected: string): Promise<boolean> {
    if (this.files.get(path) !== expected) return false;
    this.files.delete(path);
    return true;
  }
}
