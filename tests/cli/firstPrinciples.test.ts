import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { daybook } from '../helpers/cli';
import { dailyNotes, filesUnder, settingsFile, vaultOf } from '../reliability/vaultHelpers';

const newCache = () => mkdtempSync(join(tmpdir(), 'daybook-first-'));
const summary = (stderr: string) => stderr.trim().split('\n').pop();

/** Every file of the vault with its bytes, Daybook's settings folder aside. */
function snapshot(vault: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of filesUnder(vault)) if (!path.startsWith('.obsidian/')) out[path] = readFileSync(join(vault, path)).toString('base64');
  return out;
}

/** What a rebuild from first principles writes: a copy of the vault without its reviews, an empty cache, no cache at all. */
async function freshRebuild(vault: string): Promise<Record<string, string>> {
  const copy = mkdtempSync(join(tmpdir(), 'daybook-fresh-'));
  cpSync(vault, copy, { recursive: true });
  rmSync(join(copy, 'Reviews'), { recursive: true, force: true });
  const result = await daybook(['review', '--vault', copy, '--all', '--write', '--no-cache']);
  expect(result.stderr).not.toMatch(/unexpected error/);
  return snapshot(copy);
}

const week47 = (vault: string) => join(vault, 'Reviews', '2026-W47.md');

describe('--all --write after edits equals a rebuild from first principles', () => {
  it('removes the review of a week whose only daily note was deleted', async () => {
    const vault = vaultOf({ ...dailyNotes([16, 23]), ...settingsFile({ dailyFolder: 'Daily' }) });
    const cache = newCache();
    await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
    expect(existsSync(join(vault, 'Reviews', '2026-W48.md'))).toBe(true);
    unlinkSync(join(vault, 'Daily', '2026-11-23.md'));
    const result = await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
    expect(existsSync(join(vault, 'Reviews', '2026-W48.md'))).toBe(false);
    expect(existsSync(join(vault, 'Reviews', '2026-W48 mood.svg'))).toBe(false);
    expect(summary(result.stderr)).toMatch(/1 removed \(no daily notes left in their period\)/);
    expect(snapshot(vault)).toEqual(await freshRebuild(vault));
  });

  it('removes the mood chart of a review deleted by hand once no review has its name', async () => {
    const vault = vaultOf({ ...dailyNotes([16, 17]), ...settingsFile({ dailyFolder: 'Daily' }) });
    const cache = newCache();
    await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
    expect(existsSync(join(vault, 'Reviews', '2026-W47 mood.svg'))).toBe(true);
    unlinkSync(week47(vault));
    writeFileSync(join(vault, '.obsidian', 'plugins', 'daybook', 'data.json'), JSON.stringify({ dailyFolder: 'Daily', reviewFormats: { week: 'GGGG-[Week] WW' } }));
    writeFileSync(join(vault, 'Reviews', 'My own drawing.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
    expect(existsSync(join(vault, 'Reviews', '2026-Week 47 mood.svg'))).toBe(true);
    expect(existsSync(join(vault, 'Reviews', '2026-W47 mood.svg'))).toBe(false);
    // A picture that is not Daybook's stays, as in any folder of the user's.
    expect(existsSync(join(vault, 'Reviews', 'My own drawing.svg'))).toBe(true);
    rmSync(join(vault, 'Reviews', 'My own drawing.svg'));
    expect(snapshot(vault)).toEqual(await freshRebuild(vault));
  });

  it('keeps a stale review that holds text of the user, and says so', async () => {
    const vault = vaultOf({ ...dailyNotes([16, 23]), ...settingsFile({ dailyFolder: 'Daily' }) });
    await daybook(['review', '--vault', vault, '--all', '--write']);
    const note = join(vault, 'Reviews', '2026-W48.md');
    writeFileSync(note, 'My own thoughts on the week.\n\n' + readFileSync(note, 'utf8'));
    unlinkSync(join(vault, 'Daily', '2026-11-23.md'));
    const result = await daybook(['review', '--vault', vault, '--all', '--write']);
    expect(readFileSync(note, 'utf8')).toMatch(/^My own thoughts on the week\./);
    expect(result.stderr).toMatch(/warning: Reviews\/2026-W48\.md: no daily note falls in 2026-W48 any more; kept, as it holds text of yours/);
  });

  it('puts back a mood chart the user deleted, though the note itself is unchanged', async () => {
    const vault = vaultOf({ ...dailyNotes([16, 17]), ...settingsFile({ dailyFolder: 'Daily' }) });
    const cache = newCache();
    await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
    await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
    const chart = join(vault, 'Reviews', '2026-W47 mood.svg');
    const bytes = readFileSync(chart, 'utf8');
    unlinkSync(chart);
    await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
    expect(readFileSync(chart, 'utf8')).toBe(bytes);
  });

  it('notices a same-size edit on a file system with 1-second timestamps, the mtime unchanged', async () => {
    const vault = vaultOf({ ...dailyNotes([16, 17]), ...settingsFile({ dailyFolder: 'Daily' }) });
    const cache = newCache();
    const note = join(vault, 'Daily', '2026-11-16.md');
    // A whole-second mtime not older than the run that records it: the edit below falls in the same tick.
    const second = Math.floor(Date.now() / 1000) + 60;
    utimesSync(note, second, second);
    await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
    expect(summary((await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache])).stderr)).toMatch(/0 written, 4 unchanged/);
    writeFileSync(note, readFileSync(note, 'utf8').replace('day 16', 'day 61'));
    utimesSync(note, second, second);
    const printed = await daybook(['review', '--vault', vault, '--period', '2026-W47', '--cache-dir', cache]);
    expect(printed.stdout).toContain('day 61');
    await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
    expect(readFileSync(week47(vault), 'utf8')).toContain('day 61');
  });

  it('warns about a `.nan` mood value with a warm cache as without one', async () => {
    const vault = vaultOf({ ...dailyNotes([17]), 'Daily/2026-11-16.md': '---\ntitle: "Monday"\nmood_wake: .nan\nmood_wind: .inf\n---\nWorked with [[Ana]].\n', ...settingsFile({ dailyFolder: 'Daily' }) });
    const cache = newCache();
    const args = ['review', '--vault', vault, '--period', '2026-W47'];
    const uncached = await daybook([...args, '--no-cache']);
    expect(uncached.stderr).toMatch(/warning: Daily\/2026-11-16\.md: mood_wake/);
    await daybook([...args, '--cache-dir', cache]);
    // Without the memo of built reviews, the parsed note comes from the parse cache.
    rmSync(join(cache, 'reviews'), { recursive: true, force: true });
    const warm = await daybook([...args, '--cache-dir', cache]);
    expect(warm.stderr).toBe(uncached.stderr);
    expect(warm.stdout).toBe(uncached.stdout);
  });

  it('a corrupted parse-cache entry is parsed afresh, in this run and every later one', async () => {
    const vault = vaultOf({ ...dailyNotes([16, 17]), ...settingsFile({ dailyFolder: 'Daily' }) });
    const args = ['review', '--vault', vault, '--period', '2026-W47', '--json'];
    const expected = (await daybook([...args, '--no-cache'])).stdout;
    const damages: ((entry: { model: { blocks: unknown[] } }) => unknown)[] = [
      (entry) => ({ ...entry, model: {} }),
      (entry) => ({ ...entry, model: { ...entry.model, blocks: [1, 'x', null, { links: 5 }] } }),
      (entry) => ({ ...entry, model: { ...entry.model, frontmatter: null } }),
    ];
    for (const damage of damages) {
      const cache = newCache();
      await daybook([...args, '--cache-dir', cache]);
      rmSync(join(cache, 'reviews'), { recursive: true, force: true });
      for (const shard of readdirSync(cache, { withFileTypes: true })) {
        if (shard.isDirectory()) {
          for (const name of readdirSync(join(cache, shard.name))) {
            const file = join(cache, shard.name, name);
            // The entry's JSON, with the right version and content check, and a damaged model.
            const text = readFileSync(file, 'utf8');
            const json = /^[0-9a-f]{40}\n/.test(text) ? text.slice(41) : text;
            writeFileSync(file, JSON.stringify(damage(JSON.parse(json) as { model: { blocks: unknown[] } })));
          }
        } else writeFileSync(join(cache, shard.name), '{"version":1,"rows":[["People/Ana.md",1,1,1,"x",{"data":null,"error":null}]]}');
      }
      for (let run = 0; run < 2; run++) {
        const result = await daybook([...args, '--cache-dir', cache]);
        expect(result.stderr).not.toMatch(/unexpected error/);
        expect(result.code).toBe(0);
        expect(result.stdout).toBe(expected);
        rmSync(join(cache, 'reviews'), { recursive: true, force: true });
      }
    }
  });
});

type Step =
  | { op: 'write'; day: number; people: number[]; mood: string; tag: boolean; sameTick: boolean }
  | { op: 'delete'; day: number }
  | { op: 'rename'; day: number; to: number }
  | { op: 'sameSize'; day: number }
  | { op: 'person'; which: number; alias: boolean; typed: boolean }
  | { op: 'settings'; peopleFolder: boolean; weekFormat: number }
  | { op: 'dropChart' }
  | { op: 'dropReview' }
  | { op: 'rebuild' };

const DAYS = [9, 10, 16, 17, 23, 30];
const PEOPLE = ['Ana', 'Bo', 'Cy'];
const WEEK_FORMATS = ['GGGG-[W]WW', 'GGGG-[Week] WW'];
// '.nan' beside a quoted value goes through the full YAML parser, which reads it as NaN.
const MOODS = ['3', '7', '.nan', '.nan\ntitle: "Day"', 'x', ''];

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('write' as const), day: fc.constantFrom(...DAYS), people: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3 }), mood: fc.constantFrom(...MOODS), tag: fc.boolean(), sameTick: fc.boolean() }),
  fc.record({ op: fc.constant('delete' as const), day: fc.constantFrom(...DAYS) }),
  fc.record({ op: fc.constant('rename' as const), day: fc.constantFrom(...DAYS), to: fc.constantFrom(...DAYS) }),
  fc.record({ op: fc.constant('sameSize' as const), day: fc.constantFrom(...DAYS) }),
  fc.record({ op: fc.constant('person' as const), which: fc.integer({ min: 0, max: 2 }), alias: fc.boolean(), typed: fc.boolean() }),
  fc.record({ op: fc.constant('settings' as const), peopleFolder: fc.boolean(), weekFormat: fc.integer({ min: 0, max: 1 }) }),
  fc.constant({ op: 'dropChart' as const }),
  fc.constant({ op: 'dropReview' as const }),
  fc.constant({ op: 'rebuild' as const }),
);

const daily = (vault: string, day: number) => join(vault, 'Daily', `2026-11-${String(day).padStart(2, '0')}.md`);

/** A daily note's text: people by name, by alias or unresolved (index 3), a tag, a mood value that may be no number. */
function dayText(day: number, people: number[], mood: string, tag: boolean): string {
  const names = people.map((p) => (p === 3 ? '[[Nobody]]' : p === 1 ? '[[B]]' : `[[${PEOPLE[p]}]]`));
  return `---\nmood_wake: ${mood}\n---\n## Journal\n\nDay ${day}: ${names.join(', ') || 'alone'}.${tag ? ' #perf' : ''}\n`;
}

/**
 * Timestamps kept to the second, set by the test rather than by the clock, so
 * no outcome depends on how fast the machine is: a note written "in the tick
 * of now" gets one future second (never older than a run that records it:
 * racy), any other write a second of the past no earlier write had.
 */
const tick = Math.floor(Date.now() / 1000) + 3600;
let past = tick - 100_000;

function stampWrite(file: string, sameTick: boolean): void {
  const second = sameTick ? tick : past++;
  utimesSync(file, second, second);
}

async function apply(vault: string, cache: string, s: Step): Promise<void> {
  switch (s.op) {
    case 'write':
      writeFileSync(daily(vault, s.day), dayText(s.day, s.people, s.mood, s.tag));
      stampWrite(daily(vault, s.day), s.sameTick);
      return;
    case 'delete':
      rmSync(daily(vault, s.day), { force: true });
      return;
    case 'rename':
      if (existsSync(daily(vault, s.day)) && !existsSync(daily(vault, s.to))) renameSync(daily(vault, s.day), daily(vault, s.to));
      return;
    case 'sameSize': {
      // One digit changed within the tick of now: a note already written in this tick keeps its mtime, as on a 1-second file system.
      const file = daily(vault, s.day);
      if (!existsSync(file)) return;
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace(/mood_wake: 3/, 'mood_wake: 4').replace(/mood_wake: 7/, 'mood_wake: 8'));
      stampWrite(file, true);
      return;
    }
    case 'person': {
      const frontmatter = [s.typed ? 'type: person' : 'type: note', s.alias ? 'aliases: [B]' : ''].filter(Boolean).join('\n');
      writeFileSync(join(vault, 'People', `${PEOPLE[s.which]}.md`), `---\n${frontmatter}\n---\n`);
      return;
    }
    case 'settings':
      writeFileSync(join(vault, '.obsidian', 'plugins', 'daybook', 'data.json'), JSON.stringify({ dailyFolder: 'Daily', peopleFolder: s.peopleFolder ? 'People' : '', reviewFormats: { week: WEEK_FORMATS[s.weekFormat] } }));
      return;
    case 'dropChart':
    case 'dropReview':
      for (const name of existsSync(join(vault, 'Reviews')) ? readdirSync(join(vault, 'Reviews')) : []) {
        if (name.endsWith(s.op === 'dropChart' ? '.svg' : '.md')) {
          rmSync(join(vault, 'Reviews', name));
          return;
        }
      }
      return;
    case 'rebuild': {
      const result = await daybook(['review', '--vault', vault, '--all', '--write', '--cache-dir', cache]);
      expect(result.stderr).not.toMatch(/unexpected error/);
    }
  }
}

describe('first principles, by property', () => {
  it('after any sequence of edits, deletes, renames and setting changes, --all --write writes what a fresh rebuild writes, byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const vault = vaultOf({
          ...Object.fromEntries(DAYS.slice(0, 4).map((d) => [`Daily/2026-11-${String(d).padStart(2, '0')}.md`, dayText(d, [d % 3], String((d % 9) + 1), d % 2 === 0)])),
          'People/Ana.md': '---\ntype: person\n---\n',
          'People/Bo.md': '---\ntype: person\naliases: [B]\n---\n',
          'People/Cy.md': '---\ntype: person\n---\n',
          ...settingsFile({ dailyFolder: 'Daily', peopleFolder: 'People' }),
        });
        const cache = newCache();
        for (const path of filesUnder(vault)) if (path.endsWith('.md')) stampWrite(join(vault, path), false);
        await apply(vault, cache, { op: 'rebuild' });
        for (const s of steps) await apply(vault, cache, s);
        await apply(vault, cache, { op: 'rebuild' });
        expect(snapshot(vault)).toEqual(await freshRebuild(vault));
        rmSync(vault, { recursive: true, force: true });
        rmSync(cache, { recursive: true, force: true });
      }),
      { numRuns: 25 },
    );
    // Each case runs the CLI a few times: minutes on a busy machine, so jest's default 5 s would end it early.
  }, 600_000);
});
