import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ResolvedSettings, resolveSettings } from '../core/settings';

/** A settings file that exists but cannot be used: the CLI stops with this message. */
export class SettingsError extends Error {}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SettingsError(`${path} cannot be read: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SettingsError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * The settings the plugin would use in this vault: Daybook's own data.json,
 * then the core Daily notes plugin's folder, format and template.
 */
export async function loadVaultSettings(vault: string): Promise<ResolvedSettings & { file: string }> {
  const file = join(vault, '.obsidian', 'plugins', 'daybook', 'data.json');
  const own = await readJson(file);
  const core = await readJson(join(vault, '.obsidian', 'daily-notes.json'));
  const resolved = resolveSettings(own, typeof core === 'object' && core !== null ? core : {});
  return { ...resolved, file };
}
