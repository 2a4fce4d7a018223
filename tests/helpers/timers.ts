import type { Timers } from '../../src/core/sliders/writeQueue';

/** The global timers, looked up at each call so jest's fake timers take effect. */
export const globalTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms) as unknown as number,
  clear: (id) => clearTimeout(id),
};
