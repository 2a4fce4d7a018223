import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { copyOfFixture, daybook } from '../helpers/cli';

/** Every file of a vault folder with its text, `.obsidian` and the mood charts aside. */
function notesOf(vault: string, folder = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of readdirSync(join(vault, folder), { withFileTypes: true })) {
    const path = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.name === '.obsidian') continue;
    if (entry.isDirectory()) for (const [p, t] of notesOf(vault, path)) found.set(p, t);
    else if (!path.endsWith('.svg')) found.set(path, readFileSync(join(vault, path), 'utf8'));
  }
  return found;
}

const REGION = /%% daybook:begin hash=[0-9a-f]+ [^\n]*%%\n[\s\S]*?%% daybook:end %%/;

describe('with Periodic Notes keeping weekly notes (its 0.x settings)', () => {
  it("writes the week's review into the user's own weekly note, at its %% daybook %% line, and nowhere else", async () => {
    const vault = copyOfFixture('periodic-vault');
    const before = notesOf(vault);
    const result = await daybook(['review', '--vault', vault, '--period', '2026-W47', '--write', '--no-cache']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('added the generated review to your existing note Journal/Weekly/2026-W47.md\n');
    const after = notesOf(vault);
    // No Reviews/ folder, no second note: only the weekly note changed.
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [path, text] of before) if (path !== 'Journal/Weekly/2026-W47.md') expect(after.get(path)).toBe(text);
    const weekly = after.get('Journal/Weekly/2026-W47.md')!;
    const [mine, theirs] = weekly.split(REGION);
    expect(mine).toBe('# 2026-W47\n\nMy own plan for the week: finish the rate limiter.\n\n## Review\n\n');
    expect(theirs).toBe('\n\n## Notes\n\nWritten by hand, kept byte for byte.\n');
    expect(weekly).toContain('[[Journal/Daily/2026-11-16|Mon 16 Nov]]');
    expect(weekly).toContain('← [[Journal/Weekly/2026-W46|2026-W46]] · [[Journal/Weekly/2026-W48|2026-W48]] →');
    // A second run finds its region in the user's note and changes nothing.
    const again = await daybook(['review', '--vault', vault, '--period', '2026-W47', '--write', '--no-cache']);
    expect(again.stderr).toBe('Journal/Weekly/2026-W47.md is up to date; not written\n');
  });

  it("makes a missing weekly note from the user's template, tokens and offsets filled, the review at its %% daybook %% line", async () => {
    const vault = copyOfFixture('periodic-vault');
    const result = await daybook(['review', '--vault', vault, '--period', '2026-W48', '--write', '--no-cache']);
    expect(result.stderr).toBe('created Journal/Weekly/2026-W48.md\n');
    const note = readFileSync(join(vault, 'Journal/Weekly/2026-W48.md'), 'utf8');
    const [head, tail] = note.split(REGION);
    expect(head).toBe("# 2026-W48\n\nWeek of 2026-11-23; next week's note: [[2026-W49]]\n\n## Plan\n\n- \n\n## Review\n\n");
    expect(tail).toBe('\n\n## Notes\n');
    expect(note).toContain('[[Journal/Daily/2026/2026-11-24|Tue 24 Nov]]');
    expect(existsSync(join(vault, 'Reviews'))).toBe(false);
  });

  it('puts the review at the end of a template without a %% daybook %% line', async () => {
    const vault = copyOfFixture('periodic-vault');
    writeFileSync(join(vault, 'Templates/Weekly.md'), '# {{title}}\n\n## Plan\n');
    await daybook(['review', '--vault', vault, '--period', '2026-W48', '--write', '--no-cache']);
    const note = readFileSync(join(vault, 'Journal/Weekly/2026-W48.md'), 'utf8');
    expect(note.startsWith('# 2026-W48\n\n## Plan\n\n%% daybook:begin ')).toBe(true);
    expect(note.endsWith('%% daybook:end %%\n')).toBe(true);
  });

  it('makes a weekly note from a Templater template as written, and says why its commands were not run', async () => {
    const vault = copyOfFixture('periodic-vault');
    writeFileSync(join(vault, 'Templates/Weekly.md'), '# <% tp.file.title %>\n\n%% daybook %%\n');
    const result = await daybook(['review', '--vault', vault, '--period', '2026-W48', '--write', '--no-cache']);
    expect(result.stderr).toBe(
      'created Journal/Weekly/2026-W48.md; made from Templates/Weekly.md, but its template holds Templater commands (<% … %>), which only Templater in the app can run, so they are left as written\n',
    );
    expect(readFileSync(join(vault, 'Journal/Weekly/2026-W48.md'), 'utf8').startsWith('# <% tp.file.title %>\n\n%% daybook:begin ')).toBe(true);
  });

  it('writes the monthly review, which Periodic Notes does not keep, into Daybook\'s own folder as before', async () => {
    const vault = copyOfFixture('periodic-vault');
    const result = await daybook(['review', '--vault', vault, '--period', '2026-11', '--write', '--no-cache']);
    expect(result.stderr).toBe('created Reviews/2026-11.md\n');
  });

  it('reads the daily notes where Periodic Notes keeps them, not where the core Daily notes settings say', async () => {
    const vault = copyOfFixture('periodic-vault');
    const result = await daybook(['review', '--vault', vault, '--period', '2026-W47', '--json', '--no-cache']);
    expect(JSON.parse(result.stdout).days.map((d: { path: string }) => d.path)).toEqual(['Journal/Daily/2026-11-16.md', 'Journal/Daily/2026-11-18.md']);
  });

  it("makes a day's note from Periodic Notes' daily template, with offsets, and finds one filed in a subfolder", async () => {
    const vault = copyOfFixture('periodic-vault');
    const made = await daybook(['daily', '--vault', vault, '--date', '2026-11-25']);
    expect(made.stdout).toBe('Journal/Daily/2026-11-25.md\n');
    expect(readFileSync(join(vault, 'Journal/Daily/2026-11-25.md'), 'utf8')).toBe(
      '---\nmood_wake:\nmood_wind:\n---\n# 2026-11-25\n\n← [[2026-11-24]] · [[2026-11-26]] →\nWeek: [[2026-W48]]\n\n## Projects\n\n- \n',
    );
    const filed = await daybook(['daily', '--vault', vault, '--date', '2026-11-24']);
    expect(filed.stdout).toBe('Journal/Daily/2026/2026-11-24.md\n');
    expect(filed.stderr).toBe('Journal/Daily/2026/2026-11-24.md already exists; left as it is\n');
    expect(existsSync(join(vault, 'Journal/Daily/2026-11-24.md'))).toBe(false);
  });

  it('keeps today\'s behaviour when Periodic Notes is installed but not enabled', async () => {
    const vault = copyOfFixture('periodic-vault');
    writeFileSync(join(vault, '.obsidian/community-plugins.json'), '["calendar"]');
    const result = await daybook(['daily', '--vault', vault, '--date', '2026-11-25']);
    expect(result.stdout).toBe('Old daily notes/25.11.2026.md\n');
    const review = await daybook(['review', '--vault', vault, '--period', '2026-W47', '--write', '--no-cache']);
    expect(review.stderr).toBe('created Reviews/2026-W47.md\n');
  });

  it('reads the 1.0-beta calendar sets the same way', async () => {
    const vault = copyOfFixture('periodic-vault');
    const set = (folder: string, format: string, templatePath: string) => ({ enabled: true, folder, format, templatePath, openAtStartup: false });
    writeFileSync(
      join(vault, '.obsidian/plugins/periodic-notes/data.json'),
      JSON.stringify({
        showGettingStartedBanner: false,
        installedVersion: '1.0.0-beta.3',
        activeCalendarSet: 'Work',
        calendarSets: [
          { id: 'Default', ctime: '2023-01-01T00:00:00Z', week: set('Elsewhere', 'GGGG-[W]WW', '') },
          { id: 'Work', ctime: '2023-01-01T00:00:00Z', day: set('Journal/Daily', 'YYYY-MM-DD', 'Templates/Daily.md'), week: set('Journal/Weekly', 'GGGG-[W]WW', 'Templates/Weekly.md') },
        ],
      }),
    );
    const result = await daybook(['review', '--vault', vault, '--period', '2026-W47', '--write', '--no-cache']);
    expect(result.stderr).toBe('added the generated review to your existing note Journal/Weekly/2026-W47.md\n');
    expect(existsSync(join(vault, 'Elsewhere'))).toBe(false);
  });

  it('stops, naming the setting, when a periodic folder would reach outside the vault', async () => {
    const vault = copyOfFixture('periodic-vault');
    const path = join(vault, '.obsidian/plugins/periodic-notes/data.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"Journal/Weekly"', '"../Weekly"'));
    const result = await daybook(['review', '--vault', vault, '--period', '2026-W47', '--write', '--no-cache']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Periodic Notes week folder "\.\.\/Weekly" goes up out of its folder/);
  });
});

describe('with the Journals plugin keeping a weekly journal', () => {
  it("writes the week's review into that journal's note, its folder's date variables included", async () => {
    const vault = copyOfFixture('periodic-vault');
    rmSync(join(vault, 'Journal/Weekly'), { recursive: true });
    writeFileSync(join(vault, '.obsidian/community-plugins.json'), '["periodic-notes","journals"]');
    // Periodic Notes keeps only the daily notes here; Journals the weeks.
    const periodic = join(vault, '.obsidian/plugins/periodic-notes/data.json');
    writeFileSync(periodic, readFileSync(periodic, 'utf8').replace(/"weekly": \{[^}]*\}/, '"weekly": {"enabled": false}'));
    const journals = {
      version: 3,
      journals: {
        'Work log': { name: 'Work log', write: { type: 'day' }, dateFormat: 'YYYY-MM-DD', nameTemplate: '{{journal_name}} {{index}}', folder: 'Log', templates: [] },
        Weekly: { name: 'Weekly', write: { type: 'week' }, dateFormat: 'GGGG-[W]WW', nameTemplate: '{{journal_name}} {{date}}', folder: 'Weeks/{{date:YYYY}}', templates: ['Templates/Weekly.md'] },
      },
    };
    writeFileSync(join(vault, 'Templates/Weekly.md'), '# {{journal_name}}: {{date}}, {{start_date:D MMM}} to {{end_date:D MMM}}\n\n%% daybook %%\n');
    const dir = join(vault, '.obsidian/plugins/journals');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'data.json'), JSON.stringify(journals));
    const result = await daybook(['review', '--vault', vault, '--period', '2026-W48', '--write', '--no-cache']);
    expect(result.stderr).toBe(
      'warning: ' + join(vault, '.obsidian/plugins/daybook/data.json') + ': Journals journal "Work log" names its notes with more than a date; Daybook keeps its own daily notes\ncreated Weeks/2026/Weekly 2026-W48.md\n',
    );
    expect(readFileSync(join(vault, 'Weeks/2026/Weekly 2026-W48.md'), 'utf8').startsWith('# Weekly: 2026-W48, 23 Nov to 29 Nov\n\n%% daybook:begin ')).toBe(true);
  });
});

describe('daybook base', () => {
  it('writes the journal base beside the daily notes, leaves it when unchanged, and keeps one the user changed', async () => {
    const vault = copyOfFixture('periodic-vault');
    const made = await daybook(['base', '--vault', vault, '--write']);
    expect(made).toEqual({ code: 0, stdout: 'Journal/Daily/Daybook journal.base\n', stderr: 'created Journal/Daily/Daybook journal.base\n' });
    const path = join(vault, 'Journal/Daily/Daybook journal.base');
    const base = parse(readFileSync(path, 'utf8'));
    expect(base.filters.and).toContain('file.inFolder("Journal/Daily")');
    expect(base.views.map((v: { name: string }) => v.name)).toEqual(['Days', 'By week']);
    expect((await daybook(['base', '--vault', vault, '--write'])).stderr).toBe('Journal/Daily/Daybook journal.base is up to date; not written\n');
    writeFileSync(path, readFileSync(path, 'utf8') + '  - type: cards\n    name: Mine\n');
    const kept = await daybook(['base', '--vault', vault, '--write']);
    expect(kept.code).toBe(3);
    expect(kept.stderr).toMatch(/changed since Daybook wrote it; left as it is; .*--force\n$/);
    expect(readFileSync(path, 'utf8')).toContain('name: Mine');
    expect((await daybook(['base', '--vault', vault, '--write', '--force'])).stderr).toBe('rewrote Journal/Daily/Daybook journal.base\n');
  });

  it('prints it without --write, and refuses a daily format Bases cannot read as dates', async () => {
    const vault = copyOfFixture('periodic-vault');
    expect(parse((await daybook(['base', '--vault', vault])).stdout).formulas.week).toBe('formula.day.format("GGGG-[W]WW")');
    writeFileSync(join(vault, '.obsidian/community-plugins.json'), '[]');
    writeFileSync(join(vault, '.obsidian/daily-notes.json'), '{"format": "dddd, Do MMMM YYYY"}');
    const refused = await daybook(['base', '--vault', vault, '--write']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^daybook: the daily note format "dddd, Do MMMM YYYY" gives names Bases cannot read as dates/);
  });
});

describe('a periodic format that names days', () => {
  it('never puts a review into a daily note', async () => {
    const vault = copyOfFixture('periodic-vault');
    const path = join(vault, '.obsidian/plugins/periodic-notes/data.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"gggg-[W]ww"', '"YYYY-MM-DD"').replace('"Journal/Weekly"', '"Journal/Daily"'));
    const before = readFileSync(join(vault, 'Journal/Daily/2026-11-16.md'), 'utf8');
    const result = await daybook(['review', '--vault', vault, '--period', '2026-W47', '--write', '--no-cache']);
    // Settings under which a weekly note is a daily note are refused before anything is written.
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Periodic Notes' weekly notes \(folder "Journal\/Daily", format "YYYY-MM-DD"\): the week review of \S+ would be Journal\/Daily\/\S+\.md, which is also the daily note of /);
    expect(readFileSync(join(vault, 'Journal/Daily/2026-11-16.md'), 'utf8')).toBe(before);
  });
});
