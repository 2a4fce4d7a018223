import { Notice } from '../__mocks__/obsidian';
import { parsePeriodId } from '../../src/core/dates/periods';
import { resolveSettings } from '../../src/core/settings';
import { parseNote } from '../../src/core/note/parseNote';
import { copyReviewForSharing } from '../../src/obsidian/shareCommand';
import { parseStrictXml } from '../helpers/xml';
import { loadPlugin } from './pluginHarness';

beforeEach(() => {
  Notice.messages = [];
  jest.useFakeTimers({ now: new Date(2026, 10, 22, 8, 15), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
});
afterEach(() => jest.useRealTimers());

describe('rebuild incident index', () => {
  it('writes every incident of the vault into the index note beside the reviews and opens it', async () => {
    const { app, run } = await loadPlugin({
      '.obsidian/daily-notes.json': '{"folder":"Daily"}',
      'People/Eve.md': '---\ntype: person\n---\n',
      'Daily/2025-03-02.md': '## Incidents\n\n### Disk full (SEV-3)\n\n- How to prevent\n    - [x] rotate logs\n',
      'Daily/2026-11-17.md': '## Incidents\n\n### Login outage (SEV-2)\n\n- People: [[Eve]]\n- 5 Whys\n    - Why? The store was full\n- How to prevent\n    - [ ] alert on size\n',
    });
    await run('rebuild-incident-index');
    const note = app.vault.texts.get('Reviews/Incident index.md')!;
    expect(note.indexOf('Login outage')).toBeLessThan(note.indexOf('Disk full'));
    expect(note).toContain('Login outage · SEV-2 · **open** · with [[Eve]] · 1 why');
    expect(note).toContain('Disk full · SEV-3 · closed · no whys');
    expect(app.workspace.opened).toEqual(['Reviews/Incident index.md']);
    expect(Notice.messages).toEqual(['Daybook: created Reviews/Incident index.md. 2 incident(s), 1 open.']);
    await run('rebuild-incident-index');
    expect(Notice.messages[1]).toBe('Daybook: Reviews/Incident index.md is up to date; not written. 2 incident(s), 1 open.');
  });
});

describe('copy review for sharing', () => {
  const files = {
    '.obsidian/daily-notes.json': '{"folder":"Daily"}',
    'People/Eve Stone.md': '---\ntype: person\naliases: [Evie]\n---\n',
    'Daily/2026-11-17.md': '---\nmood_wake: 7\n---\n- Paired with [[Evie]] on [[Borealis]] %% private %%\n',
  };
  const contextOf = (app: unknown, exportNames: 'full' | 'initials' = 'initials') => ({
    app: app as any,
    settings: { ...resolveSettings({ dailyFolder: 'Daily', exportNames }).settings },
    parser: (text: string) => parseNote(text),
    confirm: jest.fn(async () => true),
    notify: (message: string) => void Notice.messages.push(message),
  });

  it('is a command that tells when the device gives no clipboard', async () => {
    const { run } = await loadPlugin(files);
    await run('copy-review-for-sharing');
    expect(Notice.messages).toEqual(['Daybook: could not copy the review of 2026-W47: this device gives no clipboard to plugins']);
  });

  it('puts the review on the clipboard without wiki links, paths or names, and writes nothing', async () => {
    const { app } = await loadPlugin(files);
    const before = new Map(app.vault.texts);
    const writeText = jest.fn(async (_text: string) => undefined);
    await copyReviewForSharing(contextOf(app), parsePeriodId('2026-W47')!, { writeText });
    const copied = writeText.mock.calls[0][0];
    expect(copied).toMatch(/^# Week 47 of 2026\n\n16–22 November 2026\n/);
    expect(copied).toContain('Tue 17 Nov: Paired with E. S. on Borealis');
    expect(copied).not.toMatch(/\[\[|%%|Daily\/|Evie|Eve Stone|private/);
    expect(Notice.messages).toEqual(['Daybook: copied the review of 2026-W47 for sharing, names as initials.']);
    expect(new Map(app.vault.texts)).toEqual(before);
  });

  it('copies HTML beside the text where the platform has rich clipboard items', async () => {
    const { app } = await loadPlugin(files);
    const items: Record<string, Blob>[] = [];
    class Item {
      constructor(readonly parts: Record<string, Blob>) {
        items.push(parts);
      }
    }
    const write = jest.fn(async () => undefined);
    await copyReviewForSharing(contextOf(app, 'full'), parsePeriodId('2026-W47')!, { writeText: jest.fn(), write }, Item as unknown as typeof ClipboardItem);
    expect(write).toHaveBeenCalledTimes(1);
    expect(Object.keys(items[0]).sort()).toEqual(['text/html', 'text/plain']);
    const html = await items[0]['text/html'].text();
    expect(parseStrictXml(html, 'application/xhtml+xml').querySelector('h1')!.textContent).toBe('Week 47 of 2026');
    expect(html).toContain('Paired with Evie on Borealis');
  });

  it('says so when the clipboard refuses', async () => {
    const { app } = await loadPlugin(files);
    await copyReviewForSharing(contextOf(app), parsePeriodId('2026-W47')!, { writeText: async () => Promise.reject(new Error('not allowed')) });
    expect(Notice.messages).toEqual(['Daybook: could not copy the review of 2026-W47: not allowed']);
  });
});
