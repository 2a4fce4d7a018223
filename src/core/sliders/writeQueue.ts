/**
 * Coalesces slider writes: at most one write per note every `interval` ms,
 * each carrying the latest value of every property moved since the last one.
 * The first move writes at once; moves during the interval wait for its end.
 * Nothing is dropped: a value set while a write is under way goes out next.
 */
export interface Timers {
  set(callback: () => void, ms: number): number;
  clear(id: number): void;
}

export class WriteQueue<Note> {
  private readonly pending = new Map<Note, Map<string, number>>();
  private readonly lastWrite = new Map<Note, number>();
  private readonly timers = new Map<Note, number>();

  constructor(
    private readonly write: (note: Note, values: Record<string, number>) => Promise<void>,
    /** The window's timers in the app (popouts have their own), Node's in the CLI and tests. */
    private readonly clock: Timers,
    private readonly interval = 200,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The value waiting to be written for a property, if any: what a slider should show meanwhile. */
  pendingValue(note: Note, property: string): number | undefined {
    return this.pending.get(note)?.get(property);
  }

  set(note: Note, property: string, value: number): void {
    let values = this.pending.get(note);
    if (!values) {
      values = new Map();
      this.pending.set(note, values);
    }
    values.set(property, value);
    if (this.timers.has(note)) return;
    const wait = Math.max(0, (this.lastWrite.get(note) ?? -Infinity) + this.interval - this.now());
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
    this.lastWrite.set(note, this.now());
    await this.write(note, Object.fromEntries(values));
  }

  async flushAll(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((note) => this.flush(note)));
  }
}
