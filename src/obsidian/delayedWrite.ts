import type { CacheTimers } from './persistentParseCache';

/**
 * When a store in the plugin's folder is written: a while after its last
 * change (a review or a parse changes it many times in a row; each write
 * rewrites the file, which sync then uploads), and at once on `flush` (the
 * plugin unloads). A write that fails leaves the store changed, so the next
 * flush tries again; it only ever costs speed.
 */
export class DelayedWrite {
  private timer: unknown = null;
  private dirty = false;

  constructor(
    private readonly timers: CacheTimers,
    private readonly delayMs: number,
    /** Writes the store; resolves false when it could not. */
    private readonly write: () => Promise<boolean>,
  ) {}

  changed(): void {
    this.dirty = true;
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => void this.flush(), this.delayMs);
  }

  async flush(): Promise<void> {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    if (!this.dirty) return;
    this.dirty = false;
    if (!(await this.write())) this.dirty = true;
  }
}
