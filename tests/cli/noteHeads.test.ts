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
  'crlf fence.md': '---\r\naliases: [Crlf]\r\n---\r\nBody.\r\n',
  'crlf properties.md': 'alias:: Crlf\r\ntype:: person\r\n\r\n- block\r\n',
  'bom crlf fence.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\r\naliases: [BomCrlf]\r\n---\r\n')]),
  'fence with spaces.md': '--- \t\naliases: [Spaced]\n---\n',
  'fence without a break.md': '---',
  'four dashes.md': '----\naliases: [Not]\n----\n',
  // The closing fence lies beyond the first read: the head is read on until it.
  'fence beyond the first read.md': `---\naliases: [Far]\nnote: ${'x'.repeat(17_000)}\n---\nBody.\n`,
  'bullet properties.md': '- alias:: Bullet\n  type:: person\n- block\n',
  // In a graph only the first block's first line can start properties: this is not the page's alias.
  'properties after the first block.md': '- first block\n- alias:: After\n',
  'properties in a later line.md': 'A first line\nalias:: Later\n',
  'properties after blank lines.md': '\n  \t\n\r\nalias:: Spaced\n',
  // A line of a space and a no-break space is blank to trim(), and passed over; one starting with the no-break space is not.
  'unicode blank line.md': ' \u00a0\nalias:: Nbsp\n',
  'unicode first line.md': '\u00a0\nalias:: Nbsp\n',
  'one colon.md': 'title: one colon\n',
  'colons mid line.md': 'see a::b\n',
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

/**
 * A graph's search of every page for a block's `id::` reads each page whole;
 * the page's head is then taken from that read, and a head read whole first
 * spares the search its read: what either gives is what a read of its own gives.
 */
describe('a graph page read once for both its head and the block ids', () => {
  const pages: Record<string, string> = {
    'plain.md': '- a block\n- another\n',
    'with id.md': '- the block\n  id:: 6512bd43-d9ca-4b8c-8c3e-2e1f2a1c0f00\n',
    'alias.md': 'alias:: Al\n\n- block\n',
    'late colons.md': '- a block\n- key:: value\n',
    'fenced.md': '---\naliases: [Fe]\n---\n- block\n',
  };
  function graph(): string {
    const root = mkdtempSync(join(tmpdir(), 'daybook-graph-heads-'));
    mkdirSync(join(root, 'pages'));
    for (const [name, text] of Object.entries(pages)) writeFileSync(join(root, 'pages', name), text);
    return root;
  }

  it.each([
    ['ids first', true],
    ['heads first', false],
  ])('%s, with the reads recorded', async (_order, idsFirst) => {
    const vault = new FolderVault(graph(), { trackReads: true, pageProperties: true });
    await vault.list();
    const ids = async (name: string) => vault.readIfIncludes(`pages/${name}`, 'id::');
    const head = (name: string) => vault.frontmatterNow(`pages/${name}`);
    for (const name of Object.keys(pages)) {
      const text = pages[name];
      const found = idsFirst ? await ids(name) : (head(name), await ids(name));
      if (idsFirst) head(name);
      expect(found).toBe(text.includes('id::') ? text : null);
      expect(head(name)).toEqual(readFrontmatter(text, true));
      expect(vault.readings.get(`text:pages/${name}`)?.hash).toBe(sha1(text));
      expect(vault.readings.get(`head:pages/${name}`)?.hash).toBe(sha1(text));
    }
  });

  it.each([true, false])('without recording the reads (ids first: %s)', async (idsFirst) => {
    const vault = new FolderVault(graph(), { pageProperties: true });
    await vault.list();
    for (const name of Object.keys(pages)) {
      const path = `pages/${name}`;
      if (!idsFirst) vault.frontmatterNow(path);
      expect(await vault.readIfIncludes(path, 'id::')).toBe(pages[name].includes('id::') ? pages[name] : null);
      expect(vault.frontmatterNow(path)).toEqual(readFrontmatter(pages[name], true));
    }
  });

  it('refuses a binary page as a read does', async () => {
    const root = graph();
    writeFileSync(join(root, 'pages', 'binary.md'), Buffer.from([0x61, 0x00, 0x62, 0x0a]));
    const vault = new FolderVault(root, { pageProperties: true });
    await vault.list();
    await expect(vault.readIfIncludes('pages/binary.md', 'id::')).rejects.toThrow(/binary/);
    await expect(vault.read('pages/binary.md')).rejects.toThrow(/binary/);
  });
});

describe('the search of a note\'s bytes for an ASCII string', () => {
  const { includesAscii } = jest.requireActual<typeof import('../../src/cli/noteBytes')>('../../src/cli/noteBytes');
  it.each([
    ['id:: 1', true],
    ['- a\n  id:: x', true],
    ['ends with id::', true],
    ['d:: only', false],
    ['id: one colon', false],
    ['iid::', true],
    ['i d::', false],
    [':::', false],
    ['', false],
    ['Zoë id:: 東京', true],
  ])('%j', (text, found) => {
    expect(includesAscii(Buffer.from(text), 'id::')).toBe(found);
    expect(includesAscii(Buffer.from(text), 'id::')).toBe(Buffer.from(text).includes('id::'));
  });
});
