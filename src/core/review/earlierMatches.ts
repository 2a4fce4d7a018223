import { hashOf, hasHash, maySpell, type NoteText, pairKey } from './noteWords';

/** What the search of earlier notes asks of each note: the word lists of one key, and whether they are a task's. */
export interface WordQuery {
  /** Each a list of words: a note can hold the key only if it has every word of one of them. */
  forms: string[][];
  tasks: boolean;
}

/** The last words of a task's key (`pairKey` of two): its text ends a line. */
function endOf(words: number[]): number {
  return words.length === 1 ? words[0] : pairKey(words[words.length - 2], words[words.length - 1]);
}

/** The first words of a task's key: they follow its marker. */
function startOf(words: number[]): number {
  return words.length === 1 ? words[0] : pairKey(words[0], words[1]);
}

interface Form {
  query: number;
  /** Its words' hashes (`hashOf`). */
  words: number[];
  /** For a task: `startOf(words)`, worked out once. */
  start: number;
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
  /** One-word names, by their word's hash. */
  private readonly single = new Map<number, number[]>();
  /**
   * Names of more words, by the word fewest of them share (the longest of those): keyed by
   * a word every name of a kind has (`Person 12`, `Person 696`), each note was tried against them all.
   */
  private readonly multi = new Map<number, Form[]>();
  /** Tasks, by how their text ends. */
  private readonly taskEnds = new Map<number, Form[]>();

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
        const hashes = words.map(hashOf);
        if (words.length === 0) this.always.push(query);
        else if (tasks) push(this.taskEnds, endOf(hashes), { query, words: hashes, start: startOf(hashes) });
        else if (words.length === 1) push(this.single, hashes[0], query);
        else push(this.multi, hashOf(rarest(words)), { query, words: hashes, start: 0 });
      }
    });
  }

  /** The queries this note (null: its words cannot be known) may answer, in no particular order, each once. */
  matches(note: NoteText | null): Set<number> {
    if (note === null) return new Set(this.queries.keys());
    const found = new Set<number>(this.always);
    const { words: held, lineEnds } = note;
    for (let slot = 0; slot < held.length; slot++) {
      const word = held[slot];
      if (word === 0) continue;
      const single = this.single.get(word);
      if (single !== undefined) for (const query of single) found.add(query);
      const multi = this.multi.get(word);
      if (multi !== undefined) for (const { query, words } of multi) if (!found.has(query) && maySpell(note, words)) found.add(query);
    }
    for (let slot = 0; slot < lineEnds.length; slot++) {
      const end = lineEnds[slot];
      const tasks = end === 0 ? undefined : this.taskEnds.get(end);
      if (tasks === undefined) continue;
      for (const { query, words, start } of tasks) {
        if (!found.has(query) && hasHash(note.taskStarts, start) && (words.length === 1 || maySpell(note, words))) found.add(query);
      }
    }
    return found;
  }
}
