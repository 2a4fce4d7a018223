import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectApproved } from '../helpers/approved';
import { copyOfFixture, daybook, fixture } from '../helpers/cli';

describe('daybook review (printing)', () => {
  it('prints the markdown review of a week', async () => {
    const result = await daybook(['review', '--vault', fixture('mixed-vault'), '--period', '2026-W53']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expectApproved('mixed-vault-2026-W53.md', result.stdout);
  });

  it('prints the week of a work journal written in the styles of real vaults', async () => {
    const result = await daybook(['review', '--vault', fixture('work-journal'), '--period', '2024-W23']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expectApproved('work-journal-2024-W23.md', result.stdout);
  });

  it('prints the yearly review as a brag document', async () => {
    const result = await daybook(['review', '--vault', join(__dirname, '..', '..', 'examples', 'vault'), '--period', '2026']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^warning: Daily\/2026-11-19\.md: invalid YAML frontmatter/);
    expectApproved('example-vault-2026.md', result.stdout);
  });

  it('takes a kind of period around --date, defaulting to today', async () => {
    const byKind = await daybook(['review', '--vault', fixture('mixed-vault'), '--period', 'week', '--date', '2027-01-01', '--json']);
    expect(JSON.parse(byKind.stdout).period.id).toBe('2026-W53');
    const today = await daybook(['review', '--vault', fixture('mixed-vault'), '--period', 'month', '--json'], new Date(2026, 11, 31, 23, 0));
    expect(JSON.parse(today.stdout).period.id).toBe('2026-12');
  });

  it('prints the review data as JSON with the documented fields', async () => {
    const result = await daybook(['review', '--vault', fixture('mixed-vault'), '--period', '2026-W53', '--json']);
    const data = JSON.parse(result.stdout);
    expect(Object.keys(data)).toEqual(
      expect.arrayContaining(['period', 'days', 'people', 'topics', 'otherLinks', 'incidents', 'projects', 'tasks', 'mood', 'goals', 'highlights', 'collaboration', 'design', 'reading', 'workLog', 'warnings']),
    );
    expect(Object.keys(data.period).sort()).toEqual(['end', 'id', 'kind', 'next', 'previous', 'start']);
    expect(Object.keys(data.days[0]).sort()).toEqual(['date', 'mood', 'path', 'summary']);
    expect(Object.keys(data.people[0]).sort()).toEqual(['blocks', 'mentions', 'name', 'path']);
    expect(Object.keys(data.people[0].blocks[0]).sort()).toEqual(['date', 'line', 'path', 'text']);
    expect(data.incidents[0]).toEqual(
      expect.objectContaining({ title: expect.any(String), date: expect.any(String), path: expect.any(String), severity: 'SEV-1', people: expect.any(Array), whys: expect.any(Array), prevention: expect.any(Array), actions: expect.any(Array) }),
    );
    expect(Object.keys(data.projects[0])).toEqual(expect.arrayContaining(['name', 'date', 'path', 'lines', 'impact']));
    expect(Object.keys(data.tasks[0])).toEqual(expect.arrayContaining(['text', 'done', 'date', 'path']));
    expect(data.mood.mood_wake).toEqual({ average: 6, count: 3, min: 3, max: 8 });
  });

  it('explains mistakes in one line, without a stack trace', async () => {
    const cases: [string[], RegExp][] = [
      [['review', '--vault', fixture('mixed-vault'), '--period', 'fortnight'], /unknown period "fortnight"/],
      [['review', '--vault', '/no/such/vault', '--period', 'week'], /vault folder not found: \/no\/such\/vault/],
      [['review', '--period', 'week'], /--vault DIR is required/],
      [['review', '--vault', fixture('mixed-vault')], /--period is required/],
      [['review', '--vault', fixture('mixed-vault'), '--all'], /--all rebuilds review notes, so it needs --write/],
      [['review', '--vault', fixture('mixed-vault'), '--period', 'week', '--date', '2026-02-30'], /expected a date written YYYY-MM-DD/],
    ];
    for (const [args, message] of cases) {
      const result = await daybook(args);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('stops on a settings file that is not JSON, naming it', async () => {
    const vault = copyOfFixture('mixed-vault');
    writeFileSync(join(vault, '.obsidian/plugins/daybook/data.json'), '{ "dailyFolder": ');
    const result = await daybook(['review', '--vault', vault, '--period', 'week']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/data\.json is not valid JSON/);
  });

  it('warns about unknown settings and goes on', async () => {
    const vault = copyOfFixture('mixed-vault');
    writeFileSync(join(vault, '.obsidian/plugins/daybook/data.json'), JSON.stringify({ dailyFolder: 'Journal', dailyFormat: 'YYYY/YYYY-MM-DD', colour: 'blue' }));
    const result = await daybook(['review', '--vault', vault, '--period', '2026-W53', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/data\.json: unknown setting "colour"; ignored/);
    expect(JSON.parse(result.stdout).days).toHaveLength(3);
  });
});

describe('bad notes', () => {
  it('lists binary, mis-encoded and broken notes by path and reviews the rest', async () => {
    const vault = copyOfFixture('mixed-vault');
    const day = (d: string) => join(vault, 'Journal/2026', `${d}.md`);
    writeFileSync(day('2026-12-28'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    writeFileSync(day('2026-12-29'), Buffer.concat([Buffer.from('- caf'), Buffer.from([0xe9]), Buffer.from(' with [[Vincent Chan]]\n')]));
    const result = await daybook(['review', '--vault', vault, '--period', '2026-W53', '--json']);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout);
    expect(data.warnings).toEqual([
      { path: 'Journal/2026/2026-12-28.md', message: 'skipped: is a binary file, not text' },
      { path: 'Journal/2026/2026-12-29.md', message: 'contains � (U+FFFD), which stands for bytes that were not valid UTF-8 or for a character lost before the note was saved' },
    ]);
    expect(result.stderr).toContain('warning: Journal/2026/2026-12-28.md: skipped: is a binary file, not text');
    expect(data.people[0].blocks[0]).toMatchObject({ date: '2026-12-29', text: 'caf\uFFFD with [[Vincent Chan]]' });
  });
});

describe('daybook review --write', () => {
  it('creates the review note, then leaves it untouched when nothing changed', async () => {
    const vault = copyOfFixture('mixed-vault');
    const first = await daybook(['review', '--vault', vault, '--period', '2026-W53', '--write']);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('created Reviews/2026-W53.md\n');
    const note = join(vault, 'Reviews/2026-W53.md');
    const before = statSync(note).mtimeMs;
    const text = readFileSync(note, 'utf8');
    const second = await daybook(['review', '--vault', vault, '--period', '2026-W53', '--write']);
    expect(second.stderr).toBe('Reviews/2026-W53.md is up to date; not written\n');
    expect(readFileSync(note, 'utf8')).toBe(text);
    expect(statSync(note).mtimeMs).toBe(before);
  });

  it('never touches the daily notes', async () => {
    const vault = copyOfFixture('mixed-vault');
    const daily = join(vault, 'Journal/2026/2026-12-31.md');
    const before = readFileSync(daily);
    await daybook(['review', '--vault', vault, '--all', '--write']);
    expect(readFileSync(daily).equals(before)).toBe(true);
  });

  it('keeps the user’s text, refuses a hand-edited region, and keeps a backup with --force', async () => {
    const vault = copyOfFixture('mixed-vault');
    await daybook(['review', '--vault', vault, '--period', '2026-W53', '--write']);
    const note = join(vault, 'Reviews/2026-W53.md');
    const mine = readFileSync(note, 'utf8') + '\n## What I think\n\nA good week 👍\n';
    writeFileSync(note, mine);
    writeFileSync(join(vault, 'Journal/2027/2027-01-02.md'), '- lunch with [[Kubernetes]] people\n');
    const update = await daybook(['review', '--vault', vault, '--period', '2026-W53', '--write']);
    expect(update.stderr).toBe('updated Reviews/2026-W53.md\n');
    const updated = readFileSync(note, 'utf8');
    expect(updated.endsWith('\n## What I think\n\nA good week 👍\n')).toBe(true);
    expect(updated).toContain('**Days journaled:** 4 of 7');

    const edited = updated.replace('## People', '## People I met');
    writeFileSync(note, edited);
    const refused = await daybook(['review', '--vault', vault, '--period', '2026-W53', '--write']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/^not written: Reviews\/2026-W53\.md: the generated part was edited by hand/);
    expect(readFileSync(note, 'utf8')).toBe(edited);

    const forced = await daybook(['review', '--vault', vault, '--period', '2026-W53', '--write', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toBe('rewrote Reviews/2026-W53.md (your edited version is kept in Reviews/2026-W53.daybook-backup.md)\n');
    expect(readFileSync(join(vault, 'Reviews/2026-W53.daybook-backup.md'), 'utf8')).toBe(edited);
    expect(readFileSync(note, 'utf8')).toContain('## People\n');
  });

  it('rebuilds every review with --all and sums up', async () => {
    const vault = copyOfFixture('mixed-vault');
    const first = await daybook(['review', '--vault', vault, '--all', '--write']);
    expect(first.code).toBe(0);
    // 4 days: weeks 2026-W53, 2027-W01; months 2026-12, 2027-01; quarters 2026-Q4, 2027-Q1; years 2026, 2027.
    expect(first.stderr.trim().split('\n').pop()).toBe('8 reviews: 8 written, 0 unchanged, 0 skipped because edited by hand');
    for (const name of ['2026-W53', '2027-W01', '2026-12', '2027-01', '2026-Q4', '2027-Q1', '2026', '2027']) {
      expect(existsSync(join(vault, 'Reviews', `${name}.md`))).toBe(true);
    }
    const again = await daybook(['review', '--vault', vault, '--all', '--write']);
    expect(again.stderr.trim().split('\n').pop()).toBe('8 reviews: 0 written, 8 unchanged, 0 skipped because edited by hand');
  });
});

describe('daybook daily', () => {
  it('creates the day’s note from the default template and never overwrites it', async () => {
    const vault = copyOfFixture('mixed-vault');
    const first = await daybook(['daily', '--vault', vault, '--date', '2027-02-03']);
    expect(first).toEqual({ code: 0, stdout: 'Journal/2027/2027-02-03.md\n', stderr: '' });
    const file = join(vault, 'Journal/2027/2027-02-03.md');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^---\nmood_wake:\nmood_wind:\n---\n## Mood\n\nHow do you feel when you wake up\? \{\{slider mood_wake\}\}/);
    expect(text).toContain('## Projects');
    writeFileSync(file, 'my own words');
    const second = await daybook(['daily', '--vault', vault, '--date', '2027-02-03']);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/already exists; left as it is/);
    expect(readFileSync(file, 'utf8')).toBe('my own words');
  });

  it('fills the user’s template from the core Daily notes settings', async () => {
    const vault = copyOfFixture('mixed-vault');
    writeFileSync(join(vault, '.obsidian/plugins/daybook/data.json'), '{}');
    writeFileSync(join(vault, '.obsidian/daily-notes.json'), JSON.stringify({ folder: 'Days', format: 'DD-MM-YYYY', template: 'Templates/Day' }));
    mkdirSync(join(vault, 'Templates'));
    writeFileSync(join(vault, 'Templates/Day.md'), '# {{title}}\n{{date:dddd}} at {{time}}; ← [[{{yesterday}}]] · [[{{tomorrow}}]] {{slider mood_wake}}\n');
    const result = await daybook(['daily', '--vault', vault], new Date(2026, 10, 22, 9, 30));
    expect(result.stdout).toBe('Days/22-11-2026.md\n');
    expect(readFileSync(join(vault, 'Days/22-11-2026.md'), 'utf8')).toBe('# 22-11-2026\nSunday at 09:30; ← [[21-11-2026]] · [[23-11-2026]] {{slider mood_wake}}\n');
  });
});

describe('the parse cache', () => {
  it('changes no byte of any review, cold, warm, corrupt or disabled', async () => {
    const vault = copyOfFixture('mixed-vault');
    const cacheDir = join(mkdtempSync(join(tmpdir(), 'daybook-cache-test-')), 'cache');
    const outputs: string[] = [];
    for (const period of ['2026-W53', '2027-W01', '2026-12', '2026-Q4', '2026', '2027']) {
      const uncached = await daybook(['review', '--vault', vault, '--period', period, '--json', '--no-cache']);
      const cold = await daybook(['review', '--vault', vault, '--period', period, '--json', '--cache-dir', cacheDir]);
      const warm = await daybook(['review', '--vault', vault, '--period', period, '--json', '--cache-dir', cacheDir]);
      expect(cold.stdout).toBe(uncached.stdout);
      expect(warm.stdout).toBe(uncached.stdout);
      outputs.push(uncached.stdout);
    }
    // Corrupt every entry and the frontmatter file: each is read afresh, and the reviews stay the same.
    expect(existsSync(join(cacheDir, 'frontmatter.json'))).toBe(true);
    for (const shard of readdirSync(cacheDir, { withFileTypes: true })) {
      if (!shard.isDirectory()) writeFileSync(join(cacheDir, shard.name), '{"version":2,"entries":[["x",');
      else for (const entry of readdirSync(join(cacheDir, shard.name))) writeFileSync(join(cacheDir, shard.name, entry), '{"version":2,"model":{"blo');
    }
    const again = await daybook(['review', '--vault', vault, '--period', '2026-W53', '--json', '--cache-dir', cacheDir]);
    expect(again.stdout).toBe(outputs[0]);
    const markdown = await daybook(['review', '--vault', vault, '--period', '2026-W53', '--cache-dir', cacheDir]);
    expectApproved('mixed-vault-2026-W53.md', markdown.stdout);
  });

  it('notices an edited note: its review changes at once', async () => {
    const vault = copyOfFixture('mixed-vault');
    const cacheDir = mkdtempSync(join(tmpdir(), 'daybook-cache-test-'));
    const before = await daybook(['review', '--vault', vault, '--period', '2027-W01', '--json', '--cache-dir', cacheDir]);
    writeFileSync(join(vault, 'Journal/2027/2027-01-04.md'), '---\nmood_wake: 5\n---\n- Planning with [[María José]]\n');
    const after = JSON.parse((await daybook(['review', '--vault', vault, '--period', '2027-W01', '--json', '--cache-dir', cacheDir])).stdout);
    expect(JSON.parse(before.stdout).people[0].name).toBe('Vincent Chan');
    expect(after.people[0].name).toBe('María José');
    expect(after.mood.mood_wake.average).toBe(5);
  });
});

describe('the review memo', () => {
  it('notices a 1:1 added to a person’s note and a new meeting note', async () => {
    const vault = copyOfFixture('work-journal');
    const cacheDir = mkdtempSync(join(tmpdir(), 'daybook-memo-'));
    const args = ['review', '--vault', vault, '--period', '2024-W23', '--json', '--cache-dir', cacheDir];
    const before = JSON.parse((await daybook(args)).stdout);
    expect(before.meetings).toHaveLength(3);
    writeFileSync(join(vault, 'People/Ben Okoro.md'), '---\ntype: person\n---\n- [[2024-06-05-Wednesday]]\n    - Wants to pair on the exporter\n');
    const filed = JSON.parse((await daybook(args)).stdout);
    expect(filed.meetings.map((m: { path: string }) => m.path)).toContain('People/Ben Okoro.md');
    writeFileSync(join(vault, 'Meetings/2024-06-07 retro.md'), '- Shipped the exporter\n');
    const retro = JSON.parse((await daybook(args)).stdout);
    expect(retro.meetings.map((m: { title: string }) => m.title)).toContain('retro');
  });

  it('answers an unchanged vault from the memo, and notices any note the review read changing', async () => {
    const vault = copyOfFixture('mixed-vault');
    const cacheDir = mkdtempSync(join(tmpdir(), 'daybook-memo-'));
    const args = ['review', '--vault', vault, '--period', '2026-W53', '--json', '--cache-dir', cacheDir];
    const first = (await daybook(args)).stdout;
    expect(existsSync(join(cacheDir, 'reviews', '2026-W53.inputs.json'))).toBe(true);
    expect((await daybook(args)).stdout).toBe(first);
    // An alias changes: [[Vince]] no longer names Vincent Chan.
    writeFileSync(join(vault, 'People', 'Vincent Chan.md'), '---\ntype: person\naliases: [Vinnie]\n---\n');
    const realiased = JSON.parse((await daybook(args)).stdout);
    expect(realiased.people[0]).toMatchObject({ name: 'Vincent Chan', mentions: 3 });
    // Vince is an entry of his own now; "Paired with [[Vince]] on …" makes him someone met, page or no page.
    expect(realiased.people.map((o: { name: string }) => o.name)).toContain('Vince');
    // A link target's frontmatter changes: Kubernetes becomes a person.
    writeFileSync(join(vault, 'Kubernetes.md'), '---\ntype: person\n---\n');
    const retyped = JSON.parse((await daybook(args)).stdout);
    expect(retyped.people.map((p: { name: string }) => p.name)).toContain('Kubernetes');
    // A new note makes a broken link resolve.
    writeFileSync(join(vault, 'People', 'Missing page.md'), '');
    const resolved = JSON.parse((await daybook(args)).stdout);
    expect(resolved.people.map((p: { name: string }) => p.name)).toContain('Missing page');
    // The settings change (a People folder is people whatever the setting; the topics folder is a setting only).
    writeFileSync(join(vault, '.obsidian/plugins/daybook/data.json'), JSON.stringify({ dailyFolder: 'Journal', dailyFormat: 'YYYY/YYYY-MM-DD', topicsFolder: 'Nowhere' }));
    const resettled = JSON.parse((await daybook(args)).stdout);
    expect(resettled.topics.map((p: { name: string }) => p.name)).not.toContain('Performance');
    expect((await daybook([...args.slice(0, -2), '--no-cache'])).stdout).toBe(JSON.stringify(resettled, null, 2) + '\n');
  });
});
