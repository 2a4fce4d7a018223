import { appendFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectApproved } from '../helpers/approved';
import { copyOfFixture, daybook, fixture } from '../helpers/cli';

const changesOf = async (vault: string, period: string, extra: string[] = ['--no-cache']) => {
  const result = await daybook(['review', '--vault', vault, '--period', period, '--json', ...extra]);
  return JSON.parse(result.stdout).changes;
};
const names = (items: { name: string }[]) => items.map((i) => i.name);

describe('what changed', () => {
  it('says a first period has nothing to compare with', async () => {
    const changes = await changesOf(fixture('changes-vault'), '2026-W44');
    expect(changes).toMatchObject({ first: true, baseline: null });
    const { stdout } = await daybook(['review', '--vault', fixture('changes-vault'), '--period', '2026-W44']);
    expect(stdout).toContain('## What changed\n\nThe first week of the journal: nothing earlier to compare with.\n');
  });

  it('compares across a gap with the last week that has notes, from the whole journal', async () => {
    const changes = await changesOf(fixture('changes-vault'), '2026-W47');
    expect(changes.baseline).toEqual({ id: '2026-W45', start: '2026-11-02', end: '2026-11-08', note: 'Reviews/2026-W45.md' });
    expect(changes.skipped).toBe(1);
    expect(names(changes.people.new)).toEqual(['Eve']);
    // Dee was last seen in October, two weeks before the baseline.
    expect(changes.people.back).toMatchObject([{ name: 'Dee', count: 1, lastBefore: '2026-10-27' }]);
    // Cy was mentioned twice last time and not now; Bo only once, so not "often".
    expect(changes.people.quiet).toMatchObject([{ name: 'Cy', previous: 2, count: 0, days: [{ date: '2026-11-02' }, { date: '2026-11-04' }] }]);
    // Ana's note was renamed (Ana → Ana Ruiz, the old name kept as an alias): the same person, neither new nor back.
    expect(names([...changes.people.new, ...changes.people.back, ...changes.people.quiet])).not.toContain('Ana Ruiz');
    expect(names(changes.projects.started)).toEqual(['Borealis']);
    expect(names(changes.projects.quiet)).toEqual(['Atlas']);
    expect(names(changes.topics.started)).toEqual(['#kafka']);
    expect(changes.topics.quiet).toMatchObject([{ name: '#perf', previous: 3 }]);
    expect(changes.mood).toEqual([
      expect.objectContaining({ property: 'mood_wake', average: 7.5, previous: 5.5, change: 2 }),
      expect.objectContaining({ property: 'mood_wind', average: 7.5, previous: 5, change: 2.5 }),
    ]);
    expect(changes.tasks.carried).toMatchObject([{ text: 'write the runbook', opened: '2026-11-02', age: 20 }]);
    expect(changes.tasks.closed.map((t: { text: string; opened: string }) => [t.text, t.opened])).toContainEqual(['fix the flaky login test', '2026-11-02']);
    expect(changes.incidents).toMatchObject({ count: 1, previous: 0, bySeverity: [{ severity: 'SEV-2', count: 1, previous: 0 }] });
  });

  it('counts the days journaled against the baseline, said only when they differ', async () => {
    expect((await changesOf(fixture('changes-vault'), '2026-11')).days).toEqual({ count: 4, previous: 1 });
    const { stdout } = await daybook(['review', '--vault', fixture('changes-vault'), '--period', '2026-11']);
    expect(stdout).toContain('Against [[Reviews/2026-10|2026-10]].\n\n- **Days journaled:** 4, was 1\n');
    expect((await changesOf(fixture('changes-vault'), '2026-W47')).days).toEqual({ count: 2, previous: 2 });
  });

  it('reads as short ranked lines, each linked to its days', async () => {
    const { stdout } = await daybook(['review', '--vault', fixture('changes-vault'), '--period', '2026-W47']);
    const section = stdout.slice(stdout.indexOf('## What changed'), stdout.indexOf('## Days'));
    expect(section).toContain('**Gone quiet:** [[Cy]] (was 2), last mentioned 3 weeks ago ([[Daily/2026-11-04|Wed 4 Nov]])');
    for (const line of section.split('\n').filter((l) => l.startsWith('- '))) expect(line).toMatch(/\[\[Daily\/2026-1\d-\d\d\|/);
    expectApproved('changes-vault-2026-W47.md', stdout);
  });

  it('follows deleted and renamed daily notes, and no later note changes an earlier review', async () => {
    const vault = copyOfFixture('changes-vault');
    const before = await changesOf(vault, '2026-W47');
    writeFileSync(join(vault, 'Daily', '2026-11-30.md'), '- met [[Cy]] and [[Bo]] #perf\n');
    expect(await changesOf(vault, '2026-W47')).toEqual(before);
    // Deleted: Cy is left with one mention in the baseline, Bo with none.
    rmSync(join(vault, 'Daily', '2026-11-04.md'));
    const deleted = await changesOf(vault, '2026-W47');
    expect(deleted.people.quiet).toEqual([]);
    expect(deleted.tasks.carried).toMatchObject([{ text: 'write the runbook', age: 20 }]);
    // Renamed to another day: Dee's October note now falls in the week before, so there is no gap and Dee is not back;
    // Ana, last seen in W45, now is.
    renameSync(join(vault, 'Daily', '2026-10-27.md'), join(vault, 'Daily', '2026-11-10.md'));
    const renamed = await changesOf(vault, '2026-W47');
    expect(renamed).toMatchObject({ baseline: { id: '2026-W46' }, skipped: 0 });
    expect(names(renamed.people.back)).toEqual(['Ana Ruiz']);
    // A deleted person note: Eve is no longer a person, so not a new one.
    rmSync(join(vault, 'People', 'Eve.md'));
    expect(names((await changesOf(vault, '2026-W47')).people.new)).toEqual([]);
  });

  it('gives the same bytes with or without the cache, as earlier notes change', async () => {
    const vault = copyOfFixture('changes-vault');
    const cache = mkdtempSync(join(tmpdir(), 'daybook-changes-cache-'));
    const both = async (period: string) => {
      const cached = await daybook(['review', '--vault', vault, '--period', period, '--json', '--cache-dir', cache]);
      const fresh = await daybook(['review', '--vault', vault, '--period', period, '--json', '--no-cache']);
      expect(cached.stdout).toBe(fresh.stdout);
      return JSON.parse(cached.stdout).changes;
    };
    expect(names((await both('2026-W47')).people.quiet)).toEqual(['Cy']);
    // Only an earlier note changes, not one of the week's own: the memo must still see it.
    appendFileSync(join(vault, 'Daily', '2026-11-04.md'), '- [[Bo]] again, and [[Bo]] once more\n');
    expect(names((await both('2026-W47')).people.quiet)).toEqual(['Bo', 'Cy']);
    // Cy's note leaves People/ and says it is a topic (a note in a people folder is a person whatever it says).
    rmSync(join(vault, 'People', 'Cy.md'));
    writeFileSync(join(vault, 'Cy.md'), '---\ntype: topic\n---\n');
    expect(names((await both('2026-W47')).people.quiet)).toEqual(['Bo']);
    // A person of an older note only (neither this week's nor the baseline's) changes kind: nothing this week says changes, with or without the cache.
    appendFileSync(join(vault, 'Daily', '2026-10-27.md'), '- Met [[Fay]]\n- Lunch with [[Fay]]\n');
    writeFileSync(join(vault, 'People', 'Fay.md'), '---\ntype: person\n---\n');
    const withFay = await both('2026-W47');
    expect(names((await both('2026-11')).people.quiet)).toEqual(['Fay']);
    rmSync(join(vault, 'People', 'Fay.md'));
    writeFileSync(join(vault, 'Fay.md'), '---\ntype: topic\n---\n');
    expect(await both('2026-W47')).toEqual(withFay);
    expect(names((await both('2026-11')).topics.quiet)).toEqual(['Fay']);
    rmSync(join(vault, 'Daily', '2026-10-27.md'));
    expect(names((await both('2026-W47')).people.new)).toEqual(['Eve', 'Dee']);
    for (const period of ['2026-W44', '2026-11', '2026-Q4', '2026']) await both(period);
  });
});
