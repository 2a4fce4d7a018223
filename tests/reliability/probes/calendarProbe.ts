/**
 * Prints what Daybook's calendar code makes of a run of days, as JSON, so a
 * test can run it under several TZ values and compare: day arithmetic must not
 * depend on the process's time zone. Bundled with `obsidian` resolved to a
 * shim holding the moment package, as the app's moment is.
 */
import { dailyNotePath, dayOfDailyNote } from '../../../src/core/dailyNotes';
import { useDateFormatter } from '../../../src/core/dates/dateFormatter';
import { addDay, dateToDay, dayToDate, isDay, parsePeriodId, periodContaining, PERIOD_KINDS, shiftPeriod } from '../../../src/core/dates/periods';
import { resolveSettings } from '../../../src/core/settings';
import { fillTemplate } from '../../../src/core/template';
import { reviewNotePath } from '../../../src/core/reviewNotes';
import { appDates } from '../../../src/obsidian/appDates';

const [from, to] = process.argv.slice(2);
const settings = resolveSettings({ dailyFormat: 'YYYY/MM/DD ddd', reviewFormats: { week: 'gggg-[W]ww' } }).settings;
const out: unknown[] = [];
const run = (label: string) => {
  for (let day = from; day <= to; day = addDay(day, 1)) {
    const path = dailyNotePath(day, settings);
    const periods = PERIOD_KINDS.map((kind) => periodContaining(kind, day));
    out.push([
      label,
      day,
      isDay(day),
      dateToDay(dayToDate(day)),
      addDay(day, -1),
      path,
      dayOfDailyNote(path, settings),
      periods.map((p) => [p.id, p.start, p.end, parsePeriodId(p.id)?.start, shiftPeriod(p, 1).id, reviewNotePath(p, settings)]),
      fillTemplate('{{date}} {{yesterday}} {{tomorrow}} {{date:dddd D MMMM YYYY}}', { day, title: 't', now: new Date(2020, 0, 1, 8, 30), settings }),
    ]);
  }
};
run('date-fns');
useDateFormatter(appDates);
run('app moment');
process.stdout.write(JSON.stringify(out));
