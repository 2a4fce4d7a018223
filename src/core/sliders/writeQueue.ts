/**
 * Coalesces slider writes: at most one write per note every `interval` ms,
 * each carrying the latest value of every property moved since the last one.
 * The first move writes at once; moves during the interval wait for its end.
 * Nothing is dropped: a value set while a write is under way goes out next,
 * and a write that fails (a read-only file, a busy disk) is tried again after
 * each of `retry.delays`, carrying whatever is newest, before it is given up.
 */
export interface Timers {
  set(callback: () => void, ms: number): number;
  clear(id: number): void;
}

export interface RetryPolicy<Note> {
  /** The waits before each retry of a failed write; how many there are is how many retries. */
  delays: number[];
  /** The last retry failed too: `values` (those not moved since) are not in the note. */
  giveUp(note: Note, values: Record<string, number>, error: unknown): void;
}

/** About half a minute of retries: long enough for a sync client or an editor to let go of the file. */
export const DEFAULT_RETRY_DELAYS = [1000, 2000, 4000, 8000, 16000];

export class WriteQueue<Note> {
  private readonly pending = new Map<Note, Map<string, number>>();
  private readonly lastWrite = new Map<Note, number>();
  private readonly timers = new Map<Note, number>();
  private readonly failures = new Map<Note, number>();
  /** Who waits for a note's values to be dealt with: written, superseded by a later write, or given up. */
  private readonly waiters = new Map<Note, (() => void)[]>();

  constructor(
    private readonly write: (note: Note, values: Record<string, number>) => Promise<void>,
    /** The window's timers in the app (popouts have their own), Node's in the CLI and tests. */
    private readonly clock: Timers,
    private readonly interval = 200,
    private readonly now: () => number = () => Date.now(),
    private readonly retry: RetryPolicy<Note> = { delays: DEFAULT_RETRY_DELAYS, giveUp: () => undefined },
  ) {}

  /** The value waiting to be written for a property, if any: what a slider should show meanwhile. */
  pendingValue(note: Note, property: string): number | undefined {
    return this.pending.get(note)?.get(property);
  }

  /** Resolves once the value is written, replaced by a later one that was, or given up. */
  set(note: Note, property: string, value: number): Promise<void> {
    let values = this.pending.get(note);
    if (!values) {
      values = new Map();
      this.pending.set(note, values);
    }
    values.set(property, value);
    const settled = new Promise<void>((resolve) => this.waiters.set(note, [...(this.waiters.get(note) ?? []), resolve]));
    if (!this.timers.has(note)) {
      const wait = Math.max(0, (this.lastWrite.get(note) ?? -Infinity) + this.interval - this.now());
      this.schedule(note, wait);
    }
    return settled;
  }

  private schedule(note: Note, wait: number): void {
    const timer = this.timers.get(note);
    if (timer !== undefined) this.clock.clear(timer);
    this.timers.set(
      note,
      this.clock.set(() => void this.flush(note), wait),
    );
  }

  /** Writes what is pending for a note now (also on unload, so no move is lost). */
  async flush(note: Note): Promise<void> {
    const timer = this.timers.get(note);
    if (timer !== undefined) this.clock.clear(timer);
    this.timers.delete(note);
    const values = this.pending.get(note);
    if (!values || values.size === 0) return;
    this.pending.delete(note);
    const waiting = this.waiters.get(note) ?? [];
    this.waiters.delete(note);
    this.lastWrite.set(note, this.now());
    try {
      await this.write(note, Object.fromEntries(values));
      this.failures.delete(note);
      for (const resolve of waiting) resolve();
    } catch (error) {
      // Values moved while this write was under way are newer: they win over the failed ones.
      const newer = this.pending.get(note) ?? new Map<string, number>();
      const unsuperseded = [...values].filter(([property]) => !newer.has(property));
      const failures = (this.failures.get(note) ?? 0) + 1;
      if (failures > this.retry.delays.length) {
        this.failures.delete(note);
        if (unsuperseded.length) this.retry.giveUp(note, Object.fromEntries(unsuperseded), error);
        for (const resolve of waiting) resolve();
        return;
      }
      this.failures.set(note, failures);
      for (const [property, value] of unsuperseded) newer.set(property, value);
      this.pending.set(note, newer);
      this.waiters.set(note, [...waiting, ...(this.waiters.get(note) ?? [])]);
      this.schedule(note, this.retry.delays[failures - 1]);
    }
  }

  async flushAll(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((note) => this.flush(note)));
  }
}
