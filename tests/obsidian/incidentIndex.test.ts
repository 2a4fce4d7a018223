import { Notice } from '../__mocks__/obsidian';
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
