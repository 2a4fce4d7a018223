import { promises as fsPromises } from 'node:fs';
import { resolve } from 'node:path';
import type { Period } from '../core/dates/periods';
import { exportReview, type ExportFormat } from '../core/export/exportReview';
import type { Journal } from '../core/journal';
import { buildReview } from '../core/review/buildReview';

export interface ExportOptions {
  format?: string;
  out?: string;
  names?: string;
}

/** `daybook export`: the review as a document to hand over, to standard output or --out FILE. */
export async function exportCommand(journal: Journal, period: Period, options: ExportOptions, io: { stdout: (text: string) => void; stderr: (text: string) => void }): Promise<number> {
  const format = (options.format ?? 'markdown') as ExportFormat;
  const settings = options.names ? { ...journal.settings, exportNames: options.names as 'full' | 'initials' } : journal.settings;
  const review = await buildReview(journal, period);
  for (const w of review.warnings) io.stderr(`warning: ${w.path}: ${w.message}\n`);
  const personOf = (target: string) => {
    const found = journal.catalog.lookup(target);
    return found.kind === 'person' ? found.name : null;
  };
  const text = exportReview(review, settings, format, personOf);
  if (options.out === undefined) {
    io.stdout(text);
    return 0;
  }
  await fsPromises.writeFile(resolve(options.out), text);
  io.stderr(`wrote ${options.out}\n`);
  return 0;
}
