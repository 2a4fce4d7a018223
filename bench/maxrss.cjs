// Preloaded into a benchmarked CLI process: reports its peak resident memory on exit.
process.on('exit', () => {
  process.stderr.write(`\nmaxrss_kb=${process.resourceUsage().maxRSS}\n`);
});
