import { readdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { type ParsedFrontmatter, readFrontmatter } from '../core/note/frontmatter';
import type { ReviewStore } from '../core/reviewWriter';
import type { VaultFile, VaultSource } from '../core/vault';

/** Obsidian hides dot-folders (`.obsidian`, `.trash`, `.git`) from the vault; so do we. */
function isHidden(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Text of a note's bytes. Binary files are refused; invalid UTF-8 is read with U+FFFD, which the parser reports. */
export function decodeNote(bytes: Uint8Array): string {
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) throw new Error('is a binary file, not text');
  try {
    return utf8.decode(bytes);
  } catch {
    return lenient.decode(bytes);
  }
}

/** A vault as a folder on disk: the CLI's VaultSource and ReviewStore. */
export class FolderVault implements VaultSource, ReviewStore {
  constructor(
    readonly root: string,
    /** Parsed frontmatter of link targets, kept between runs by the parse cache. */
    private readonly frontmatterCache?: { frontmatter(text: string): ParsedFrontmatter },
  ) {}

  async list(): Promise<VaultFile[]> {
    const files: VaultFile[] = [];
    // Synchronous on purpose: one readdir per folder, and no promise per entry of a large vault.
    const walk = (folder: string, prefix: string): void => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        if (isHidden(entry.name)) continue;
        const path = prefix ? `${prefix}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(join(folder, entry.name), path);
        else if (entry.isFile() && entry.name.endsWith('.md')) files.push({ path });
      }
    };
    walk(this.root, '');
    return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  private absolute(path: string): string {
    return join(this.root, ...path.split('/'));
  }

  // Reads are synchronous: a review reads hundreds of small files, and the
  // promise machinery around each costs more than the read itself.
  async read(path: string): Promise<string> {
    return decodeNote(readFileSync(this.absolute(path)));
  }

  async frontmatter(path: string): Promise<ParsedFrontmatter> {
    const text = await this.read(path);
    return this.frontmatterCache ? this.frontmatterCache.frontmatter(text) : readFrontmatter(text);
  }

  async readIfExists(path: string): Promise<string | null> {
    try {
      return await this.read(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /**
   * Compare-and-swap: the new text is written to a temporary file of this
   * process's own, then renamed over the note only if the note still holds
   * the text `change` was given; otherwise `change` runs again on the newer text.
   */
  async update(path: string, change: (current: string | null) => string | null): Promise<boolean> {
    const target = this.absolute(path);
    for (let attempt = 0; attempt < 20; attempt++) {
      const current = await this.readIfExists(path);
      const next = change(current);
      if (next === null || next === current) return false;
      await mkdir(dirname(target), { recursive: true });
      const temporary = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.daybook-tmp`;
      try {
        await writeFile(temporary, next, 'utf8');
        if ((await this.readIfExists(path)) !== current) continue;
        await rename(temporary, target);
        return true;
      } finally {
        await rm(temporary, { force: true });
      }
    }
    throw new Error(`${path} kept changing while Daybook tried to write it; not written`);
  }

  async removeIfUnchanged(path: string, expected: string): Promise<boolean> {
    if ((await this.readIfExists(path)) !== expected) return false;
    await rm(this.absolute(path), { force: true });
    return true;
  }

  /** Creates a note only if none exists: never overwrites. Returns false when it existed. */
  async create(path: string, text: string): Promise<boolean> {
    const target = this.absolute(path);
    await mkdir(dirname(target), { recursive: true });
    try {
      await writeFile(target, text, { encoding: 'utf8', flag: 'wx' });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  }

  toVaultPath(absolute: string): string {
    return absolute.slice(this.root.length + 1).split(sep).join('/');
  }
}
