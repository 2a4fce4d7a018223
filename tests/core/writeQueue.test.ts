import { WriteQueue } from '../../src/core/sliders/writeQueue';
import { globalTimers } from '../helpers/timers';

describe('slider writes are coalesced per note', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  function queue() {
    const writes: [string, Record<string, number>, number][] = [];
    const q = new WriteQueue<string>(async (note, values) => {
      writes.push([note, values, Date.now()]);
    }, globalTimers);
    return { q, writes };
  }

  it('writes the first move at once and a drag at most every 200 ms, ending on the last value', async () => {
    const { q, writes } = queue();
    for (let v = 1; v <= 10; v++) {
      q.set('day.md', 'mood_wake', v);
      await jest.advanceTimersByTimeAsync(30);
    }
    await jest.advanceTimersByTimeAsync(500);
    expect(writes.map(([, values]) => values.mood_wake)).toEqual([1, 7, 10]);
    const times = writes.map(([, , t]) => t);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(200);
  });

  it('shows the pending value until it is written', async () => {
    const { q } = queue();
    q.set('day.md', 'mood_wake', 1);
    await jest.advanceTimersByTimeAsync(0);
    q.set('day.md', 'mood_wake', 4);
    expect(q.pendingValue('day.md', 'mood_wake')).toBe(4);
    await jest.advanceTimersByTimeAsync(200);
    expect(q.pendingValue('day.md', 'mood_wake')).toBeUndefined();
  });

  it('keeps notes apart and carries both properties of one note in one write', async () => {
    const { q, writes } = queue();
    q.set('a.md', 'mood_wake', 3);
    q.set('a.md', 'mood_wind', 4);
    q.set('b.md', 'mood_wake', 9);
    await jest.advanceTimersByTimeAsync(0);
    expect(writes.map(([note, values]) => [note, values])).toEqual([
      ['a.md', { mood_wake: 3, mood_wind: 4 }],
      ['b.md', { mood_wake: 9 }],
    ]);
  });

  it('flushes what is pending on demand, so unloading loses nothing', async () => {
    const { q, writes } = queue();
    q.set('a.md', 'mood_wake', 3);
    await jest.advanceTimersByTimeAsync(0);
    q.set('a.md', 'mood_wake', 5);
    await q.flushAll();
    expect(writes.map(([, v]) => v.mood_wake)).toEqual([3, 5]);
  });
});
