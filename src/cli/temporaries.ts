import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The suffix of Daybook's temporary files; the part before it names the writing process. */
export const TEMP_SUFFIX = '.daybook-tmp';
const TEMP_NAME = /\.(\d+)-[0-9a-f]+\.daybook-tmp$/;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A temporary file of a Daybook process that no longer runs: left by a kill, never to be renamed. */
export function isStaleTemporary(name: string): boolean {
  const match = TEMP_NAME.exec(name);
  return match !== null && Number(match[1]) !== process.pid && !isAlive(Number(match[1]));
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
