import { buildSync } from 'esbuild';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Bundles the harness page's script: the real extension, the real CodeMirror. */
export function buildHarness(): string {
  buildSync({
    entryPoints: [join(__dirname, 'harness.ts')],
    outfile: join(__dirname, 'dist', 'harness.js'),
    bundle: true,
    format: 'iife',
    target: 'es2020',
    logLevel: 'warning',
  });
  return pathToFileURL(join(__dirname, 'index.html')).href;
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}: run scripts/ensure-chromium.sh (npm test does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function frontmatterValue(page: Page, property: string): Promise<string | null> {
  const text: string = await page.evaluate(() => (window as unknown as { harness: { text(): string } }).harness.text());
  const match = new RegExp(`^${property}:(.*)$`, 'm').exec(text);
  return match ? match[1].trim() : null;
}
