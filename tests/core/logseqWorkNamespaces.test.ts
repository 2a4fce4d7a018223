import { daybook, writeVault } from '../helpers/cli';

/** A developer's graph that files each day's work under the project's work namespace: `#kiln/work`. */
const graph = {
  'logseq/config.edn': '{:journal/file-name-format "yyyy_MM_dd"}\n',
  'journals/2025_08_27.md': ['- #kiln glaze notes', '- #kiln kiln wash', '- #kiln cone 6 chart', ''].join('\n'),
  'journals/2025_08_28.md': ['- #kiln shelf layout', ''].join('\n'),
  'journals/2025_09_01.md': ['- #kiln/work', '\t- moved the scheduler to a queue', '\t- dropped the cron table', '- #kiln/ideas a plugin system for glazes', '- read about #kiln firing curves', ''].join('\n'),
  'journals/2025_09_02.md': ['- #kiln/work cut cold start from 9 s to 2 s', '- TODO [[kiln/work]] write the migration notes', '- #[[ember/work]] fixed the login redirect', ''].join('\n'),
  'journals/2025_09_03.md': ['- [[kiln]]', ''].join('\n'),
};

describe('a Logseq graph that files work under a project namespace', () => {
  let markdown: string;
  let data: { projects: { name: string; lines: string[] }[]; topics: { name: string }[]; otherLinks: { name: string }[] };
  beforeAll(async () => {
    const vault = writeVault(graph, 'work-namespaces');
    const text = await daybook(['review', '--vault', vault, '--period', '2025-W36', '--no-cache']);
    const json = await daybook(['review', '--vault', vault, '--period', '2025-W36', '--no-cache', '--json']);
    expect([text.code, json.code]).toEqual([0, 0]);
    markdown = text.stdout;
    data = JSON.parse(json.stdout);
  });

  it('reads #kiln/work as a line of work on the project kiln: its words, or the bullets under a bare tag', () => {
    expect(data.projects.map((p) => [p.name, p.lines])).toEqual([
      ['kiln', ['moved the scheduler to a queue; dropped the cron table']],
      // The project's own page, mentioned in a week it is worked on: a line about the project.
      ['kiln', ['read about #kiln firing curves']],
      ['kiln', ['cut cold start from 9 s to 2 s']],
      ['kiln', ['write the migration notes']],
      ['ember', ['fixed the login redirect']],
      // Only the page's link: a day with the project, and no line that says nothing.
      ['kiln', []],
    ]);
    expect(markdown).toContain('### [[kiln]] · 3 days');
    expect(markdown).not.toContain('[[Sep 3rd, 2025]]): [[kiln]]');
    expect(markdown).toMatch(/## Projects\n\n### \[\[kiln\]\]/);
    expect(markdown).toContain('- [Mon 1 Sep]([[2025_09_01]]): moved the scheduler to a queue; dropped the cron table');
  });

  it('lists the project once, as the project: neither its work page nor its own page is a topic', () => {
    const topics = data.topics.map((t) => t.name);
    expect(topics).toEqual(['kiln/ideas']);
    expect([...topics, ...data.otherLinks.map((o) => o.name)]).not.toContain('kiln/work');
    expect(markdown).not.toContain('[[kiln/work]] ·');
    // Its own page is listed under the project, with the line that names it, not once more under Other links.
    expect(data.otherLinks.map((o) => o.name)).toEqual([]);
    expect(markdown).not.toContain('## Other links');
    expect(markdown).toContain('- [Mon 1 Sep]([[2025_09_01]]): read about #kiln firing curves');
    // After the work filed on the project, whatever its day: the work is what the project's lines are for.
    expect(markdown.indexOf('write the migration notes')).toBeLessThan(markdown.indexOf('read about #kiln firing curves'));
    // Nor in What changed: last week's topic is this week's project.
    expect(markdown).toContain('## What changed');
    expect(markdown).not.toMatch(/\*\*Topics [a-z ]+:\*\*.*\[\[kiln\]\]/);
  });
});
