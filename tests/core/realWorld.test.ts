import type { Entry, ReviewData } from '../../src/core/review/types';
import { daybook, fixture } from '../helpers/cli';

/**
 * Each fixture under tests/fixtures/real-world/ is a class of difference found by
 * scripts/real-vaults/compare.mjs between Daybook and an independent counter on public
 * vaults (obsidian-help, Logseq's docs graph, Foam's docs); SOURCE.txt names the notes
 * it is written after. The expectations follow Obsidian's and Logseq's documented rules.
 */
async function review(name: string, period = '2026'): Promise<ReviewData> {
  const result = await daybook(['review', '--vault', fixture(`real-world/${name}`), '--period', period, '--json', '--no-cache']);
  expect(result.stderr).not.toMatch(/error/i);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as ReviewData;
}

const entries = (data: ReviewData): Entry[] => [...data.people, ...data.topics, ...data.otherLinks];

/** The days that mention the entry with this path, or with this name when it resolves to no note. */
function daysOf(data: ReviewData, target: { path: string } | { name: string }): string[] {
  const entry = entries(data).find((e) => ('path' in target ? e.path === target.path : e.path === null && e.name === target.name));
  return entry ? [...new Set(entry.blocks.map((b) => b.date))].sort() : [];
}

const names = (data: ReviewData) => entries(data).map((e) => e.name);

describe('real notes: links', () => {
  test('a link reference definition at the end of a Foam note leaves its [[wiki links]] links', async () => {
    const data = await review('foam-link-definitions');
    expect(daysOf(data, { path: 'features/wikilinks.md' })).toEqual(['2026-11-16']);
    expect(daysOf(data, { path: 'tools/telemetry.md' })).toEqual(['2026-11-16']);
  });

  test('[[Note]](…): a parenthesis right after a wiki link leaves it a link', async () => {
    const data = await review('wikilink-before-parentheses');
    expect(daysOf(data, { path: 'Obsidian/2단계 인증.md' })).toEqual(['2026-11-16']);
    expect(daysOf(data, { path: '파일과 폴더/설정 폴더.md' })).toEqual(['2026-11-17']);
    expect(names(data).filter((n) => /2FA|obsidian/i.test(n))).toEqual([]);
  });

  test('escaped brackets and hashes are text: \\[\\[x\\]\\] is no link, \\#x no tag', async () => {
    const data = await review('escaped-syntax');
    // The note is read: its real link and tag are there.
    expect(names(data)).toEqual(expect.arrayContaining(['Link notes', '#getting-started']));
    expect(names(data)).not.toEqual(expect.arrayContaining(['double bracket syntax']));
    expect(names(data).filter((n) => /three laws|wikilinks|data-safety/i.test(n))).toEqual([]);
  });

  test('markdown links to notes count like wiki links; URLs with a scheme do not', async () => {
    const data = await review('markdown-links');
    const entry = entries(data).find((e) => e.path === 'Formatting/Format your notes.md');
    // `Format%20your%20notes.md` and `<Format your notes>`: two blocks, one note.
    expect(entry?.mentions).toBe(2);
    expect(daysOf(data, { path: 'Formatting/Three laws of motion.md' })).toEqual(['2026-11-16']);
    expect(entries(data).map((e) => e.path ?? e.name)).toEqual(expect.arrayContaining(['Formatting/Format your notes.md', 'Formatting/Three laws of motion.md']));
    expect(names(data).filter((n) => /obsidian:|https:|mailto:|support@/.test(n))).toEqual([]);
    expect(entries(data)).toHaveLength(2);
  });

  test('a relative markdown link resolves from the linking note, before any note of the same name', async () => {
    const data = await review('foam-relative-links');
    expect(daysOf(data, { path: 'user/features/backlinking.md' })).toEqual(['2026-11-16']);
    expect(daysOf(data, { path: 'user/getting-started/graph-view.md' })).toEqual(['2026-11-16']);
    expect(entries(data).map((e) => e.path)).not.toEqual(expect.arrayContaining(['features/backlinking.md']));
    expect(entries(data).map((e) => e.path)).not.toEqual(expect.arrayContaining(['graph-view.md']));
  });

  test('a markdown link to a file that is not a note is still a link, like [[LICENSE.txt]]', async () => {
    const data = await review('foam-relative-links');
    expect(entries(data).filter((e) => /LICENSE\.txt$/.test(e.path ?? e.name)).map((e) => e.mentions)).toEqual([1]);
  });

  test("Logseq's labelled page reference [label]([[Page]]) links Page", async () => {
    const data = await review('logseq-labelled-references');
    expect(daysOf(data, { path: 'pages/Feature.md' })).toEqual(['2026-11-16']);
    expect(daysOf(data, { path: 'pages/Handbook.md' })).toEqual(['2026-11-16']);
    expect(daysOf(data, { name: 'term/alias' })).toEqual(['2026-11-16']);
    expect(daysOf(data, { name: 'Whiteboard/Deletion' })).toEqual(['2026-11-16']);
    // `[#8524](https://…)` is a pull request link: neither a tag nor a note.
    expect(names(data).filter((n) => n.includes('8524'))).toEqual([]);
  });
});

describe('real notes: tags', () => {
  test('a Slack channel quoted as link text [#channel](https://…) is no tag; a tag after it is', async () => {
    const data = await review('tag-in-link-text');
    expect(data.topics.map((t) => t.name)).toEqual(['#firefighting']);
  });
});

describe('real notes: callouts in columns', () => {
  test("a Modular CSS Layout tag (#mcl/list-grid) lays out a table: it is no topic", async () => {
    const data = await review('callout-columns');
    expect(data.topics.map((t) => t.name)).toEqual(['#wing-care', '#rest']);
    expect(daysOf(data, { path: 'Patients/Pip.md' })).toEqual(['2026-11-16', '2026-11-17']);
  });

  test("a line running on inside a nested callout is quoted without the callout's > markers", async () => {
    const data = await review('callout-columns');
    const quotes = [...data.topics.flatMap((t) => t.blocks.map((b) => b.text)), ...data.tasks.map((t) => t.text), ...data.days.map((d) => d.summary)];
    expect(quotes).toEqual(expect.arrayContaining(['Preened, ate then slept #rest', '#wing-care Wrapped the left wing, check the wrap tomorrow']));
    expect(quotes.filter((q) => q.includes('>'))).toEqual([]);
    const week = await daybook(['review', '--vault', fixture('real-world/callout-columns'), '--period', '2026-W47', '--no-cache']);
    expect(week.stdout).not.toMatch(/>>|\| >/);
  });

  test("a food table is no summary of the day: the day's first words are", async () => {
    const data = await review('callout-columns');
    expect(data.days.find((d) => d.date === '2026-11-17')?.summary).toBe('#wing-care Wrapped the left wing, check the wrap tomorrow');
    expect(data.days.map((d) => d.summary).filter((s) => s.includes('|'))).toEqual([]);
  });
});

describe('real notes: Logseq block references', () => {
  test("[label](((uuid))) quotes a block: it names no note, unlike [label]([[Page]])", async () => {
    const data = await review('logseq-block-references');
    expect(names(data).filter((n) => n.includes('(('))).toEqual([]);
    expect(names(data)).toEqual(['Advanced Queries']);
  });
});

describe('real notes: identity', () => {
  test('[[clark-cui]], [[Clark Cui]] and [[Clark_Cui]] are three targets when no note resolves them', async () => {
    const data = await review('distinct-names');
    expect(daysOf(data, { name: 'clark-cui' })).toEqual(['2026-11-16']);
    expect(daysOf(data, { name: 'Clark Cui' })).toEqual(['2026-11-17']);
    expect(daysOf(data, { name: 'Clark_Cui' })).toEqual(['2026-11-18']);
    expect(daysOf(data, { name: 'alan-roe' })).toEqual(['2026-11-16']);
    expect(daysOf(data, { name: 'Alan Roe' })).toEqual(['2026-11-17']);
  });

  test('one spelling in different case is one target (Obsidian ignores case)', async () => {
    const data = await review('distinct-names');
    expect(daysOf(data, { name: 'Thanks' })).toEqual(['2026-11-16', '2026-11-17', '2026-11-18']);
  });

  test('an alias declared by a note in any folder folds into that note, in the weekly review as in the yearly one', async () => {
    const year = await review('aliases-anywhere');
    expect(daysOf(year, { path: 'Baser/Baser-syntaks.md' })).toEqual(['2026-11-16', '2026-11-23']);
    const week = await review('aliases-anywhere', '2026-W48');
    expect(daysOf(week, { path: 'Baser/Baser-syntaks.md' })).toEqual(['2026-11-23']);
    expect(names(year)).not.toContain('Basesyntaks');
  });
});

interface TaskWithStatus {
  text: string;
  done: boolean;
  date: string;
  status?: string;
}

function tasksOf(data: ReviewData): [string, string | undefined, boolean][] {
  return (data.tasks as TaskWithStatus[]).map((t) => [t.text, t.status, t.done]);
}

describe('real notes: tasks', () => {
  test('Obsidian checkboxes: any mark is done but [-], which is cancelled; a bold TODO word is no task', async () => {
    const data = await review('task-statuses', '2026-11');
    const day = (data.tasks as TaskWithStatus[]).filter((t) => t.date === '2026-11-16');
    expect(day.map((t) => [t.text, t.status])).toEqual([
      ['Milk', 'done'],
      ['Eggs', 'done'],
      ['Bread', 'cancelled'],
      ['Butter', 'open'],
      ['this is also a complete item (works with every character)', 'done'],
    ]);
    expect(day.filter((t) => t.status === 'done').every((t) => t.done)).toBe(true);
    expect(day.find((t) => t.status === 'open')?.done).toBe(false);
  });

  test('[?] is a checked box: done, not open', async () => {
    const data = await review('task-statuses', '2026-11');
    expect(tasksOf(data).filter(([text]) => text === 'Eggs' || text.startsWith('this is also')).map(([, , done]) => done)).toEqual([true, true]);
  });

  test("a TODO word in bold is not Logseq's marker", async () => {
    const data = await review('task-statuses', '2026-11');
    expect(tasksOf(data).filter(([text]) => /TODO items|Converts/.test(text))).toEqual([]);
  });

  test('Logseq markers: LATER NOW IN-PROGRESS WAIT open, DONE done, CANCELED/CANCELLED cancelled', async () => {
    const data = await review('task-statuses', '2026-11');
    const day = (data.tasks as TaskWithStatus[]).filter((t) => t.date === '2026-11-17');
    expect(day.map((t) => [t.text, t.status])).toEqual([
      ['do grocery', 'open'],
      ['play with Logseq', 'open'],
      ['watch Doctor Who', 'done'],
      ['the boring thing', 'cancelled'],
      ['the fun thing', 'open'],
      ['the slow thing', 'open'],
      ['dance with a bear #tag2', 'cancelled'],
    ]);
  });
});
