import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { daybook, writeVault } from '../helpers/cli';

describe('a rebuild', () => {
  it('tells what happened to each review in the order of the periods, weeks first, whatever order they were built in', async () => {
    const vault = writeVault({
      'Daily/2026-01-05.md': '- met [[Ana]]\n',
      'Daily/2026-01-20.md': '- met [[Ana]] about #release\n',
      'Daily/2026-02-03.md': '- TODO ship\n',
    });
    // A folder where a review note belongs cannot be written: each says so on a line of its own.
    for (const name of ['2026-01.md', '2026-W06.md', '2026-W02.md']) mkdirSync(join(vault, 'Reviews', name), { recursive: true });
    const { code, stderr } = await daybook(['review', '--vault', vault, '--all', '--write', '--no-cache']);
    expect(code).toBe(1);
    const failed = stderr
      .split('\n')
      .filter((line) => line.startsWith('error:'))
      .map((line) => /Reviews\/([^ :]+)/.exec(line)?.[1]);
    // January's review is built before February's week (it ends first), and still told after every week.
    expect(failed).toEqual(['2026-W02.md', '2026-W06.md', '2026-01.md']);
    expect(stderr).toContain('7 reviews: 4 written');
    expect(readFileSync(join(vault, 'Reviews', '2026-Q1.md'), 'utf8')).toContain('[[Ana]]');
    // Built out of order, written two at a time: every write finished or was taken back, none left half-done.
    const left = (readdirSync(vault, { recursive: true }) as string[]).filter((name) => name.endsWith('.daybook-tmp'));
    expect(left).toEqual([]);
  });
});
