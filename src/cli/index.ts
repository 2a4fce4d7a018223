import { run } from './main';
import { outputStream } from './outputStream';

const stdout = outputStream(process.stdout);
const stderr = outputStream(process.stderr);

void run(process.argv.slice(2), {
  stdout: (text) => stdout.write(text),
  stderr: (text) => stderr.write(text),
  isTty: Boolean(process.stderr.isTTY),
  now: () => new Date(),
})
  // A failed write's 'error' event comes after the write: a run with nothing left to wait for (no worker
  // threads to close) ended before it, and a full disk went unreported.
  .then((code) => new Promise<number>((resolve) => setImmediate(() => resolve(code))))
  .then((code) => {
    // Output that could not be written (a full disk, not a reader that left) is a failure to report;
    // the review notes were written all the same.
    const lost = stdout.lost ?? stderr.lost;
    if (lost !== null && code === 0) code = 1;
    if (stdout.lost !== null) stderr.write(`daybook: output could not be written (${stdout.lost}); review notes were written as usual\n`);
    process.exitCode = code;
  });
