import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyOfFixture, daybook, fixture } from '../helpers/cli';

/**
 * A manager's Logseq graph in the style of public ones: a daily template of Scratchpad / Learnings /
 * Todos / Meetings sections, most days opening with `- #jr` above a private entry, meetings logged
 * "with" people and with companies whose pages say so.
 */
type Named = { name: string; path: string | null; blocks: { date: string; text: string }[] };
type Review = { people: Named[]; topics: Named[]; otherLinks: Named[]; projects: { name: string; lines: string[] }[]; workLog: { date: string; text: string }[]; learnings: { date: string; text: string }[]; changes: { first: boolean; topics: { started: { name: string }[] } } };

async function review(vault: string, period: string, json: boolean): Promise<string> {
  const result = await daybook(['review', '--vault', vault, '--period', period, '--no-cache', ...(json ? ['--json'] : [])]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

describe("a manager's Logseq graph", () => {
  let data: Review;
  let year: string;
  beforeAll(async () => {
    data = JSON.parse(await review(fixture('logseq-manager-graph'), '2025', true)) as Review;
    year = await review(fixture('logseq-manager-graph'), '2025', false);
  });
  const names = (entries: Named[]) => entries.map((e) => e.name).sort();

  it('lists what Learnings sections say under What I learned, with the lines under a bare label and the day', () => {
    expect(data.learnings.map((l) => [l.date, l.text])).toEqual([
      ['2025-03-03', '#flutter: split view layouts with a drawer; https://example.com/flutter-layouts'],
      ['2025-03-03', 'Learned how to write a factory for the payment services'],
      // `- ## Learnings` as a bullet, its lines under it: the same section.
      ['2025-03-04', '#system-design: break the problem into small solvable parts; each component has clear responsibilities'],
      // Tagged #til: the tag that filed the line is not shown, nor a topic learned.
      ['2025-03-06', 'retries need a budget, not a count'],
    ]);
    const learned = year.slice(year.indexOf('## What I learned'), year.indexOf('## Still open'));
    expect(learned).toContain('**Learnings**\n\n- #flutter: split view layouts with a drawer; https://example.com/flutter-layouts ([Mon 3 Mar]([[2025_03_03]]))\n');
    expect(learned).not.toContain('[[til]] ·');
  });

  it('takes a tag opening most days alone (`- #jr` above the entry) as a marker, and keeps a tag that opens one day a topic', () => {
    expect(names(data.topics)).not.toContain('Private-Journal');
    expect(names(data.topics)).toContain('gratitude journaling');
    // What the owner writes about every day is content, however often.
    expect(data.topics.find((o) => o.name === 'payments')?.blocks).toHaveLength(6);
    // Opening four of the year's seven days: a marker.
  });

  it('makes no person of a meeting "with" a page marked as a company or client, by property or namespace', () => {
    expect(names(data.people)).toEqual(['Dana Voss', 'Ines', 'Omar Hale', 'Pavel', 'Uri Bell']);
    // In a graph their pages are topics, as every page no property makes a person or a project.
    expect(names(data.topics)).toEqual(expect.arrayContaining(['Kestrel', 'clients/Orbit', 'Tarn']));
  });

  it('shows a label under a project with the lines under it, on one line', () => {
    expect(data.projects.map((p) => [p.name, p.lines])).toEqual([
      ['Ledger', ['Migration: moved the ledger tables; cut the nightly job from 40 min to 12 min', 'Staffing needs: one more analyst']],
      // The project's page linked again that day, out of Projects: a line of the project, not an other link.
      ['Ledger', ['[[Ledger]] review']],
    ]);
    expect(names(data.otherLinks)).not.toContain('Ledger');
    expect(year).toContain('- **Migration: moved the ledger tables; cut the nightly job from 40 min to 12 min** — Ledger');
  });

  it('makes whom a meeting lists under Attendees a person, never a project; a group and the owner are nobody', () => {
    // Dana Voss is linked under Projects with nothing to mark her page, and listed as an attendee.
    expect(data.projects.map((p) => p.name)).not.toContain('Dana Voss');
    expect(data.people.find((p) => p.name === 'Dana Voss')?.blocks.map((b) => b.date)).toEqual(['2025-03-10', '2025-03-10']);
    expect(data.workLog.map((l) => l.text)).toEqual(['[[Dana Voss]]']);
    // A name with people under it is a group, and so is a name alone beside it.
    expect(names(data.topics)).toContain('Acme');
    // The owner's page is who wrote the journal: no topic.
    expect(names(data.otherLinks)).toContain('me');
  });

  it('keeps the opening tag a topic when the setting is off', async () => {
    const vault = copyOfFixture('logseq-manager-graph');
    mkdirSync(join(vault, '.obsidian', 'plugins', 'daybook'), { recursive: true });
    writeFileSync(join(vault, '.obsidian', 'plugins', 'daybook', 'data.json'), JSON.stringify({ openingTagMarkers: false }));
    const off = JSON.parse(await review(vault, '2025', true)) as Review;
    expect(off.topics.find((t) => t.name === 'Private-Journal')?.blocks.map((b) => b.date)).toEqual(['2025-03-04', '2025-03-05', '2025-03-07', '2025-03-10']);
  });

  it('says no marker started in What changed', async () => {
    const week = JSON.parse(await review(fixture('logseq-manager-graph'), '2025-W10', true)) as Review;
    expect(names(week.topics)).not.toContain('Private-Journal');
    expect(week.changes.first).toBe(false);
    const started = week.changes.topics.started.map((t) => t.name);
    expect(started).toContain('flutter');
    expect(started).not.toContain('Private-Journal');
  });

  it('prints the incident index of a graph with the page links --write puts in its note', async () => {
    const printed = await daybook(['incidents', '--vault', fixture('logseq-manager-graph')]);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('- **[Thu 6 Mar]([[2025_03_06]])** · Payouts held for two hours · SEV-2');
    const vault = copyOfFixture('logseq-manager-graph');
    expect((await daybook(['incidents', '--vault', vault, '--write'])).code).toBe(0);
    const written = readFileSync(join(vault, 'Reviews', 'Incident index.md'), 'utf8');
    expect(written).toContain(printed.stdout);
  });

  it('writes its review between lines Logseq hides, and finds a region an earlier version wrote with %% markers', async () => {
    const vault = copyOfFixture('logseq-manager-graph');
    mkdirSync(join(vault, 'Reviews'));
    const old = '%% daybook:begin hash=0 · Generated by Daybook %%\n# old\n%% daybook:end %%\n';
    writeFileSync(join(vault, 'Reviews', '2025-W10.md'), 'Mine, kept\n\n' + old);
    // The old region does not match its hash (an edit, as far as Daybook can tell): forced, it is replaced and kept aside.
    expect((await daybook(['review', '--vault', vault, '--period', '2025-W10', '--write', '--force', '--no-cache'])).code).toBe(0);
    const note = readFileSync(join(vault, 'Reviews', '2025-W10.md'), 'utf8');
    expect(note).toMatch(/^Mine, kept\n\n\[\/\/\]: # \(daybook:begin hash=[0-9a-f]+ · [^()\n]*\)\n# Week 10 of 2025\n/);
    expect(note.endsWith('\n[//]: # (daybook:end)\n')).toBe(true);
    expect(note).not.toContain('%%');
  });
});
