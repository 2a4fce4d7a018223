import type { Period } from '../core/dates/periods';
import { exportReview } from '../core/export/exportReview';
import { errorText, openJournal, type ReviewContext } from './reviewCommands';

/** The part of the Clipboard API the command uses: rich text where the platform has it, else plain text. */
export interface ShareClipboard {
  writeText(text: string): Promise<void>;
  write?(items: ClipboardItem[]): Promise<void>;
}

/**
 * "Copy review for sharing": the period's review as a document to hand over,
 * on the clipboard as Markdown and, where the platform allows, as HTML too
 * (pasted into a mail or a document, it keeps its headings and charts).
 * Builds from the vault and writes nothing.
 */
export async function copyReviewForSharing(context: ReviewContext, period: Period, clipboard: ShareClipboard | undefined, Item?: typeof ClipboardItem): Promise<void> {
  try {
    if (!clipboard) throw new Error('this device gives no clipboard to plugins');
    const { journal, build } = await openJournal(context);
    const review = await build(journal, period);
    const personOf = (target: string) => {
      const found = journal.catalog.lookup(target);
      return found.kind === 'person' ? found.name : null;
    };
    const markdown = exportReview(review, context.settings, 'markdown', personOf);
    if (clipboard.write && Item) {
      const html = exportReview(review, context.settings, 'html', personOf);
      await clipboard.write([new Item({ 'text/plain': new Blob([markdown], { type: 'text/plain' }), 'text/html': new Blob([html], { type: 'text/html' }) })]);
    } else {
      await clipboard.writeText(markdown);
    }
    const names = context.settings.exportNames === 'initials' ? ', names as initials' : '';
    context.notify(`Daybook: copied the review of ${period.id} for sharing${names}.`);
  } catch (error) {
    context.notify(`Daybook: could not copy the review of ${period.id}: ${errorText(error)}`);
  }
}
