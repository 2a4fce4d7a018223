import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { daybook } from '../helpers/cli';
import { vaultOf } from '../reliability/vaultHelpers';

/**
 * A dev log whose owner changed the core Daily notes format from YYYY-MM-DD to
 * DD-MM-YYYY halfway (as one real public vault did): the old notes kept their
 * names, and they are the journal of their year all the same.
 */
function changedFormatVault(extra: Record<string, string> = {}): string {
  return vaultOf({
    '.obsidian/daily-notes.json': JSON.stringify({ folder: 'daily', format: 'DD-MM-YYYY' }),
    'People/Tom.md': '---\ntype: person\n---\n',
    'daily/2023-03-06.md': '# Mon\n\n- Paired with [[Tom]] on the header component\n- [ ] Chase PRs\n',
    'daily/2023-03-07.md': '- [x] Chase PRs\n- Footer work with [[Tom]]\n',
    'daily/20-05-2025.md': '- Planned the form fields; see [[2023-03-06]] for the first try\n',
    ...extra,
  });
}

const review = async (vault: string, period: string, ...more: string[]) => daybook(['review', '--vault', vault, '--period', period, '--no-cache', ...more]);

describe('daily notes named in an earlier format', () => {
  it('are read as the days they name, and the review of their year says so at the top', async () => {
    const result = await review(changedFormatVault(), '2023');
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('*2 daily notes are named in an earlier format ("YYYY-MM-DD"), not the daily format "DD-MM-YYYY", and read as the days they name.*');
    expect(result.stdout).toContain('- **Days journaled:** 2 of 365');
    expect(result.stdout).toMatch(/\[\[Tom\]\].*2 days/);
  });

  it('leave a period with none of them as it was: no line about formats', async () => {
    const result = await review(changedFormatVault(), '2025');
    expect(result.stdout).toContain('- **Days journaled:** 1 of 365');
    expect(result.stdout).not.toContain('earlier format');
  });

  it('give way to the note in the daily format of the same day, which is read; the other is a second note of the day', async () => {
    const result = await review(changedFormatVault({ 'daily/06-03-2023.md': '- The new-style note of the day\n' }), '2023-W10');
    expect(result.stderr).toMatch(/^warning: daily\/2023-03-06\.md: a second daily note for 2023-03-06; only daily\/06-03-2023\.md is read$/m);
    expect(result.stdout).toContain('The new-style note of the day');
    expect(result.stdout).not.toContain('header component');
  });

  it('settle a name two formats read as different days by the names only one of them reads', async () => {
    // 13-07-2025 can only be DD-MM-YYYY, so 01-07-2025 is 1 July, not 7 January.
    const vault = vaultOf({ 'Daily/2025-07-14.md': '- today\n', 'Daily/13-07-2025.md': '- the thirteenth\n', 'Daily/01-07-2025.md': '- the first of July\n', '.obsidian/daily-notes.json': JSON.stringify({ folder: 'Daily' }) });
    const result = await review(vault, '2025-W27');
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('the first of July');
    expect((await review(vault, '2025-W02')).stdout).not.toContain('the first of July');
  });

  it('are the same from the cache as without it', async () => {
    const vault = changedFormatVault();
    const cache = mkdtempSync(join(tmpdir(), 'daybook-cache-'));
    const cold = await review(vault, '2023');
    for (let run = 0; run < 2; run++) {
      const warm = await daybook(['review', '--vault', vault, '--period', '2023', '--cache-dir', cache]);
      expect(warm.stdout).toBe(cold.stdout);
    }
    writeFileSync(join(vault, 'daily', '2023-03-08.md'), '- one more old-style day\n');
    const after = await daybook(['review', '--vault', vault, '--period', '2023', '--cache-dir', cache]);
    expect(after.stdout).toContain('*3 daily notes are named in an earlier format');
    expect(after.stdout).toBe((await review(vault, '2023')).stdout);
  });

  it('lie flat in the daily folder when the format took folders since; a note in a folder its name disagrees with is filed wrong, not earlier', async () => {
    const vault = vaultOf({
      '.obsidian/daily-notes.json': JSON.stringify({ folder: 'Daily', format: 'YYYY/MM/YYYY-MM-DD' }),
      'Daily/2026-11-16.md': '- flat, from before the folders\n',
      'Daily/2026/11/2026-11-17.md': '- in its folder\n',
      'Daily/2025/11/2026-11-18.md': '- filed under the wrong year\n',
    });
    const result = await review(vault, '2026-W47');
    expect(result.stdout).toContain('flat, from before the folders');
    expect(result.stdout).toContain('in its folder');
    expect(result.stdout).not.toContain('wrong year');
    expect(result.stdout).toContain('*1 daily note is named in an earlier format ("YYYY-MM-DD"), not the daily format "YYYY/MM/YYYY-MM-DD", and read as the day it names.*');
    expect(result.stderr).toBe('warning: Daily/2025/11/2026-11-18.md: named like the daily note of 2026-11-18 but not in the folder the daily format "YYYY/MM/YYYY-MM-DD" files it in; not read\n');
  });

  it('are not read in a Logseq graph, where Logseq itself takes only its own names as journals', async () => {
    const graph = vaultOf({
      'logseq/config.edn': '{:journal/file-name-format "yyyy_MM_dd"}',
      'journals/2025_07_14.md': '- today\n',
      'journals/13-07-2025.md': '- not a journal to Logseq\n',
    });
    const result = await review(graph, '2025-W28');
    expect(result.stderr).toMatch(/^warning: journals\/13-07-2025\.md: named like a daily note in the format "DD-MM-YYYY", not the daily format "YYYY_MM_DD"; not read/m);
    expect(result.stdout).not.toContain('not a journal to Logseq');
  });
});
