import { daybook, writeVault } from '../helpers/cli';

/**
 * A lead's Logseq graph in the style of public ones: the owner's own page is named by their
 * name and aliased `me`; most people have no page, or one nothing marks; meeting notes list
 * attendees on the label's own line (`Attendees: [[me]], [[Rosa Kim]]`, `Attendees: #nia #ravi`),
 * and tasks say whom to talk to (`Talk to [[Lena Ortiz]] about …`, `Followup with #sunil on …`).
 */
const graph = {
  'logseq/config.edn': '{:meta/version 1 :journal/page-title-format "yyyy/MM/dd"}\n',
  'pages/Jo Marsh.md': '---\nalias: me\n---\n',
  'pages/Tom Reyes.md': '---\ntags: acme/colleague\n---\n',
  'pages/Data Platform.md': 'tags:: [[Data Infrastructure]]\n\n- where the nightly loads run\n',
  'pages/Ledger Revamp.md': '---\ntags: [[acme/project]]\n---\n',
  'journals/2024_05_06.md': [
    '- ## I had these meetings:',
    '\t- Intro to the warehouse team',
    '\t\t- Attendees:',
    '\t\t\t- [[Tom Reyes]]',
    '\t\t\t- [[Jo Marsh]]',
    '\t- [[Ledger Revamp]] plan review',
    '\t\t- Attendees: [[me]], [[Rosa Kim]]',
    '\t\t- Facilitator: [[Jo Marsh]]',
    '- TODO Talk to [[Lena Ortiz]] about the pricing report',
    '- [[Data Platform]]: moving the nightly loads to the warehouse',
    '- Need to check with [[Payments]] team on refunds',
    '- Submitted a talk to [[DataConf]]',
    '- TODO Send the deck to [[Tom Reyes]] before [[2024/05/10]]',
    '- [[2024-W20]] planning',
    '',
  ].join('\n'),
  'journals/2024_05_07.md': [
    '- ## Meetings',
    '\t- Standup',
    '\t\t- Attendees: #nia #ravi',
    '\t- Followup with #sunil on API contracts',
    '\t- align with #parfait and #nia on the goals',
    '- Shared the proposal with #dev-team',
    '',
  ].join('\n'),
  // The next week only mentions them: whom an earlier week met is a person here too.
  'journals/2024_05_14.md': ['- [[Lena Ortiz]] sent the pricing numbers', '- #sunil shipped the contract fix', '- [[Rosa Kim]] is out on Friday', ''].join('\n'),
};

type Named = { name: string; dated?: true }[];
type Review = { people: Named; topics: Named; otherLinks: Named; projects: { name: string; lines: string[] }[] };

async function review(vault: string, period: string): Promise<{ data: Review; markdown: string }> {
  const json = await daybook(['review', '--vault', vault, '--period', period, '--no-cache', '--json']);
  const text = await daybook(['review', '--vault', vault, '--period', period, '--no-cache']);
  expect([json.stderr, text.stderr, json.code, text.code]).toEqual(['', '', 0, 0]);
  return { data: JSON.parse(json.stdout) as Review, markdown: text.stdout };
}

const names = (entries: Named) => entries.map((e) => e.name).sort((a, b) => a.localeCompare(b));

describe("a lead's Logseq graph: the owner and the people nothing marks", () => {
  let data: Review;
  let markdown: string;
  beforeAll(async () => {
    ({ data, markdown } = await review(writeVault(graph, 'lead-graph'), '2024-W19'));
  });

  it('knows the owner by the page aliased `me`: never among the people met, nor a topic', () => {
    expect(names(data.people)).not.toContain('Jo Marsh');
    expect(names(data.topics)).not.toContain('Jo Marsh');
    // Listed as the other links are, `[[me]]` and `[[Jo Marsh]]` as one page.
    expect(names(data.otherLinks)).toEqual(['2024-W20', '2024/05/10', 'Jo Marsh']);
    expect(markdown).not.toMatch(/## People[\s\S]*\[\[Jo Marsh\]\][\s\S]*## Topics/);
  });

  it('makes people of whom a meeting names on its Attendees or Facilitator line, and whom a line says to talk to', () => {
    expect(names(data.people)).toEqual(['Lena Ortiz', 'nia', 'parfait', 'ravi', 'Rosa Kim', 'sunil', 'Tom Reyes']);
  });

  it('lists the days and weeks the notes link on one line, apart from the pages', () => {
    expect(data.otherLinks.map((e) => [e.name, e.dated ?? false])).toEqual([
      ['Jo Marsh', false],
      ['2024-W20', true],
      ['2024/05/10', true],
    ]);
    const others = markdown.slice(markdown.indexOf('## Other links'));
    expect(others).toMatch(/^## Other links\n\n- \[\[Jo Marsh\]\] · 3 mentions [^\n]*\n- \*\*Dates linked:\*\* \[\[2024-W20\]\] \(1\), \[\[2024\/05\/10\]\] \(1\)\n/);
  });

  it('keeps them people in a later week that only mentions them', async () => {
    const later = await review(writeVault(graph, 'lead-graph-later'), '2024-W20');
    expect(names(later.data.people)).toEqual(['Lena Ortiz', 'Rosa Kim', 'sunil']);
    expect(later.data.topics).toEqual([]);
  });

  it('keeps a team, an event and a page marked otherwise topics: "with" alone, a noun "talk" and a plain word after the name say no one', () => {
    expect(names(data.topics)).toEqual(['Data Platform', 'DataConf', 'dev-team', 'Payments']);
  });

  it('lists a page marked as a project under Projects with the lines that link it, though no Projects heading names it', () => {
    expect(data.projects.map((p) => [p.name, p.lines])).toEqual([['Ledger Revamp', ['I had these meetings: › [[Ledger Revamp]] plan review']]]);
    expect(markdown).toContain('## Projects\n\n### [[Ledger Revamp]] · 1 day\n- [Mon 6 May]([[2024_05_06]]): I had these meetings: › [[Ledger Revamp]] plan review\n');
    expect(names(data.otherLinks)).not.toContain('Ledger Revamp');
  });
});

describe('an Obsidian vault whose owner keeps a page of their own', () => {
  it('leaves the note aliased `me` out of People, even in the people folder', async () => {
    const vault = writeVault(
      {
        'People/Jo Marsh.md': '---\naliases: [me]\n---\n',
        'People/Tom Reyes.md': '---\ntype: person\n---\n',
        '2024-05-06.md': ['## Meetings', '- Ledger review', '  - Attendees:', '    - [[Tom Reyes]]', '    - [[Jo Marsh]]', '- [ ] Send the deck by [[2024-05-10]]', ''].join('\n'),
      },
      'owner-vault',
    );
    const { data, markdown } = await review(vault, '2024-W19');
    expect(names(data.people)).toEqual(['Tom Reyes']);
    expect(names(data.otherLinks)).toEqual(['2024-05-10', 'Jo Marsh']);
    // A day linked in a vault is a date too.
    expect(markdown).toContain('- **Dates linked:** [[2024-05-10]] (1)\n');
  });
});
