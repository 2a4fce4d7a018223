import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { daybook } from '../helpers/cli';
import { dailyNotes, filesUnder, settingsFile, vaultOf } from './vaultHelpers';

describe('review notes Daybook must not replace', () => {
  it('leaves a read-only review note alone, mode and bytes, with a message; writes the others', async () => {
    const vault = vaultOf({ ...dailyNotes([16, 17]), ...settingsFile({ dailyFolder: 'Daily' }) });
    await daybook(['review', '--vault', vault, '--all', '--write']);
    const note = join(vault, 'Reviews', '2026-W47.md');
    const before = readFileSync(note, 'utf8');
    chmodSync(note, 0o444);
    appendFileSync(join(vault, 'Daily', '2026-11-16.md'), '\nMet [[Bo]].\n');
    const result = await daybook(['review', '--vault', vault, '--all', '--write', '--no-cache']);
    expect(result.stderr).toMatch(/^error: Reviews\/2026-W47\.md: not written: is read-only; left as it is$/m);
    expect(readFileSync(note, 'utf8')).toBe(before);
    expect(statSync(note).mode & 0o777).toBe(0o444);
    expect(readFileSync(join(vault, 'Reviews', '2026-11.md'), 'utf8')).toContain('[[Bo]]');
    expect(result.code).toBe(1);
  });

  it('reports a review path that is a folder, and still writes every other review of --all', async () => {
    const vault = vaultOf({ ...dailyNotes([16, 17]), ...settingsFile({ dailyFolder: 'Daily' }) });
    mkdirSync(join(vault, 'Reviews', '2026-11.md'), { recursive: true });
    const result = await daybook(['review', '--vault', vault, '--all', '--write']);
    expect(result.stderr).toMatch(/^error: Reviews\/2026-11\.md: not written: is a folder, not a note/m);
    expect(result.stderr).toMatch(/4 reviews: 3 written, 0 unchanged, 0 skipped because edited by hand, 1 not written/);
    for (const name of ['2026-W47.md', '2026-Q4.md', '2026.md']) expect(existsSync(join(vault, 'Reviews', name))).toBe(true);
    expect(result.code).toBe(1);
  });

  it('tells what became of each review in the order the rebuild takes them, though each one’s files are flushed while the next is built', async () => {
    const vault = vaultOf({ ...dailyNotes([2, 9, 16, 23]), ...settingsFile({ dailyFolder: 'Daily' }) });
    for (const blocked of ['2026-W46.md', '2026-W48.md', '2026-Q4.md']) mkdirSync(join(vault, 'Reviews', blocked), { recursive: true });
    const result = await daybook(['review', '--vault', vault, '--all', '--write']);
    const errors = result.stderr.split('\n').filter((line) => line.startsWith('error: '));
    expect(errors.map((line) => line.replace(/: not written.*/, ''))).toEqual(['error: Reviews/2026-W46.md', 'error: Reviews/2026-W48.md', 'error: Reviews/2026-Q4.md']);
    expect(result.stderr).toMatch(/7 reviews: 4 written, 0 unchanged, 0 skipped because edited by hand, 3 not written/);
    for (const name of ['2026-W45.md', '2026-W47.md', '2026-11.md', '2026.md']) expect(readFileSync(join(vault, 'Reviews', name), 'utf8')).toContain('daybook');
    expect(filesUnder(vault).filter((p) => p.includes('daybook-tmp'))).toEqual([]);
    expect(result.code).toBe(1);
  });

  it('keeps the mode of a review note it rewrites, and leaves no temporary file', async () => {
    const vault = vaultOf({ ...dailyNotes([16]), ...settingsFile({ dailyFolder: 'Daily' }) });
    await daybook(['review', '--vault', vault, '--all', '--write']);
    const note = join(vault, 'Reviews', '2026-W47.md');
    chmodSync(note, 0o600);
    appendFileSync(join(vault, 'Daily', '2026-11-16.md'), '\nMet [[Bo]].\n');
    await daybook(['review', '--vault', vault, '--all', '--write']);
    expect(readFileSync(note, 'utf8')).toContain('[[Bo]]');
    expect(statSync(note).mode & 0o777).toBe(0o600);
    expect(filesUnder(vault).filter((p) => p.includes('daybook-tmp'))).toEqual([]);
  });
});

describe('temporary files', () => {
  it('a writing run removes what killed runs left behind, and never another live process’s', async () => {
    const vault = vaultOf({ ...dailyNotes([16]), ...settingsFile({ dailyFolder: 'Daily' }) });
    await daybook(['review', '--vault', vault, '--all', '--write']);
    const dead = join(vault, 'Reviews', '2026-W47.md.2147483646-0a1b2c.daybook-tmp');
    const live = join(vault, 'Daily', `2026-11-16.md.${process.pid === 1 ? 2 : 1}-0a1b2c.daybook-tmp`);
    writeFileSync(dead, 'half a review');
    writeFileSync(live, 'being written');
    await daybook(['review', '--vault', vault, '--all', '--write']);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});
