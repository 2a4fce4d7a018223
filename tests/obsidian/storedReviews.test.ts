/**
 * @jest-environment jsdom
 */
import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
// eslint-disable-next-line import/no-extraneous-dependencies -- a language of the app's moment, which obsidian's types bring
import 'moment/locale/fr';
import { App, Component, moment, openNote, TFile } from '../__mocks__/obsidian';
import DaybookPlugin from '../../src/main';
import { useDateFormatter } from '../../src/core/dates/dateFormatter';
import { parsePeriodId } from '../../src/core/dates/periods';
import { hashText } from '../../src/core/hash';
import { Journal } from '../../src/core/journal';
import { buildReview } from '../../src/core/review/buildReview';
import { renderReview } from '../../src/core/review/renderReview';
import { type DaybookSettings, resolveSettings } from '../../src/core/settings';
import { appDates } from '../../src/obsidian/appDates';
import { MetadataLag } from '../../src/obsidian/metadataLag';
import { ObsidianVault } from '../../src/obsidian/obsidianVault';
import { PersistentParseCache } from '../../src/obsidian/persistentParseCache';
import { ReadRecorder } from '../../src/obsidian/readRecorder';
import { StoredReviews } from '../../src/obsidian/storedReviews';

// The app (Electron) has structuredClone; jsdom, which the open editors need, does not.
if (typeof window.structuredClone !== 'function') window.structuredClone = (value) => deserialize(serialize(value));

const STORE = '.obsidian/plugins/daybook/review-cache.json';
const PARSES = '.obsidian/plugins/daybook/parse-cache.json';
const noTimers = { set: () => null, clear: () => undefined };
const settings = resolveSettings({ dailyFolder: 'Daily' }, {}).settings;
const week = parsePeriodId('2026-W47')!;
/** An hour ago: notes written then are long out of the racy window, so their stamps vouch for them. */
const LONG_AGO = Date.now() - 3_600_000;

const NOTES: Record<string, string> = {
  'Daily/2026-11-16.md': '---\nmood_wake: 6\n---\n- Paired with [[Ana]] on [[Search]] #perf\n- [ ] call [[Bo]]\n',
  'Daily/2026-11-17.md': '- 1:1 with [[Annie]]\n- [x] call [[Bo]]\n',
  'Daily/2026-11-18.md': '## Wins\n- shipped [[Search]] with [[Cy]]\n',
  'People/Ana.md': '---\ntype: person\naliases: [Annie]\n---\n',
  'People/Bo.md': '---\ntype: person\n---\n',
  'Topics/Search.md': '# Search\n',
};

/** A vault whose notes were all written long ago, each with its own mtime. */
function vault(notes: Record<string, string> = NOTES): App {
  const app = new App();
  Object.entries(notes).forEach(([path, text], i) => app.vault.put(path, text, LONG_AGO + i * 1000));
  return app;
}

/** One app session of the plugin's stores: reviews go the way the commands take them (reviewCommands.ts). */
function session(app: App, version = '1.0.0', clock: () => number = Date.now) {
  const cache = new PersistentParseCache(app.vault.adapter, PARSES, noTimers, version);
  const reviews = new StoredReviews(app.vault.adapter, STORE, noTimers, version);
  const lag = new MetadataLag(app as never, new Component() as never);
  return {
    reviews,
    async review(asked: DaybookSettings = settings, period = week) {
      const reads = new ReadRecorder(new ObsidianVault(app as never), (path) => lag.has(path), clock);
      const journal = await Journal.open(reads, asked, { parser: cache.lazyParser() });
      return reviews.build(journal, period, reads);
    },
    async close() {
      await cache.save();
      await reviews.save();
    },
  };
}

/** The review built from the vault as it is now, with nothing stored. */
async function fromScratch(app: App, asked: DaybookSettings = settings, period = week) {
  return buildReview(await Journal.open(new ObsidianVault(app as never), asked), period);
}

async function expectFresh(app: App, got: Awaited<ReturnType<typeof fromScratch>>, asked: DaybookSettings = settings, period = week) {
  const fresh = await fromScratch(app, asked, period);
  expect(got).toEqual(fresh);
  expect(renderReview(got, asked)).toBe(renderReview(fresh, asked));
}

/** A first session builds and stores the week's review, and the app closes. */
async function storedWeek(app: App) {
  const first = session(app);
  await first.review();
  await first.close();
  expect(app.vault.texts.has(STORE)).toBe(true);
}

describe('the plugin’s built reviews kept between app sessions', () => {
  it('answers the first review after a restart from the store, reading no note, equal to one built from scratch', async () => {
    const app = vault();
    await storedWeek(app);
    app.vault.reads.length = 0;
    const restarted = session(app);
    const review = await restarted.review();
    expect(app.vault.reads).toEqual([]);
    expect(app.vault.texts.has(PARSES)).toBe(true);
    await expectFresh(app, review);
  });

  it('rebuilds for a note edited while the app was closed', async () => {
    const app = vault();
    await storedWeek(app);
    app.vault.put('Daily/2026-11-18.md', '## Wins\n- shipped [[Search]] with [[Dee]] and [[Cy]]\n', LONG_AGO + 60_000);
    const review = await session(app).review();
    expect(JSON.stringify(review)).toContain('Dee');
    await expectFresh(app, review);
  });

  it('rebuilds for a note changed within its mtime’s tick, same size (a file system keeping 2-second mtimes)', async () => {
    const app = vault();
    // Two-second mtimes, and every write and read within one tick, however long the build takes.
    const tick = Math.floor(Date.now() / 2000) * 2000;
    app.vault.now = () => tick;
    app.vault.put('Daily/2026-11-18.md', '## Wins\n- shipped [[Search]] with [[Cy]]\n');
    const first = session(app, '1.0.0', () => tick + 500);
    await first.review();
    await first.close();
    const before = app.vault.getAbstractFileByPath('Daily/2026-11-18.md') as TFile;
    const stamp = { ...before.stat };
    app.vault.put('Daily/2026-11-18.md', '## Wins\n- shipped [[Search]] with [[Qi]]\n');
    expect({ size: before.stat.size, mtime: before.stat.mtime }).toEqual({ size: stamp.size, mtime: stamp.mtime });
    const review = await session(app, '1.0.0', () => tick + 1500).review();
    expect(JSON.stringify(review)).toContain('Qi');
    await expectFresh(app, review);
  });

  it('rebuilds for notes renamed, deleted or added while the app was closed', async () => {
    for (const change of [
      (app: App) => app.vault.moveOutside('People/Ana.md', 'People/Ana Lima.md'),
      (app: App) => app.vault.moveOutside('Daily/2026-11-17.md', 'Daily/2026-11-19.md'),
      (app: App) => app.vault.deleteOutside('People/Bo.md'),
      (app: App) => app.vault.deleteOutside('Daily/2026-11-16.md'),
      (app: App) => app.vault.put('People/Cy.md', '---\ntype: person\n---\n', LONG_AGO),
    ]) {
      const app = vault();
      await storedWeek(app);
      const stored = await fromScratch(app);
      change(app);
      const review = await session(app).review();
      expect(review).not.toEqual(stored);
      await expectFresh(app, review);
    }
  });

  it('rebuilds once an open editor saves what was typed: until then the review is the notes on disk, as one built from scratch', async () => {
    const app = vault();
    const first = session(app);
    await first.review();
    const editor = openNote(app, 'Daily/2026-11-18.md');
    editor.type('- reviewed [[Eve]]’s design\n');
    const unsaved = await first.review();
    expect(JSON.stringify(unsaved)).not.toContain('Eve');
    await expectFresh(app, unsaved);
    await editor.save();
    const saved = await first.review();
    expect(JSON.stringify(saved)).toContain('Eve');
    await expectFresh(app, saved);
  });

  it('keeps no review built while the app had not yet indexed a note it needed', async () => {
    const app = vault();
    app.metadataCache.unindexed.add('People/Ana.md');
    await storedWeek(app);
    app.metadataCache.unindexed.clear();
    const review = await session(app).review();
    // Annie is Ana's alias, known only from her properties.
    expect(review.people.map((p) => p.name)).toContain('Ana');
    await expectFresh(app, review);
  });

  it('keeps no review built past a note it could not read: its permissions put right (no new mtime), the note is read', async () => {
    const app = vault();
    app.vault.unreadable.add('Daily/2026-11-18.md');
    const first = session(app);
    expect((await first.review()).warnings.map((w) => w.path)).toContain('Daily/2026-11-18.md');
    await first.close();
    app.vault.unreadable.clear();
    const review = await session(app).review();
    expect(review.warnings).toEqual([]);
    await expectFresh(app, review);
  });

  it('keeps no review built from properties the app had not read again since sync wrote the note', async () => {
    const app = vault();
    const first = session(app);
    // Sync writes Ana's note with the mtime it had on the other device; the app re-reads her properties a moment later.
    app.vault.now = () => LONG_AGO + 30_000;
    await app.vault.modify(app.vault.getAbstractFileByPath('People/Ana.md') as TFile, '---\ntype: person\n---\n');
    const meanwhile = await first.review();
    expect(meanwhile.people.find((p) => p.name === 'Ana')?.mentions).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await first.close();
    const review = await session(app).review();
    // Annie is no longer Ana's alias.
    expect(review.people.find((p) => p.name === 'Ana')?.mentions).toBe(1);
    await expectFresh(app, review);
  });

  it('rebuilds under other settings', async () => {
    const app = vault();
    await storedWeek(app);
    const other = resolveSettings({ dailyFolder: 'Daily', peopleFolder: 'Topics' }, {}).settings;
    const review = await session(app).review(other);
    await expectFresh(app, review, other);
  });

  it('rebuilds when the app’s language changed between sessions: it names the review notes', async () => {
    const restore = useDateFormatter(appDates);
    moment.locale('en');
    try {
      const app = vault();
      const named = resolveSettings({ dailyFolder: 'Daily', reviewFormats: { month: 'MMMM YYYY' } }, {}).settings;
      const month = parsePeriodId('2026-11')!;
      const first = session(app);
      expect((await first.review(named, month)).notes.review).toBe('Reviews/November 2026.md');
      await first.close();
      moment.locale('fr');
      const review = await session(app).review(named, month);
      expect(review.notes.review).toBe('Reviews/novembre 2026.md');
      await expectFresh(app, review, named, month);
    } finally {
      moment.locale('en');
      restore();
    }
  });

  it('drops a damaged, cut short, hand-edited, other version’s or other build’s store and builds afresh', async () => {
    const app = vault();
    await storedWeek(app);
    const good = app.vault.texts.get(STORE)!;
    const [seal, meta, ...reviews] = good.split('\n');
    const forged = reviews.map((line) => line.replace(/Search/g, 'Forged'));
    // Sealed as Daybook seals it, the forged review's hash put in its memo: only the version tells it apart.
    const resealed = (version: string) => {
      const json = meta.replace(/"version":"[^"]*"/, `"version":"${version}"`).replace(/"review":"[0-9a-f]+"/, `"review":"${hashText(forged[0])}"`);
      return [hashText(json), json, ...forged].join('\n');
    };
    // This version's: the store's schema, the plugin's version and the build of Daybook's code.
    const own = /"version":"([^"]*)"/.exec(meta)![1];
    expect(own).toBe('1/1.0.0/source');
    const damaged = [
      good.slice(0, Math.floor(good.length / 2)),
      good.slice(0, good.lastIndexOf('\n')),
      [seal, meta, ...forged].join('\n'),
      `${meta}\n${reviews.join('\n')}`,
      'not a store at all',
      resealed('1/0.9.0/source'),
      resealed('1/1.0.0/0123456789abcdef'),
    ];
    for (const text of damaged) {
      app.vault.texts.set(STORE, text);
      const review = await session(app).review();
      expect(JSON.stringify(review)).not.toContain('Forged');
      await expectFresh(app, review);
    }
    // The same forgery in this version's store is used: the checks above are what refused it.
    app.vault.texts.set(STORE, resealed(own));
    expect(JSON.stringify(await session(app).review())).toContain('Forged');
  });

  it('drops a store whose memos were edited: a note changed while the app was closed is not passed off as unchanged', async () => {
    const app = vault();
    await storedWeek(app);
    const [, meta, ...reviews] = app.vault.texts.get(STORE)!.split('\n');
    const path = 'Daily/2026-11-18.md';
    const file = app.vault.put(path, '## Wins\n- shipped [[Search]] with [[Fay]] at last\n', LONG_AGO + 60_000);
    const memos = JSON.parse(meta) as { memos: { inputs: [string, string, string, number, number, number][] }[] };
    for (const input of memos.memos[0].inputs) if (input[0] === path) [input[3], input[4]] = [file.stat.size, file.stat.mtime];
    const edited = JSON.stringify(memos);
    app.vault.texts.set(STORE, [hashText(meta), edited, ...reviews].join('\n'));
    const review = await session(app).review();
    expect(JSON.stringify(review)).toContain('Fay');
    await expectFresh(app, review);
    // Sealed again, the edited memo is believed: the seal is what refused it.
    app.vault.texts.set(STORE, [hashText(edited), edited, ...reviews].join('\n'));
    expect(JSON.stringify(await session(app).review())).not.toContain('Fay');
  });

  it('works on when the store cannot be written, and writes it at the next save that can', async () => {
    const app = vault();
    app.vault.readOnly.add(STORE);
    const first = session(app);
    const review = await first.review();
    await expect(first.close()).resolves.toBeUndefined();
    expect(app.vault.texts.has(STORE)).toBe(false);
    await expectFresh(app, review);
    app.vault.readOnly.delete(STORE);
    await first.reviews.save();
    expect(app.vault.texts.has(STORE)).toBe(true);
    app.vault.reads.length = 0;
    const restarted = await session(app).review();
    expect(app.vault.reads).toEqual([]);
    await expectFresh(app, restarted);
  });

  it('gives the review a build from scratch gives, over any sequence of edits, restarts and editors', async () => {
    type Step =
      | { kind: 'edit'; note: number; text: string; when: 'long ago' | 'now' | 'same mtime' }
      | { kind: 'rename' | 'delete'; note: number }
      | { kind: 'add'; text: string }
      | { kind: 'type'; note: number; text: string; save: boolean }
      | { kind: 'restart' | 'unindexed' };
    const paths = Object.keys(NOTES);
    const words = fc.constantFrom('[[Ana]]', '[[Annie]]', '[[Bo]]', '[[Cy]]', '[[Search]]', '#perf', '- [ ] todo', '- [x] done', 'plain', '## Wins', 'aliases: [Bee]', 'aliases: [perf]', 'type: person');
    const text = fc.array(words, { minLength: 1, maxLength: 4 }).map((parts) => (parts.some((p) => p.includes(': ')) ? `---\n${parts.filter((p) => p.includes(': ')).join('\n')}\n---\n` : '') + parts.filter((p) => !p.includes(': ')).map((p) => `- ${p}\n`).join(''));
    const note = fc.nat(paths.length - 1);
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), note, text, when: fc.constantFrom('long ago' as const, 'now' as const, 'same mtime' as const) }),
      fc.record({ kind: fc.constantFrom('rename' as const, 'delete' as const), note }),
      fc.record({ kind: fc.constant('add' as const), text }),
      fc.record({ kind: fc.constant('type' as const), note, text, save: fc.boolean() }),
      fc.record({ kind: fc.constantFrom('restart' as const, 'unindexed' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        const app = vault();
        let current = session(app);
        let past = LONG_AGO + 100_000;
        let added = 0;
        const pathOf = (i: number) => app.vault.getMarkdownFiles().map((f) => f.path).sort()[i % app.vault.getMarkdownFiles().length];
        await expectFresh(app, await current.review());
        for (const s of steps) {
          const path = app.vault.getMarkdownFiles().length ? pathOf('note' in s ? s.note : 0) : null;
          if (s.kind === 'edit' && path) {
            const file = app.vault.getAbstractFileByPath(path) as TFile;
            // 'same mtime': a change within the tick of a note written just now, as a coarse file system stamps it.
            if (s.when === 'same mtime') app.vault.put(path, s.text, Math.floor(Date.now() / 2000) * 2000 === file.stat.mtime ? file.stat.mtime : Date.now());
            else app.vault.put(path, s.text, s.when === 'now' ? Date.now() : (past += 1000));
          } else if (s.kind === 'rename' && path) app.vault.moveOutside(path, path.replace('.md', ' b.md'));
          else if (s.kind === 'delete' && path) app.vault.deleteOutside(path);
          else if (s.kind === 'add') app.vault.put(`People/P${added++}.md`, s.text, (past += 1000));
          else if (s.kind === 'type' && path) {
            const editor = openNote(app, path);
            editor.type(s.text);
            if (s.save) await editor.save();
          } else if (s.kind === 'restart') {
            await current.close();
            current = session(app);
          } else if (s.kind === 'unindexed' && path) app.metadataCache.unindexed.add(path);
          const review = await current.review();
          app.metadataCache.unindexed.clear();
          if (s.kind !== 'unindexed') await expectFresh(app, review);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('the plugin keeps its reviews in its own folder', () => {
  it('writes review-cache.json there on unload, and after a restart answers the review from it, the same note', async () => {
    const app = vault({ ...NOTES, '.obsidian/daily-notes.json': '{"folder":"Daily"}' });
    const review = () => app.cliHandlers.get('daybook:review')!.handler({ period: 'week', date: '2026-11-17' });
    const restart = async (plugin: DaybookPlugin | null) => {
      plugin?.unload();
      await new Promise((resolve) => setTimeout(resolve, 0));
      const next = new DaybookPlugin(app as never, { id: 'daybook', version: '1.0.0' } as never);
      await next.onload();
      return next;
    };
    let plugin = await restart(null);
    await expect(review()).resolves.toBe('Reviews/2026-W47.md');
    const note = app.vault.texts.get('Reviews/2026-W47.md');
    // The review note just made is a new note in the listing: the next session builds once more, and keeps that.
    for (let session = 0; session < 2; session++) {
      plugin = await restart(plugin);
      expect(app.vault.texts.has(STORE)).toBe(true);
      app.vault.reads.length = 0;
      await expect(review()).resolves.toBe('Reviews/2026-W47.md');
      expect(app.vault.texts.get('Reviews/2026-W47.md')).toBe(note);
    }
    // Only the review note and its chart are read, to merge into them: no daily note.
    expect(app.vault.reads).toEqual(['Reviews/2026-W47.md', 'Reviews/2026-W47 mood.svg']);
  });
});
