import { parsePeriodId } from '../../src/core/dates/periods';
import { Journal } from '../../src/core/journal';
import { buildReview } from '../../src/core/review/buildReview';
import { renderReview } from '../../src/core/review/renderReview';
import { resolveSettings } from '../../src/core/settings';
import { MemoryVault } from '../helpers/memoryVault';

const settings = resolveSettings({ dailyFolder: 'Daily' }).settings;

async function quarter(files: Record<string, string>): Promise<string> {
  const journal = await Journal.open(new MemoryVault(files), settings);
  return renderReview(await buildReview(journal, parsePeriodId('2026-Q1')!), settings);
}

describe('Done by month, with the Tasks plugin’s ✅ dates', () => {
  // Twelve tasks written down on 30 Jan and checked in February, as the Tasks plugin dates them: past the ten a quarter lists.
  const tasks = Array.from({ length: 12 }, (_, i) => `- [x] Migrate service ${i + 1} ✅ 2026-02-${String(i + 2).padStart(2, '0')}`);

  it('counts a task in the month of its ✅ date, not of the note it is written in', async () => {
    const markdown = await quarter({ 'Daily/2026-01-30.md': tasks.join('\n') + '\n', 'Daily/2026-03-02.md': '- [x] Close the quarter\n' });
    expect(markdown).toContain('**By month:** Feb 12 · Mar 1;');
  });

  it('keeps the note’s month for a ✅ date outside the period or no ✅ date at all', async () => {
    const before = tasks.map((t) => t.replace(/2026-02-/, '2025-12-'));
    const markdown = await quarter({ 'Daily/2026-01-30.md': before.join('\n') + '\n- [x] Close the month\n' });
    expect(markdown).toContain('**By month:** Jan 13;');
  });
});
