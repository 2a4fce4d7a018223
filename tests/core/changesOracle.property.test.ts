import fc from 'fast-check';
import { periodContaining } from '../../src/core/dates/periods';
import { changesOf, quietCandidates } from '../../src/core/review/changes';
import { emptyHistory, type History, type TaskEvent, type Track } from '../../src/core/review/history';

/**
 * What changed is read from the whole journal for every period of a rebuild,
 * so it looks up each track's and task's days by their order and passes over
 * what was last seen before the baseline. Checked here against the plain
 * definitions, every day and event filtered, over random histories.
 */
const DAYS = Array.from({ length: 150 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
const daySet = fc.uniqueArray(fc.integer({ min: 0, max: DAYS.length - 1 }), { minLength: 1, maxLength: 30 }).map((ix) => ix.sort((a, b) => a - b).map((i) => DAYS[i]));

function moodOf(i: number): Record<string, number> {
  return i % 3 ? { mood_wake: i % 10 } : {};
}

function track(name: string, days: string[]): Track {
  return { name, path: `${name}.md`, linked: true, days: days.map((date) => ({ date, path: `Daily/${date}.md`, count: 1 + (date.charCodeAt(9) % 2) })) };
}

const history = fc
  .record({
    days: fc.uniqueArray(fc.integer({ min: 0, max: DAYS.length - 1 }), { minLength: 1, maxLength: 120 }),
    people: fc.array(daySet, { maxLength: 12 }),
    topics: fc.array(daySet, { maxLength: 12 }),
    tasks: fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: DAYS.length - 1 }), fc.constantFrom('open', 'done', 'cancelled'), fc.option(fc.integer({ min: 0, max: DAYS.length - 1 }), { nil: undefined })), { minLength: 1, maxLength: 8 }), { maxLength: 15 }),
  })
  .map(({ days, people, topics, tasks }): History => {
    const h = emptyHistory();
    h.days = days.sort((a, b) => a - b).map((i) => ({ date: DAYS[i], path: `Daily/${DAYS[i]}.md`, mood: moodOf(i) }));
    people.forEach((d, i) => h.people.set(`p${i}`, track(`Person ${i}`, d)));
    topics.forEach((d, i) => h.topics.set(`t${i}`, track(`Topic ${i}`, d)));
    topics.forEach((d, i) => h.projects.set(`j${i}`, track(`Project ${i}`, d.slice(0, 3))));
    topics.forEach((d, i) => h.others.set(`o${i}`, track(`Other ${i}`, d.slice(-4))));
    tasks.forEach((events, i) => {
      const sorted = [...events].sort((a, b) => a[0] - b[0]);
      h.tasks.set(`task ${i}`, sorted.map(([d, status, done]): TaskEvent => ({ date: DAYS[d], path: `Daily/${DAYS[d]}.md`, line: 1, text: `Task ${i}`, status, ...(status === 'done' && done !== undefined ? { doneDate: DAYS[done] } : {}) })));
    });
    return h;
  });

/** The definitions, as the first version wrote them: every event of every task filtered for every period. */
function plainTasks(h: History, period: { start: string; end: string }, baseline: { start: string } | null) {
  const statusOn = (e: TaskEvent, end: string) => (e.doneDate !== undefined && e.doneDate > end ? 'open' : e.status);
  const out: { opened: string[]; closed: string[]; carried: string[] } = { opened: [], closed: [], carried: [] };
  for (const events of h.tasks.values()) {
    const first = events[0];
    if (first.date > period.end) continue;
    const upToEnd = events.filter((e) => e.date <= period.end);
    const last = upToEnd[upToEnd.length - 1];
    const inPeriod = upToEnd.filter((e) => e.date >= period.start);
    if (first.date >= period.start) out.opened.push(last.text);
    const closing = inPeriod.find((e) => statusOn(e, period.end) !== 'open');
    if (closing && statusOn(last, period.end) !== 'open') out.closed.push(last.text);
    else if (statusOn(last, period.end) === 'open' && first.date < period.start && baseline && last.date >= baseline.start) out.carried.push(last.text);
  }
  return out;
}

const count = (t: Track, r: { start: string; end: string }) => t.days.filter((d) => d.date >= r.start && d.date <= r.end).reduce((n, d) => n + d.count, 0);

describe('What changed, against its plain definitions, by property', () => {
  it('finds the same people, topics, projects, tasks, days and moods', () => {
    fc.assert(
      fc.property(history, fc.constantFrom<'week' | 'month'>('week', 'month'), fc.integer({ min: 0, max: DAYS.length - 1 }), (h, kind, at) => {
        const period = periodContaining(kind, DAYS[at]);
        const changes = changesOf(h, period, [{ question: 'Wake?', property: 'mood_wake', min: 1, max: 10, step: 1 }], (p) => `Reviews/${p.id}.md`);
        const baseline = changes.baseline;
        const plain = plainTasks(h, period, baseline);
        const names = (items: { text: string }[]) => items.map((i) => i.text).sort();
        expect({ opened: names(changes.tasks.opened), closed: names(changes.tasks.closed), carried: names(changes.tasks.carried) }).toEqual({ opened: plain.opened.sort(), closed: plain.closed.sort(), carried: plain.carried.sort() });
        const within = (r: { start: string; end: string }) => h.days.filter((d) => d.date >= r.start && d.date <= r.end);
        expect(changes.days).toEqual({ count: within(period).length, previous: baseline ? within(baseline).length : 0 });
        const moods = within(period).filter((d) => d.mood.mood_wake !== undefined);
        expect(changes.mood[0]?.days.length ?? 0).toBe(moods.length);
        // A person is new, back or gone quiet by the counts the definitions give.
        for (const [i, t] of [...h.people.values()].entries()) {
          const now = count(t, period);
          const before = baseline ? count(t, baseline) : 0;
          const seenBefore = t.days.some((d) => d.date < period.start);
          const expected = t.days[0].date > period.end ? 'none' : now && !seenBefore ? 'new' : now && baseline && before === 0 ? 'back' : !now && baseline && before >= 2 ? 'quiet' : 'none';
          const found = changes.people.new.some((p) => p.name === `Person ${i}`) ? 'new' : changes.people.back.some((p) => p.name === `Person ${i}`) ? 'back' : changes.people.quiet.some((p) => p.name === `Person ${i}`) ? 'quiet' : 'none';
          expect({ i, found }).toEqual({ i, found: expected });
        }
        for (const [i, t] of [...h.topics.values()].entries()) {
          const now = count(t, period);
          const before = baseline ? count(t, baseline) : 0;
          const started = now > 0 && !t.days.some((d) => d.date < period.start);
          const quiet = !started && baseline !== null && now === 0 && before >= 2;
          expect({ i, started: changes.topics.started.some((x) => x.name === `Topic ${i}`), quiet: changes.topics.quiet.some((x) => x.name === `Topic ${i}`) }).toEqual({ i, started: t.days[0].date <= period.end && started, quiet: t.days[0].date <= period.end && quiet });
        }
        const quietKeys = baseline ? [...h.topics, ...h.others].filter(([key, t]) => count(t, period) === 0 && count(t, baseline) >= 2 && !h.people.has(key)).map(([key]) => key) : [];
        expect(quietCandidates(h, period)).toEqual(quietKeys);
      }),
      { numRuns: 2_000 },
    );
  });
});
