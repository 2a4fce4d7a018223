import { findDailyNote } from '../../src/core/dailyNotes';
import { dateFnsFormatter, useDateFormatter } from '../../src/core/dates/dateFormatter';
import { loadPeriodicNotes, readJournalsSettings, readPeriodicNotesSettings } from '../../src/core/periodicNotes';
import { mergeReview } from '../../src/core/review/managedRegion';
import { periodOfReviewNote, reviewNotePath } from '../../src/core/reviewNotes';
import { resolveSettings } from '../../src/core/settings';
import { fillTemplate, hasTemplaterCommands } from '../../src/core/template';
import { parsePeriodId } from '../../src/core/dates/periods';

describe("Periodic Notes' settings", () => {
  it('0.x: each enabled periodicity, empty formats meaning the plugin defaults, disabled ones left to Daybook', () => {
    const read = readPeriodicNotesSettings({
      daily: { enabled: true, format: '', folder: 'Daily/', template: 'T/Day' },
      weekly: { enabled: true, format: '', folder: '\\Weekly', template: '' },
      monthly: { enabled: false, format: 'YYYY-MM', folder: 'Monthly', template: '' },
      quarterly: { enabled: true, format: 'YYYY [Q]Q', folder: './Quarters', template: '' },
    });
    expect(read.notes).toEqual({
      day: { folder: 'Daily', format: 'YYYY-MM-DD', template: 'T/Day', source: 'Periodic Notes' },
      week: { folder: 'Weekly', format: 'gggg-[W]ww', template: '', source: 'Periodic Notes' },
      quarter: { folder: 'Quarters', format: 'YYYY [Q]Q', template: '', source: 'Periodic Notes' },
    });
  });

  it('1.0-beta: the active calendar set, else the first', () => {
    const set = (folder: string) => ({ enabled: true, format: 'YYYY', folder, templatePath: 'T/Year.md' });
    const sets = [{ id: 'A', year: set('A') }, { id: 'B', year: set('B') }];
    expect(readPeriodicNotesSettings({ calendarSets: sets, activeCalendarSet: 'B' }).notes.year?.folder).toBe('B');
    expect(readPeriodicNotesSettings({ calendarSets: sets, activeCalendarSet: 'gone' }).notes.year).toEqual({ folder: 'A', format: 'YYYY', template: 'T/Year.md', source: 'Periodic Notes' });
  });

  it('ignores what is not settings, saying so for a file that is not an object', () => {
    expect(readPeriodicNotesSettings(undefined)).toEqual({ notes: {}, problems: [] });
    expect(readPeriodicNotesSettings([1])).toEqual({ notes: {}, problems: ['periodic-notes data.json is not a JSON object; ignored'] });
    expect(readPeriodicNotesSettings({ weekly: { enabled: 'yes' } }).notes).toEqual({});
  });

  it('are read only while the plugin is enabled in community-plugins.json', async () => {
    const files: Record<string, unknown> = {
      '.obsidian/plugins/periodic-notes/data.json': { weekly: { enabled: true, folder: 'W', format: 'GGGG-[W]WW' } },
    };
    const read = (path: string) => Promise.resolve(files[path]);
    expect((await loadPeriodicNotes(read, '.obsidian')).notes).toEqual({});
    files['.obsidian/community-plugins.json'] = ['periodic-notes'];
    expect((await loadPeriodicNotes(read, '.obsidian')).notes.week?.folder).toBe('W');
  });
});

describe("the Journals plugin's settings", () => {
  it('turn a name template and a folder with date variables into one format', () => {
    const read = readJournalsSettings({
      journals: {
        m: { name: 'Month', write: { type: 'month' }, dateFormat: 'YYYY-MM', nameTemplate: '{{journal_name}} [{{date}}]', folder: 'Log/{{date:YYYY}}', templates: ['T/M'] },
        y: { name: 'Year', write: { type: 'year' }, dateFormat: 'YYYY', nameTemplate: '{{date}}', folder: 'Years', templates: [] },
        c: { name: 'Sprint', write: { type: 'custom', every: 'week', duration: 2 }, nameTemplate: '{{journal_name}} {{index}}' },
      },
    });
    expect(read.notes.month).toEqual({ folder: '', format: '[Log/]YYYY/[Month][ []YYYY-MM]', template: 'T/M', source: 'Journals', journal: { name: 'Month', dateFormat: 'YYYY-MM' } });
    expect(read.notes.year).toEqual({ folder: 'Years', format: 'YYYY', template: '', source: 'Journals', journal: { name: 'Year', dateFormat: 'YYYY' } });
    const month = resolveSettings({}, {}, read.notes).settings;
    expect(reviewNotePath(parsePeriodId('2026-11')!, month)).toBe('Log/2026/Month [2026-11].md');
    expect(periodOfReviewNote('Log/2026/Month [2026-11].md', month)?.id).toBe('2026-11');
  });

  it('leave a journal named by more than its date to Daybook, saying why', () => {
    const read = readJournalsSettings({ journals: { d: { name: 'Standup', write: { type: 'day' }, nameTemplate: '{{date}} {{index}}' } } });
    expect(read).toEqual({ notes: {}, problems: ['Journals journal "Standup" names its notes with more than a date; Daybook keeps its own daily notes'] });
  });
});

describe('settings with periodic notes', () => {
  it("Periodic Notes' daily settings win over core Daily notes'; Daybook's own still win over both", () => {
    const periodic = readPeriodicNotesSettings({ daily: { enabled: true, folder: 'PN', format: 'YYYY/MM-DD', template: 'T/PN' } }).notes;
    const core = { folder: 'Core', format: 'DD.MM.YYYY', template: 'T/Core' };
    expect(resolveSettings({}, core, periodic).settings).toMatchObject({ dailyFolder: 'PN', dailyFormat: 'YYYY/MM-DD', templatePath: 'T/PN' });
    expect(resolveSettings({ dailyFolder: 'Mine' }, core, periodic).settings).toMatchObject({ dailyFolder: 'Mine', dailyFormat: 'YYYY/MM-DD' });
    expect(resolveSettings({}, core, {}).settings).toMatchObject({ dailyFolder: 'Core', dailyFormat: 'DD.MM.YYYY' });
  });

  it("name a locale week's note (gggg-[W]ww) by the week's Monday, and read it back as that ISO week", () => {
    const settings = resolveSettings({}, {}, readPeriodicNotesSettings({ weekly: { enabled: true, folder: 'W', format: 'gggg-[W]ww' } }).notes).settings;
    expect(reviewNotePath(parsePeriodId('2026-W47')!, settings)).toBe('W/2026-W47.md');
    expect(periodOfReviewNote('W/2026-W47.md', settings)?.id).toBe('2026-W47');
    expect(periodOfReviewNote('W/2026-W47 copy.md', settings)).toBeNull();
    expect(periodOfReviewNote('Reviews/2026-11.md', settings)?.id).toBe('2026-11');
  });
});

describe('templates as users write them', () => {
  const settings = resolveSettings({}).settings;
  const fill = (template: string, dateFormat?: string) => fillTemplate(template, { day: '2026-11-22', title: '2026-11-22', now: new Date(2026, 10, 22, 9, 5), settings, ...(dateFormat ? { dateFormat } : {}) });

  it.each([
    ['{{date+1d:YYYY-MM-DD}}', '2026-11-23'],
    ['{{date-1w}}', '2026-11-15'],
    ['{{ date -1M : MMMM }}', 'October'],
    ['{{date+1y:YYYY}}', '2027'],
    ['{{date+1q:YYYY-[Q]Q}}', '2027-Q1'],
    ['{{time+2h}}', '11:05'],
    ['{{time-5m:HH:mm}}', '09:00'],
    ['{{title}}', '2026-11-22'],
    ['{{yesterday}} {{tomorrow:ddd}}', '2026-11-21 Mon'],
    ['{{date+1x}} {{title+1d}} {{slider mood_wake}}', '{{date+1x}} {{title+1d}} {{slider mood_wake}}'],
  ])('%s → %s', (template, filled) => {
    expect(fill(template)).toBe(filled);
  });

  it("formats a bare {{date}} by the note's own format: a weekly note's, not the daily one's", () => {
    expect(fill('{{date}} {{date+1w}}', 'GGGG-[W]WW')).toBe('2026-W47 2026-W48');
  });

  it('knows a Templater template', () => {
    expect(hasTemplaterCommands('# <% tp.file.title %>')).toBe(true);
    expect(hasTemplaterCommands('<%* tR += "x" %>')).toBe(true);
    expect(hasTemplaterCommands('a < b and c % d')).toBe(false);
  });
});

describe('the %% daybook %% line of a template', () => {
  it("is where the region goes, once, and a second run finds the region there", () => {
    const note = '# Week\n\n%% daybook %%\n\n## Notes\n';
    const first = mergeReview(note, 'Review\n');
    expect(first.text).toMatch(/^# Week\n\n%% daybook:begin [^\n]*\nReview\n%% daybook:end %%\n\n## Notes\n$/);
    expect(mergeReview(first.text, 'Review\n').status).toBe('unchanged');
  });

  it('is not one inside a code block, nor when written with more on its line', () => {
    const note = '```\n%% daybook %%\n```\nsee %% daybook %% here\n';
    expect(mergeReview(note, 'Review\n').text.startsWith(note + '\n%% daybook:begin ')).toBe(true);
  });

  it('keeps CRLF line breaks around it', () => {
    expect(mergeReview('a\r\n%% daybook %%\r\nb\r\n', 'R\n').text).toMatch(/^a\r\n%% daybook:begin [^\n]*\nR\n%% daybook:end %%\r\nb\r\n$/);
  });
});

describe("finding the day's note before making one", () => {
  const files = (...paths: string[]) => paths.map((path) => ({ path }));
  it('takes the exact path, else the note filed in a subfolder of the daily folder, else none', () => {
    const settings = resolveSettings({ dailyFolder: 'Daily' }).settings;
    expect(findDailyNote(files('Daily/2026/b/2026-11-22.md', 'Daily/2026-11-22.md'), '2026-11-22', settings)?.path).toBe('Daily/2026-11-22.md');
    expect(findDailyNote(files('Daily/2026/b/2026-11-22.md', 'Daily/2026/a/2026-11-22.md'), '2026-11-22', settings)?.path).toBe('Daily/2026/a/2026-11-22.md');
    expect(findDailyNote(files('Other/2026-11-22.md', 'Daily/x2026-11-22.md', 'Daily/2026-11-21.md'), '2026-11-22', settings)).toBeNull();
  });

  it('in a vault without a daily folder too, and not by name alone when the format holds folders', () => {
    expect(findDailyNote(files('a/2026-11-22.md'), '2026-11-22', resolveSettings({}).settings)?.path).toBe('a/2026-11-22.md');
    expect(findDailyNote(files('2026-11-22.md', 'a/2026-11-22.md'), '2026-11-22', resolveSettings({}).settings)?.path).toBe('2026-11-22.md');
    const foldered = resolveSettings({ dailyFormat: 'YYYY/MM/YYYY-MM-DD' }).settings;
    expect(findDailyNote(files('2026/12/2026-11-22.md'), '2026-11-22', foldered)).toBeNull();
    expect(findDailyNote(files('2026/11/2026-11-22.md'), '2026-11-22', foldered)?.path).toBe('2026/11/2026-11-22.md');
  });
});

describe("a weekly note's {{monday:…}} … {{sunday:…}}", () => {
  const settings = resolveSettings({}).settings;
  const week = (template: string) => fillTemplate(template, { day: '2026-11-16', title: '2026-W47', now: new Date(2026, 10, 16, 9), settings, dateFormat: 'gggg-[W]ww', week: true });

  it("name the days of the language's week holding it, Sunday first in English", () => {
    expect(week('{{sunday:D MMM}} {{Monday:ddd D}} {{saturday: YYYY-MM-DD }}')).toBe('15 Nov Mon 16 2026-11-21');
  });

  it('from Monday where the language starts weeks on Monday', () => {
    const restore = useDateFormatter({ ...dateFnsFormatter, weekStart: () => 1 });
    try {
      expect(week('{{monday:D}} {{sunday:D}}')).toBe('16 22');
    } finally {
      restore();
    }
  });

  it('stay as written in a daily template, as the daily-notes interface leaves them', () => {
    expect(fillTemplate('{{monday:D}}', { day: '2026-11-16', title: 't', now: new Date(2026, 10, 16), settings })).toBe('{{monday:D}}');
  });
});
