import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { addDay, parsePeriodId } from '../../src/core/dates/periods';
import { exportReview } from '../../src/core/export/exportReview';
import { Journal } from '../../src/core/journal';
import { buildReview } from '../../src/core/review/buildReview';
import { renderHeatmap } from '../../src/core/review/heatmap';
import { resolveSettings } from '../../src/core/settings';
import { MemoryVault } from '../helpers/memoryVault';
import { launch } from './browser';

jest.setTimeout(60_000);

const dist = join(__dirname, 'dist');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(dist, { recursive: true });
  browser = await launch();
});
afterAll(async () => browser?.close());
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 900, height: 700 } });
});
afterEach(async () => page.close());

/** A year journaled on most weekdays, with a mood that rises and falls with the seasons: the shape a real year has. */
function yearOfNotes(): Record<string, string> {
  const files: Record<string, string> = { 'People/Ana Ruiz.md': '---\ntype: person\n---\n', 'People/Sam Okafor.md': '---\ntype: person\n---\n' };
  const lines = [
    '- Paired with [[Ana Ruiz]] on the [[Atlas]] cut-over',
    '- Reviewed the [[Search ranking design]] with [[Sam Okafor]]',
    '- Shipped the billing projection; p99 from 820 ms to 410 ms #win',
    '- One-to-one with [[Sam Okafor]]: first on-call week went well #mentoring',
    '- Quiet day of [[Kafka]] upgrades',
  ];
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  let n = 0;
  for (let day = '2026-01-01'; day <= '2026-12-31'; day = addDay(day, 1)) {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6 || next() < 0.15 || (day >= '2026-08-03' && day <= '2026-08-21')) continue;
    const season = Math.sin((n++ / 240) * 2 * Math.PI * 1.5);
    const wake = Math.max(1, Math.min(10, Math.round(6 + 2.5 * season + (next() - 0.5) * 3)));
    const wind = Math.max(1, Math.min(10, wake + Math.round((next() - 0.5) * 3)));
    files[`Daily/${day}.md`] = `---\nmood_wake: ${wake}\nmood_wind: ${wind}\n---\n${lines[Math.floor(next() * lines.length)]}\n`;
  }
  return files;
}

const settings = resolveSettings({ dailyFolder: 'Daily' }).settings;

async function yearReview() {
  const journal = await Journal.open(new MemoryVault(yearOfNotes()), settings);
  return { journal, review: await buildReview(journal, parsePeriodId('2026')!) };
}

describe('in Chromium', () => {
  it('shows the heatmaps as images on a light and a dark page', async () => {
    const { review } = await yearReview();
    const svgs = settings.sliders.map((s) => renderHeatmap(review, s)!);
    for (const [name, background] of [['light', '#ffffff'], ['dark', '#1e1e1e']] as const) {
      // As Obsidian embeds them: an <img> of the SVG file, which shows nothing if the SVG is not well-formed XML.
      const images = svgs.map((svg) => `<img alt="" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"/>`).join('<br/>');
      await page.setContent(`<!DOCTYPE html><html><body style="margin:0;padding:16px;background:${background}">${images}</body></html>`);
      const sizes = await page.$$eval('img', (imgs) => imgs.map((img) => [(img).complete, (img).naturalWidth]));
      expect(sizes.every(([complete, width]) => complete === true && Number(width) > 700)).toBe(true);
      await page.setViewportSize({ width: 880, height: 420 });
      await page.screenshot({ path: join(dist, `heatmap-${name}.png`) });
    }
  });

  it('parses the exported HTML as strict XHTML, renders it with its charts and prints it', async () => {
    const { journal, review } = await yearReview();
    const html = exportReview(review, settings, 'html', (t) => (journal.catalog.lookup(t).kind === 'person' ? journal.catalog.lookup(t).name : null));
    const file = join(dist, 'export.xhtml');
    writeFileSync(file, html);
    // Served as XHTML, the browser refuses anything that is not well-formed XML.
    await page.goto(pathToFileURL(file).href);
    expect(await page.$$eval('parsererror', (errors) => errors.length)).toBe(0);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('2026 in review');
    expect(await page.$$eval('svg', (svgs) => svgs.length)).toBe(3);
    await page.setViewportSize({ width: 900, height: 1100 });
    await page.screenshot({ path: join(dist, 'export.png') });
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
