import { parsePeriodId } from '../../src/core/dates/periods';
import { Journal } from '../../src/core/journal';
import { buildReview } from '../../src/core/review/buildReview';
import { renderReview } from '../../src/core/review/renderReview';
import { resolveSettings } from '../../src/core/settings';
import { FolderVault } from '../../src/cli/folderVault';
import { fixture } from '../helpers/cli';
import { MemoryVault } from '../helpers/memoryVault';
import { sectionOf } from '../helpers/reviewSections';

const settings = resolveSettings({ dailyFolder: 'Daily', dailyFormat: 'YYYY-MM-DD-dddd' }).settings;

async function reviewOf(period: string, custom = settings) {
  const journal = await Journal.open(new FolderVault(fixture('work-journal')), custom);
  const data = await buildReview(journal, parsePeriodId(period)!);
  return { data, markdown: renderReview(data, custom) };
}

describe('a work journal in the styles of real vaults (work-journal, 2024-W23)', () => {
  let data: Awaited<ReturnType<typeof reviewOf>>['data'];
  let markdown: string;
  beforeAll(async () => {
    ({ data, markdown } = await reviewOf('2024-W23'));
  });

  it('reads marker tags as markers, not topics', () => {
    expect(data.topics.map((t) => t.name)).toEqual(['#backpressure']);
  });

  it('takes no navigation link between days and no filing property for a mention', () => {
    const names = data.otherLinks.map((o) => o.name);
    expect(names).not.toEqual(expect.arrayContaining([expect.stringMatching(/2024-06-0\d/)]));
    expect(names).not.toContain('+Daily Notes');
    expect(names.sort()).toEqual(['202310241130', 'assets/vacuum.sql']);
  });

  it('sums up each day by its owner’s first words, not the date title, a section label or a callout', () => {
    expect(data.days.map((d) => d.summary)).toEqual(['Paired with [[Ana Ruiz]] on the ingest retries #task', 'Write the retry budget doc']);
  });

  it('counts a task copied to the next day and checked there as done', () => {
    expect(data.tasks.find((t) => t.date === '2024-06-04')).toEqual(expect.objectContaining({ status: 'open', doneOn: '2024-06-05' }));
    expect(sectionOf(markdown, 'Open tasks')).not.toContain('retry budget');
    expect(markdown).toContain('**Tasks:** 2 open, 1 done');
  });

  it('never makes a person linked under Projects a project; a project line keeps its link word', () => {
    expect(data.projects.map((p) => [p.name, p.lines])).toEqual([['dbt', ['[[dbt]] migration', 'moved 12 models to incremental']]]);
    expect(data.people.find((p) => p.name === 'Ana Ruiz')?.blocks.map((b) => b.text)).toContain('[[Ana Ruiz]]: helped her scope the exporter');
  });

  it('reads a 1:1 filed under the day in the person’s note, and meeting notes, as part of their days', () => {
    expect(data.meetings).toEqual([
      { date: '2024-06-04', path: 'Meetings/2024-06-04 1-1 Ben.md', line: 5, title: '1-1 Ben', kind: 'meeting', people: ['Ben Okoro'] },
      { date: '2024-06-05', path: 'People/Ana Ruiz.md', line: 8, title: 'Ana Ruiz', kind: 'filed' },
      { date: '2024-06-06', path: 'Meetings/Weekly sync.md', line: 4, title: 'Weekly sync', kind: 'meeting' },
    ]);
    const ana = data.people.find((p) => p.name === 'Ana Ruiz')!;
    expect(ana.blocks.map((b) => [b.date, b.text])).toContainEqual(['2024-06-05', 'She wants to own the exporter end to end']);
    // The 1:1 of May is another week's.
    expect(JSON.stringify(data)).not.toContain('on-call rotation');
    expect(data.tasks.map((t) => t.text)).toEqual(expect.arrayContaining(['Find her a design review slot', 'Ask infra for staging access for Ben']));
    expect(sectionOf(markdown, 'Meetings')).toContain('- [[People/Ana Ruiz|Wed 5 Jun]]: notes in [[People/Ana Ruiz|Ana Ruiz]]');
  });

  it('leaves meeting notes and people’s notes out when the settings say so', async () => {
    const off = resolveSettings({ dailyFolder: 'Daily', dailyFormat: 'YYYY-MM-DD-dddd', meetingNotes: false, filedUnderDays: false }).settings;
    const { data: plain } = await reviewOf('2024-W23', off);
    expect(plain.meetings).toEqual([]);
    expect(plain.tasks.map((t) => t.text)).not.toContain('Find her a design review slot');
  });

  it('gives a sectioned incident its follow-ups from the “Next steps include” line of its paragraph', () => {
    expect(data.incidents[0]).toEqual(
      expect.objectContaining({
        title: 'Exports stuck behind a migration lock',
        context: ['Exports for two tenants stalled for an hour while a schema migration held a table lock.'],
        prevention: ['A lock timeout on migrations', 'An alert on export lag', 'A runbook entry for stuck exports'],
      }),
    );
  });

  it('shows a note named by its id by what its links call it, and links a relative file by its vault path', () => {
    expect(sectionOf(markdown, 'Other links')).toContain('- [[202310241130|Postgres]] · 1 mention');
    expect(sectionOf(markdown, 'Other links')).toContain('- [[assets/vacuum.sql]] · 1 mention');
  });
});

describe('the yearly review of the work journal', () => {
  it('takes no critique under Feedback for a win, and rewrites quoted links to resolve from the review', async () => {
    const { data, markdown } = await reviewOf('2024');
    expect(data.highlights.map((h) => h.text)).toEqual(['Cut ingest retries by 40% with jittered backoff']);
    expect(markdown).not.toContain('overwhelming');
    expect(markdown).not.toMatch(/\[\[#|!\[/);
  });
});

describe('marker tags', () => {
  it('are a setting: with # or without, replacing the defaults', async () => {
    const custom = resolveSettings({ dailyFolder: 'Daily', markerTags: ['#standup'] }).settings;
    const journal = await Journal.open(new MemoryVault({ 'Daily/2026-11-16.md': '- notes #standup #task\n' }), custom);
    const data = await buildReview(journal, parsePeriodId('2026-W47')!);
    expect(data.topics.map((t) => t.name)).toEqual(['#task']);
    expect(resolveSettings({ markerTags: 'task' }).problems).toEqual(['markerTags must be a list of texts; using the default']);
    expect(resolveSettings({ meetingNotes: 'yes' }).problems).toEqual(['meetingNotes must be true or false, not "yes"; using true']);
  });
});

describe('the seed’s sectioned style: one line per paragraph, no blank lines', () => {
  const note = [
    'Projects',
    'Moved the invoice export to the new queue and deleted the nightly cron.',
    'Incidents',
    'Invoices missing from the customer portal (SEV-2)',
    'Some customers saw no invoices for two hours while the export consumer lagged behind a slow query.',
    'Next steps include an alert on consumer lag, an index for the portal query, and a post-incident review.',
    'Journal',
    'Long day, but the fix held.',
    '',
  ].join('\n');

  it('reads its section lines as sections and its incident with follow-ups', async () => {
    const journal = await Journal.open(new MemoryVault({ 'Daily/2026-11-16.md': note }), resolveSettings({ dailyFolder: 'Daily' }).settings);
    const data = await buildReview(journal, parsePeriodId('2026-W47')!);
    expect(data.incidents).toEqual([
      expect.objectContaining({
        title: 'Invoices missing from the customer portal',
        severity: 'SEV-2',
        line: 4,
        context: ['Some customers saw no invoices for two hours while the export consumer lagged behind a slow query.'],
        prevention: ['An alert on consumer lag', 'An index for the portal query', 'A post-incident review'],
      }),
    ]);
    expect(data.projects.map((p) => p.lines)).toEqual([]);
    expect(data.workLog.map((m) => m.text)).toEqual(['Moved the invoice export to the new queue and deleted the nightly cron.']);
    expect(data.days[0].summary).toBe('Moved the invoice export to the new queue and deleted the nightly cron.');
  });

  it('leaves a word alone on a line inside lists, code and ordinary headings as it was', async () => {
    const journal = await Journal.open(
      new MemoryVault({ 'Daily/2026-11-16.md': '## Log\n\n- Notes\n- more\n\n```\nProjects\ncode\n```\n' }),
      resolveSettings({ dailyFolder: 'Daily' }).settings,
    );
    const data = await buildReview(journal, parsePeriodId('2026-W47')!);
    expect(data.projects).toEqual([]);
    expect(data.workLog).toEqual([]);
  });
});

describe('meeting notes as real vaults name them', () => {
  it('finds them by folder name, by a date in their name in the daily format’s order, and titles them by their heading or first line; a sync tool’s conflict copy is none', async () => {
    const journal = await Journal.open(
      new MemoryVault({
        'log/28-08-2025.md': '- back from holidays\n',
        'meeting-notes/bp-meet-tom-kate-28-08-25.md': '# Static site check-in\n\n- overview for Kate\n',
        'Meetings/2025-08-29.md': '---\nattendees:\n  - Charlie\n  - "[[Louis]]"\n---\n> [!summary]\n> - Showcase and task updates\n',
        'ops-meet-27-08-25.md': '- rota for September\n',
        'notes/2025-08-27 reading list.md': '- not a meeting\n',
        'log/28-08-2025.sync-conflict-20250828-201611-TNRWM2K.md': '- back from holidays, on the laptop\n',
        'log/29-08-2025 sync with Dana.md': '- roadmap\n',
      }),
      resolveSettings({ dailyFolder: 'log', dailyFormat: 'DD-MM-YYYY' }).settings,
    );
    const data = await buildReview(journal, parsePeriodId('2025-W35')!);
    expect(data.meetings.map((m) => [m.date, m.title, m.people ?? []])).toEqual([
      ['2025-08-27', 'ops-meet', []],
      ['2025-08-28', 'Static site check-in', []],
      ['2025-08-29', 'Showcase and task updates', ['Charlie', 'Louis']],
      ['2025-08-29', 'sync with Dana', []],
    ]);
  });
});

describe('a day’s title', () => {
  it('is the note’s first top heading only: a later one is a template section', async () => {
    const journal = await Journal.open(
      new MemoryVault({ 'Daily/2026-11-16.md': '# Monday, November 16, 2026\n\n- [ ]\n\n# 📝 Notes\n\n- <% tp.file.cursor() %>\n- Fixed the flaky deploy check\n' }),
      resolveSettings({ dailyFolder: 'Daily' }).settings,
    );
    const data = await buildReview(journal, parsePeriodId('2026-W47')!);
    expect(data.days[0].summary).toBe('Fixed the flaky deploy check');
  });
});
