import { parsePeriodId } from '../../src/core/dates/periods';
import { Journal } from '../../src/core/journal';
import { kindOfNote } from '../../src/core/links/targets';
import { buildReview } from '../../src/core/review/buildReview';
import { resolveSettings } from '../../src/core/settings';
import { MemoryVault } from '../helpers/memoryVault';

const settings = resolveSettings({ dailyFolder: 'Daily' }).settings;

describe('who is a person, in an Obsidian vault', () => {
  it('reads the ways public vaults mark people, and keeps a person out of projects and topics', () => {
    const kind = (path: string, frontmatter: Record<string, unknown> = {}) => kindOfNote(path, frontmatter, settings);
    expect(kind('Notes/Ana.md', { tags: ['team/colleague', 'team/person'] })).toBe('person');
    expect(kind('Notes/Bo.md', { categories: ['[[People]]'] })).toBe('person');
    expect(kind('Notes/Cy.md', { type: '[[Person]]' })).toBe('person');
    expect(kind('Notes/Dee.md', { tags: '#Person, #developer' })).toBe('person');
    expect(kind('Notes/@eve.md')).toBe('person');
    expect(kind('Work/Persons/Fay.md')).toBe('person');
    expect(kind('Areas/people/Gil.md')).toBe('person');
    expect(kind('Projects/People/Hal.md', { type: 'project' })).toBe('person');
    expect(kind('Work/Projects/Atlas.md')).toBe('project');
    expect(kind('Notes/Atlas.md', { tags: ['work/project'] })).toBe('project');
    expect(kind('Topics/Atlas.md', { type: 'project' })).toBe('project');
    expect(kind('Notes/people-ops.md')).toBe('other');
  });

  it('lists a tag naming a person’s note as that person, one entry with its links', async () => {
    const vault = new MemoryVault({
      'Daily/2026-11-16.md': '- 1:1 with #ana about #perf\n- lunch with [[Ana]]\n',
      'Team/Ana.md': '---\ntags: [team/person]\n---\n',
    });
    const data = await buildReview(await Journal.open(vault, settings), parsePeriodId('2026-W47')!);
    expect(data.people).toEqual([expect.objectContaining({ name: 'Ana', path: 'Team/Ana.md', mentions: 2 })]);
    expect(data.topics.map((t) => t.name)).toEqual(['#perf']);
  });

  it('lists whom a block logs a 1:1 or a meeting with as a person, page or no page; what it was about, or a group, is no one', async () => {
    const vault = new MemoryVault({
      'Daily/2026-11-16.md': '## Meetings\n- #Marek one to one\n\t- #Nadia [[1:1]]\n- [[Bram Vollers]] #meeting/1:1 [[2026-11-16]]\n- 1:1 with #kim about #perf\n- meeting with #design team about #perf\n- [[Tomas]] / [[kiran]] 1-1s\n',
      'Daily/2026-11-17.md': '- asked #Marek about #perf\n',
    });
    const data = await buildReview(await Journal.open(vault, settings), parsePeriodId('2026-W47')!);
    expect(data.people.map((p) => [p.name, p.mentions]).sort()).toEqual([['#Marek', 2], ['#Nadia', 1], ['#kim', 1], ['Bram Vollers', 1], ['Tomas', 1], ['kiran', 1]]);
    expect(data.topics.map((t) => t.name).sort()).toEqual(['#design', '#perf']);
    expect(data.otherLinks.map((o) => o.name)).not.toContain('Bram Vollers');
  });

  it('keeps a project linked under a Topics heading a project, never a topic', async () => {
    const vault = new MemoryVault({
      'Daily/2026-11-16.md': '## Topics\n- [[Atlas]] and [[Caching]]\n',
      'Projects/Atlas.md': '',
      'Caching.md': '',
    });
    const data = await buildReview(await Journal.open(vault, settings), parsePeriodId('2026-W47')!);
    expect(data.topics.map((t) => t.name)).toEqual(['Caching']);
    expect(data.otherLinks).toEqual([expect.objectContaining({ name: 'Atlas', project: true })]);
  });
});
