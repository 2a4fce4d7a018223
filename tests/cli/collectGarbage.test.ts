import { collectGarbage } from '../../src/cli/collectGarbage';
import { parsePeriodId } from '../../src/core/dates/periods';
import { Journal } from '../../src/core/journal';
import { buildReview } from '../../src/core/review/buildReview';
import { renderReview } from '../../src/core/review/renderReview';
import { resolveSettings } from '../../src/core/settings';
import { MemoryVault } from '../helpers/memoryVault';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('collecting garbage between the phases of one large review', () => {
  it('collects the heap: an object nothing holds is gone after it', async () => {
    let held: object | null = { big: new Array(1000).fill('x') };
    const ref = new WeakRef(held);
    held = null;
    // A WeakRef keeps its target to the end of the job that made it.
    await tick();
    collectGarbage();
    await tick();
    expect(ref.deref()).toBeUndefined();
    // A second time, the function found the first time.
    expect(() => collectGarbage()).not.toThrow();
  });

  it('is asked for twice per review, and the review is the same without it', async () => {
    const settings = resolveSettings({ dailyFolder: 'Daily' }).settings;
    const notes = {
      'Daily/2026-11-02.md': '# Mon\n\n- Paired with [[Ana]] on #perf\n- [ ] write the runbook\n',
      'Daily/2026-11-03.md': '# Tue\n\n- 1:1 with [[Ana]]\n',
      'People/Ana.md': '---\ntype: person\n---\n',
    };
    let asked = 0;
    const settled = await Journal.open(new MemoryVault(notes), settings, { settle: () => asked++ });
    const plain = await Journal.open(new MemoryVault(notes), settings);
    const period = parsePeriodId('2026-W45')!;
    const review = renderReview(await buildReview(settled, period), settings);
    expect(asked).toBe(2);
    expect(review).toEqual(renderReview(await buildReview(plain, period), settings));
    expect(review).toContain('Ana');
  });
});
