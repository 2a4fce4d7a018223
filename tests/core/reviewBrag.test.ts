import { parsePeriodId } from '../../src/core/dates/periods';
import { Journal } from '../../src/core/journal';
import { parseNote } from '../../src/core/note/parseNote';
import { buildReview } from '../../src/core/review/buildReview';
import { findIncidents, followUpsOf } from '../../src/core/review/incidents';
import { renderMoodChart } from '../../src/core/review/moodChart';
import { compactDays, shorten } from '../../src/core/review/renderMarkdown';
import { renderReview } from '../../src/core/review/renderReview';
import { resolveSettings } from '../../src/core/settings';
import { MemoryVault } from '../helpers/memoryVault';
import { sectionOf } from '../helpers/reviewSections';

const settings = resolveSettings({ dailyFolder: 'Daily' }).settings;

async function review(files: Record<string, string>, period: string, custom = settings) {
  const journal = await Journal.open(new MemoryVault(files), custom);
  const data = await buildReview(journal, parsePeriodId(period)!);
  return { data, markdown: renderReview(data, custom) };
}

describe('highlights', () => {
  it('come from #win, #kudos, #praise and Wins/Kudos/Feedback sections, without the tag', async () => {
    const { data, markdown } = await review(
      {
        'Daily/2026-03-02.md': '## Journal\n\n- Shipped the importer #win\n- Lunch #food\n\n## Kudos\n\n- [[Ana]] thanked me for the runbook\n    - detail under it\n',
        'Daily/2026-03-03.md': '- Feedback\n    - "clearest ADR this year" #praise\n',
      },
      '2026',
    );
    expect(data.highlights.map((h) => [h.date, h.text])).toEqual([
      ['2026-03-02', 'Shipped the importer'],
      ['2026-03-02', '[[Ana]] thanked me for the runbook'],
      ['2026-03-03', '"clearest ADR this year"'],
    ]);
    expect(sectionOf(markdown, 'Highlights')).toContain('- Shipped the importer ([[Daily/2026-03-02|Mon 2 Mar]])');
  });

  it('follow the settings: other tags and section names', async () => {
    const custom = resolveSettings({ dailyFolder: 'Daily', brag: { highlightTags: ['shipped'], highlightSections: ['Done'] } }).settings;
    const { data } = await review({ 'Daily/2026-03-02.md': '- Importer #shipped\n- Other #win\n\n## Done\n\n- Migrations\n' }, '2026', custom);
    expect(data.highlights.map((h) => h.text)).toEqual(['Importer', 'Migrations']);
  });

  it('are absent, heading and all, when nothing is marked', async () => {
    const { markdown } = await review({ 'Daily/2026-03-02.md': '- an ordinary day\n' }, '2026');
    expect(markdown).not.toContain('## Highlights');
  });
});

describe('settings for the brag sections', () => {
  it('report a wrong value and keep the default', () => {
    const { settings: read, problems } = resolveSettings({ brag: { highlightTags: 'win', readingTypes: ['book', 'paper'], colour: [] } });
    expect(read.brag.highlightTags).toEqual(['win', 'kudos', 'praise']);
    expect(read.brag.readingTypes).toEqual(['book', 'paper']);
    expect(problems).toEqual(['brag.highlightTags must be a list of words; using defaults', 'brag.colour is not a brag setting; ignored']);
  });
});

describe('goals', () => {
  const files = {
    'Goals.md': '- [x] Ship [[Atlas]]\n- [ ] Learn [[Rust]]\n',
    'Atlas.md': '',
    'Daily/2026-02-02.md': '## Projects\n\n- [[Atlas]]: cut-over plan\n',
    'Daily/2026-02-05.md': '- read about [[Atlas]] billing\n',
    'Daily/2026-03-01.md': '## Goals\n\n- Finish the slides today\n',
  };

  it('come from the goals note with their state and the days and projects that link to what they link', async () => {
    const { data, markdown } = await review(files, '2026');
    expect(data.goals.map((g) => [g.text, g.done])).toEqual([
      ['Ship [[Atlas]]', true],
      ['Learn [[Rust]]', false],
    ]);
    expect(data.goals[0].evidence).toEqual([
      { name: 'Atlas', path: 'Atlas.md', days: [{ date: '2026-02-02', path: 'Daily/2026-02-02.md' }, { date: '2026-02-05', path: 'Daily/2026-02-05.md' }], projects: ['Atlas'] },
    ]);
    const goals = sectionOf(markdown, 'Goals');
    expect(goals).toContain('- ✅ Ship [[Atlas]]\n    - [[Atlas]]: on 2 days: [[Daily/2026-02-02|2 Feb]], [[Daily/2026-02-05|5 Feb]]');
    expect(goals).toContain("    - [[Rust]]: not in this period's notes");
  });

  it('never come from a daily note’s Goals heading', async () => {
    const { data } = await review(files, '2026');
    expect(data.goals.map((g) => g.text)).not.toContain('Finish the slides today');
  });

  it('come from a Goals section the user wrote in the yearly review note, outside Daybook’s region', async () => {
    const reviewNote = '## Goals\n\n- Speak at a meetup\n\n%% daybook:begin hash=0 %%\n## Goals\n\n- Generated goal\n%% daybook:end %%\n';
    const { data } = await review({ ...files, 'Goals.md': '', 'Reviews/2026.md': reviewNote }, '2026-Q1');
    expect(data.goals.map((g) => g.text)).toEqual(['Speak at a meetup']);
  });
});

describe('projects', () => {
  it('drop placeholders and empty bullets, and show each line once', async () => {
    const { markdown } = await review(
      {
        'Daily/2026-02-02.md': '## Projects\n\n- Atlas\n    - wrote the plan\n    - \n    - nothing today\n',
        'Daily/2026-02-03.md': '## Projects\n\n- Atlas\n    - Wrote the plan.\n    - [ ]\n- Search: no updates\n',
      },
      '2026',
    );
    const projects = sectionOf(markdown, 'Projects');
    expect(projects.match(/wrote the plan/gi)).toHaveLength(1);
    expect(projects).not.toMatch(/nothing today|no updates|^- \(\[\[/m);
    expect(projects).toContain('### Atlas\n\n2 days, 2 Feb – 3 Feb.');
    expect(projects).toContain('### Search\n\n1 day, [[Daily/2026-02-03|Tue 3 Feb]].');
  });

  it('keep prose under Projects: under the project it links, else as the day’s work log', async () => {
    const { data, markdown } = await review(
      {
        'People/Dania.md': '---\ntype: person\n---\n',
        'Daily/2026-02-02.md': '## Projects\n\nMerged the sort branch into [[Sales History]] and reviewed [[Dania]]’s filters.\n\n## Journal\n\nok\n',
        'Daily/2026-02-03.md': '## Projects\n\nQuiet day: closed old tickets.\n',
      },
      '2026',
    );
    expect(data.projects.map((p) => [p.name, p.lines])).toEqual([['Sales History', ['Merged the sort branch into [[Sales History]] and reviewed [[Dania]]’s filters.']]]);
    expect(data.workLog.map((m) => m.text)).toEqual(['Quiet day: closed old tickets.']);
    expect(markdown).toContain('### Work log\n\n- Quiet day: closed old tickets. ([[Daily/2026-02-03|Tue 3 Feb]])');
  });
});

describe('incidents', () => {
  it('read an outliner incident with bracketed parts, titled by its parent bullet', () => {
    for (const whys of ['# [5Whys]', '# [5 Whys]', '# 5-whys', '# Five whys', '# [5 WHYS]']) {
      const note = parseNote(
        `- Today is a firefighting day. [[Henry Tang]] [[Tom Lui]]\n    - # [Impact]\n        - 9,000 drivers expired\n    - # [Timeline]\n    - 07:15 reported\n    - ${whys}\n    - ## 1. Why were drivers expired?\n    - A feature ignored its default\n    - # [How to prevent]\n    - {{[[TODO]]}} Default new rules to off\n    - # [Lessons learned]\n    - Defaults are behaviour\n`,
      );
      const [incident] = findIncidents(note);
      expect(incident).toMatchObject({
        title: 'Today is a firefighting day.',
        impact: ['9,000 drivers expired'],
        whys: ['Why were drivers expired? — A feature ignored its default'],
        actions: [{ text: 'Default new rules to off', done: false }],
        learnings: ['Defaults are behaviour'],
      });
    }
  });

  it('tell a sectioned prose incident from its paragraphs: what happened, then follow-ups', () => {
    const note = parseNote(
      '## Incidents\n\n### Sales missing from history (SEV-1)\n\nNew sales did not show for some accounts.\n\nNo alert fired.\n\nNext steps include a post-incident review, alerting on lag, and an index (account_id, created_at).\n',
    );
    expect(findIncidents(note)).toEqual([
      expect.objectContaining({
        title: 'Sales missing from history',
        severity: 'SEV-1',
        context: ['New sales did not show for some accounts.', 'No alert fired.'],
        prevention: ['A post-incident review', 'Alerting on lag', 'An index (account_id, created_at)'],
      }),
    ]);
  });

  it('split only a paragraph that starts as a list of next steps', () => {
    expect(followUpsOf('Follow-ups: fix the alert; write the runbook')).toEqual(['Fix the alert', 'Write the runbook']);
    expect(followUpsOf('The next steps were unclear to everyone.')).toBeNull();
    expect(followUpsOf('We discussed follow-ups later.')).toBeNull();
  });
});

describe('collaboration, design and reading', () => {
  const files = {
    'Reading/DDIA.md': '---\ntype: book\n---\n',
    'Reading/Paper.md': '---\ntags: [article]\n---\n',
    'Docs/ADR-1.md': '---\ntype: adr\n---\n',
    'Notes/Plain.md': '',
    'Daily/2026-01-05.md': '- Started [[DDIA]]\n    - LSM trees trade reads for writes\n- [[ADR-1]] accepted\n- [[Plain]] note\n\n## Mentorship\n\n- 1:1 with Sam\n',
    'Daily/2026-01-06.md': '## Journal\n\nFinished [[Paper]].\n\n- Complex systems run degraded\n\n## Team\n\n- Pairing with Tom #pairing\n\n## Docs\n\n- Wrote the onboarding guide\n',
  };

  it('put mentoring lines, design docs and reading with their takeaways in their sections', async () => {
    const { data, markdown } = await review(files, '2026');
    expect(data.collaboration.map((m) => m.text)).toEqual(['1:1 with Sam', 'Pairing with Tom']);
    expect(data.design.docs.map((d) => [d.name, d.type])).toEqual([['ADR-1', 'adr']]);
    expect(data.design.lines.map((m) => m.text)).toEqual(['Wrote the onboarding guide']);
    expect(data.reading.map((r) => [r.name, r.type, r.takeaways.map((t) => t.text)])).toEqual([
      ['DDIA', 'book', ['LSM trees trade reads for writes']],
      // A sectioned note writes takeaways as the list after the paragraph that links the book.
      ['Paper', 'article', ['Complex systems run degraded']],
    ]);
    const learned = sectionOf(markdown, 'What I learned');
    expect(learned).toContain('- [[DDIA]] (book) · on [[Daily/2026-01-05|Mon 5 Jan]]\n    - LSM trees trade reads for writes ([[Daily/2026-01-05|Mon 5 Jan]])');
    // The plain note is neither: it stays an other link.
    expect(sectionOf(markdown, 'Other links')).toContain('[[Plain]]');
    expect(sectionOf(markdown, 'Other links')).not.toContain('[[DDIA]]');
  });
});

describe('reading and design docs by folder', () => {
  it('count the notes of the configured folders, whatever their type', async () => {
    const custom = resolveSettings({ dailyFolder: 'Daily', brag: { readingFolders: ['Library/'], designFolders: ['RFCs'] } }).settings;
    const { data } = await review({ 'Library/Essay.md': '', 'RFCs/RFC-9.md': '', 'Daily/2026-01-05.md': '- [[Essay]] and [[RFC-9]]\n' }, '2026', custom);
    expect(data.reading.map((r) => [r.name, r.type])).toEqual([['Essay', 'reading']]);
    expect(data.design.docs.map((d) => [d.name, d.type])).toEqual([['RFC-9', 'doc']]);
  });
});

describe('numbers and lines a reader can take', () => {
  const day = (d: string) => ({ date: d, path: `Daily/${d}.md` });

  it('say one day as one date, a few days all linked, many days as a span with the first few linked', () => {
    expect(compactDays([day('2026-04-04'), day('2026-04-04')])).toBe('on [[Daily/2026-04-04|Sat 4 Apr]]');
    expect(compactDays([day('2026-04-06'), day('2026-04-04')])).toBe('on 2 days: [[Daily/2026-04-04|4 Apr]], [[Daily/2026-04-06|6 Apr]]');
    const many = Array.from({ length: 41 }, (_, i) => day(`2026-${String(1 + Math.floor(i / 4)).padStart(2, '0')}-${String(3 + (i % 4)).padStart(2, '0')}`));
    const line = compactDays(many);
    expect(line).toMatch(/^on 41 days, 3 Jan – 3 Nov: \[\[Daily\/2026-01-03\|3 Jan\]\], \[\[Daily\/2026-01-04\|4 Jan\]\], \[\[Daily\/2026-01-05\|5 Jan\]\], \[\[Daily\/2026-01-06\|6 Jan\]\] …$/);
  });

  it('cut long quotes at a word with …', () => {
    const cut = shorten('word '.repeat(100), 50);
    expect(cut.length).toBeLessThanOrEqual(52);
    expect(cut.endsWith('word …')).toBe(true);
  });

  it('cut outside parentheses when there is a place to', () => {
    expect(shorten('adding an index for the staff query (account_id, created_at), and watching sales for a week', 60)).toBe('adding an index for the staff query …');
  });

  it('link two notes of one name by their paths', async () => {
    const { markdown } = await review({ 'A/Runbook.md': '', 'B/Runbook.md': '', 'Daily/2026-01-05.md': '- [[A/Runbook]] and [[B/Runbook]]\n' }, '2026-W02');
    expect(markdown).toContain('[[A/Runbook|Runbook]]');
    expect(markdown).toContain('[[B/Runbook|Runbook]]');
  });

  it('keep other links in the yearly review', async () => {
    const { markdown } = await review({ 'Daily/2026-01-05.md': '- met about [[Some Vendor]]\n' }, '2026');
    expect(sectionOf(markdown, 'Other links')).toContain('- [[Some Vendor]] · 1 mention on [[Daily/2026-01-05|Mon 5 Jan]]');
  });
});

describe('the mood chart', () => {
  it('draws one line per slider over the period’s days, breaking at unjournaled days', async () => {
    const { data } = await review(
      {
        'Daily/2026-01-05.md': '---\nmood_wake: 5\nmood_wind: 6\n---\n',
        'Daily/2026-01-06.md': '---\nmood_wake: 7\n---\n',
        'Daily/2026-01-08.md': '---\nmood_wake: 3\n---\n',
      },
      '2026-W02',
    );
    const svg = renderMoodChart(data, settings.sliders)!;
    // Wake: a line Mon–Tue, then a lone dot on Thu. Wind: one lone dot.
    expect(svg.match(/<polyline/g)).toHaveLength(1);
    expect(svg.match(/<circle/g)).toHaveLength(4);
    expect(svg).not.toMatch(/<rect/);
    expect(svg).toContain('How do you feel when you wake up? (1–10)');
    expect(renderMoodChart({ ...data, days: data.days.map((d) => ({ ...d, mood: {} })) }, settings.sliders)).toBeNull();
  });
});
