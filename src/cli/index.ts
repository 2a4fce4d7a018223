import { run } from './main';

void run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: Boolean(process.stderr.isTTY),
  now: () => new Date(),
}).then((code) => {
  process.exitCode = code;
});
