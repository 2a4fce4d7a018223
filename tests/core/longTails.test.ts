import { addDay } from '../../src/core/dates/periods';
import { parsePeriodId } from '../../src/core/dates/periods';
import { Journal } from '../../src/core/journal';
import { buildReview } from '../../src/core/review/buildReview';
import { renderReview } from '../../src/core/review/renderReview';
import { resolveSettings } from '../../src/core/settings';
import { MemoryVault } from '../helpers/memoryVault';

const settings = resolveSettings({ dailyFolder: 'Daily' }).settings;

/** A heavy year: every day links eight notes of its own, a few shared ones, a person, a project, and leaves tasks open. */
function heavyYear(): Record<string, string> {
  const files: Record<string, string> = { 'People/Ana.md': '---\ntype: person\n---\n' };
  for (let day = '2026-01-01', n = 0; day <= '2026-12-31'; day = addDay(day, 1), n++) {
    const own = Array.from({ length: 8 }, (_, k) => `[[Note ${n}-${k}]]`).join(' ');
    files[`Daily/${day}.md`] = [
      '## Projects',
      '',
      `- [[Project ${n % 40}]]: step ${n} done, latency down ${n % 50}%`,
      '',
      '## Journal',
      '',
      `- Read ${own} and [[Shared ${n % 7}]] with [[Ana]] #topic-${n % 90}`,
      `- [ ] Follow up on item ${n}`,
      n % 30 === 0 ? `- Incident: outage ${n} (SEV-2)\n    - Impact\n        - checkout down ${n} minutes` : '',
      '',
    ].join('\n');
  }
  return files;
}

describe('a review at scale', () => {
  let markdown: string;
  let data: Awaited<ReturnType<typeof buildReview>>;
  beforeAll(async () => {
    const journal = await Journal.open(new MemoryVault(heavyYear()), settings);
    data = await buildReview(journal, parsePeriodId('2026')!);
    markdown = renderReview(data, settings);
  });

  it('stays readable: a yearly review of 365 link-dense days is under 600 lines', () => {
    expect(markdown.split('\n').length).toBeLessThan(600);
  });

  it('keeps everything in the data', () => {
    expect(data.otherLinks.length).toBeGreaterThan(365 * 8);
    expect(data.tasks.filter((t) => !t.done)).toHaveLength(365);
  });

  it('summarises the least-mentioned links by count instead of dropping them', () => {
    const other = markdown.slice(markdown.indexOf('## Other links'));
    expect(other).toMatch(/…and 2,\d{3} more links, mentioned once \(2,\d{3}\)/);
    // The most mentioned ones keep their own line with their days.
    expect(other).toContain('[[Shared 0]] · 53 mentions on 53 days');
  });

  it('lists the newest open tasks and points at the weekly reviews for the older ones', () => {
    const open = markdown.slice(markdown.indexOf('## Still open'), markdown.indexOf('## Other links'));
    expect(open).toContain('☐ Follow up on item 364');
    expect(open).not.toContain('☐ Follow up on item 3 ');
    expect(open).toMatch(/…and 335 older open tasks, 1 Jan – 1 Dec: each is listed in its week's review \(from \[\[Reviews\/2026-W01\|2026-W01\]\] to \[\[Reviews\/2026-W49\|2026-W49\]\]\)/);
  });

  it('tells many projects in short, then lists the others one line each', () => {
    const projects = markdown.slice(markdown.indexOf('## Projects'), markdown.indexOf('## Incidents'));
    expect(projects.match(/^### \[\[Project/gm)).toHaveLength(25);
    expect(projects).toContain('### Also worked on');
    expect(projects.match(/^- \[\[Project \d+\]\] · \d+ days/gm)).toHaveLength(15);
  });
});
