import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stampByStatSync, stampOf, statsWithoutObjects } from '../../src/cli/fileStamp';

describe('stampOf', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'daybook-stamp-'));
    writeFileSync(join(dir, 'note.md'), 'aliases: [x]\n');
    writeFileSync(join(dir, 'empty.md'), '');
    writeFileSync(join(dir, 'fine.md'), 'x');
    // Nanoseconds that a millisecond float rounds: both ways must give the same number.
    utimesSync(join(dir, 'fine.md'), 1_600_000_000.123457, 1_600_000_000.987654);
    mkdirSync(join(dir, 'folder.md'));
    symlinkSync(join(dir, 'note.md'), join(dir, 'link.md'));
    symlinkSync(join(dir, 'nowhere.md'), join(dir, 'dangling.md'));
    if (process.platform !== 'win32') execFileSync('mkfifo', [join(dir, 'fifo.md')]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('uses Node’s binding on this machine, having checked it against fs.statSync', () => {
    expect(statsWithoutObjects()).toBe(process.platform !== 'win32');
  });

  it.each(['note.md', 'empty.md', 'fine.md', 'folder.md', 'link.md', 'dangling.md', 'fifo.md', 'missing.md', 'note.md/below.md', 'no\u0000te.md'])('gives what fs.statSync gives for %j', (name) => {
    const path = join(dir, name);
    expect(stampOf(path)).toEqual(stampByStatSync(path));
  });

  it('sees a file only as a regular file, and its size and mtime as statSync does', () => {
    expect(stampOf(join(dir, 'folder.md'))).toBeNull();
    expect(stampOf(join(dir, 'missing.md'))).toBeNull();
    expect(stampOf(join(dir, 'fine.md'))).toEqual({ size: 1, mtime: expect.closeTo(1_600_000_000_987.654, 0) });
  });
});
