import type * as V8 from 'node:v8';
import type * as Vm from 'node:vm';
import { lazyBuiltin } from './lazy/builtin';

const v8 = lazyBuiltin<typeof V8>('node:v8');
const vm = lazyBuiltin<typeof Vm>('node:vm');

/** V8's own full collection, once found; null where this Node gives none. */
let collect: (() => void) | null | undefined;

/**
 * Collects the heap now. Node offers no call for it, but V8 exposes `gc` to
 * contexts made after its flag is set, which a run may do. Where the flag or
 * the context is refused, nothing is done.
 */
export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      v8().setFlagsFromString('--expose-gc');
      const found: unknown = vm().runInNewContext('gc');
      collect = typeof found === 'function' ? (found as () => void) : null;
    } catch {
      collect = null;
    }
  }
  collect?.();
}

/**
 * The heap a review must hold before settleHeap collects it. The real vaults' yearly reviews hold
 * 27-65 MB there and peak at 114-153 MB; the synthetic year holds 63-79 MB and peaked at 192 MB, or
 * 215-235 MB in a third of runs. Below this, twice what is held stays far under such peaks, and two
 * collections (15-25 ms each) would cost a short review 5-8 % for nothing.
 */
export const SETTLE_FROM_BYTES = 48 * 2 ** 20;

/**
 * Where a large review holds least (between its phases): collects the heap if it holds that
 * much. V8 grows the heap to twice whatever was live at its last collection, and that moment
 * fell inside What changed now and then; collected here, the synthetic yearly review peaks at
 * 182-188 MB in every run.
 */
export function settleHeap(): void {
  if (v8().getHeapStatistics().used_heap_size >= SETTLE_FROM_BYTES) collectGarbage();
}
