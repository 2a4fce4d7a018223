import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePeriodId } from '../../src/core/dates/periods';
import { Journal } from '../../src/core/journal';
import { buildReview } from '../../src/core/review/buildReview';
import { heatmapPath, renderHeatmap } from '../../src/core/review/heatmap';
import { resolveSettings } from '../../src/core/settings';
import { parseStrictXml } from '../helpers/xml';
import { copyOfFixture, daybook } from '../helpers/cli';
import { MemoryVault } from '../helpers/memoryVault';

const settings = resolveSettings({ dailyFolder: 'Daily' }).settings;
const wake = settings.sliders[0];

async function reviewOf(files: Record<string, string>, period: string) {
  const journal = await Journal.open(new MemoryVault(files), settings);
  return buildReview(journal, parsePeriodId(period)!);
}

const parseSvg = (svg: string) => parseStrictXml(svg, 'image/svg+xml');

describe('the calendar heatmap', () => {
  const files: Record<string, string> = {};
  for (const [day, value] of [['2026-01-01', 1], ['2026-03-15', 5], ['2026-11-17', 10], ['2026-12-31', 7]] as const) files[`Daily/${day}.md`] = `---\nmood_wake: ${value}\n---\nA day & a <night>\n`;

  it('is 53 week columns of 7 days, one square a day with a title, empty days visibly empty, months labelled, a legend', async () => {
    const doc = parseSvg(renderHeatmap(await reviewOf(files, '2026'), wake)!);
    const days = [...doc.querySelectorAll('rect')].filter((r) => r.querySelector('title'));
    expect(days).toHaveLength(365);
    expect(new Set(days.map((r) => r.getAttribute('x'))).size).toBe(53);
    expect(new Set(days.map((r) => r.getAttribute('y'))).size).toBe(7);
    const titled = (text: string) => days.find((r) => r.querySelector('title')!.textContent === text)!;
    expect(titled('Tue 17 Nov 2026: 10 of 1–10').getAttribute('fill')).toBe('#1a98d5');
    expect(titled('Thu 1 Jan 2026: 1 of 1–10').getAttribute('fill')).toBe('#d9414e');
    const empty = titled('Wed 18 Nov 2026: no value');
    expect(empty.getAttribute('fill')).toBe('none');
    expect(empty.getAttribute('stroke-dasharray')).toBe('2 2');
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['Jan', 'Feb', 'Jun', 'Dec', 'Mon', 'Sun', '1 low', 'high 10', 'no value']));
    // Monday on top: 2026-01-01 is a Thursday, so the first column starts on 29 December 2025, which is not drawn.
    expect(titled('Thu 1 Jan 2026: 1 of 1–10').getAttribute('y')).toBe(String(40 + 3 * 15));
  });

  it('gives a month its own weeks, numbered by day, and nothing for a week or a slider without values', async () => {
    const month = parseSvg(renderHeatmap(await reviewOf(files, '2026-11'), wake)!);
    const days = [...month.querySelectorAll('rect')].filter((r) => r.querySelector('title'));
    expect(days).toHaveLength(30);
    // November 2026 starts on a Sunday and ends on a Monday: six week columns.
    expect(new Set(days.map((r) => r.getAttribute('x'))).size).toBe(6);
    expect([...month.querySelectorAll('text')].map((t) => t.textContent)).toContain('November');
    expect(renderHeatmap(await reviewOf(files, '2026-W47'), wake)).toBeNull();
    expect(renderHeatmap(await reviewOf(files, '2026'), settings.sliders[1])).toBeNull();
  });

  it('is written beside the yearly and monthly reviews, embedded in them, and removed when its values go', async () => {
    const vault = copyOfFixture('changes-vault');
    await daybook(['review', '--vault', vault, '--all', '--write']);
    const year = join(vault, heatmapPath('Reviews/2026.md', wake));
    expect(readFileSync(year, 'utf8')).toContain('<!-- daybook:heatmap');
    expect(existsSync(join(vault, heatmapPath('Reviews/2026-11.md', wake)))).toBe(true);
    expect(existsSync(join(vault, heatmapPath('Reviews/2026-W47.md', wake)))).toBe(false);
    expect(readFileSync(join(vault, 'Reviews/2026.md'), 'utf8')).toContain('## The year at a glance\n\n![[Reviews/2026 mood_wake heatmap.svg]]\n\n![[Reviews/2026 mood_wind heatmap.svg]]\n');
    // October has one note, with a wake-up value only: its wind-down heatmap never appears.
    expect(existsSync(join(vault, heatmapPath('Reviews/2026-10.md', settings.sliders[1])))).toBe(false);
    writeFileSync(join(vault, 'Daily/2026-10-27.md'), '- no mood today\n');
    await daybook(['review', '--vault', vault, '--all', '--write']);
    expect(existsSync(join(vault, heatmapPath('Reviews/2026-10.md', wake)))).toBe(false);
  });
});
