// Preloaded into a benchmarked CLI process: reports its peak resident memory on exit.
// Worker threads load preloaded modules too; only the main thread's exit is the process's end.
if (require('node:worker_threads').isMainThread) {
  process.on('exit', () => {
    process.stderr.write(`\nmaxrss_kb=${process.resourceUsage().maxRSS}\n`);
  });
}
