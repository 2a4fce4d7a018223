import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultJournalPage, fillLogseqVariables, journalTemplateName, templateBlock } from '../../src/core/dialect/journalPage';
import { entryLink } from '../../src/core/review/renderMarkdown';
import { pageLink, withGraphPages } from '../../src/core/review/pageLinks';
import { applyEdit, frontmatterHeadLength, planSliderWrite, readSliderValue } from '../../src/core/sliders/frontmatterText';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { copyOfFixture, daybook, fixture, writeVault } from '../helpers/cli';

/**
 * What Daybook writes into a Logseq graph must work in Logseq: reviews link
 * pages by the names Logseq gives them, and today's note is a journal page.
 * The fixture `logseq-write` names journals `daily/2026-11-16.md`, titled
 * "Monday, 16.11.2026", and holds a journal template "Workday".
 */

const PAGE_REF = /\[\[([^[\]\n]+)\]\]/g;

/** The pages of the fixture as Logseq names them: files (folders left out, `___` a namespace), journal titles, every tag and reference. */
const FIXTURE_PAGES = new Set(['monday, 16.11.2026', 'tuesday, 17.11.2026', 'people/ana', 'people', 'billing/migration', 'billing', 'templates', 'cruise', 'platform team', 'person']);

/**
 * The page Logseq files a reference under: a name in `yyyy-MM-dd` or `yyyy_MM_dd` is
 * that day's journal, whatever the title format (convert-page-if-journal, by its
 * safe-journal-title-formatters), so `[[2026-11-16]]` is the page "Monday, 16.11.2026".
 */
function logseqPage(name: string): string {
  const day = /^(\d{4})[-_](\d{2})[-_](\d{2})$/.exec(name);
  if (!day) return name;
  const titles: Record<string, string> = { '2026-11-16': 'monday, 16.11.2026', '2026-11-17': 'tuesday, 17.11.2026' };
  return titles[`${day[1]}-${day[2]}-${day[3]}`] ?? name;
}

async function review(period: string, json = false) {
  const result = await daybook(['review', '--vault', fixture('logseq-write'), '--period', period, '--no-cache', ...(json ? ['--json'] : [])]);
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('a review written into a Logseq graph', () => {
  let markdown: string;
  beforeAll(async () => {
    markdown = await review('2026-W47');
  });

  it('links a day by its journal file’s name, which Logseq takes as that day’s journal and Obsidian finds as the file, with the short date as the label', () => {
    expect(markdown).toContain('- [Mon 16 Nov]([[2026-11-16]]) · wake 6 — Standup with [[people/Ana]]');
    expect(markdown).not.toContain('[[Monday, 16.11.2026]]');
    expect(markdown).not.toMatch(/\[\[daily\//);
  });

  it('writes no [[page|label]], which Logseq would read as a page of that whole name', () => {
    expect(markdown).not.toMatch(/\[\[[^\]\n]*\|[^\]\n]*\]\]/);
  });

  it('names only pages the graph has (every page reference resolves in Logseq), besides the review pages of its neighbours', () => {
    const named = [...markdown.matchAll(PAGE_REF)].map((m) => logseqPage(m[1].toLowerCase()));
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((page) => !FIXTURE_PAGES.has(page) && !/^2026-w4[68]$/.test(page))).toEqual([]);
  });

  it('turns a quoted link to a heading of its own page into a link to that page, as Logseq links no headings', () => {
    expect(markdown).toContain('see [Reflections]([[2026-11-16]]) and [the log]([[2026-11-16]])');
  });

  it('keeps a relative link to an asset pointing at the same file from the review folder', () => {
    expect(markdown).toContain('[the runbook](../assets/runbook.pdf)');
  });

  it('reads mood from page properties and embeds its chart as a markdown image beside the review', () => {
    expect(markdown).toContain('**How do you feel when you wake up?** 6 on average');
    expect(markdown).toContain('![2026-W47 mood](./2026-W47%20mood.svg)');
    expect(markdown).not.toContain('![[');
  });

  it('links the neighbouring reviews by the page names Logseq gives their files (the folder left out)', () => {
    expect(markdown).toContain('← [[2026-W46]] · [[2026-W48]] →');
  });

  it('keeps the quotes as written in the JSON, and says which graph they belong to', async () => {
    const data = JSON.parse(await review('2026-W47', true));
    expect(data.logseq).toEqual(expect.objectContaining({ journalsDir: 'daily', journalTitleFormat: 'dddd, DD.MM.YYYY' }));
    expect(JSON.stringify(data)).toContain('see [[#Reflections]]');
  });
});

describe('links in Logseq syntax', () => {
  it('is [[page]] when the label is the page name in any case, else [label]([[page]]) with brackets in the label escaped', () => {
    expect(pageLink('Ana', 'ana')).toBe('[[Ana]]');
    expect(pageLink('Feb 28th, 2023', 'Tue 28 Feb')).toBe('[Tue 28 Feb]([[Feb 28th, 2023]])');
    expect(pageLink('x', 'a [b]')).toBe('[a \\[b\\]]([[x]])');
    expect(pageLink('a]]b', 'shown')).toBe('shown');
  });

  it('writes a note named by an id by its links’ text, and a name shared by two files once (Logseq has one page per name)', () => {
    const graph = { pageOf: (path: string) => path, review: 'Reviews/2026-W47.md' };
    expect(withGraphPages(graph, () => entryLink({ name: '202310241130', path: 'pages/202310241130.md', alias: 'Postgres' }))).toBe('[Postgres]([[202310241130]])');
    expect(withGraphPages(graph, () => entryLink({ name: 'Server', path: 'pages/b/Server.md', link: 'pages/b/Server' }, new Set(['server'])))).toBe('[[Server]]');
    expect(entryLink({ name: 'Server', path: 'pages/b/Server.md', link: 'pages/b/Server' })).toBe('[[pages/b/Server|Server]]');
    expect(withGraphPages(graph, () => entryLink({ name: 'assets/q 1.pdf', path: 'assets/q 1.pdf' }))).toBe('[assets/q 1.pdf](../assets/q%201.pdf)');
  });
});

describe('today’s page in a Logseq graph', () => {
  it('is a journal page in :journals-directory, named by :journal/file-name-format, from the graph’s journal template', async () => {
    const graph = copyOfFixture('logseq-write');
    const result = await daybook(['daily', '--vault', graph, '--date', '2026-11-18']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('daily/2026-11-18.md\n');
    expect(readFileSync(join(graph, 'daily', '2026-11-18.md'), 'utf8')).toBe('- Plan for [[Wednesday, 18.11.2026]]\n\t- TODO\n- Log\n- Back to [[Tuesday, 17.11.2026]]\n');
  });

  it('is an outline with the mood questions as blank page properties when config.edn names no template, and the sliders write into them', async () => {
    const graph = copyOfFixture('logseq-write');
    const config = join(graph, 'logseq', 'config.edn');
    writeFileSync(config, readFileSync(config, 'utf8').replace(':default-templates {:journals "Workday"}', ''));
    await daybook(['daily', '--vault', graph, '--date', '2026-11-18']);
    const page = readFileSync(join(graph, 'daily', '2026-11-18.md'), 'utf8');
    expect(page).toBe('mood_wake:: \nmood_wind:: \n\n- How do you feel when you wake up? {{slider mood_wake}}\n- How do you feel when you wind down? {{slider mood_wind}}\n- \n');
    const slider = DEFAULT_SETTINGS.sliders[0];
    expect(readSliderValue(page, slider)).toEqual({ kind: 'unset' });
    const plan = planSliderWrite(page, slider, 7);
    if (!('edit' in plan)) throw new Error('refused');
    const written = applyEdit(page, plan.edit);
    expect(written.split('\n').slice(0, 2)).toEqual(['mood_wake:: 7', 'mood_wind:: ']);
    expect(readSliderValue(written, slider)).toEqual({ kind: 'number', value: 7 });
    const lines = written.split('\n');
    expect(frontmatterHeadLength(lines.length, (n) => lines[n - 1])).toBe('mood_wake:: 7\nmood_wind:: \n'.length);
    writeFileSync(join(graph, 'daily', '2026-11-18.md'), written);
    const data = JSON.parse((await daybook(['review', '--vault', graph, '--period', '2026-W47', '--json', '--no-cache'])).stdout);
    expect(data.days.find((d: { date: string }) => d.date === '2026-11-18').mood).toEqual({ mood_wake: 7 });
  });

  it('says so and makes Daybook’s page when no page holds the named template; never overwrites a day’s page', async () => {
    const graph = copyOfFixture('logseq-write');
    const config = join(graph, 'logseq', 'config.edn');
    writeFileSync(config, readFileSync(config, 'utf8').replace('"Workday"', '"Gone"'));
    const result = await daybook(['daily', '--vault', graph, '--date', '2026-11-18']);
    expect(result.stderr).toContain('no page of the graph holds the journal template "Gone"');
    expect(readFileSync(join(graph, 'daily', '2026-11-18.md'), 'utf8')).toMatch(/^mood_wake:: \n/);
    const again = await daybook(['daily', '--vault', graph, '--date', '2026-11-16']);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(join(graph, 'daily', '2026-11-16.md'), 'utf8')).toMatch(/^mood_wake:: 6\n/);
  });
});

describe('Logseq templates', () => {
  it('finds the template named in config.edn’s :default-templates', () => {
    expect(journalTemplateName('{:default-templates {:journals "Daily Log"}}')).toBe('Daily Log');
    expect(journalTemplateName('{:default-templates {:journals ""}}')).toBe('');
    expect(journalTemplateName('not edn {')).toBe('');
  });

  it('takes the template block’s children, or the block too with template-including-parent:: true, or a whole page of a page-level template', () => {
    const page = '- Daily Log\n  template:: daily log\n  template-including-parent:: true\n\t- one\n\t\t- two\n- Other\n\t- not this\n';
    expect(templateBlock(page, 'Daily Log')).toBe('- Daily Log\n\t- one\n\t\t- two\n');
    expect(templateBlock(page.replace('true', 'false'), 'Daily Log')).toBe('- one\n\t- two\n');
    expect(templateBlock('template:: weekly\ntemplate-including-parent:: false\n\n- ## Plan\n\t- \n', 'weekly')).toBe('- ## Plan\n\t- \n');
    expect(templateBlock(page, 'missing')).toBeNull();
  });

  it('fills Logseq’s template variables with links to journal pages by their titles', () => {
    expect(fillLogseqVariables('<% today %> <%yesterday%> <% Tomorrow %> <% current page %> <% time %> <% next monday %>', '2026-11-18', new Date(2026, 10, 18, 9, 5), 'MMM Do, YYYY')).toBe(
      '[[Nov 18th, 2026]] [[Nov 17th, 2026]] [[Nov 19th, 2026]] [[Nov 18th, 2026]] 09:05 <% next monday %>',
    );
  });

  it('writes no properties without sliders', () => {
    expect(defaultJournalPage({ ...DEFAULT_SETTINGS, sliders: [] })).toBe('- \n');
  });
});

/**
 * A graph kept in Logseq and Obsidian at once, as public ones are: its journals folder
 * holds pages named by the graph's format (`2022_04_26.md`) beside pages an Obsidian
 * daily-notes setting once made (`2022-04-27.md`). Logseq reads both as journals; Obsidian
 * finds a note only by its file's name.
 */
describe('a review of a graph that Obsidian opens too', () => {
  const graph = {
    'logseq/config.edn': '{:meta/version 1}\n',
    '.obsidian/daily-notes.json': '{"folder": "journals", "format": "YYYY_MM_DD"}\n',
    'pages/Ana.md': 'tags:: person\n',
    'journals/2022_04_26.md': '- Planned the trip with [[Ana]]\n- DONE book the ferry\n',
    'journals/2022-04-27.md': '- Dinner by the waterway with [[Ana]]\n- see [[Apr 26th, 2022]] for the plan\n',
  };
  let markdown: string;
  beforeAll(async () => {
    const vault = writeVault(graph, 'both-apps-graph');
    const result = await daybook(['review', '--vault', vault, '--period', '2022-W17', '--no-cache']);
    expect(result.code).toBe(0);
    markdown = result.stdout;
  });

  it('links each day by its journal file’s name, whichever format that name is in', () => {
    expect(markdown).toContain('- [Tue 26 Apr]([[2022_04_26]]) — Planned the trip with [[Ana]]');
    expect(markdown).toContain('- [Wed 27 Apr]([[2022-04-27]]) — Dinner by the waterway with [[Ana]]');
    expect(markdown).not.toContain('([[Apr 26th, 2022]])');
  });

  it('writes no page link Obsidian would find no file for, besides the neighbouring reviews and what a quoted line named itself', () => {
    const files = new Set(Object.keys(graph).map((path) => path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/, '').toLowerCase()));
    const quoted = new Set(['apr 26th, 2022']);
    const unresolved = [...markdown.matchAll(PAGE_REF)].map((m) => m[1].toLowerCase()).filter((name) => !files.has(name) && !quoted.has(name) && !/^2022-w1[68]$/.test(name));
    expect(unresolved).toEqual([]);
  });
});
