import { App } from '../__mocks__/obsidian';

/** The fake app must be no kinder than the real one where sliders depend on it. */
describe('the obsidian mock, where sliders depend on it', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('processFrontMatter re-dumps the whole YAML, as the app does: comments and quoting are lost', async () => {
    const app = new App({ 'a.md': '---\n# note\nmood_wake: 3 # groggy\ntags: [a, "b"]\n---\nbody\n' });
    await app.fileManager.processFrontMatter(app.vault.getAbstractFileByPath('a.md') as any, (fm) => void (fm.mood_wake = 4));
    const text = app.vault.texts.get('a.md')!;
    expect(text).not.toContain('groggy');
    expect(text).not.toContain('[a, "b"]');
    expect(text).toContain('mood_wake: 4');
  });

  it('processFrontMatter throws on invalid YAML and writes nothing', async () => {
    const broken = '---\nmood_wake: 3\nmood_wake: 4\n---\n';
    const app = new App({ 'a.md': broken });
    await expect(app.fileManager.processFrontMatter(app.vault.getAbstractFileByPath('a.md') as any, () => undefined)).rejects.toThrow();
    expect(app.vault.texts.get('a.md')).toBe(broken);
  });

  it("fires the metadata cache's 'changed' after a write, never inside it", async () => {
    const app = new App({ 'a.md': '---\nmood_wake: 3\n---\n' });
    const seen: unknown[] = [];
    app.metadataCache.on('changed', (_file, _text, cache) => seen.push(cache.frontmatter.mood_wake));
    await app.vault.process(app.vault.getAbstractFileByPath('a.md') as any, (text) => text.replace('3', '5'));
    expect(seen).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(seen).toEqual([5]);
  });
});
