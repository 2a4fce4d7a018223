import { JSDOM } from 'jsdom';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownText, wikiLink, xmlText } from '../../src/core/review/escape';
import { daybook } from '../helpers/cli';
import { dailyNotes, settingsFile, vaultOf } from './vaultHelpers';

/** Names a file can have on Linux that a wiki link cannot hold, each with how a daily note links it. */
const HOSTILE_TARGETS: [string, string][] = [
  ['a|b', '[x](<a|b.md>)'],
  ['c]]d', '[y](c%5D%5Dd.md)'],
  ['e#f', '[z](e%23f.md)'],
  ['g\nh', '[n](g%0Ah.md)'],
  ['i\rj', '[r](i%0Dj.md)'],
  ['k^l', '[c](k%5El.md)'],
  ['m%%n', '[p](m%25%25n.md)'],
];

/** Markdown links of a text: label and destination, for `[label](destination)` with no line break. */
function markdownLinks(text: string): { label: string; destination: string }[] {
  return [...text.matchAll(/\[((?:\\.|[^\]\\\n])*)\]\(([^)\s]+)\)/g)].map((m) => ({ label: m[1], destination: m[2] }));
}

/** The review's lines between its markers. */
function regionLines(note: string): string[] {
  return note.slice(note.indexOf('\n', note.indexOf('%% daybook:begin')) + 1, note.indexOf('%% daybook:end %%')).split('\n');
}

describe('a link target that a wiki link cannot hold', () => {
  it('is written as a markdown link to the same file: no broken link, no line broken, every destination exists', async () => {
    const files: Record<string, string> = { ...dailyNotes([16]), ...settingsFile({ dailyFolder: 'Daily' }) };
    files['Daily/2026-11-17.md'] = `## Journal\n\n- met ${HOSTILE_TARGETS.map(([, link]) => link).join(' and ')}\n`;
    const vault = vaultOf(files);
    for (const [name] of HOSTILE_TARGETS) writeFileSync(join(vault, `${name}.md`), '');
    const result = await daybook(['review', '--vault', vault, '--period', '2026-W47', '--write']);
    expect(result.code).toBe(0);
    const note = readFileSync(join(vault, 'Reviews', '2026-W47.md'), 'utf8');
    expect(note).not.toMatch(/\r/);
    const lines = regionLines(note);
    for (const [name] of HOSTILE_TARGETS) {
      const line = lines.find((l) => l.startsWith('- [') && !l.startsWith('- [[Daily') && markdownLinks(l).some((link) => decodeURIComponent(link.destination) === `${name}.md`));
      expect([name, line]).toEqual([name, expect.stringMatching(/ · 1 mention on \[\[Daily\/2026-11-17\|Tue 17 Nov\]\]$/)]);
    }
    // Every wiki link on every line is whole: [[ … ]] pairs, one | at most, no # in a day or note link.
    for (const line of lines) for (const link of line.matchAll(/\[\[([^\]]*)\]\]/g)) expect(link[1].split('|').length).toBeLessThanOrEqual(2);
    expect((await daybook(['review', '--vault', vault, '--period', '2026-W47', '--write'])).stderr).toMatch(/up to date/);
  });

  it.each(HOSTILE_TARGETS)('wikiLink(%j) holds the name whole', (name) => {
    const link = wikiLink(name, undefined, `${name}.md`);
    expect(link).not.toMatch(/[\r\n]|\[\[|%%/);
    const [parsed] = markdownLinks(link);
    expect(decodeURIComponent(parsed.destination)).toBe(`${name}.md`);
  });
});

describe('a slider question from settings', () => {
  const hostile = 'Wake?\n## Injected heading\n%% daybook:end %%\r%% a comment [[Link]] {{slider mood_wind}} **bold** #tag <b>x</b>';

  it('holding a newline, %% or markup never restructures the review: one line, shown as written', async () => {
    const review = async (question: string) => {
      const vault = vaultOf({ ...dailyNotes([16, 17]), ...settingsFile({ dailyFolder: 'Daily', sliders: [{ question, property: 'mood_wake' }] }) });
      expect((await daybook(['review', '--vault', vault, '--period', '2026-W47', '--write'])).code).toBe(0);
      return readFileSync(join(vault, 'Reviews', '2026-W47.md'), 'utf8');
    };
    const note = await review(hostile);
    const lines = regionLines(note);
    const plain = regionLines(await review('Wake?'));
    expect(lines).toHaveLength(plain.length);
    expect(lines.filter((l) => /^#|^%%|^- \*\*/.test(l)).map((l) => l.slice(0, 6))).toEqual(plain.filter((l) => /^#|^%%|^- \*\*/.test(l)).map((l) => l.slice(0, 6)));
    expect(lines.join('\n')).not.toMatch(/%%|\[\[Link\]\]|\{\{slider/);
    const line = lines.find((l) => l.includes('Injected'));
    expect(line).toBe(`- **${markdownText(hostile)}** ${line?.split('** ')[1]}`);
    expect(note.match(/%% daybook:(begin|end)/g)).toEqual(['%% daybook:begin', '%% daybook:end']);
  });

  it('holding control characters still gives a mood chart that a strict XML parser reads', async () => {
    const question = 'Wake\u0000\u0001\u0008\u000b\u001b\ufffe\udc00 & <up> "now"';
    const vault = vaultOf({ ...dailyNotes([16, 17]), ...settingsFile({ dailyFolder: 'Daily', sliders: [{ question, property: 'mood_wake' }] }) });
    await daybook(['review', '--vault', vault, '--period', '2026-W47', '--write']);
    const svg = readFileSync(join(vault, 'Reviews', '2026-W47 mood.svg'), 'utf8');
    const doc = new new JSDOM('').window.DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.nodeName).toBe('svg');
    expect(doc.getElementsByTagName('title')[0].textContent).toContain('& <up> "now"');
  });

  it('xmlText leaves nothing XML 1.0 forbids', () => {
    const codes = [...Array.from({ length: 0x100 }, (_, i) => i), 0x2028, 0x2029, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xfffd, 0xfffe, 0xffff];
    for (const code of codes) {
      const text = xmlText(`a${String.fromCharCode(code)}b`);
      // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids are what this looks for
      expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff<>&"]|[\ud800-\udfff]/.test(text.replace(/&(amp|lt|gt|quot|apos);/g, ''))).toBe(false);
    }
  });
});

describe('review names a link cannot hold', () => {
  it.each([[{ reviewFormats: { week: 'GGGG-[W|]WW' } }], [{ reviewFormats: { month: 'YYYY-MM[#]' } }], [{ reviewFormats: { year: 'YYYY[^]' } }], [{ reviewsFolder: 'Re|views' }], [{ reviewsFolder: 'Reviews#1' }], [{ reviewFormats: { quarter: '[[]YYYY-Q[]]' } }]])(
    '%j: a settings error, exit 2, nothing written',
    async (own) => {
      const vault = vaultOf({ ...dailyNotes([16]), ...settingsFile({ dailyFolder: 'Daily', ...own }) });
      const result = await daybook(['review', '--vault', vault, '--all', '--write']);
      expect(result.stderr).toMatch(/would name notes with ".*", which Obsidian does not allow in a note's name and a link cannot hold/);
      expect(result.code).toBe(2);
      expect(existsSync(join(vault, 'Reviews'))).toBe(false);
    },
  );
});
