import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A small vault written for the test: path → text; `.obsidian/...` paths hold settings. */
export function vaultOf(files: Record<string, string>, parent = tmpdir()): string {
  const vault = mkdtempSync(join(parent, 'daybook-rel-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(vault, path)), { recursive: true });
    writeFileSync(join(vault, path), text);
  }
  return vault;
}

export function settingsFile(settings: unknown): Record<string, string> {
  return { '.obsidian/plugins/daybook/data.json': typeof settings === 'string' ? settings : JSON.stringify(settings) };
}

/** Daily notes of November 2026 in `Daily/`, each mentioning a person. */
export function dailyNotes(days: number[], extra = ''): Record<string, string> {
  const files: Record<string, string> = { 'People/Ana.md': '---\ntype: person\n---\n' };
  for (const d of days) files[`Daily/2026-11-${String(d).padStart(2, '0')}.md`] = `---\nmood_wake: ${(d % 9) + 1}\n---\n## Journal\n\nWorked with [[Ana]] on day ${d}. #perf\n${extra}`;
  return files;
}

/** Every file under `dir`, as relative paths, links not followed. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(folder, entry.name), path);
      else out.push(path);
    }
  };
  walk(dir, '');
  return out.sort();
}

export function modeOf(path: string): number {
  return statSync(path).mode & 0o777;
}
