import { parsePeriodId } from '../../src/core/dates/periods';
import { Journal } from '../../src/core/journal';
import { buildReview } from '../../src/core/review/buildReview';
import { renderReview } from '../../src/core/review/renderReview';
import { resolveSettings } from '../../src/core/settings';
import { FolderVault } from '../../src/cli/folderVault';
import { fixture } from '../helpers/cli';
import { MemoryVault } from '../helpers/memoryVault';

const settings = resolveSettings({ dailyFolder: 'Journal', dailyFormat: 'YYYY/YYYY-MM-DD' }).settings;

async function reviewOf(periodId: string) {
  const journal = await Journal.open(new FolderVault(fixture('mixed-vault')), settings);
  return buildReview(journal, parsePeriodId(periodId)!);
}

describe('review data of a mixed sectioned/outliner vault (2026-W53)', () => {
  let review: Awaited<ReturnType<typeof reviewOf>>;
  beforeAll(async () => {
    review = await reviewOf('2026-W53');
  });

  it('covers the ISO week across the new year, with neighbours', () => {
    expect(review.period).toEqual({ id: '2026-W53', kind: 'week', start: '2026-12-28', end: '2027-01-03', previous: '2026-W52', next: '2027-W01' });
    expect(review.notes).toEqual({ review: 'Reviews/2026-W53.md', previous: 'Reviews/2026-W52.md', next: 'Reviews/2027-W01.md' });
    expect(review.days.map((d) => d.date)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
  });

  it('reads mood from frontmatter, quoted numbers and outliner properties', () => {
    expect(review.days.map((d) => d.mood)).toEqual([{ mood_wake: 7, mood_wind: 6 }, { mood_wake: 3, mood_wind: 5 }, { mood_wake: 8 }]);
    expect(review.mood).toEqual({ mood_wake: { average: 6, count: 3, min: 3, max: 8 }, mood_wind: { average: 5.5, count: 2, min: 5, max: 6 } });
  });

  it('classifies people by type, tag-like type links and folder; folds aliases', () => {
    expect(review.people.map((p) => [p.name, p.path, p.mentions])).toEqual([
      ['Vincent Chan', 'People/Vincent Chan.md', 4],
      ['María José', 'People/María José.md', 1],
      ['李雷', '李雷.md', 1],
    ]);
    expect(review.people[0].blocks[0]).toEqual({ date: '2026-12-30', path: 'Journal/2026/2026-12-30.md', line: 19, text: 'People: [[Vincent Chan]] and [[María José]]' });
  });

  it('folds #tags into the topic note of that name or alias, and keeps other tags with their #', () => {
    expect(review.topics.map((t) => [t.name, t.path, t.mentions])).toEqual([
      ['Performance', 'Topics/Performance.md', 2],
      ['#chaos engineering', null, 1],
      ['#代码审查', null, 1],
      ['Kubernetes', 'Kubernetes.md', 1],
      ['Random note', 'Random note.md', 1],
    ]);
  });

  it('shows links that are neither people nor topics as other links, broken ones included', () => {
    expect(review.otherLinks.map((o) => [o.name, o.path])).toEqual([
      ['C', null],
      ['Missing page', null],
      ['Random note', 'Random note.md'],
    ]);
  });

  it('finds incidents in both styles with severity, people, whys and actions', () => {
    expect(review.incidents).toEqual([
      expect.objectContaining({
        title: 'Login outage',
        date: '2026-12-30',
        severity: 'SEV-1',
        people: ['Vincent Chan', 'María José'],
        whys: ['Why did logins fail? — The session store ran out of memory', 'Why did it run out of memory? — Sessions had no expiry'],
        actions: [
          { text: 'Add TTL to sessions', done: false },
          { text: 'Page the on-call', done: true },
        ],
        impact: ['All logins failed for 20 minutes'],
      }),
      expect.objectContaining({
        title: 'DNS failover did not trigger',
        date: '2026-12-31',
        severity: 'P1',
        people: ['Vincent Chan'],
        whys: ['1. Why did failover not trigger? — Health check pointed at the wrong port'.replace(/^1\. /, '')],
        actions: [{ text: 'Test failover monthly with [[Vincent Chan]]', done: false }],
      }),
    ]);
  });

  it('finds projects with their impact lines', () => {
    expect(review.projects.map((p) => [p.name, p.lines, p.impact])).toEqual([
      ['Atlas', ['cut p99 latency from 800 ms to 200 ms, a factor of four', 'Wrote the rollout doc'], ['cut p99 latency from 800 ms to 200 ms, a factor of four']],
      // "nothing to report" is a placeholder, not work done: the day still counts, the line does not.
      ['Search', [], []],
    ]);
  });

  it('lists open and done tasks of both syntaxes', () => {
    expect(review.tasks.map((t) => [t.text, t.done, t.date])).toEqual([
      ['Add TTL to sessions', false, '2026-12-30'],
      ['Page the on-call', true, '2026-12-30'],
      ["Review [[李雷]]'s PR #42 #代码审查", false, '2026-12-30'],
      ['Test failover monthly with [[Vincent Chan]]', false, '2026-12-31'],
      ['Ship the year-end report', true, '2026-12-31'],
    ]);
  });

  it('does not count the note that is not a daily note', () => {
    expect(review.days.map((d) => d.path)).not.toContain('Journal/2026/notes-about-2026.md');
  });
});

describe('review warnings name the note and the run goes on', () => {
  it('reports an out-of-range mood value and leaves it out', async () => {
    const review = await reviewOf('2027-W01');
    expect(review.warnings).toEqual([{ path: 'Journal/2027/2027-01-04.md', message: 'mood_wake is 12, outside 1–10; left out of the mood figures' }]);
    expect(review.mood).toEqual({});
    expect(review.people.map((p) => p.name)).toEqual(['Vincent Chan']);
  });

  it('skips an unreadable note and reports a target note with broken frontmatter', async () => {
    const vault = new MemoryVault({
      'Daily/2026-11-16.md': '- met [[Ana]]\n',
      'Daily/2026-11-17.md': 'x',
      'Ana.md': '---\ntype: [person\n---\n',
    });
    const read = vault.read.bind(vault);
    vault.read = async (path) => (path === 'Daily/2026-11-17.md' ? Promise.reject(new Error('is a binary file, not text')) : read(path));
    const journal = await Journal.open(vault, resolveSettings({ dailyFolder: 'Daily' }).settings);
    const review = await buildReview(journal, parsePeriodId('2026-W47')!);
    expect(review.warnings).toEqual([
      { path: 'Daily/2026-11-17.md', message: 'skipped: is a binary file, not text' },
      { path: 'Ana.md', message: expect.stringMatching(/^invalid YAML frontmatter/) },
    ]);
    expect(review.otherLinks.map((e) => e.name)).toEqual(['Ana']);
  });
});

describe('what a review reads', () => {
  it('parses the period’s daily notes and the earlier ones (what changed), never later ones, and the people they link (for 1:1s filed under days); other notes’ frontmatter only', async () => {
    const files: Record<string, string> = { 'Ana.md': '---\ntype: person\n---\n', 'Unrelated.md': 'x' };
    for (let d = 1; d <= 30; d++) files[`Daily/2026-11-${String(d).padStart(2, '0')}.md`] = `- met [[Ana]] on day ${d}\n`;
    const vault = new MemoryVault(files);
    const journal = await Journal.open(vault, resolveSettings({ dailyFolder: 'Daily' }).settings);
    const review = await buildReview(journal, parsePeriodId('2026-W47')!);
    expect(review.people[0].mentions).toBe(7);
    const days = Array.from({ length: 22 }, (_, i) => `Daily/2026-11-${String(i + 1).padStart(2, '0')}.md`);
    // Ana.md twice: its frontmatter to classify the link, its text for what it files under days.
    expect(vault.reads.sort()).toEqual(['Ana.md', 'Ana.md', ...days]);
    const plain = new MemoryVault(files);
    await buildReview(await Journal.open(plain, resolveSettings({ dailyFolder: 'Daily', filedUnderDays: false }).settings), parsePeriodId('2026-W47')!);
    expect(plain.reads.sort()).toEqual(['Ana.md', ...days]);
  });
});

describe('tags and aliases', () => {
  it('folds a #tag into the topic note it is an alias of, even with no other unresolved link', async () => {
    const vault = new MemoryVault({ 'Daily/2026-11-17.md': '- tuning the cache #perf\n', 'Topics/Performance.md': '---\naliases: [perf]\n---\n' });
    const journal = await Journal.open(vault, resolveSettings({ dailyFolder: 'Daily' }).settings);
    const review = await buildReview(journal, parsePeriodId('2026-W47')!);
    expect(review.topics.map((t) => [t.name, t.path])).toEqual([['Performance', 'Topics/Performance.md']]);
  });
});

describe('large periods', () => {
  it('pause between chunks of notes, so the app stays responsive, with the same result', async () => {
    const files: Record<string, string> = { 'Ana.md': '---\ntype: person\n---\n' };
    for (let d = 1; d <= 90; d++) files[`Daily/${new Date(Date.UTC(2026, 0, d)).toISOString().slice(0, 10)}.md`] = `- met [[Ana]] #day${d % 3}\n`;
    const settings = resolveSettings({ dailyFolder: 'Daily' }).settings;
    let pauses = 0;
    const paused = await Journal.open(new MemoryVault(files), settings, { pause: async () => void pauses++ });
    const plain = await Journal.open(new MemoryVault(files), settings);
    const review = await buildReview(paused, parsePeriodId('2026-Q1')!);
    expect(pauses).toBe(3);
    expect(review).toEqual(await buildReview(plain, parsePeriodId('2026-Q1')!));
  });
});

describe('a busy month', () => {
  it('quotes the most mentioned people and lists the long tail one line each', async () => {
    const files: Record<string, string> = {};
    for (let p = 0; p < 40; p++) files[`People/Person ${p}.md`] = '---\ntype: person\n---\n';
    for (let d = 1; d <= 28; d++) {
      const lines = Array.from({ length: 40 }, (_, p) => (p < 5 || (p + d) % 7 === 0 ? `- talked to [[Person ${p}]] about item ${d}` : '')).filter(Boolean);
      files[`Daily/2026-02-${String(d).padStart(2, '0')}.md`] = lines.join('\n') + '\n';
    }
    const settings = resolveSettings({ dailyFolder: 'Daily' }).settings;
    const journal = await Journal.open(new MemoryVault(files), settings);
    const markdown = renderReview(await buildReview(journal, parsePeriodId('2026-02')!), settings);
    const people = markdown.slice(markdown.indexOf('## People'), markdown.indexOf('## Other links') === -1 ? undefined : markdown.indexOf('## Other links'));
    expect(people.match(/^### \[\[Person \d+\]\] · \d+ mentions on \d+ days$/gm)).toHaveLength(30);
    expect(people).toContain('### 10 more');
    expect(people.match(/^- \[\[Person \d+\]\] · \d+ mentions on \d+ days[,:] .*\[\[Daily\/2026-02-/gm)).toHaveLength(10);
  });
});

describe('a garden of links', () => {
  it('names its most linked notes at a glance when it marks no person and no topic', async () => {
    const settings = resolveSettings({ dailyFolder: 'Daily' }).settings;
    const vault = new MemoryVault({
      'Daily/2026-11-16.md': '- read about [[Open textbooks]] and [[Peer review]]\n',
      'Daily/2026-11-17.md': '- more on [[Open textbooks]]\n',
    });
    const markdown = renderReview(await buildReview(await Journal.open(vault, settings), parsePeriodId('2026-W47')!), settings);
    expect(markdown).toContain('- **Top links:** [[Open textbooks]] (2), [[Peer review]] (1)');
    // With a topic there, the topics lead and the links keep their own section.
    const tagged = new MemoryVault({ 'Daily/2026-11-16.md': '- read about [[Open textbooks]] #oer\n' });
    const withTopic = renderReview(await buildReview(await Journal.open(tagged, settings), parsePeriodId('2026-W47')!), settings);
    expect(withTopic).toContain('**Top topics:**');
    expect(withTopic).not.toContain('**Top links:**');
  });
});
