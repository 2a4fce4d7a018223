import { parseNote } from '../../src/core/note/parseNote';
import { ancestors } from '../../src/core/note/outline';

const texts = (text: string) => parseNote(text).blocks.map((b) => b.text);

function pathOf(text: string, blockText: string): string[] {
  const { blocks } = parseNote(text);
  const index = blocks.findIndex((b) => b.text === blockText);
  expect(index).toBeGreaterThanOrEqual(0);
  return ancestors(blocks, index).reverse().map((i) => blocks[i].text);
}

describe('outline paths', () => {
  it('puts sectioned prose under its headings', () => {
    const note = '# Day\n\n## Projects\n\n- Atlas\n    - shipped it\n\n## Journal\n\nA paragraph.\n';
    expect(pathOf(note, 'shipped it')).toEqual(['Day', 'Projects', 'Atlas']);
    expect(pathOf(note, 'A paragraph.')).toEqual(['Day', 'Journal']);
  });

  it('reads outliner exports indented with tabs or four spaces alike', () => {
    const tabs = '- Incidents\n\t- DB outage\n\t\t- because\n';
    const spaces = '- Incidents\n    - DB outage\n        - because\n';
    expect(pathOf(tabs, 'because')).toEqual(['Incidents', 'DB outage']);
    expect(pathOf(spaces, 'because')).toEqual(['Incidents', 'DB outage']);
  });

  it('lets a bare heading bullet open a section among its siblings', () => {
    const note = '- ## 5 Whys\n- ### 1. Why drivers were expired?\n- because nobody renewed them\n- ### 2. Why did nobody renew them?\n';
    expect(pathOf(note, 'because nobody renewed them')).toEqual(['5 Whys', '1. Why drivers were expired?']);
    expect(pathOf(note, '2. Why did nobody renew them?')).toEqual(['5 Whys']);
  });

  it('keeps a heading bullet with nested bullets as their parent only', () => {
    const note = '- # [Impact]\n    - six hours of stale search\n- ## 5 Whys\n    - ## 1. Why?\n';
    expect(pathOf(note, '5 Whys')).toEqual([]);
    expect(pathOf(note, 'six hours of stale search')).toEqual(['[Impact]']);
  });

  it('reads inside callouts and block quotes', () => {
    expect(pathOf('## Journal\n\n> [!note] Met [[Ana]]\n> - with [[Bob]]\n', 'with [[Bob]]')).toEqual(['Journal']);
  });
});

describe('links, tags, tasks and fields', () => {
  const note = [
    'Met [[Vincent Chan]], [[Ana Ruiz|Ana]] and [[Atlas#Rollout]]; embedded ![[chart.png]].',
    'Code `[[not a link]] #not-a-tag`, url https://x.dev/#frag, [[C#]] is a link not a tag.',
    '#perf #nested/tag #[[multi word]] #42 #日本語 #🚀launch',
    '',
    '```',
    '[[in a fence]] #fenced',
    '```',
    '',
    '- [ ] open task with [[Bob]]',
    '- [x] done task',
    '- {{[[TODO]]}} roam todo',
    '- {{[[DONE]]}} roam done',
    '- severity:: SEV-2',
    '  owner:: [[Priya]]',
  ].join('\n');
  const { blocks } = parseNote(note);

  it('finds wiki links with aliases and headings; embeds are marked', () => {
    expect(blocks[0].links).toEqual([
      { target: 'Vincent Chan', heading: null, alias: null, embed: false },
      { target: 'Ana Ruiz', heading: null, alias: 'Ana', embed: false },
      { target: 'Atlas', heading: 'Rollout', alias: null, embed: false },
      { target: 'chart.png', heading: null, alias: null, embed: true },
      { target: 'C', heading: null, alias: null, embed: false },
    ]);
  });

  it('reads no link or tag from code, URLs or link text', () => {
    expect(blocks[0].links.map((l) => l.target)).not.toContain('not a link');
    expect(blocks.flatMap((b) => b.tags)).toEqual(['perf', 'nested/tag', 'multi word', '日本語', '🚀launch']);
    expect(blocks.flatMap((b) => b.links.map((l) => l.target))).not.toContain('in a fence');
  });

  it('reads checkbox and Roam tasks', () => {
    expect(blocks.filter((b) => b.task).map((b) => [b.text, b.task?.done])).toEqual([
      ['open task with [[Bob]]', false],
      ['done task', true],
      ['roam todo', false],
      ['roam done', true],
    ]);
  });

  it('reads inline fields, and does not count TODO markers as links', () => {
    expect(blocks[blocks.length - 1].fields).toEqual({ severity: 'SEV-2', owner: '[[Priya]]' });
    expect(blocks.flatMap((b) => b.links.map((l) => l.target))).not.toContain('TODO');
  });
});

describe('text as users write it', () => {
  it('reads CRLF notes with a BOM and keeps line numbers of the file', () => {
    const note = parseNote('\uFEFF---\r\nmood_wake: 8\r\n---\r\n## Journal\r\n\r\n- with [[Vincent Chan]]\r\n');
    expect(note.frontmatter).toEqual({ mood_wake: 8 });
    expect(note.blocks.map((b) => [b.line, b.text])).toEqual([
      [4, 'Journal'],
      [6, 'with [[Vincent Chan]]'],
    ]);
  });

  it('passes emoji, CJK and mis-decoded text through untouched', () => {
    const line = '- 今日は [[李雷]] と 🚀 — Ã©tÃ© “quotes” ﷺ';
    expect(parseNote(line).blocks[0].quote).toBe(line.slice(2));
  });

  it('reads the body under broken frontmatter and says what is wrong', () => {
    const note = parseNote('---\nmood: [oops\n---\n- still read [[Ana]]\n');
    expect(note.problems[0]).toMatch(/^invalid YAML frontmatter/);
    expect(note.blocks[0].links[0].target).toBe('Ana');
  });

  it('reports the replacement character, whether bytes were invalid or the character was in the text', () => {
    expect(parseNote('caf\uFFFD').problems).toEqual(['contains � (U+FFFD), which stands for bytes that were not valid UTF-8 or for a character lost before the note was saved']);
  });

  it('ignores Obsidian comments', () => {
    expect(texts('%% [[hidden]] %%\nvisible [[shown]]\n').join()).not.toContain('hidden');
  });

  it('records slider tokens, named and bare', () => {
    const { blocks } = parseNote('Wake? {{slider mood_wake}}\n\n- {{slider}}\n');
    expect(blocks.map((b) => b.sliders)).toEqual([['mood_wake'], [null]]);
  });
});

describe('quotes as reviews show them', () => {
  const quotes = (text: string) => parseNote(text).blocks.map((b) => b.quote);

  it('never shows outliner properties next to the text', () => {
    expect(quotes('- Shipped the importer\n  type:: [[Feature]]\n  id:: 64f1c2\n')).toEqual(['Shipped the importer']);
  });

  it('shows a block of properties only as key: value, without the double colon', () => {
    expect(quotes('- type:: [[Feature]]\n  status:: done\n')).toEqual(['type: [[Feature]] · status: done']);
  });

  it('drops Org syntax: #+BEGIN_QUOTE, :PROPERTIES: drawers and SCHEDULED stamps', () => {
    const note = '- Call [[Ana]] SCHEDULED: <2026-11-17 Tue>\n  :PROPERTIES:\n  :id: 1\n  :END:\n- #+BEGIN_QUOTE\n  We ship on Fridays.\n  #+END_QUOTE\n';
    expect(quotes(note)).toEqual(['Call [[Ana]]', 'We ship on Fridays.']);
  });

  it('leaves no empty code span or unpaired ** behind', () => {
    expect(quotes('- ** Outage of `` the cache\n')).toEqual(['Outage of the cache']);
    expect(quotes('- **Bold** and `code` stay\n')).toEqual(['**Bold** and `code` stay']);
  });
});

describe('footnotes', () => {
  it('keeps the links of a footnote definition: [^1]: is no link reference definition', () => {
    const note = parseNote('Text with notes.[^1][^2]\n\n[^1]: [[Ana]]\n\n[^2]: #perf\n');
    expect(note.blocks.flatMap((b) => b.links.map((l) => l.target))).toEqual(['Ana']);
    expect(note.blocks.flatMap((b) => b.tags)).toEqual(['perf']);
    expect(note.blocks.map((b) => b.text)).toContain('[^1]: [[Ana]]');
  });
});
