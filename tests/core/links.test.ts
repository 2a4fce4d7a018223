import { parsePeriodId } from '../../src/core/dates/periods';
import { Journal } from '../../src/core/journal';
import { LinkIndex } from '../../src/core/links/linkIndex';
import { parseNote } from '../../src/core/note/parseNote';
import { buildReview } from '../../src/core/review/buildReview';
import { renderReview } from '../../src/core/review/renderReview';
import { resolveSettings } from '../../src/core/settings';
import { MemoryVault } from '../helpers/memoryVault';

const links = (text: string) => parseNote(text).blocks.flatMap((b) => b.links.map((l) => (l.embed ? '!' : '') + l.target));

describe('links as Obsidian reads them', () => {
  it('keeps [[x]] a wiki link when the note defines [x] (Foam writes definitions at the end of every note)', () => {
    const note = 'Met [[x]] and [[Y]] about [[x]].\n\n- [x] shipped\n\n[x]: x.md "x"\n[Y]: Y.md\n';
    const parsed = parseNote(note);
    expect(links(note)).toEqual(['x', 'Y', 'x']);
    expect(parsed.blocks[1].task?.status).toBe('done');
    expect(parsed.blocks.map((b) => b.text)).toEqual(['Met [[x]] and [[Y]] about [[x]].', 'shipped']);
  });

  it('reads escaped brackets as text', () => {
    expect(links('\\[\\[not a link\\]\\] and \\[[also not]] but [[yes]]')).toEqual(['yes']);
  });

  it('reads [[Note]] directly followed by parentheses as a link to Note', () => {
    expect(links('see [[Note]](https://example.com) and [[Other]](x)')).toEqual(['Note', 'Other']);
  });

  it('counts markdown links to notes like wiki links, by relative path, %-encoded or in angle brackets', () => {
    expect(links('[a](Note.md) [b](Folder/Note%20name.md) [c](<Note name.md>) [d](Note.md#Heading "title") [e](./Local.md)')).toEqual([
      'Note',
      'Folder/Note name',
      'Note name',
      'Note',
      'Local',
    ]);
  });

  it('does not count URLs with a scheme, or a link to a heading of the same note', () => {
    expect(links('[a](https://x.dev/Note.md) [b](obsidian://open?file=Note) [c](mailto:a@b.c) [d](#Heading) <https://x.dev>')).toEqual([]);
  });

  it("reads Logseq's labelled page reference [label]([[Page]]) as a link to Page, once", () => {
    expect(links('the [design doc]([[Atlas design]]) was approved')).toEqual(['Atlas design']);
  });

  it('marks embeds, which are not mentions, in both syntaxes', () => {
    expect(links('![[chart.png]] ![alt](diagram.png) ![[Note]]')).toEqual(['!chart.png', '!diagram.png', '!Note']);
  });

  it('reads no link from code, math or HTML', () => {
    expect(links('`[[code]]` $[[math]]$ <span title="[[html]]">x</span> [[real]]')).toEqual(['real']);
  });
});

describe('link resolution as Obsidian resolves it', () => {
  const index = new LinkIndex([{ path: 'People/Clark Cui.md' }, { path: 'clark-cui.md' }, { path: 'Work/Notes/Atlas.md' }, { path: 'Atlas.md' }, { path: 'Archive/Atlas.md' }]);

  it('ignores case and the .md extension', () => {
    expect(index.resolve('clark cui')).toBe('People/Clark Cui.md');
    expect(index.resolve('CLARK-CUI.md')).toBe('clark-cui.md');
  });

  it('never folds - or _ into spaces: another spelling is another note', () => {
    expect(index.resolve('Clark_Cui')).toBeNull();
  });

  it('lets a path-qualified link pick its file, and a bare name the shortest path', () => {
    expect(index.resolve('Archive/Atlas')).toBe('Archive/Atlas.md');
    expect(index.resolve('Notes/Atlas')).toBe('Work/Notes/Atlas.md');
    expect(index.resolve('Atlas')).toBe('Atlas.md');
    expect(index.resolve('../Archive/Atlas.md')).toBe('Archive/Atlas.md');
  });

  it('links a note by path when its name is not unique in the vault', () => {
    expect(index.linktext('Archive/Atlas.md')).toBe('Archive/Atlas');
    expect(index.linktext('People/Clark Cui.md')).toBe('Clark Cui');
  });
});

describe('identity in a review', () => {
  const settings = resolveSettings({ dailyFolder: 'Daily', peopleFolder: 'People' }).settings;

  async function review(files: Record<string, string>, period: string) {
    const journal = await Journal.open(new MemoryVault(files), settings);
    return buildReview(journal, parsePeriodId(period)!);
  }

  it('keeps [[clark-cui]], [[Clark_Cui]] and [[Clark Cui]] as three entries when no note resolves them', async () => {
    const data = await review({ 'Daily/2026-11-16.md': '- [[clark-cui]]\n- [[Clark_Cui]]\n- [[Clark Cui]]\n- [[clark cui]]\n' }, '2026-W47');
    expect(data.otherLinks.map((e) => [e.name, e.mentions])).toEqual([
      ['Clark Cui', 2],
      ['Clark_Cui', 1],
      ['clark-cui', 1],
    ]);
  });

  it('keeps two notes of the same name in two folders apart, each linked by its path', async () => {
    const data = await review(
      {
        'Daily/2026-11-16.md': '- [[Work/Atlas]] shipped\n- [[Home/Atlas]] repainted\n',
        'Work/Atlas.md': '',
        'Home/Atlas.md': '',
      },
      '2026-W47',
    );
    expect(data.otherLinks.map((e) => [e.name, e.path, e.link])).toEqual([
      ['Atlas', 'Work/Atlas.md', 'Work/Atlas'],
      ['Atlas', 'Home/Atlas.md', 'Home/Atlas'],
    ]);
    const markdown = renderReview(data, settings);
    expect(markdown).toContain('[[Home/Atlas|Atlas]]');
    expect(markdown).toContain('[[Work/Atlas|Atlas]]');
  });

  it('folds an alias into its note in the weekly review as in the yearly one, linked elsewhere or not', async () => {
    const files = {
      'Daily/2026-11-16.md': '- talked to [[AA]]\n',
      'Daily/2026-03-02.md': '- [[Ana Alvarez]] joined\n',
      'Projects/Ana Alvarez.md': '---\naliases: [AA]\n---\n',
    };
    const week = await review(files, '2026-W47');
    const year = await review(files, '2026');
    expect(week.otherLinks.map((e) => [e.name, e.path])).toEqual([['Ana Alvarez', 'Projects/Ana Alvarez.md']]);
    expect(year.otherLinks.map((e) => [e.name, e.path, e.mentions])).toEqual([['Ana Alvarez', 'Projects/Ana Alvarez.md', 2]]);
  });
});

describe('link reference definitions', () => {
  it('keeps a line that only looks like a definition as text', () => {
    const parsed = parseNote('Intro\n\n[x]: done with [[Ana]] today\n');
    expect(parsed.blocks.map((b) => b.text)).toEqual(['Intro', '[x]: done with [[Ana]] today']);
    expect(links('Intro\n\n[x]: done with [[Ana]] today\n')).toEqual(['Ana']);
  });
});
