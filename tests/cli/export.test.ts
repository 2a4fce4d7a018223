import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectApproved } from '../helpers/approved';
import { parseStrictXml } from '../helpers/xml';
import { copyOfFixture, daybook, fixture } from '../helpers/cli';

/** Nothing that only makes sense inside the vault. */
function expectShareable(text: string): void {
  expect(text).not.toContain('[[');
  expect(text).not.toContain('%%');
  expect(text).not.toMatch(/daybook:(begin|end|mood-chart|heatmap)/);
  expect(text).not.toMatch(/\b(Daily|Journal|Reviews|People|Topics)\//);
  expect(text).not.toMatch(/\.md\b/);
}

const parseXhtml = (html: string) => parseStrictXml(html, 'application/xhtml+xml');

describe('daybook export', () => {
  it('prints the review as markdown without wiki links, vault paths or markers, keeping the links’ text', async () => {
    const result = await daybook(['export', '--vault', fixture('changes-vault'), '--period', '2026-W47']);
    expect(result.code).toBe(0);
    expectShareable(result.stdout);
    expect(result.stdout).toContain('- **Gone quiet:** Cy (was 2), last mentioned 3 weeks ago (Wed 4 Nov)');
    expect(result.stdout.split('\n').slice(0, 3)).toEqual(['# Week 47 of 2026', '', '16–22 November 2026']);
    expectApproved('changes-vault-2026-W47-export.md', result.stdout);
  });

  it('writes self-contained HTML that is well-formed XML, with the charts inlined, to --out', async () => {
    const vault = copyOfFixture('year-vault');
    // Hostile text in a note: markup, an ampersand, a control character, an Obsidian comment.
    writeFileSync(join(vault, 'Daily', '2026-12-30.md'), '---\nmood_wake: 9\n---\n- Fixed <script>alert(1)</script> & [[Ana Ruiz]] \u0007 %% hidden [[Secret]] %% done #win\n');
    const out = join(mkdtempSync(join(tmpdir(), 'daybook-export-')), 'brag.html');
    const result = await daybook(['export', '--vault', vault, '--period', '2026', '--format', 'html', '--out', out]);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    const html = readFileSync(out, 'utf8');
    expectShareable(html);
    const doc = parseXhtml(html);
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect(doc.documentElement.textContent).toContain('Fixed <script>alert(1)</script> & Ana Ruiz');
    expect(html).not.toContain('Secret');
    // The mood chart and a heatmap per slider, inline; nothing fetched from anywhere.
    expect(doc.getElementsByTagNameNS('http://www.w3.org/2000/svg', 'svg')).toHaveLength(3);
    expect(html).not.toMatch(/<(img|link|iframe)\b|src=|url\(/);
    expect(doc.querySelector('style')!.textContent).toContain('@media print');
    expect(doc.querySelector('h1')!.textContent).toBe('2026 in review');
  });

  it('shortens people’s names to initials when the setting (or --names) says so, linked or not', async () => {
    const vault = copyOfFixture('year-vault');
    writeFileSync(join(vault, '.obsidian/plugins/daybook/data.json'), JSON.stringify({ dailyFolder: 'Daily', exportNames: 'initials' }));
    const { stdout } = await daybook(['export', '--vault', vault, '--period', '2026-Q1']);
    expectShareable(stdout);
    for (const name of ['Vincent Chan', 'Priya Natarajan', 'Ana Ruiz', 'Tom Lui', 'Sam Okafor']) expect(stdout).not.toContain(name);
    expect(stdout).toContain('**Top people:** V. C. (6), A. R. (4), P. N. (3), S. O. (3), T. L. (3)');
    const full = await daybook(['export', '--vault', vault, '--period', '2026-Q1', '--names', 'full']);
    expect(full.stdout).toContain('Vincent Chan');
  });

  it('warns about an exportNames setting it does not know and keeps names whole', async () => {
    const vault = copyOfFixture('changes-vault');
    writeFileSync(join(vault, '.obsidian/plugins/daybook/data.json'), JSON.stringify({ dailyFolder: 'Daily', exportNames: 'nicknames' }));
    const result = await daybook(['export', '--vault', vault, '--period', '2026-W47']);
    expect(result.stderr).toMatch(/^warning: .*data\.json: exportNames must be "full" or "initials"; using "full"$/m);
    expect(result.stdout).toContain('Eve (3)');
  });

  it('gives the same bytes with or without the cache', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'daybook-export-cache-'));
    for (const format of ['markdown', 'html']) {
      const args = ['export', '--vault', fixture('changes-vault'), '--period', '2026-11', '--format', format];
      const plain = await daybook([...args, '--no-cache']);
      expect((await daybook([...args, '--cache-dir', cache])).stdout).toBe(plain.stdout);
      expect((await daybook([...args, '--cache-dir', cache])).stdout).toBe(plain.stdout);
    }
  });

  it('refuses an unknown format', async () => {
    const result = await daybook(['export', '--vault', fixture('changes-vault'), '--period', '2026-11', '--format', 'pdf']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/format/);
  });
});
