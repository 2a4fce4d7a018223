import { logseqToMoment } from '../../src/core/dialect/logseqFormat';
import { readLogseqConfig } from '../../src/core/dialect/logseqConfig';
import { logseqPageName } from '../../src/core/dialect/dialect';
import { readFrontmatter } from '../../src/core/note/frontmatter';
import { parseNote } from '../../src/core/note/parseNote';
import { copyOfFixture, daybook, fixture } from '../helpers/cli';

/** The review of week 2026-W47 of the Logseq graph fixture, as the CLI prints it, opened in place. */
async function review(json: boolean) {
  const result = await daybook(['review', '--vault', fixture('logseq-graph'), '--period', '2026-W47', '--no-cache', ...(json ? ['--json'] : [])]);
  expect(result.code).toBe(0);
  return result;
}

describe('a Logseq graph opened in place', () => {
  let markdown: string;
  let data: {
    days: { date: string; path: string }[];
    people: { name: string; mentions: number }[];
    topics: { name: string; path: string | null; mentions: number; blocks: { text: string }[] }[];
    otherLinks: { name: string; path: string | null; mentions: number; project?: true; blocks: { text: string }[] }[];
    tasks: { text: string; status: string }[];
    warnings: { path: string; message: string }[];
    projects: { name: string; lines: string[] }[];
  };
  let stderr: string;
  beforeAll(async () => {
    markdown = (await review(false)).stdout;
    const printed = await review(true);
    data = JSON.parse(printed.stdout);
    stderr = printed.stderr;
  });

  it('finds the journal pages by config.edn and says what it found first', () => {
    expect(data.days.map((d) => d.path)).toEqual(['journals/2026_11_16.md', 'journals/2026_11_17.md']);
    expect(markdown.split('\n').slice(0, 6).join('\n')).toContain('*Logseq graph: 2 journal pages in journals/, 9 pages.*');
  });

  it('never reads logseq/bak, the hidden folders of :hidden, or anything Logseq keeps for itself', () => {
    expect(markdown).not.toContain('Stale page');
    expect(markdown).not.toContain('Ghost');
  });

  it('lists the people marked the graph’s way: tags:: #Person, nested team/person, type:: [[Person]], categories [[People]], an @ name', () => {
    expect(data.people.map((p) => p.name).sort()).toEqual(['@eve', 'Ana', 'Cy', 'Dee', 'team/bo']);
    // `#ana` is Ana's page, the same entry as `[[Ana]]`.
    expect(data.people.find((p) => p.name === 'Ana')?.mentions).toBe(2);
    expect(markdown).toContain('## People');
  });

  it('counts #X, #[[X]] and [[X]] as one page, once per block', () => {
    expect(data.topics.filter((t) => t.name.replace(/^#/, '').toLowerCase() === 'postgres')).toEqual([expect.objectContaining({ name: 'Postgres', mentions: 2 })]);
    expect(data.otherLinks.map((o) => o.name)).not.toContain('Postgres');
  });

  it('names a page by its title:: and folds its alias:: into it', () => {
    expect(data.topics.filter((o) => o.path === 'pages/infra.md')).toEqual([expect.objectContaining({ name: 'Infra team 2026', mentions: 1 })]);
    expect(markdown).toContain('[[Infra team 2026]]');
    // Quotes keep the links as written (`[[infra crew]]`, an alias); the entry is named by the title, never by the file.
    expect(markdown).not.toMatch(/\[\[infra(?:\|[^\]]*)?\]\]/);
  });

  it('knows a page in a projects namespace as a project, wherever it is linked', () => {
    // In a graph it is listed under Projects, with the lines that link it, not among the other links.
    expect(data.otherLinks.find((o) => o.name === 'projects/atlas')).toBeUndefined();
    expect(data.projects.filter((p) => p.name === 'projects/atlas').length).toBeGreaterThan(0);
    expect(data.topics.find((o) => o.name === 'Decisions')).not.toHaveProperty('project');
  });

  it('reads namespaces from file names and links to a day by its journal title', () => {
    expect(data.otherLinks).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Nov 16th, 2026', path: 'journals/2026_11_16.md' })]));
    expect(data.projects.map((p) => p.name)).toContain('projects/atlas');
  });

  it('keeps the links and tasks of an outline under a plain ## heading (indentation is no code block)', () => {
    expect(data.tasks.map((t) => [t.text, t.status])).toEqual([
      ['review the [[projects/atlas]] rollout plan', 'open'],
      ['pair with [[team/bo]] on the decision', 'done'],
    ]);
  });

  it('shows a block reference as the referenced block’s text, or its label, and drops one to no block with a warning', () => {
    expect(data.topics.find((o) => o.name === 'Decisions')?.blocks[0].text).toContain('she asked why: We keep one replica per zone, see [[Decisions]]');
    expect(data.topics.find((t) => t.name === 'decision')?.blocks[0].text).toBe('We keep one replica per zone #decision');
    // A label holding page references, and blocks that are headings, here and in another page.
    expect(data.topics.find((t) => t.name === 'kickoff')?.blocks[0].text).toBe('Notes with [[Cy]] from Kickoff of [[projects/atlas]], because Zones are failure domains #kickoff');
    expect(markdown).not.toMatch(/\(\([0-9a-f-]{36}\)\)/);
    expect(markdown).not.toMatch(/\bid: 6578/);
    expect(data.warnings).toEqual([expect.objectContaining({ path: 'journals/2026_11_16.md', message: expect.stringContaining('refers to a block that no note of the graph holds') })]);
    expect(stderr).toContain('journals/2026_11_16.md: refers to a block');
  });

  it('never shows a property line (collapsed::, id::) in a quote or task line', () => {
    expect(markdown).not.toMatch(/\b(?:collapsed|id)::/);
    expect(markdown).not.toMatch(/\bcollapsed: true|\bid: 6578/);
  });
});

describe('Logseq’s settings and names', () => {
  it('translates date-fns formats to moment’s, quoted text included', () => {
    expect(logseqToMoment('yyyy_MM_dd')).toBe('YYYY_MM_DD');
    expect(logseqToMoment('MMM do, yyyy')).toBe('MMM Do, YYYY');
    expect(logseqToMoment('EEEE, dd.MM.yyyy')).toBe('dddd, DD.MM.YYYY');
    expect(logseqToMoment("yyyy-MM-dd 'week'")).toBe('YYYY-MM-DD [week]');
    expect(logseqToMoment('yyyy QQQ')).toBeNull();
  });

  it('reads config.edn as EDN: comments, discards and Logseq’s defaults for what is left out', () => {
    const { config, problems } = readLogseqConfig(';; mine\n{:journals-directory "daily/" #_ :pages-directory #_ "x" :hidden ["/old" "drafts/"] :journal/file-name-format "yyyy-MM-dd"}');
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ journalsDir: 'daily', pagesDir: 'pages', journalFileFormat: 'YYYY-MM-DD', journalTitleFormat: 'MMM Do, YYYY', namespaceFiles: 'legacy', hidden: ['old', 'drafts'] });
    expect(readLogseqConfig('{:journals-directory "../out"}').problems[0]).toContain('not a folder inside the graph');
    expect(readLogseqConfig('{:journals-directory "daily"').problems[0]).toContain('not a complete EDN map');
  });

  it('names namespace pages as Logseq does, by the graph’s file name format', () => {
    expect(logseqPageName('a___b', 'triple-lowbar')).toBe('a/b');
    expect(logseqPageName('a%2Fb', 'triple-lowbar')).toBe('a/b');
    expect(logseqPageName('a.b', 'triple-lowbar')).toBe('a.b');
    expect(logseqPageName('books.Blue Mars', 'legacy')).toBe('books/Blue Mars');
  });

  it('reads page properties of the first block in a graph wherever frontmatter is read, YAML first', () => {
    expect(readFrontmatter('tags:: #Person, #developer\nalias:: @handle\n\n- text', true).data).toEqual({ tags: ['Person', 'developer'], alias: '@handle' });
    expect(readFrontmatter('- type:: [[Person]]\n  collapsed:: true\n- text', true).data).toEqual({ type: ['Person'], collapsed: 'true' });
    expect(readFrontmatter('---\ntype: topic\n---\ntype:: person\ntags:: x', true).data).toEqual({ type: 'topic', tags: 'x' });
    expect(readFrontmatter('- text\n- tags:: later', true).data).toEqual({});
    // Obsidian reads YAML only: `alias::` in a note's body names nothing there.
    expect(readFrontmatter('alias:: devon\n- text').data).toEqual({});
  });

  const logseq = { indentedCode: false, blockRefs: true, fileLinks: false, pageProperties: true, logseqTags: true };
  const linksOf = (text: string, rules?: typeof logseq) => parseNote(text, rules).blocks.flatMap((b) => b.links.map((l) => l.target));

  it('reads an empty child bullet as a bullet in Logseq, so the task above it stays a task', () => {
    const note = parseNote('- [ ] Talk to [[Bo]] about it\n\t-\n', logseq);
    expect(note.blocks[0].task?.status).toBe('open');
  });

  it('counts only page references of markdown links in Logseq: assets and files are not pages', () => {
    expect(linksOf('- [q](../assets/q.sql) [p]([[Page]]) [n](Note.md)', logseq)).toEqual(['Page']);
    expect(linksOf('- [q](../assets/q.sql) [n](Note.md)')).toEqual(['../assets/q.sql', 'Note']);
  });

  it('reads no tag right after HTML or code, and a link after a run of #', () => {
    expect(parseNote('<b>#free</b> and `c`#x and <i> #real</i>').blocks[0].tags).toEqual(['real']);
    expect(linksOf('###[[2022-01-06]] notes')).toEqual(['2022-01-06']);
    expect(parseNote('see #[[multi word]]').blocks[0].links).toEqual([]);
  });

  it('reads an indented outline as code in Obsidian and as an outline in Logseq', () => {
    const text = '## Day Planning\n\t- [[Ana]]\n';
    expect(parseNote(text).blocks.flatMap((b) => b.links)).toEqual([]);
    expect(parseNote(text, logseq).blocks.flatMap((b) => b.links.map((l) => l.target))).toEqual(['Ana']);
  });
});

describe('a Logseq work graph: meetings, front matter Logseq reads and links to files', () => {
  type Named = { name: string; path: string | null; mentions: number; blocks: { date: string; text: string }[] };
  let data: { people: Named[]; topics: Named[]; otherLinks: Named[]; warnings: { path: string; message: string }[] };
  beforeAll(async () => {
    const result = await daybook(['review', '--vault', fixture('logseq-work-graph'), '--period', '2026-W47', '--no-cache', '--json']);
    expect(result.code).toBe(0);
    data = JSON.parse(result.stdout);
  });
  const names = (entries: Named[]) => entries.map((e) => e.name).sort();

  it('makes whom a meeting line is with a person (tag or link right after "with"), never what it was about', () => {
    expect(names(data.people)).toEqual(['Oskar', 'Priya Natarajan', 'Rafaela Quist', 'Wren Adler', 'ines', 'kasia', 'lukas', 'tomek']);
    // A name followed by a plain word is a group or a thing; what follows "about" is the subject.
    // In a graph a page no property marks is a topic however it is linked (`[[billing]]` is `#billing`).
    expect(names(data.topics)).toEqual(['Deck plan', 'Lena Brook', 'Nordpay', 'billing', 'design', 'hiring', 'perf', 'webhooks']);
  });

  it('reads a 1:1 block by its own words: its property lines (collapsed:: true) are not words', () => {
    expect(data.people.find((p) => p.name === 'Wren Adler')?.blocks.map((b) => b.date)).toEqual(['2026-11-17']);
  });

  it('reads front matter that is no valid YAML line by line, as Logseq does: its alias and person tags count', () => {
    expect(data.people.find((p) => p.name === 'Rafaela Quist')).toMatchObject({ path: 'pages/Rafaela Quist.md', mentions: 2 });
    expect(data.otherLinks.map((o) => o.name)).not.toContain('Rafe');
    expect(data.warnings).toEqual([]);
    expect(readFrontmatter('---\nalias: Rafe\ntags: [[team/colleague]] , [[Designer]]\n---\n', true)).toEqual({ data: { alias: 'Rafe', tags: ['team/colleague', 'Designer'] }, error: null });
    // In an Obsidian vault the YAML is all there is: it does not parse, so nothing is read, and that is said.
    expect(readFrontmatter('---\nalias: Rafe\ntags: [[team/colleague]] , [[Designer]]\n---\n').error).toContain('invalid YAML');
  });

  it('counts a link to a day beside a block reference: the referenced block is content, not navigation', () => {
    expect(data.otherLinks.find((o) => o.path === 'journals/2026_11_16.md')?.blocks.map((b) => b.date)).toEqual(['2026-11-17']);
  });

  it('reads no page in a reference to a drawing or a local asset, as Logseq does', () => {
    expect(data.otherLinks.map((o) => o.name).filter((n) => /draws|assets|excalidraw|pdf/.test(n))).toEqual([]);
  });

  it('reads a journal named in another of Logseq’s date formats (journals/2026-11-18.md in a yyyy_MM_dd graph) as its day', () => {
    expect(data.people.find((p) => p.name === 'ines')?.blocks.map((b) => b.date)).toEqual(['2026-11-16', '2026-11-18']);
  });

  it('treats [[Meeting]] and [[1:1]] as the marker tags they are in a graph: no links', () => {
    expect(data.otherLinks.map((o) => o.name).filter((n) => /^(meeting|1:1)$/i.test(n))).toEqual([]);
  });

  it('keeps someone met one to one a person in later reviews, where they are only mentioned', async () => {
    const week = JSON.parse((await daybook(['review', '--vault', fixture('logseq-work-graph'), '--period', '2026-W48', '--no-cache', '--json'])).stdout);
    expect(week.people.map((p: Named) => p.name)).toEqual(['kasia']);
    expect(week.topics).toEqual([]);
  });

  it('reads a meeting note with its day', () => {
    expect(data.topics.find((o) => o.name === 'webhooks')?.blocks.map((b) => b.date)).toEqual(['2026-11-17']);
  });
});

describe('a Logseq graph Daybook has written its reviews into', () => {
  it('counts no review note among the pages, so a second rebuild writes nothing', async () => {
    const graph = copyOfFixture('logseq-graph');
    const first = await daybook(['review', '--vault', graph, '--all', '--write', '--no-cache']);
    expect(first.code).toBe(0);
    const week = await daybook(['review', '--vault', graph, '--period', '2026-W47', '--no-cache']);
    expect(week.stdout).toContain('*Logseq graph: 2 journal pages in journals/, 9 pages.*');
    const second = await daybook(['review', '--vault', graph, '--all', '--write', '--no-cache']);
    expect(second.stdout + second.stderr).toMatch(/\b0 written\b/);
  });
});
