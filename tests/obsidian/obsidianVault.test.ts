import { App, Notice, TFile } from '../__mocks__/obsidian';
import { parsePeriodId } from '../../src/core/dates/periods';
import { resolveSettings } from '../../src/core/settings';
import { ObsidianVault } from '../../src/obsidian/obsidianVault';
import { parseNote } from '../../src/core/note/parseNote';
import { generateReview } from '../../src/obsidian/reviewCommands';
import { logseqDialect } from '../../src/core/dialect/dialect';
import { readLogseqConfig } from '../../src/core/dialect/logseqConfig';

const REVIEW = 'Reviews/2026-W47.md';

function reviewSetUp(files: Record<string, string> = {}) {
  const app = new App({ 'Daily/2026-11-17.md': '- met [[Ana]]\n', ...files });
  const settings = resolveSettings({ dailyFolder: 'Daily' }).settings;
  const context = {
    app: app as any,
    settings,
    parser: (text: string) => parseNote(text),
    confirm: jest.fn(async () => false),
    notify: jest.fn(),
  };
  return { app, context, period: parsePeriodId('2026-W47')! };
}

function events(app: App) {
  const seen: string[] = [];
  for (const name of ['create', 'modify', 'delete']) app.vault.on(name, (file: TFile) => seen.push(`${name} ${file.path}`));
  return seen;
}

beforeEach(() => {
  Notice.messages = [];
});

describe('regenerating a review note the user is typing in', () => {
  it('keeps a line typed after Daybook read the note and before it wrote', async () => {
    const { app, context, period } = reviewSetUp();
    await generateReview(context, period);
    app.vault.put('Daily/2026-11-18.md', '- paired with [[Bo]]\n');
    // The user types below the generated part while the review is being rebuilt.
    app.vault.beforeNextWrite(REVIEW, () => app.vault.put(REVIEW, app.vault.texts.get(REVIEW) + '\nTyped meanwhile.\n'));
    const outcome = await generateReview(context, period);
    const text = app.vault.texts.get(REVIEW)!;
    expect(outcome.status).toBe('updated');
    expect(text).toContain('[[Bo]]');
    expect(text.endsWith('\nTyped meanwhile.\n')).toBe(true);
  });

  it('does not overwrite an edit made inside the generated part meanwhile, and says so naming the note', async () => {
    const { app, context, period } = reviewSetUp();
    await generateReview(context, period);
    app.vault.put('Daily/2026-11-18.md', '- paired with [[Bo]]\n');
    app.vault.beforeNextWrite(REVIEW, () => app.vault.put(REVIEW, app.vault.texts.get(REVIEW)!.replace('[[Ana]]', '[[Ana]] (my note)')));
    const outcome = await generateReview(context, period);
    expect(outcome.status).toBe('edited');
    expect(app.vault.texts.get(REVIEW)).toContain('[[Ana]] (my note)');
    expect(app.vault.texts.get(REVIEW)).not.toContain('[[Bo]]');
    expect(context.notify).toHaveBeenLastCalledWith(expect.stringContaining(`not written: ${REVIEW}`));
  });

  it('merges into a note created meanwhile instead of failing on “File already exists.”', async () => {
    const { app, context, period } = reviewSetUp({ 'Reviews/old.md': '' });
    app.vault.beforeNextWrite(REVIEW, () => app.vault.put(REVIEW, 'My own notes.\n'));
    const outcome = await generateReview(context, period);
    expect(outcome.status).toBe('appended');
    const text = app.vault.texts.get(REVIEW)!;
    expect(text.startsWith('My own notes.\n')).toBe(true);
    expect(text).toContain('[[Ana]]');
  });

  it('writes nothing, and fires no event, when the note would not change', async () => {
    const { app, context, period } = reviewSetUp();
    await generateReview(context, period);
    const seen = events(app);
    await generateReview(context, period);
    expect(seen).toEqual([]);
  });
});

describe('the vault adapter writing beside the review (a mood chart)', () => {
  const CHART = 'Reviews/2026-W47 mood.svg';
  const svg = (n: number) => `<svg xmlns="http://www.w3.org/2000/svg"><text>${n}</text></svg>\n`;

  it('creates, updates and removes a non-markdown file through the same store', async () => {
    const app = new App({});
    const vault = new ObsidianVault(app as any);
    const seen = events(app);
    expect(await vault.update(CHART, () => svg(1))).toBe(true);
    expect(app.vault.getAbstractFileByPath(CHART)).toBeInstanceOf(TFile);
    expect(await vault.update(CHART, (current) => (current === svg(1) ? svg(2) : null))).toBe(true);
    expect(await vault.readIfExists(CHART)).toBe(svg(2));
    expect(await vault.removeIfUnchanged(CHART, svg(1))).toBe(false);
    expect(app.vault.texts.get(CHART)).toBe(svg(2));
    expect(await vault.removeIfUnchanged(CHART, svg(2))).toBe(true);
    expect(app.vault.getAbstractFileByPath(CHART)).toBeNull();
    expect(seen).toEqual(['create Reviews', `create ${CHART}`, `modify ${CHART}`, `delete ${CHART}`]);
  });

  it('hands the change the chart as it is at the moment of writing, and may call it again', async () => {
    const app = new App({ [CHART]: svg(1) });
    const vault = new ObsidianVault(app as any);
    app.vault.beforeNextWrite(CHART, () => app.vault.put(CHART, svg(5)));
    const seenBy: (string | null)[] = [];
    await vault.update(CHART, (current) => {
      seenBy.push(current);
      return current === svg(1) ? svg(2) : null;
    });
    expect(seenBy).toEqual([svg(1), svg(5)]);
    expect(app.vault.texts.get(CHART)).toBe(svg(5));
  });

  it('makes nested folders, normalises the path, and says when a file stands where a folder should', async () => {
    const app = new App({ 'Reviews/2026': 'a file, not a folder' });
    const vault = new ObsidianVault(app as any);
    expect(await vault.update('Archive//2026/Q4/W47.md', () => 'x')).toBe(true);
    expect(app.vault.texts.get('Archive/2026/Q4/W47.md')).toBe('x');
    await expect(vault.update('Reviews/2026/W47.md', () => 'x')).rejects.toThrow('Reviews/2026 is a file, not a folder');
  });

  it('creates a file only when none exists, also when one appears meanwhile', async () => {
    const app = new App({ 'Reviews/a.md': 'mine' });
    const vault = new ObsidianVault(app as any);
    expect(await vault.create('Reviews/a.md', 'daybook')).toBe(false);
    app.vault.beforeNextWrite('Reviews/b.md', () => app.vault.put('Reviews/b.md', 'synced'));
    expect(await vault.create('Reviews/b.md', 'daybook')).toBe(false);
    expect(app.vault.texts.get('Reviews/b.md')).toBe('synced');
    expect(await vault.create('Reviews/c.md', 'daybook')).toBe(true);
  });

  it('lets a read-only file’s error through to the caller', async () => {
    const app = new App({ [CHART]: svg(1) });
    app.vault.readOnly.add(CHART);
    const vault = new ObsidianVault(app as any);
    await expect(vault.update(CHART, () => svg(2))).rejects.toThrow(/EACCES/);
    expect(app.vault.texts.get(CHART)).toBe(svg(1));
  });
});

describe('a Logseq graph opened as a vault', () => {
  it('reads front matter the app rejects line by line, as Logseq does, and valid YAML as the app does', async () => {
    const app = new App({
      'pages/Rafaela Quist.md': '---\nalias: Rafe\ntags: [[team/colleague]] , [[Designer]]\n---\n- Designer\n',
      'pages/Bo.md': '---\ntags: [team/person]\n---\n',
    });
    const vault = new ObsidianVault(app as any, () => null, logseqDialect(readLogseqConfig('{}').config));
    expect((await vault.frontmatter('pages/Rafaela Quist.md')).data).toEqual({ alias: 'Rafe', tags: ['team/colleague', 'Designer'] });
    expect((await vault.frontmatter('pages/Bo.md')).data).toEqual({ tags: ['team/person'] });
    // An Obsidian vault reads what the app reads: nothing from YAML that does not parse.
    expect((await new ObsidianVault(app as any).frontmatter('pages/Rafaela Quist.md')).data).toEqual({});
  });
});
