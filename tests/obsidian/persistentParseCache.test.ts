import { App, type TFile } from '../__mocks__/obsidian';
import type { NoteModel } from '../../src/core/note/parseNote';
import { hashText } from '../../src/core/hash';
import { parseNote } from '../../src/core/note/parseNote';
import { PersistentParseCache } from '../../src/obsidian/persistentParseCache';
import { logseqDialect, OBSIDIAN } from '../../src/core/dialect/dialect';
import { readLogseqConfig } from '../../src/core/dialect/logseqConfig';

const FILE = '.obsidian/plugins/daybook/parse-cache.json';
const noTimers = { set: () => null, clear: () => undefined };

function setup() {
  const app = new App({ 'Daily/2026-11-16.md': '- Met [[Ana]] #perf\n', 'Daily/2026-11-17.md': '---\nmood_wake: 7\n---\n- [ ] call [[Bo]]\n' });
  const open = () => new PersistentParseCache(app.vault.adapter, FILE, noTimers, '1.0.0');
  const fileOf = (path: string) => ({ path, ...(app.vault.getAbstractFileByPath(path) as TFile).stat });
  const text = (path: string) => app.vault.texts.get(path)!;
  return { app, open, fileOf, text };
}

describe('the plugin’s parse cache kept between app sessions', () => {
  it('answers the first review after a restart from the stored notes, checked against each note’s text', async () => {
    const { app, open, fileOf, text } = setup();
    const first = open();
    const parse = await first.ready();
    for (const path of ['Daily/2026-11-16.md', 'Daily/2026-11-17.md']) expect(parse(text(path), fileOf(path))).toEqual(parseNote(text(path)));
    await first.save();
    expect(app.vault.texts.has(FILE)).toBe(true);

    const restarted = open();
    const warm = await restarted.ready();
    expect(restarted.size).toBe(2);
    expect(warm(text('Daily/2026-11-17.md'), fileOf('Daily/2026-11-17.md'))).toEqual(parseNote(text('Daily/2026-11-17.md')));
    // The same size and mtime, other text (a sync tool that kept the mtime): parsed afresh, never the stored note.
    const other = '- Met [[Cy]] #perf1\n';
    expect(other.length).toBe(text('Daily/2026-11-16.md').length);
    expect(warm(other, fileOf('Daily/2026-11-16.md'))).toEqual(parseNote(other));
  });

  it('uses a stored note only for its own text: proven by a stored entry that differs from a fresh parse', async () => {
    const { app, open, fileOf, text } = setup();
    const path = 'Daily/2026-11-16.md';
    const first = open();
    await (await first.ready())(text(path), fileOf(path));
    await first.save();
    // The stored model is swapped for another's, its seal rewritten: only a cache actually read would return it.
    const stored = app.vault.texts.get(FILE)!;
    const json = stored.slice(stored.indexOf('\n') + 1).replace('"Ana"', '"Zed"');
    app.vault.texts.set(FILE, `${hashText(json)}\n${json}`);
    const model = (await open().ready())(text(path), fileOf(path));
    expect(JSON.stringify(model)).toContain('Zed');
  });

  it('drops a damaged, hand-edited or older file whole and parses afresh', async () => {
    const { app, open, fileOf, text } = setup();
    const path = 'Daily/2026-11-17.md';
    const first = open();
    await (await first.ready())(text(path), fileOf(path));
    await first.save();
    const good = app.vault.texts.get(FILE)!;
    const json = good.slice(good.indexOf('\n') + 1);
    for (const damaged of ['', 'garbage', good.slice(0, -5), good.replace('"Bo"', '"Bob"'), `x\n${json}`, good.replace('1/1.0.0', '1/0.9.0')]) {
      app.vault.texts.set(FILE, damaged);
      const cache = open();
      const parse = await cache.ready();
      expect(cache.size).toBe(0);
      expect(parse(text(path), fileOf(path))).toEqual(parseNote(text(path)));
    }
    const other = new PersistentParseCache(app.vault.adapter, FILE, noTimers, '2.0.0');
    app.vault.texts.set(FILE, good);
    await other.ready();
    expect(other.size).toBe(0);
  });

  it('keeps a `.nan` value as NaN through the stored file', async () => {
    const { app, open } = setup();
    const note = '---\ntitle: "Day"\nmood_wake: .nan\n---\n- x\n';
    app.vault.put('Daily/2026-11-18.md', note);
    const file = { path: 'Daily/2026-11-18.md', ...(app.vault.getAbstractFileByPath('Daily/2026-11-18.md') as TFile).stat };
    const first = open();
    await (await first.ready())(note, file);
    await first.save();
    const model = (await open().ready())(note, file) as NoteModel;
    expect(model.frontmatter.mood_wake).toBeNaN();
  });

  it('parses by the vault’s dialect, and never answers one dialect’s notes from the other’s', async () => {
    const { app, open } = setup();
    // Under a plain heading, tab-indented bullets are an indented code block by CommonMark and an outline in Logseq.
    const note = '## Day planning\n\n\t- met [[Ana]]\n';
    app.vault.put('journals/2026_11_16.md', note);
    const file = { path: 'journals/2026_11_16.md', ...(app.vault.getAbstractFileByPath('journals/2026_11_16.md') as TFile).stat };
    const logseq = logseqDialect(readLogseqConfig('{}').config).parse;
    const links = (model: NoteModel) => model.blocks.flatMap((b) => b.links.map((l) => l.target));

    const cache = open();
    expect(links((await cache.ready(OBSIDIAN.parse))(note, file) as NoteModel)).toEqual([]);
    // The folder became a Logseq graph within the session: the note is parsed again, by Logseq's rules.
    expect(links((await cache.ready(logseq))(note, file) as NoteModel)).toEqual(['Ana']);
    await cache.save();

    // A restart read by Obsidian's rules does not take the notes stored under Logseq's.
    const restarted = open();
    expect(links((await restarted.ready(OBSIDIAN.parse))(note, file) as NoteModel)).toEqual([]);
    const asGraph = open();
    const parse = await asGraph.ready(logseq);
    expect(asGraph.size).toBe(1);
    expect(links(parse(note, file) as NoteModel)).toEqual(['Ana']);
  });
});
