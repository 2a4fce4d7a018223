import { type NoteText, spells } from './noteWords';

/** What the search of earlier notes asks of each note: the word lists of one key, and whether they are a task's. */
export interface WordQuery {
  /** Each a list of words: a note can hold the key only if it has every word of one of them. */
  forms: string[][];
  tasks: boolean;
}

/** The last words of a task's key: its text ends a line of its note. */
function endOf(words: string[]): string {
  return words.slice(-2).join(' ');
}

/** The first words of a task's key: they follow its marker. */
function startOf(words: string[]): string {
  return words.slice(0, 2).join(' ');
}

interface Form {
  query: number;
  words: string[];
  /** For a task: `startOf(words)`, worked out once. */
  start: string;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * Which queries one earlier note may answer, told from its words alone, so
 * each note's words can go the moment it is looked at (a year's earlier notes
 * spelled out held ~40 MB at once). A note may hold a name if it has the name's
 * only word, or spells its words one after another; a task, if a line of it
 * ends as the task does, a task opening in it starts so, and it spells the
 * task's words; a note whose words cannot be known may hold anything. The
 * forms are looked up by the note's own words, lines and openings, so a note
 * is compared only with the keys it may hold.
 */
export class EarlierMatcher {
  /** Queries every note may answer: a form without words. */
  private readonly always: number[] = [];
  /** One-word names, by their word. */
  private readonly single = new Map<string, number[]>();
  /**
   * Names of more words, by the word fewest of them share (the longest of those): keyed by
   * a word every name of a kind has (`Person 12`, `Person 696`), each note was tried against them all.
   */
  private readonly multi = new Map<string, Form[]>();
  /** Tasks, by how their text ends. */
  private readonly taskEnds = new Map<string, Form[]>();

  constructor(private readonly queries: WordQuery[]) {
    const shared = new Map<string, number>();
    for (const { forms, tasks } of queries) {
      if (tasks) continue;
      for (const words of forms) if (words.length > 1) for (const word of new Set(words)) shared.set(word, (shared.get(word) ?? 0) + 1);
    }
    const rarer = (a: string, b: string) => {
      const [na, nb] = [shared.get(a) ?? 0, shared.get(b) ?? 0];
      return nb < na || (nb === na && b.length > a.length) ? b : a;
    };
    const rarest = (words: string[]) => words.reduce(rarer);
    queries.forEach(({ forms, tasks }, query) => {
      for (const words of forms) {
        if (words.length === 0) this.always.push(query);
        else if (tasks) push(this.taskEnds, endOf(words), { query, words, start: startOf(words) });
        else if (words.length === 1) push(this.single, words[0], query);
        else push(this.multi, rarest(words), { query, words, start: '' });
      }
    });
  }

  /** The queries this note (null: its words cannot be known) may answer, in no particular order, each once. */
  matches(note: NoteText | null): Set<number> {
    if (note === null) return new Set(this.queries.keys());
    const found = new Set<number>(this.always);
    for (const word of note.words) {
      for (const query of this.single.get(word) ?? []) found.add(query);
      for (const { query, words } of this.multi.get(word) ?? []) {
        if (!found.has(query) && words.every((w) => note.words.has(w)) && spells(note, words)) found.add(query);
      }
    }
    for (const end of note.lineEnds) {
      for (const { query, words, start } of this.taskEnds.get(end) ?? []) {
        if (!found.has(query) && note.taskStarts.has(start) && (words.length === 1 || spells(note, words))) found.add(query);
      }
    }
    return found;
  }
}
