import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { daybook } from '../helpers/cli';
import { settingsFile, vaultOf } from './vaultHelpers';

const nfd = (text: string) => text.normalize('NFD');
const nfc = (text: string) => text.normalize('NFC');

interface JsonEntry {
  name: string;
  path: string | null;
  mentions: number;
}

async function reviewJson(vault: string): Promise<{ people: JsonEntry[]; topics: JsonEntry[]; otherLinks: JsonEntry[] }> {
  const result = await daybook(['review', '--vault', vault, '--period', '2026-W47', '--json', '--no-cache']);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

/** A vault whose files are written with the exact bytes of their names (macOS writes NFD; Linux keeps what it is given). */
function vaultWithNames(files: Record<string, string>): string {
  const vault = vaultOf(settingsFile({ dailyFolder: 'Daily' }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(vault, path, '..'), { recursive: true });
    writeFileSync(join(vault, path), text);
  }
  return vault;
}

describe('Unicode forms and case in note names', () => {
  it('a note stored NFD and linked NFC (and NFD) is one entry, resolved to its file', async () => {
    const stored = nfd('Projects/Café Zoë.md');
    const vault = vaultWithNames({
      [stored]: '',
      'Daily/2026-11-16.md': `Worked on [[${nfc('Café Zoë')}]].\n`,
      'Daily/2026-11-17.md': `Again [[${nfd('Café Zoë')}]] and [x](${encodeURI(nfc('Projects/Café Zoë.md'))}).\n`,
    });
    const json = await reviewJson(vault);
    const entries = [...json.people, ...json.topics, ...json.otherLinks].filter((e) => nfc(e.name) === nfc('Café Zoë'));
    expect(entries).toHaveLength(1);
    expect(entries[0].path).toBe(stored);
    expect(entries[0].mentions).toBe(2);
  });

  it('a people folder named NFC in settings and stored NFD on disk holds the people', async () => {
    const vault = vaultWithNames({
      [nfd('Équipe/Zoë.md')]: '',
      [nfd('Équipe/Ana.md')]: '',
      'Daily/2026-11-16.md': `Met [[${nfc('Zoë')}]] and [[Ana]].\n`,
    });
    writeFileSync(join(vault, '.obsidian/plugins/daybook/data.json'), JSON.stringify({ dailyFolder: 'Daily', peopleFolder: nfc('Équipe') }));
    const json = await reviewJson(vault);
    expect(json.people.map((p) => nfc(p.name)).sort()).toEqual(['Ana', nfc('Zoë')]);
  });

  it('a daily folder named NFC in settings and stored NFD on disk holds the daily notes', async () => {
    const vault = vaultWithNames({ [nfd('Journée/2026-11-16.md')]: 'Met [[Ana]].\n', 'People/Ana.md': '---\ntype: person\n---\n' });
    writeFileSync(join(vault, '.obsidian/plugins/daybook/data.json'), JSON.stringify({ dailyFolder: nfc('Journée') }));
    const json = await reviewJson(vault);
    expect(json.people.map((p) => p.name)).toEqual(['Ana']);
  });

  it('names that differ only in case are two notes on a case-sensitive disk, each link reaching its own', async () => {
    const vault = vaultWithNames({
      'People/Ana.md': '---\ntype: person\n---\n',
      'People/ana.md': '---\ntype: person\n---\n',
      'Daily/2026-11-16.md': 'Met [[Ana]] and [[ana]] and [[Ana]].\n',
    });
    const json = await reviewJson(vault);
    expect(json.people.map((p) => [p.path, p.mentions]).sort()).toEqual([
      ['People/Ana.md', 1],
      ['People/ana.md', 1],
    ]);
    const review = (await daybook(['review', '--vault', vault, '--period', '2026-W47', '--no-cache'])).stdout;
    expect(review).toMatch(/\[\[People\/Ana\|Ana\]\]/);
    expect(review).toMatch(/\[\[People\/ana\|ana\]\]/);
  });
});
