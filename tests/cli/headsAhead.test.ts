import { execFileSync } from 'node:child_process';
import fs, { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { FolderVault } from '../../src/cli/folderVault';
import { READ_IT, readHeadsAhead } from '../../src/cli/headsAhead';
import { readFrontmatter } from '../../src/core/note/frontmatter';

/**
 * A cold review without the cache reads the alias notes' heads on a worker
 * thread while it parses (src/cli/headsAhead.ts). Whatever the notes hold, and
 * whatever became of them after the listing, each head must read as it does
 * without the worker, the same failures included; and a head the worker found
 * blank is not opened again on this thread.
 */
const FIRST_READ = 16 * 1024;

function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

const PIECES = ['  id:: 6571a0e2-93f4-4a6c-b1d8-0c6f2d7e9a31', '---', '--- ', '----', 'aliases: [Bo, "Ana K"]', 'type: person', 'alias:: Bo, Bob', 'type:: [[Person]]', ':: no key', '- a block', '  - a child', '- alias:: in a block', '# Heading', 'plain words', 'Zoë, 東京, 🙂', '', 'a: b: [unclosed'];

function noteOf(next: () => number): Buffer {
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
  const eol = next() < 0.25 ? '\r\n' : '\n';
  const lines = Array.from({ length: Math.floor(next() * 8) }, () => pick(PIECES));
  let text = lines.join(eol) + (next() < 0.7 ? eol : '');
  if (next() < 0.1) text += 'x'.repeat(FIRST_READ + Math.floor(next() * 64) - 32 - Buffer.byteLength(text));
  let bytes = Buffer.from(text);
  if (next() < 0.08) bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
  if (next() < 0.05) bytes = Buffer.concat([bytes, Buffer.from([0xff, 0x0a])]);
  if (next() < 0.03) bytes = Buffer.concat([bytes, Buffer.from([0])]);
  return bytes;
}

/** What reading a head gave: its frontmatter, or the failure's message. */
function outcome(vault: FolderVault, path: string): string {
  try {
    return JSON.stringify(vault.frontmatterNow(path));
  } catch (error) {
    return `throws ${error instanceof Error ? error.message : String(error)}`;
  }
}

const worker = join(mkdtempSync(join(tmpdir(), 'daybook-head-worker-')), 'headWorker.js');
buildSync({ entryPoints: ['src/cli/headWorker.ts'], outfile: worker, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });

describe.each([false, true])('heads read ahead on a worker (page properties: %s)', (pageProperties) => {
  const next = random(pageProperties ? 11 : 5);
  const notes = Array.from({ length: 1200 }, () => noteOf(next));
  const root = mkdtempSync(join(tmpdir(), 'daybook-heads-ahead-'));
  mkdirSync(join(root, 'Notes'));
  notes.forEach((bytes, i) => writeFileSync(join(root, 'Notes', `note ${i}.md`), bytes));
  const paths = notes.map((_, i) => `Notes/note ${i}.md`);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads every head as this thread does, and opens the blank ones no more', async () => {
    const plain = new FolderVault(root, { pageProperties });
    const ahead = new FolderVault(root, { pageProperties, headWorker: worker });
    await plain.list();
    await ahead.list();
    // What became of notes after the listing: gone, a folder, a FIFO, a link (in the vault, and out of it).
    rmSync(join(root, 'Notes', 'note 0.md'));
    rmSync(join(root, 'Notes', 'note 1.md'));
    mkdirSync(join(root, 'Notes', 'note 1.md'));
    rmSync(join(root, 'Notes', 'note 2.md'));
    execFileSync('mkfifo', [join(root, 'Notes', 'note 2.md')]);
    rmSync(join(root, 'Notes', 'note 3.md'));
    symlinkSync(join(root, 'Notes', 'note 4.md'), join(root, 'Notes', 'note 3.md'));
    rmSync(join(root, 'Notes', 'note 5.md'));
    symlinkSync('/etc/hostname', join(root, 'Notes', 'note 5.md'));

    ahead.readFrontmatterAhead(paths);
    // Time for the worker to read them all (1,200 small notes): this thread then takes none.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const opens = jest.spyOn(fs, 'openSync');
    await ahead.frontmatterAheadRead();
    const got = paths.map((path) => outcome(ahead, path));
    const opened = opens.mock.calls.length;
    opens.mockRestore();
    expect(got).toEqual(paths.map((path) => outcome(plain, path)));
    // Most random notes have nothing in their head: the worker answered those.
    const blank = got.filter((text) => text === JSON.stringify(plain.frontmatterNow('Notes/note 4.md')) && text.includes('"data":{}')).length;
    expect(opened).toBeLessThan(paths.length - blank / 2);
    expect(opened).toBeGreaterThan(0);
  });

  it('answers the search of every note for a block id as this thread does, without reading the notes it found free of `::`', async () => {
    const plain = new FolderVault(root, { pageProperties });
    const ahead = new FolderVault(root, { pageProperties, headWorker: worker });
    await plain.list();
    await ahead.list();
    ahead.readFrontmatterAhead(paths);
    await ahead.frontmatterAheadRead();
    const search = (vault: FolderVault) => Promise.all(paths.map((path) => vault.readIfIncludes(path, 'id::').catch((error: Error) => `throws ${error.message}`)));
    const opens = jest.spyOn(fs, 'openSync');
    const found = await search(ahead);
    const opened = opens.mock.calls.length;
    opens.mockRestore();
    expect(found).toEqual(await search(plain));
    expect(found.filter((text) => typeof text === 'string' && text.includes('id:: 6571a0e2')).length).toBeGreaterThan(50);
    // Only a graph's heads are read whole, so only there does a head tell that the note holds no `::`.
    const free = notes.filter((bytes) => !bytes.includes('::') && bytes.length < FIRST_READ).length;
    expect(free).toBeGreaterThan(100);
    if (pageProperties) expect(opened).toBeLessThan(paths.length - free / 2);
    else expect(opened).toBeGreaterThan(paths.length - 10);
  });

  it('marks, in the very list it was given, the notes whose frontmatter holds nothing, and knows no other list', async () => {
    const plain = new FolderVault(root, { pageProperties });
    const ahead = new FolderVault(root, { pageProperties, headWorker: worker });
    await plain.list();
    await ahead.list();
    // A head read on this thread before the worker's verdicts come is this thread's, not theirs.
    const readHere = paths[700];
    outcome(ahead, readHere);
    const asked = [...paths];
    ahead.readFrontmatterAhead(asked);
    expect(ahead.blankFrontmatterAmong(asked)).toBeNull();
    await ahead.frontmatterAheadRead();
    const blank = ahead.blankFrontmatterAmong(asked);
    expect(ahead.blankFrontmatterAmong(paths)).toBeNull();
    expect(blank?.length).toBe(asked.length);
    const nothing = JSON.stringify(readFrontmatter(''));
    const marked = asked.filter((_, i) => blank?.[i] === 1);
    // Every note marked holds nothing, read as this thread reads it; most notes that hold nothing are marked.
    expect(marked.filter((path) => outcome(plain, path) !== nothing)).toEqual([]);
    expect(marked).not.toContain(readHere);
    const empty = asked.filter((path) => outcome(plain, path) === nothing).length;
    expect(marked.length).toBeGreaterThan(empty / 2);
  });

  it('shares the heads with this thread: each read once, by the worker from the start or here from the end', async () => {
    const alone = readHeadsAhead(root, paths, pageProperties, worker);
    const all = await alone?.verdicts();
    // Left to itself the worker judges every head; a note it cannot vouch for is left to this thread.
    expect(all?.length).toBe(paths.length);
    expect(all?.filter((v) => v !== READ_IT).length).toBeGreaterThan(paths.length / 4);
    const shared = readHeadsAhead(root, paths, pageProperties, worker);
    let here = 0;
    for (let i = paths.length - 1; i >= 0 && shared?.take(i); i--) here++;
    const some = await shared?.verdicts();
    // Where this thread took over, the worker read nothing; where it did not, the same verdicts.
    expect(here).toBeGreaterThan(0);
    expect([...(some ?? [])].slice(paths.length - here).every((v) => v === READ_IT)).toBe(true);
    expect([...(some ?? [])].slice(0, paths.length - here)).toEqual([...(all ?? [])].slice(0, paths.length - here));
  });

  it('starts no worker for a few notes, nor for a run that records its reads', async () => {
    const few = new FolderVault(root, { pageProperties, headWorker: worker });
    await few.list();
    few.readFrontmatterAhead(paths.slice(10, 500));
    const recording = new FolderVault(root, { pageProperties, headWorker: worker, trackReads: true });
    await recording.list();
    recording.readFrontmatterAhead(paths);
    const opens = jest.spyOn(fs, 'openSync');
    await few.frontmatterAheadRead();
    await recording.frontmatterAheadRead();
    paths.slice(10, 500).forEach((path) => outcome(few, path));
    expect(opens.mock.calls.length).toBe(490);
    paths.slice(10).forEach((path) => outcome(recording, path));
    expect(opens.mock.calls.length).toBe(490 + paths.length - 10);
    opens.mockRestore();
  });
});
