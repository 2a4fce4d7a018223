import { parsePeriodId } from '../../src/core/dates/periods';
import { buildReview } from '../../src/core/review/buildReview';
import { folderJournal } from '../helpers/historyCompare';
import { fixture } from '../helpers/cli';
import { FolderVault } from '../../src/cli/folderVault';
import { loadVaultSettings } from '../../src/cli/vaultSettings';
import { Journal } from '../../src/core/journal';
import { parseNote } from '../../src/core/note/parseNote';

async function changesOf(period: string) {
  const journal = await folderJournal(fixture('met-in-changes'))();
  const data = await buildReview(journal, parsePeriodId(period)!);
  return { data, changes: data.changes! };
}

describe('What changed says whom the review meets as people (met-in-changes)', () => {
  it('lists a person known only by a link to no note, met one to one, as a new person', async () => {
    const { data, changes } = await changesOf('2026-W47');
    expect(data.people.map((p) => p.name)).toContain('Tomas Berg');
    expect(changes.people.new.map((p) => p.name)).toContain('Tomas Berg');
  });

  it('lists a person linked under Projects and met on a later day as a person, never a project started', async () => {
    const { changes } = await changesOf('2026-W47');
    expect(changes.projects.started.map((p) => p.name)).toEqual(['Kiln rollout']);
    const priya = changes.people.new.find((p) => p.name === 'Priya Nair');
    // Both days count, the one under Projects too, as in the review's People.
    expect(priya?.days.map((d) => d.date)).toEqual(['2026-11-16', '2026-11-18']);
  });

  it('lists someone met in the baseline and not named in the period as a person gone quiet, never a topic', async () => {
    const { data, changes } = await changesOf('2026-W47');
    expect(data.people.map((p) => p.name)).not.toContain('Lena Voss');
    expect(changes.people.quiet.map((p) => p.name)).toEqual(['Lena Voss']);
    expect(changes.topics.quiet.map((t) => t.name)).not.toContain('Lena Voss');
  });
});

describe('whom the journal met, searched for twice in one review', () => {
  it('parses each daily note once: the baseline note that meets someone gone quiet is not parsed again after What changed let it go', async () => {
    const root = fixture('met-in-changes');
    const { settings, dialect } = await loadVaultSettings(root);
    const parsed: string[] = [];
    const journal = await Journal.open(await FolderVault.open(root, dialect.parse.pageProperties), settings, {
      dialect,
      parser: (text) => {
        parsed.push(text);
        return parseNote(text, dialect.parse);
      },
    });
    const data = await buildReview(journal, parsePeriodId('2026-W47')!);
    expect(data.changes!.people.quiet.map((p) => p.name)).toEqual(['Lena Voss']);
    expect(parsed.length).toBe(3);
    expect(new Set(parsed).size).toBe(3);
  });
});
