import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { folderJournal, historiesDiffer } from '../helpers/historyCompare';

const FIXTURES = join(__dirname, '..', 'fixtures');

describe("What changed from the period's own history", () => {
  it.each(readdirSync(FIXTURES))('says the same as from the whole history for every period of %s', async (name) => {
    expect(await historiesDiffer(folderJournal(join(FIXTURES, name)))).toEqual([]);
  }, 120_000);
});
