import type { Timers } from '../core/sliders/writeQueue';

/**
 * Saves settings once typing pauses, not at every keystroke (each save
 * rewrites data.json, which sync then uploads). `flush` saves a pending
 * change at once: when the settings tab closes or the plugin unloads.
 */
export class SaveScheduler {
  private timer: number | null = null;

  constructor(
    private readonly save: () => Promise<void>,
    private readonly delayMs: number,
    private readonly timers: Timers,
    private readonly onError: (error: unknown) => void,
  ) {}

  request(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => void this.flush(), this.delayMs);
  }

  /** Drops a pending save: what it would write is stale (the file changed under it). */
  cancel(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  get pending(): boolean {
    return this.timer !== null;
  }

  async flush(): Promise<void> {
    if (this.timer === null) return;
    this.timers.clear(this.timer);
    this.timer = null;
    try {
      await this.save();
    } catch (error) {
      this.onError(error);
    }
  }
}
