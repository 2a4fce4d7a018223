import { createRequire } from 'node:module';

/**
 * One of Node's own modules, required the first time it is used instead of
 * when the bundle starts: a warm weekly review needs neither a worker, nor
 * V8's flags, nor a child process, and loading `worker_threads`, `v8` and
 * `child_process` (with `net` and `dgram`) costs every run 30 M instructions,
 * a sixth of what is not Node's own start (cachegrind, Node 20).
 */
export function lazyBuiltin<T>(name: string): () => T {
  let loaded: T | null = null;
  return () => (loaded ??= createRequire(__filename)(name) as T);
}
