import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { daybook } from '../helpers/cli';
import { settingsFile, vaultOf } from '../reliability/vaultHelpers';

/**
 * A warm weekly review proves nothing changed from sizes and mtimes, not by
 * reading every note: after any sequence of edits — a note far from the week
 * gaining the alias an unresolved link of the week names, in the same second
 * and at the same size; notes and folders added, renamed, deleted — the review
 * printed from a warm cache must be the one printed without any cache.
 */
type Step =
  | { op: 'day'; day: number; link: number; sameTick: boolean }
  | { op: 'alias'; note: number; alias: number; sameTick: boolean }
  | { op: 'add'; note: number; folder: number; alias: number }
  | { op: 'remove'; note: number }
  | { op: 'renameFolder' }
  | { op: 'type'; note: number; person: boolean; sameTick: boolean };

const DAYS = [16, 17, 18];
/** Names the week links to; none is a note's name, so each resolves only through an alias. */
const NAMES = ['Nobody', 'Kim', 'perf'];
const FOLDERS = ['Archive', 'Archive/Deep', 'Elsewhere'];
const NOTES = 4;

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('day' as const), day: fc.constantFrom(...DAYS), link: fc.integer({ min: 0, max: NAMES.length - 1 }), sameTick: fc.boolean() }),
  fc.record({ op: fc.constant('alias' as const), note: fc.integer({ min: 0, max: NOTES - 1 }), alias: fc.integer({ min: 0, max: NAMES.length - 1 }), sameTick: fc.boolean() }),
  fc.record({ op: fc.constant('add' as const), note: fc.integer({ min: 0, max: NOTES - 1 }), folder: fc.integer({ min: 0, max: FOLDERS.length - 1 }), alias: fc.integer({ min: 0, max: NAMES.length - 1 }) }),
  fc.record({ op: fc.constant('remove' as const), note: fc.integer({ min: 0, max: NOTES - 1 }) }),
  fc.constant({ op: 'renameFolder' as const }),
  fc.record({ op: fc.constant('type' as const), note: fc.integer({ min: 0, max: NOTES - 1 }), person: fc.boolean(), sameTick: fc.boolean() }),
);

/** Seconds set by the test: "the tick of now" is one future second (racy for any run), any other write a past second of its own. */
const tick = Math.floor(Date.now() / 1000) + 3600;
let past = tick - 100_000;
const stamp = (file: string, sameTick: boolean) => {
  const second = sameTick ? tick : past++;
  utimesSync(file, second, second);
};

const dayFile = (vault: string, day: number) => join(vault, 'Daily', `2026-11-${day}.md`);
const dayText = (day: number, link: number) => `## Journal\n\nDay ${day}: talked to [[${NAMES[link]}]] about #perf.\n`;
/** A note's text keeps one size whatever alias or type it holds, so only its bytes tell an edit. */
const noteText = (alias: number, person: boolean) => `---\naliases: [${NAMES[alias].padEnd(6, '_')}]\ntype: ${person ? 'person' : 'thingy'}\n---\nNotes.\n`.replace(/_+\]/, (m) => `]${' '.repeat(m.length - 1)}`);

class Notes {
  /** Where each note is now (relative to the vault), and what it holds. */
  readonly at = new Map<number, { path: string; alias: number; person: boolean }>();

  constructor(private readonly vault: string) {}

  write(note: number, sameTick: boolean): void {
    const held = this.at.get(note);
    if (!held) return;
    const file = join(this.vault, held.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, noteText(held.alias, held.person));
    stamp(file, sameTick);
  }
}

async function apply(vault: string, notes: Notes, s: Step): Promise<void> {
  switch (s.op) {
    case 'day':
      writeFileSync(dayFile(vault, s.day), dayText(s.day, s.link));
      stamp(dayFile(vault, s.day), s.sameTick);
      return;
    case 'alias':
    case 'type': {
      const held = notes.at.get(s.note);
      if (!held) return;
      if (s.op === 'alias') held.alias = s.alias;
      else held.person = s.person;
      notes.write(s.note, s.sameTick);
      return;
    }
    case 'add':
      if (notes.at.has(s.note)) return;
      notes.at.set(s.note, { path: `${FOLDERS[s.folder]}/Note ${s.note}.md`, alias: s.alias, person: s.note % 2 === 0 });
      notes.write(s.note, false);
      return;
    case 'remove': {
      const held = notes.at.get(s.note);
      if (!held) return;
      rmSync(join(vault, held.path), { force: true });
      notes.at.delete(s.note);
      return;
    }
    case 'renameFolder': {
      const from = join(vault, 'Archive');
      const to = join(vault, 'Archive moved');
      const [a, b] = existsSync(from) ? [from, to] : [to, from];
      // A note added to Archive after it moved makes both: nothing to rename to.
      if (!existsSync(a) || existsSync(b)) return;
      renameSync(a, b);
      const [oldPrefix, newPrefix] = a === from ? ['Archive/', 'Archive moved/'] : ['Archive moved/', 'Archive/'];
      for (const held of notes.at.values()) if (held.path.startsWith(oldPrefix)) held.path = newPrefix + held.path.slice(oldPrefix.length);
    }
  }
}

describe('a warm weekly review, by property', () => {
  it('after any sequence of note edits, additions, removals and folder renames, prints what a review without cache prints', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const vault = vaultOf({
          ...Object.fromEntries(DAYS.map((d) => [`Daily/2026-11-${d}.md`, dayText(d, d % NAMES.length)])),
          ...settingsFile({ dailyFolder: 'Daily' }),
        });
        const notes = new Notes(vault);
        notes.at.set(0, { path: 'Archive/Note 0.md', alias: 1, person: true });
        notes.at.set(1, { path: 'Archive/Deep/Note 1.md', alias: 2, person: false });
        for (const n of notes.at.keys()) notes.write(n, false);
        for (const d of DAYS) stamp(dayFile(vault, d), false);
        const cache = mkdtempSync(join(tmpdir(), 'daybook-warm-prop-'));
        const args = ['review', '--vault', vault, '--period', '2026-W47'];
        await daybook([...args, '--cache-dir', cache]);
        for (const s of steps) {
          await apply(vault, notes, s);
          const warm = await daybook([...args, '--cache-dir', cache]);
          const fresh = await daybook([...args, '--no-cache']);
          expect(warm.stderr).not.toMatch(/unexpected error/);
          expect({ step: s, review: warm.stdout }).toEqual({ step: s, review: fresh.stdout });
        }
        // Nothing Daybook prints is written into the vault.
        expect(existsSync(join(vault, 'Reviews'))).toBe(false);
        expect(readFileSync(dayFile(vault, 16), 'utf8')).toMatch(/^## Journal/);
        rmSync(vault, { recursive: true, force: true });
        rmSync(cache, { recursive: true, force: true });
      }),
      {
        numRuns: 20,
        // Each of these was missed by a warm run that trusted a stamp it should not have (racy rule, a moved folder, a new note), or did not watch a note.
        examples: [
          [[{ op: 'alias', note: 0, alias: 0, sameTick: true }, { op: 'alias', note: 0, alias: 1, sameTick: true }]],
          [[{ op: 'renameFolder' }, { op: 'alias', note: 1, alias: 0, sameTick: true }, { op: 'renameFolder' }]],
          [[{ op: 'add', note: 3, folder: 2, alias: 0 }, { op: 'type', note: 3, person: false, sameTick: true }, { op: 'remove', note: 3 }]],
          // A tag naming a note by its alias: the note, not a topic, was left unwatched; marked a person later, it takes the tag.
          [[{ op: 'day', day: 17, link: 0, sameTick: false }, { op: 'type', note: 1, person: true, sameTick: false }]],
        ],
      },
    );
    // Each case runs the CLI up to 17 times: minutes on a busy machine, so jest's default 5 s would end it early.
  }, 600_000);
});
