import type { Period } from '../src/core/dates/periods';
import { periodsWithNotes } from '../src/core/reviewWriter';
import { folderJournal, historiesDiffer } from '../tests/helpers/historyCompare';

/**
 * `node dist/compareHistories.js DIR… [--weeks N] [--months N]`: builds reviews
 * of each vault both ways (What changed from the period's own history, and
 * from the whole history, the reference) and prints how many differ. Every
 * year and quarter with notes, and every Nth month and week (default: every
 * 3rd month, every 13th week, so each vault's comparison stays minutes long).
 * Prints counts and period ids only: a vault's text never leaves it.
 */
const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i === -1 ? fallback : Number(argv[i + 1]);
};
const every = { month: option('--months', 3), week: option('--weeks', 13) };
const vaults = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));

async function main(): Promise<void> {
  let compared = 0;
  let differ = 0;
  for (const root of vaults) {
    const open = folderJournal(root);
    const all = periodsWithNotes(await open());
    const kept: Period[] = [];
    const seen = { week: 0, month: 0 };
    for (const period of all) {
      if (period.kind === 'year' || period.kind === 'quarter') kept.push(period);
      else if (seen[period.kind]++ % every[period.kind] === 0) kept.push(period);
    }
    const started = Date.now();
    const found = await historiesDiffer(open, kept);
    compared += kept.length;
    differ += found.length;
    const years = kept.filter((p) => p.kind === 'year').length;
    process.stdout.write(`${root}: ${kept.length} reviews (${years} yearly) compared, ${found.length} differ (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    for (const d of found) process.stdout.write(`  ${d.period} differs\n`);
  }
  process.stdout.write(`${compared} reviews compared, ${differ} differ\n`);
  process.exitCode = differ ? 1 : 0;
}

void main();
