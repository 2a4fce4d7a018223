import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Takes `name VALUE` out of `argv` (so what is left are the folders), or null when absent. */
export function takeOption(argv: string[], name: string): string | null {
  const i = argv.indexOf(name);
  if (i === -1) return null;
  const value = argv[i + 1];
  argv.splice(i, 2);
  return value;
}

/** Every markdown file under `dir`, in directory order, but in entries `skip` names. */
export function markdownFiles(dir: string, skip: (name: string) => boolean, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) markdownFiles(path, skip, out);
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) out.push(path);
  }
  return out;
}
