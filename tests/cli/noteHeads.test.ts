import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderVault } from '../../src/cli/folderVault';
import { readFrontmatter } from '../../src/core/note/frontmatter';

/**
 * A note's head is read for its frontmatter (and, in a Logseq graph, its first
 * block's properties), and a head in which nothing can be found is not decoded
 * (src/cli/noteBytes.ts): whatever the bytes, the frontmatter and the hash of
 * what was read must be those of the note's text.
 */
const long = 'word '.repeat(4000);
const notes: Record<string, string | Buffer> = {
  'empty.md': '',
  'plain.md': 'Just text, no fence.\n',
  'no line break.md': 'Just text',
  'fenced.md': '---\naliases: [Bo]\ntype: person\n---\nBody.\n',
  'fence unclosed.md': '---\naliases: [Bo]\n',
  'dash.md': '- a block\n- another\n',
  'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\naliases: [Bom]\n---\n')]),
  'bom plain.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('alias:: Bom\n')]),
  'page properties.md': 'title:: Page\nalias:: Bo, Bob\n\n- block\n',
  'late properties.md': `- ${long}\n${long}\nalias:: Late\n`,
  // Blank lines before the first block are passed over: its properties may start beyond the first 16 KiB read.
  'deep properties.md': `${'\n'.repeat(17_000)}alias:: Deep\n`,
  'late fence.md': `${long}\n${long}\n---\naliases: [Late]\n---\n`,
  'one long line.md': `${long}${long}${long}${long}`,
  'accents.md': 'Zoë met Ärla — 東京\n',
  'invalid utf8.md': Buffer.from([0x68, 0xff, 0xfe, 0x0a, 0x61, 0x3a, 0x3a, 0x20, 0x62, 0x0a]),
  'invalid utf8 plain.md': Buffer.from([0x68, 0xc3, 0x0a]),
};

function vaultOfNotes(): string {
  const root = mkdtempSync(join(tmpdir(), 'daybook-heads-'));
  mkdirSync(join(root, 'Notes'));
  for (const [name, text] of Object.entries(notes)) writeFileSync(join(root, 'Notes', name), text);
  writeFileSync(join(root, 'Notes', 'binary.md'), Buffer.from([0x61, 0x00, 0x62, 0x0a]));
  return root;
}

const asText = (bytes: string | Buffer) => (typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes));
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

describe.each([false, true])('a note head read for its frontmatter (page properties: %s)', (pageProperties) => {
  it.each(Object.keys(notes))('%s gives the frontmatter of its text', async (name) => {
    const root = vaultOfNotes();
    const vault = new FolderVault(root, { trackReads: true, pageProperties });
    await vault.list();
    const path = `Notes/${name}`;
    const text = asText(notes[name]);
    expect(vault.frontmatterNow(path)).toEqual(readFrontmatter(text, pageProperties));
    // A head that is the whole note is hashed as the note's text is, whether or not it was decoded.
    const reading = vault.readings.get(`head:${path}`);
    if (Buffer.byteLength(text) < 16 * 1024 && reading) expect(reading.hash).toBe(sha1(text));
    expect(vault.fingerprint(path, 'head')).toBe(reading?.hash);
  });

  it('refuses a binary file as before', async () => {
    const root = vaultOfNotes();
    const vault = new FolderVault(root, { trackReads: true, pageProperties });
    await vault.list();
    expect(() => vault.frontmatterNow('Notes/binary.md')).toThrow(/binary/);
  });
});
