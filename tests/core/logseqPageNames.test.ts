import { daybook, writeVault } from '../helpers/cli';

/** A folder kept open in Logseq and in Obsidian: Obsidian-style folders of notes beside Logseq's pages/. */
const folder = (files: Record<string, string>) => writeVault(files, 'names');

const NOTES = {
  'computers/go/libraries.md': '- Go libraries I like\n',
  'journals/2024_01_16.md': '- https://example.com/go-chat #go/libraries\n- see [[go/libraries]]\n- more in [[libraries]]\n',
};

async function targets(vault: string): Promise<Record<string, string | null>> {
  const { stdout, code } = await daybook(['review', '--vault', vault, '--period', '2024-W03', '--no-cache', '--json']);
  expect(code).toBe(0);
  const data = JSON.parse(stdout) as Record<string, { name: string; path: string | null }[]>;
  return Object.fromEntries([...data.topics, ...data.otherLinks].map((e) => [e.name, e.path]));
}

describe('a namespaced page in a graph', () => {
  it('is the page of that name, never a note whose folder path ends with it; the note is the page of its file name', async () => {
    const graph = folder({ 'logseq/config.edn': '{:journal/file-name-format "yyyy_MM_dd"}\n', ...NOTES });
    expect(await targets(graph)).toEqual({ 'go/libraries': null, libraries: 'computers/go/libraries.md' });
  });

  it('is still the note of that partial path in an Obsidian vault', async () => {
    const vault = folder({ '.obsidian/daily-notes.json': '{"folder":"journals","format":"YYYY_MM_DD"}', ...NOTES });
    expect(await targets(vault)).toEqual({ '#go/libraries': null, libraries: 'computers/go/libraries.md' });
  });
});
