import fc from 'fast-check';
import { decodeKeepingBytes, encodeKeptBytes } from '../../src/cli/keptBytes';
import { managedRegion } from '../../src/core/review/managedRegion';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { daybook } from '../helpers/cli';
import { dailyNotes, settingsFile, vaultOf } from './vaultHelpers';

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const settings = settingsFile({ dailyFolder: 'Daily' });

/** A vault whose week 47 review has been written once, with the note's path. */
async function writtenReview(): Promise<{ vault: string; note: string }> {
  const vault = vaultOf({ ...dailyNotes([16, 17]), ...settings });
  await daybook(['review', '--vault', vault, '--period', '2026-W47', '--write', '--no-cache']);
  return { vault, note: join(vault, 'Reviews', '2026-W47.md') };
}

/** The note's bytes with `before` and `after` put around its region. */
function surround(note: string, before: Buffer, after: Buffer): Buffer {
  const bytes = Buffer.concat([before, readFileSync(note), after]);
  writeFileSync(note, bytes);
  return bytes;
}

const regionOf = (bytes: Buffer) => {
  const text = bytes.toString('latin1');
  const start = text.indexOf('%% daybook:begin');
  const end = text.indexOf('%% daybook:end %%') + '%% daybook:end %%'.length;
  return { before: bytes.subarray(0, start), after: bytes.subarray(end) };
};

describe('bytes outside the managed region are kept byte for byte', () => {
  it.each([
    ['Latin-1 text before and after the region', latin1('Caf\xe9 notes\n\n'), latin1('\n\nNa\xefve \xbd\n')],
    ['a BOM before the region', Buffer.from('\uFEFFMy intro\n\n'), Buffer.from('\n')],
    ['a BOM and Latin-1 together, CRLF lines', Buffer.concat([Buffer.from('\uFEFF'), latin1('Caf\xe9\r\n\r\n')]), latin1('\r\n\xe9t\xe9\r\n')],
    ['a UTF-8 sequence cut short, and a lone continuation byte', Buffer.from([0x61, 0xe2, 0x82, 0x0a, 0x0a]), Buffer.from([0x0a, 0x80, 0xff, 0x0a])],
  ])('%s: a regenerated review keeps them', async (_, before, after) => {
    const { vault, note } = await writtenReview();
    surround(note, before, after);
    writeFileSync(join(vault, 'Daily', '2026-11-18.md'), 'Met [[Bo]].\n');
    const result = await daybook(['review', '--vault', vault, '--period', '2026-W47', '--write', '--no-cache']);
    expect(result.stderr).toMatch(/updated Reviews\/2026-W47\.md/);
    const written = readFileSync(note);
    expect(written.toString('utf8')).toContain('[[Bo]]');
    expect(regionOf(written).before.equals(before)).toBe(true);
    expect(regionOf(written).after.equals(Buffer.concat([Buffer.from('\n'), after]))).toBe(true);
  });

  it('with --force over a hand edit, the backup is byte-identical to the edited note', async () => {
    const { vault, note } = await writtenReview();
    surround(note, Buffer.concat([Buffer.from('\uFEFF'), latin1('Caf\xe9\n\n')]), latin1('\n\xe9\n'));
    const edited = Buffer.from(readFileSync(note).toString('latin1').replace('## ', '## my edit ').replace(/\n$/, '\n'), 'latin1');
    writeFileSync(note, edited);
    const result = await daybook(['review', '--vault', vault, '--period', '2026-W47', '--write', '--force', '--no-cache']);
    expect(result.stderr).toMatch(/your edited version is kept in Reviews\/2026-W47\.daybook-backup\.md/);
    expect(readFileSync(join(vault, 'Reviews', '2026-W47.daybook-backup.md')).equals(edited)).toBe(true);
    expect(readdirSync(join(vault, 'Reviews'))).toContain('2026-W47.md');
  });
});

describe('the text a review note is read as gives back its bytes', () => {
  it('for any bytes, decoding then encoding is the identity; valid UTF-8 reads as usual (property-based)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(encodeKeptBytes(decodeKeepingBytes(bytes)).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(decodeKeepingBytes(Buffer.from(text, 'utf8'))).toBe(text);
      }),
    );
  });

  it('a lone surrogate in generated text (a slider question from data.json) is never written as a raw byte', () => {
    const region = managedRegion('Question \udce9 here\n');
    expect(encodeKeptBytes(region).toString('utf8')).not.toContain('\ufffd\ufffd');
    expect(encodeKeptBytes(region).includes(0xe9)).toBe(false);
  });
});
