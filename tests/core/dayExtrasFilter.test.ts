import { parsePeriodId } from '../../src/core/dates/periods';
import { parseNote } from '../../src/core/note/parseNote';
import { filedUnderDays, mayFileUnderDays } from '../../src/core/review/dayExtras';

const year = parsePeriodId('2024')!;
const dayOf = (link: { target: string }) => (/^\d{4}-\d{2}-\d{2}$/.test(link.target) ? link.target : null);
const filed = (raw: string) => filedUnderDays(parseNote(raw), 'People/Ana.md', year, dayOf);

// People's notes are read for 1:1s filed under day links, but parsed only when their text may hold one.
describe('which people’s notes are parsed for what they file under days', () => {
  const notes = [
    '- [[2024-04-01]]\n  - Talked about the migration',
    '### [[2024-04-02]] 1:1\nShe wants to lead the rollout.',
    '- [[2024-04-03|Wednesday]] sync\n\t- hiring plan',
    '---\ntype: person\naliases: [Ana]\n---\nWorks on payments. Met at the offsite.',
    '- &#91;&#91;2024-04-04]] written with entities',
    '- \\[\\[2024-04-05]] written with escapes',
    '- [**[2024-04-06]] with a stray mark',
    '- [Standup](2024-04-07.md) notes',
  ];

  it('parses every note that files something under a day', () => {
    for (const raw of notes) if (filed(raw).length > 0) expect([raw, mayFileUnderDays(raw)]).toEqual([raw, true]);
    expect(notes.filter((raw) => filed(raw).length > 0)).toHaveLength(3);
  });

  it('skips a note with no link in its text', () => {
    expect(mayFileUnderDays(notes[3])).toBe(false);
    expect(mayFileUnderDays('Plain words about a colleague, with [brackets] and a #tag.')).toBe(false);
  });
});
