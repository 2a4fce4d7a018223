import { applyInsertion, incidentBlock } from '../../../src/core/editing/incidentBlock';
import { nextWhy } from '../../../src/core/editing/nextWhy';
import { findIncidents } from '../../../src/core/review/incidents';
import { parseNote } from '../../../src/core/note/parseNote';

/** Runs a command on a note whose cursor is marked `|`, returning the note with the new cursor marked. */
function run(command: typeof incidentBlock | typeof nextWhy, note: string): string | null {
  const lines = note.split('\n');
  const cursorLine = lines.findIndex((l) => l.includes('|'));
  lines[cursorLine] = lines[cursorLine].replace('|', '');
  const insertion = command(lines, cursorLine);
  if (!insertion) return null;
  const after = applyInsertion(lines, insertion);
  const { line, ch } = insertion.cursor;
  after[line] = after[line].slice(0, ch) + '|' + after[line].slice(ch);
  return after.join('\n');
}

describe('insert incident', () => {
  it('writes headings one level below the section, cursor on the title', () => {
    expect(run(incidentBlock, '## Incidents\n|\n## Journal')).toBe(
      [
        '## Incidents',
        '### Incident: |',
        '',
        'severity:: ',
        'people:: ',
        '',
        '#### Impact',
        '',
        '#### Timeline',
        '',
        '#### 5 Whys',
        '',
        '1. Why ?',
        '',
        '#### How to prevent',
        '',
        '#### Action items',
        '',
        '- [ ] ',
        '## Journal',
      ].join('\n'),
    );
  });

  it('writes nested bullets at the cursor’s depth in an outliner note', () => {
    expect(run(incidentBlock, '- ## Incidents\n\t- |')).toBe(
      [
        '- ## Incidents',
        '\t- ## Incident: |',
        '\t\t- severity:: ',
        '\t\t- people:: ',
        '\t\t- ### Impact',
        '\t\t\t- ',
        '\t\t- ### Timeline',
        '\t\t\t- ',
        '\t\t- ### 5 Whys',
        '\t\t\t- #### 1. Why ?',
        '\t\t- ### How to prevent',
        '\t\t\t- ',
        '\t\t- ### Action items',
        '\t\t\t- [ ] ',
      ].join('\n'),
    );
  });

  it('inserts below a line with text rather than replacing it', () => {
    expect(run(incidentBlock, 'Some text|')?.split('\n').slice(0, 2)).toEqual(['Some text', '# Incident: |']);
  });

  it('makes a block the review reads as an incident', () => {
    const note = run(incidentBlock, '## Incidents\n|')!.replace('|', 'Queue backlog').replace('severity:: ', 'severity:: SEV-3');
    expect(findIncidents(parseNote(note))).toEqual([expect.objectContaining({ title: 'Queue backlog', severity: 'SEV-3', whys: ['Why ?'] })]);
  });
});

describe('add next why', () => {
  it('continues an ordered list of whys after the last answer', () => {
    const note = '#### 5 Whys\n\n1. Why did it fail?\n    - disk full\n2. Why was the disk full?|\n    - logs\n\n#### How to prevent';
    expect(run(nextWhy, note)).toBe('#### 5 Whys\n\n1. Why did it fail?\n    - disk full\n2. Why was the disk full?\n    - logs\n3. Why |?\n\n#### How to prevent');
  });

  it('continues heading bullets in an outliner note at the same depth', () => {
    const note = '- ## 5 Whys\n\t- ## 1. Why drivers were expired?\n\t\t- nobody renewed them|\n- ## How to prevent';
    expect(run(nextWhy, note)).toBe('- ## 5 Whys\n\t- ## 1. Why drivers were expired?\n\t\t- nobody renewed them\n\t- ## 2. Why |?\n- ## How to prevent');
  });

  it('starts the chain under an empty 5 Whys bullet', () => {
    expect(run(nextWhy, '- ### 5 Whys|\n- ### How to prevent')).toBe('- ### 5 Whys\n    - #### 1. Why |?\n- ### How to prevent');
  });

  it('does nothing outside a 5 Whys part', () => {
    expect(run(nextWhy, '## Journal\n- a thought|')).toBeNull();
    expect(run(nextWhy, '#### 5 Whys\n1. Why?\n#### How to prevent\n- fix it|')).toBeNull();
  });
});
