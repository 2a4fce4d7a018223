import { FolderVault } from '../../src/cli/folderVault';
import { reviewToJson } from '../../src/cli/reviewJson';
import { loadVaultSettings } from '../../src/cli/vaultSettings';
import type { Period } from '../../src/core/dates/periods';
import { Journal } from '../../src/core/journal';
import { buildReview } from '../../src/core/review/buildReview';
import { readWholeHistory } from '../../src/core/review/history';
import { renderReview } from '../../src/core/review/renderReview';
import { periodsWithNotes } from '../../src/core/reviewWriter';

/**
 * Builds each period's review twice, in journals opened afresh: once as a
 * single review is (What changed from the period's own history) and once from
 * the whole history digested note by note, the reference. Returns the periods
 * whose markdown or JSON differ, with the first line that does.
 */
export async function historiesDiffer(open: () => Promise<Journal>, periods?: Period[]): Promise<{ period: string; line: string }[]> {
  const differ: { period: string; line: string }[] = [];
  for (const period of periods ?? periodsWithNotes(await open())) {
    const own = await open();
    const reference = await open();
    readWholeHistory(reference);
    const [a, b] = [await buildReview(own, period), await buildReview(reference, period)];
    const texts = (data: typeof a, journal: Journal) => `${renderReview(data, journal.settings)}\n${reviewToJson(data, 2)}`;
    const [left, right] = [texts(a, own).split('\n'), texts(b, reference).split('\n')];
    const at = left.findIndex((line, i) => line !== right[i]);
    if (at !== -1 || left.length !== right.length) differ.push({ period: period.id, line: `${left[at] ?? ''} ≠ ${right[at] ?? ''}` });
  }
  return differ;
}

/** Opens a vault folder as the CLI does (its settings, its dialect). */
export function folderJournal(root: string): () => Promise<Journal> {
  return async () => {
    const { settings, dialect } = await loadVaultSettings(root);
    const vault = await FolderVault.open(root, dialect.parse.pageProperties);
    return Journal.open(vault, settings, { dialect });
  };
}
