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
      void q.set('day.md', 'mood_wake', v);
      await jest.advanceTimersByTimeAsync(30);
    }
    await jest.advanceTimersByTimeAsync(500);
    expect(writes.map(([, values]) => values.mood_wake)).toEqual([1, 7, 10]);
    const times = writes.map(([, , t]) => t);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(200);
  });

  it('shows the pending value until it is written', async () => {
    const { q } = queue();
    void q.set('day.md', 'mood_wake', 1);
    await jest.advanceTimersByTimeAsync(0);
    void q.set('day.md', 'mood_wake', 4);
    expect(q.pendingValue('day.md', 'mood_wake')).toBe(4);
    await jest.advanceTimersByTimeAsync(200);
    expect(q.pendingValue('day.md', 'mood_wake')).toBeUndefined();
  });

  it('keeps notes apart and carries both properties of one note in one write', async () => {
    const { q, writes } = queue();
    void q.set('a.md', 'mood_wake', 3);
    void q.set('a.md', 'mood_wind', 4);
    void q.set('b.md', 'mood_wake', 9);
    await jest.advanceTimersByTimeAsync(0);
    expect(writes.map(([note, values]) => [note, values])).toEqual([
      ['a.md', { mood_wake: 3, mood_wind: 4 }],
      ['b.md', { mood_wake: 9 }],
    ]);
  });

  it('flushes what is pending on demand, so unloading loses nothing', async () => {
    const { q, writes } = queue();
    void q.set('a.md', 'mood_wake', 3);
    await jest.advanceTimersByTimeAsync(0);
    void q.set('a.md', 'mood_wake', 5);
    await q.flushAll();
    expect(writes.map(([, v]) => v.mood_wake)).toEqual([3, 5]);
  });
});

describe('a slider write that fails (a read-only file) is retried, so the last value lands', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  function failing(failures: number) {
    const written: Record<string, number>[] = [];
    const gaveUp: [string, Record<string, number>, string][] = [];
    let left = failures;
    const q = new WriteQueue<string>(
      async (_note, values) => {
        if (left-- > 0) throw new Error('EACCES: permission denied');
        written.push(values);
      },
      globalTimers,
      200,
      () => Date.now(),
      { delays: [1000, 2000, 4000], giveUp: (note, values, error) => gaveUp.push([note, values, String(error)]) },
    );
    return { q, written, gaveUp };
  }

  it('writes the value once the file can be written again, and says nothing', async () => {
    const { q, written, gaveUp } = failing(2);
    const landed = jest.fn();
    void q.set('day.md', 'mood_wake', 7).then(landed);
    await jest.advanceTimersByTimeAsync(0);
    expect(written).toEqual([]);
    expect(q.pendingValue('day.md', 'mood_wake')).toBe(7);
    expect(landed).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(3000);
    expect(written).toEqual([{ mood_wake: 7 }]);
    expect(gaveUp).toEqual([]);
    expect(landed).toHaveBeenCalled();
  });

  it('carries a value moved while it waits instead of the failed one', async () => {
    const { q, written } = failing(1);
    void q.set('day.md', 'mood_wake', 7);
    await jest.advanceTimersByTimeAsync(0);
    void q.set('day.md', 'mood_wake', 9);
    await jest.advanceTimersByTimeAsync(1000);
    expect(written).toEqual([{ mood_wake: 9 }]);
  });

  it('gives up after the last retry and says which values were not written', async () => {
    const { q, written, gaveUp } = failing(Infinity);
    const settled = jest.fn();
    void q.set('day.md', 'mood_wake', 7).then(settled);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(written).toEqual([]);
    expect(gaveUp).toEqual([['day.md', { mood_wake: 7 }, 'Error: EACCES: permission denied']]);
    expect(q.pendingValue('day.md', 'mood_wake')).toBeUndefined();
    expect(settled).toHaveBeenCalled();
  });
});
