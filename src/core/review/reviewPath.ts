import { dayToDate, type Period } from '../dates/periods';
import { formatDate } from '../dates/dateFormatter';
import type { DaybookSettings } from '../settings';
import { joinPath } from '../vault';

/** Where the review note of a period lives, named by the configured format. */
export function reviewNotePath(period: Period, settings: DaybookSettings): string {
  return joinPath(settings.reviewsFolder, formatDate(dayToDate(period.start), settings.reviewFormats[period.kind])) + '.md';
}
