import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectApproved } from '../helpers/approved';
import { copyOfFixture, daybook, fixture } from '../helpers/cli';

/** Every line of a review a person reads: none longer than this (links included). */
const LONGEST_LINE = 400;

function longLines(markdown: string): string[] {
  return markdown.split('\n').filter((line) => line.length > LONGEST_LINE);
}

describe('the yearly review of a realistic year (year-vault)', () => {
  it('reads as a brag document', async () => {
    const result = await daybook(['review', '--vault', fixture('year-vault'), '--period', '2026']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expectApproved('year-vault-2026.md', result.stdout);
    expect(longLines(result.stdout)).toEqual([]);
  });

  it('has each brag section, in the template’s order', async () => {
    const { stdout } = await daybook(['review', '--vault', fixture('year-vault'), '--period', '2026']);
    const sections = stdout.split('\n').filter((line) => line.startsWith('## '));
    expect(sections).toEqual([
      '## At a glance',
      '## What changed',
      '## The year at a glance',
      '## Highlights',
      '## Goals',
      '## Projects',
      '## Done',
      '## Incidents',
      '## Collaboration & mentorship',
      '## Design & documentation',
      '## What I learned',
      '## Mood over the year',
      '## Still open',
      '## Other links',
    ]);
  });

  it('gives the quarter the short form', async () => {
    const result = await daybook(['review', '--vault', fixture('year-vault'), '--period', '2026-Q1']);
    expect(result.code).toBe(0);
    expectApproved('year-vault-2026-Q1.md', result.stdout);
    expect(result.stdout).not.toContain('## Mood over the year');
    expect(result.stdout).toContain('![[Reviews/2026-Q1 mood.svg]]');
    expect(longLines(result.stdout)).toEqual([]);
  });

  it('is byte-identical with and without the cache', async () => {
    const vault = copyOfFixture('year-vault');
    const cacheDir = mkdtempSync(join(tmpdir(), 'daybook-year-cache-'));
    for (const period of ['2026', '2026-Q1', '2026-W09']) {
      const uncached = await daybook(['review', '--vault', vault, '--period', period, '--no-cache']);
      const cold = await daybook(['review', '--vault', vault, '--period', period, '--cache-dir', cacheDir]);
      const warm = await daybook(['review', '--vault', vault, '--period', period, '--cache-dir', cacheDir]);
      expect(cold.stdout).toBe(uncached.stdout);
      expect(warm.stdout).toBe(uncached.stdout);
    }
  });
});

/**
 * A busy quarter, generated: one person on almost every day, a long tail of
 * people, long lines, a project worked on daily, two notes of one name.
 */
function busyQuarter(): string {
  const vault = mkdtempSync(join(tmpdir(), 'daybook-busy-quarter-'));
  const write = (path: string, text: string) => {
    mkdirSync(join(vault, path, '..'), { recursive: true });
    writeFileSync(join(vault, path), text);
  };
  write('.obsidian/plugins/daybook/data.json', JSON.stringify({ dailyFolder: 'Daily' }));
  for (let p = 0; p < 30; p++) write(`People/Engineer ${String(p).padStart(2, '0')}.md`, '---\ntype: person\n---\n');
  write('People/Dana Lead.md', '---\ntype: person\n---\n');
  write('Teams/Payments/Standup.md', '');
  write('Teams/Search/Standup.md', '');
  const long = 'walked through the whole migration plan again, step by step, with every caveat we found during the dry runs and every open question from the payments, search and data teams, and agreed to write it all down';
  for (let d = 0; d < 91; d++) {
    const date = new Date(Date.UTC(2026, 0, 1 + d));
    const day = date.toISOString().slice(0, 10);
    if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
    const p = (d * 7) % 30;
    const lines = [
      '---',
      `mood_wake: ${3 + (d % 6)}`,
      `mood_wind: ${4 + ((d * 3) % 5)}`,
      '---',
      '## Projects',
      '',
      `- [[Migration]]: step ${d} done with [[Dana Lead]]`,
      `    - moved ${d + 10} tables; replication lag down ${d % 40}%`,
      d % 5 === 0 ? '    - nothing today' : `    - reviewed ${d} pull requests`,
      '',
      '## Journal',
      '',
      `- 1:1 with [[Engineer ${String(p).padStart(2, '0')}]] and [[Dana Lead]]: ${long}`,
      d % 3 === 0 ? '- Standups: [[Teams/Payments/Standup]] and [[Teams/Search/Standup]]' : '- Heads down on the migration #focus',
      d % 10 === 0 ? '- [ ] Write up the migration caveats' : '',
    ];
    write(`Daily/${day}.md`, lines.join('\n') + '\n');
  }
  return vault;
}

describe('a busy quarter', () => {
  it('lists busy targets compactly, keeps every link and every line short', async () => {
    const vault = busyQuarter();
    const result = await daybook(['review', '--vault', vault, '--period', '2026-Q1']);
    expect(result.code).toBe(0);
    expectApproved('busy-quarter-2026-Q1.md', result.stdout);
    expect(longLines(result.stdout)).toEqual([]);
    // Dana is in every note: counted, spanned, and only the first few days linked.
    expect(result.stdout).toMatch(
      /^- \[\[Dana Lead\]\] · 128 mentions on 64 days, 1 Jan – 31 Mar: \[\[Daily\/2026-01-01\|1 Jan\]\], \[\[Daily\/2026-01-02\|2 Jan\]\], \[\[Daily\/2026-01-05\|5 Jan\]\], \[\[Daily\/2026-01-06\|6 Jan\]\] …$/m,
    );
    // Two Standup notes in different folders: two entries, each linked by path.
    expect(result.stdout).toContain('[[Teams/Payments/Standup|Standup]]');
    expect(result.stdout).toContain('[[Teams/Search/Standup|Standup]]');
    // The same task carried over six days is one open task, in the count and in the list.
    expect(result.stdout).toContain('- **Tasks:** 1 open, 0 done');
    const open = result.stdout.slice(result.stdout.indexOf('## Still open'), result.stdout.indexOf('## Other links'));
    expect(open.split('\n').filter((l) => l.startsWith('- '))).toEqual([expect.stringMatching(/^- ☐ Write up the migration caveats \(on 6 days, 1 Jan – 12 Mar: /)]);
    // "nothing today" is a placeholder, never a contribution.
    expect(result.stdout).not.toContain('nothing today');
  });

  it('keeps the weekly review to one short line per day', async () => {
    const vault = busyQuarter();
    const { stdout } = await daybook(['review', '--vault', vault, '--period', '2026-W03']);
    const days = stdout.slice(stdout.indexOf('## Days'), stdout.indexOf('## People'));
    expect(days.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- [[Daily/2026-01-12|Mon 12 Jan]] · wake 8 · wind 7 — [[Migration]]: step 11 done with [[Dana Lead]]',
      '- [[Daily/2026-01-13|Tue 13 Jan]] · wake 3 · wind 5 — [[Migration]]: step 12 done with [[Dana Lead]]',
      '- [[Daily/2026-01-14|Wed 14 Jan]] · wake 4 · wind 8 — [[Migration]]: step 13 done with [[Dana Lead]]',
      '- [[Daily/2026-01-15|Thu 15 Jan]] · wake 5 · wind 6 — [[Migration]]: step 14 done with [[Dana Lead]]',
      '- [[Daily/2026-01-16|Fri 16 Jan]] · wake 6 · wind 4 — [[Migration]]: step 15 done with [[Dana Lead]]',
    ]);
  });
});

describe('the mood chart beside the review', () => {
  it('is written with the note, embedded, rewritten only when its bytes change, and removed with the mood', async () => {
    const vault = copyOfFixture('year-vault');
    const first = await daybook(['review', '--vault', vault, '--period', '2026-W09', '--write']);
    expect(first.stderr).toBe('created Reviews/2026-W09.md\n');
    const chart = join(vault, 'Reviews/2026-W09 mood.svg');
    const svg = readFileSync(chart, 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('daybook:mood-chart');
    expect(svg).not.toMatch(/<rect[^>]*fill="(?!none)/); // transparent: no background
    expect((svg.match(/<polyline|<circle/g) ?? []).length).toBeGreaterThan(0);
    expect(readFileSync(join(vault, 'Reviews/2026-W09.md'), 'utf8')).toContain('![[Reviews/2026-W09 mood.svg]]');
    const before = statSync(chart).mtimeMs;
    await daybook(['review', '--vault', vault, '--period', '2026-W09', '--write', '--no-cache']);
    expect(statSync(chart).mtimeMs).toBe(before);

    // The week loses its mood: the chart goes, and the embed with it.
    writeFileSync(join(vault, 'Daily/2026-02-26.md'), '## Journal\n\nNo sliders today.\n');
    await daybook(['review', '--vault', vault, '--period', '2026-W09', '--write', '--no-cache']);
    expect(existsSync(chart)).toBe(false);
    expect(readFileSync(join(vault, 'Reviews/2026-W09.md'), 'utf8')).not.toContain('mood.svg');
  });

  it('never overwrites or deletes an SVG the user made at that path', async () => {
    const vault = copyOfFixture('year-vault');
    mkdirSync(join(vault, 'Reviews'));
    const chart = join(vault, 'Reviews/2026-W09 mood.svg');
    const mine = '<svg xmlns="http://www.w3.org/2000/svg"><text>my own drawing</text></svg>\n';
    writeFileSync(chart, mine);
    const written = await daybook(['review', '--vault', vault, '--period', '2026-W09', '--write', '--no-cache']);
    expect(written.stderr).toBe('created Reviews/2026-W09.md; Reviews/2026-W09 mood.svg was not written by Daybook; left as it is\n');
    expect(readFileSync(chart, 'utf8')).toBe(mine);
    writeFileSync(join(vault, 'Daily/2026-02-26.md'), '## Journal\n\nNo sliders today.\n');
    await daybook(['review', '--vault', vault, '--period', '2026-W09', '--write', '--no-cache']);
    expect(readFileSync(chart, 'utf8')).toBe(mine);
  });

  it('is not rewritten when the user deleted nothing and changed nothing, and comes back when deleted', async () => {
    const vault = copyOfFixture('year-vault');
    await daybook(['review', '--vault', vault, '--period', '2026-W09', '--write', '--no-cache']);
    const chart = join(vault, 'Reviews/2026-W09 mood.svg');
    unlinkSync(chart);
    writeFileSync(join(vault, 'Daily/2026-02-24.md'), '---\nmood_wake: 9\n---\n- a good Tuesday\n');
    await daybook(['review', '--vault', vault, '--period', '2026-W09', '--write', '--no-cache']);
    expect(readFileSync(chart, 'utf8')).toContain('daybook:mood-chart');
  });
});
