import { daybook, writeVault } from '../helpers/cli';
import { shorten } from '../../src/core/review/renderMarkdown';

/**
 * A link garden kept in Logseq: each day a few articles, each with the pages it is about
 * as `[[X]]` links in the bullet under it, never a tag; beside them the pages a work graph
 * classifies with (a person, a project, a class tag, a priority alias) and links to days.
 */
const garden = {
  'logseq/config.edn': '{:journal/file-name-format "yyyy_MM_dd"}\n',
  'journals/2025_03_03.md': [
    '- [Why retrieval beats fine-tuning for course Q&A](https://example.org/rag)',
    '\t- [[Retrieval]], [[Course design]]',
    '- [Grading with rubrics at scale](https://example.org/rubrics)',
    '\t- [[Grading]], [[Course design]]',
    '- Talked rubrics over with [[Mira Okon]] for [[Rubric pilot]] #P0',
    '- #acme/project kickoff of the study group, see [[2025-W10]] and [[Mar 4th, 2025]]',
    '- [[DONE]] sent the survey',
    '',
  ].join('\n'),
  'journals/2025_03_04.md': ['- [Small models on a laptop](https://example.org/local)', '\t- [[Retrieval]], [[Local models]]', '- #[[Course design]] notes for week two', ''].join('\n'),
  'pages/Mira Okon.md': 'tags:: person\n\n- teaches statistics\n',
  'pages/Rubric pilot.md': 'tags:: acme/project\n\n- the spring pilot\n',
  'pages/Priority%2FP0.md': 'alias:: P0\n\n- top priority\n',
  'pages/Retrieval.md': '- searching notes before answering\n',
};

describe('a Logseq link garden: a page is a topic however it is linked', () => {
  let markdown: string;
  let data: { topics: { name: string; mentions: number }[]; otherLinks: { name: string; project?: true }[]; people: { name: string }[]; projects: { name: string }[] };
  beforeAll(async () => {
    const vault = writeVault(garden, 'garden');
    const text = await daybook(['review', '--vault', vault, '--period', '2025-W10', '--no-cache']);
    const json = await daybook(['review', '--vault', vault, '--period', '2025-W10', '--no-cache', '--json']);
    expect([text.code, json.code]).toEqual([0, 0]);
    markdown = text.stdout;
    data = JSON.parse(json.stdout);
  });

  it('lists pages linked only as [[X]] under Topics, counted with #[[X]] as one page', () => {
    expect(markdown).toContain('- **Top topics:** [[Course design]] (3), [[Retrieval]] (2), [[Grading]] (1), [[Local models]] (1)');
    expect(data.topics.map((t) => [t.name, t.mentions])).toEqual([
      ['Course design', 3],
      ['Retrieval', 2],
      ['Grading', 1],
      ['Local models', 1],
    ]);
    expect(markdown).toMatch(/## Topics\n\n### \[\[Course design\]\]/);
  });

  it('keeps people, projects, days and periods out of Topics', () => {
    expect(data.people.map((p) => p.name)).toEqual(['Mira Okon']);
    expect(data.otherLinks.map((o) => o.name).sort()).toEqual(['2025-W10', 'Mar 4th, 2025']);
    // A page marked as a project is listed under Projects in a graph.
    expect(data.projects.map((p) => p.name)).toEqual(['Rubric pilot']);
  });

  it('reads the pages that say what a line is as markers: a class tag, a task keyword, a marker reached by its alias', () => {
    const everything = [...data.topics, ...data.otherLinks, ...data.people].map((e) => e.name.toLowerCase());
    expect(everything).not.toContain('acme/project');
    expect(everything).not.toContain('done');
    expect(everything).not.toContain('priority/p0');
    expect(markdown).not.toMatch(/\[\[(?:acme\/project|DONE|Priority\/P0|P0)\]\] ·/);
  });
});

describe('a topic quoted from a line that only names pages', () => {
  it('keeps the article the line is under in front of it, its address unread when the quote is cut', async () => {
    const vault = writeVault(garden, 'garden-quotes');
    const year = await daybook(['review', '--vault', vault, '--period', '2025', '--no-cache']);
    expect(year.code).toBe(0);
    expect(year.stdout).toContain(
      '- [[Retrieval]] · 2 mentions on 2 days, 3 Mar – 4 Mar: “[Why retrieval beats fine-tuning for course Q&A](https://example.org/rag) › [[Retrieval]], [[Course design]]” ([Mon 3 Mar]([[2025_03_03]]))',
    );
    expect(shorten('[A long title of an article about grading](https://example.org/' + 'x'.repeat(200) + ') › [[Grading]], [[Rubrics]]', 60)).toBe(
      '[A long title of an article about grading](https://example.org/' + 'x'.repeat(200) + ') › [[Grading]] …',
    );
    expect(shorten('read [A long title of an article about grading at scale in large courses](https://example.org/a) today', 40)).toBe('read …');
  });
});
