import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { ownerIsGone } from './tempOwner';

/** The suffix of Daybook's temporary files; the part before it names the writing process (see tempOwner). */
export const TEMP_SUFFIX = '.daybook-tmp';
const TEMP_NAME = /\.(\d+(?:-b[0-9a-f]*s\d+)?)-[0-9a-f]+\.daybook-tmp$/;

/** A temporary file of a Daybook process that no longer runs: left by a kill, never to be renamed. */
export function isStaleTemporary(name: string): boolean {
  const match = TEMP_NAME.exec(name);
  return match !== null && ownerIsGone(match[1]);
}

/** Removes the temporary files that killed Daybook processes left in a folder, once per folder and run. */
export class StaleTemporaries {
  private readonly cleaned = new Set<string>();
  /** Found anywhere in the vault by the last listing. */
  found: string[] = [];

  removeFound(): void {
    for (const path of this.found) rmSync(path, { force: true });
    this.found = [];
  }

  cleanFolder(folder: string): void {
    if (this.cleaned.has(folder)) return;
    this.cleaned.add(folder);
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of names) if (isStaleTemporary(name)) rmSync(join(folder, name), { force: true });
  }
}
