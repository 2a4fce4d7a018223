import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderVault } from '../../src/cli/folderVault';
import { readFrontmatter } from '../../src/core/note/frontmatter';

/**
 * The head a cold run reads of each of thousands of notes is cut short, and
 * often never decoded (src/cli/noteBytes.ts): random notes built from the
 * pieces that decide where a head ends (fences, `::` lines, blocks, line
 * breaks of both kinds, a byte order mark, characters of 2–4 bytes, NUL and
 * invalid bytes, lengths around the first read's 16 KiB) must give the
 * frontmatter, page properties and hash of the whole note's text.
 */
const FIRST_READ = 16 * 1024;

/** A seeded Lehmer generator: the same notes on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

const PIECES = [
  '---',
  '--- ',
  '----',
  '...',
  'aliases: [Bo, "Ana K"]',
  'type: person',
  'tags: [acme/team]',
  'alias:: Bo, Bob',
  'title:: Acme page',
  'type:: [[Person]]',
  'key:: value:: more',
  '- a block',
  '  - a child',
  '- alias:: in a block',
  '# Heading',
  'plain words here',
  'Zoë, Ärla, 東京, 🙂',
  '',
  '',
  ':: not a property',
  'a: b: [unclosed',
];

function noteOf(next: () => number): Buffer {
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
  const eol = next() < 0.25 ? '\r\n' : '\n';
  const lines: string[] = [];
  for (let i = 0, n = Math.floor(next() * 12); i < n; i++) lines.push(pick(PIECES));
  let text = lines.join(eol) + (next() < 0.7 ? eol : '');
  // Around the first read's end: a long run put so the head's decisive lines straddle 16 KiB.
  if (next() < 0.35) {
    const filler = pick(['x', 'é', '東', '🙂', ' ', '\n', 'word ']);
    const target = FIRST_READ + Math.floor(next() * 64) - 32;
    const run = filler.repeat(Math.max(0, Math.ceil((target - Buffer.byteLength(text)) / Buffer.byteLength(filler))));
    const at = Math.floor(next() * (lines.length + 1));
    text = [...lines.slice(0, at), run, ...lines.slice(at)].join(eol) + eol + pick(PIECES) + eol;
  }
  let bytes = Buffer.from(text);
  if (next() < 0.1) bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
  if (next() < 0.05) bytes = Buffer.concat([bytes, Buffer.from([0xff, 0x0a])]);
  if (next() < 0.05 && bytes.length > 9000) bytes[8500] = 0;
  return bytes;
}

const isBinary = (bytes: Buffer) => bytes.subarray(0, 8192).includes(0);
const textOf = (bytes: Buffer) => new TextDecoder().decode(bytes);
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

describe.each([false, true])('random note heads (page properties: %s)', (pageProperties) => {
  const next = random(pageProperties ? 7 : 3);
  const notes = Array.from({ length: 240 }, () => noteOf(next));
  const root = mkdtempSync(join(tmpdir(), 'daybook-random-heads-'));
  mkdirSync(join(root, 'Notes'));
  notes.forEach((bytes, i) => writeFileSync(join(root, 'Notes', `note ${i}.md`), bytes));

  it('gives each note the frontmatter and hash of its whole text', async () => {
    const vault = new FolderVault(root, { trackReads: true, pageProperties });
    await vault.list();
    const wrong: string[] = [];
    notes.forEach((bytes, i) => {
      const path = `Notes/note ${i}.md`;
      if (isBinary(bytes)) {
        expect(() => vault.frontmatterNow(path)).toThrow(/binary/);
        return;
      }
      const text = textOf(bytes);
      const got = vault.frontmatterNow(path);
      if (JSON.stringify(got) !== JSON.stringify(readFrontmatter(text, pageProperties))) wrong.push(`${path}: ${JSON.stringify(got)}`);
      const reading = vault.readings.get(`head:${path}`);
      if (bytes.length < FIRST_READ && reading && reading.hash !== sha1(text)) wrong.push(`${path}: hash`);
    });
    expect(wrong).toEqual([]);
  });
});
