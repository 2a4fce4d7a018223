/**
 * Per-keystroke cost of the Live Preview slider extension on a 3 MB note, in
 * Chromium: `npm run bench:editor`. Reports the median and 95th percentile of
 * one typed character's dispatch (the extension's update runs inside it), with
 * and without the extension, typing near the sliders and in the middle.
 */
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from './browser';

const KEYSTROKES = 300;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

async function main(): Promise<void> {
  buildSync({ entryPoints: [join(__dirname, '..', 'benchHarness.ts')], outfile: join(__dirname, 'benchHarness.js'), bundle: true, format: 'iife', target: 'es2020', logLevel: 'warning' });
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    await page.goto(pathToFileURL(join(__dirname, '..', 'bench.html')).href);
    for (const place of ['top', 'middle'] as const) {
      for (const withSliders of [false, true]) {
        // The first run warms the JIT; the second is reported.
        await page.evaluate(([w, p]) => (window as any).bench.run(w, p, 50), [withSliders, place] as const);
        const { size, times } = await page.evaluate(([w, p, n]) => (window as any).bench.run(w, p, n), [withSliders, place, KEYSTROKES] as const);
        const sorted = [...times].sort((a: number, b: number) => a - b);
        const label = `${withSliders ? 'with sliders   ' : 'plain CodeMirror'} typing at the ${place.padEnd(6)}`;
        process.stdout.write(`${label} ${(size / 1e6).toFixed(1)} MB: median ${percentile(sorted, 0.5).toFixed(3)} ms, p95 ${percentile(sorted, 0.95).toFixed(3)} ms per keystroke\n`);
      }
    }
  } finally {
    await browser.close();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
