import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { writeVault } from '../helpers/cli';
import { folderJournal, historiesDiffer } from '../helpers/historyCompare';

/**
 * Random journals written the ways that make a name or a task hard to find in
 * raw text: aliases, case and NFD spellings, tags beside links, `%20` paths,
 * markup inside tasks, links in code, projects and topics by heading, tasks
 * carried and closed, 1:1s filed under day links, meeting notes, and in
 * Logseq block references, namespaces and property lines. Every period's
 * review must read the same from its own history as from the whole one.
 */

const NFD = (s: string) => s.normalize('NFD');
const DAYS = Array.from({ length: 160 }, (_, i) => new Date(Date.UTC(2024, 10, 1) + i * 3 * 86_400_000).toISOString().slice(0, 10));

const person = fc.constantFrom('[[Ana]]', '[[ana]]', '[[Annie]]', '[[People/Ana]]', '[[Ana|her]]', '[[Zoë]]', `[[${NFD('zoë')}]]`, '[[ZOË]]', '[[Bo Ng]]', '[Bo](People/Bo%20Ng.md)', '#ana', '[[Cy]]', '[[cy]]');
const topic = fc.constantFrom('#perf', '#Perf', '#on-call', '#on_call', '[[Performance]]', '[[Kafka]]', '[[kafka]]', '#team/ops', '[[R&amp;D]]');
const task = fc.constantFrom('write the runbook', 'Write the Runbook', 'fix **flaky** test', 'fix flaky test', 'call [[Ana]] back', 'review_doc for Zoë', `review_doc for ${NFD('Zoë')}`, 'plan Q3 #work', 'plan Q3');
const mark = fc.constantFrom('[ ]', '[x]', '[-]', '[ ]', '[ ]');

const line = fc.oneof(
  person.map((p) => `- met ${p} about the plan`),
  fc.tuple(person, topic).map(([p, t]) => `- ${t} with ${p}`),
  fc.tuple(mark, task).map(([m, t]) => `- ${m} ${t}`),
  fc.tuple(mark, task).map(([m, t]) => `- ${m} ${t}\n  continued here`),
  person.map((p) => '```\n' + `${p} #perf\n` + '```'),
  person.map((p) => `- \`${p}\` in code`),
  fc.constantFrom('## Topics\n- [[Streams]]\n- [[Kafka]]', '## Projects\n- [[Atlas]]: shipped the thing', '## Projects\n- Borealis: planning', '## Projects\n- [[Ana]]: paired'),
  topic.map((t) => `Notes on ${t} today.`),
  fc.integer({ min: 1, max: 10 }).map((n) => `mood_wake:: ${n}`),
  fc.constantFrom('## Incident\n- SEV-2 login outage with [[Ana]]', '- key:: [[Ana]]', '- 50% of [[Cy]] time', '- see https://example.com/a%20b#perf'),
);

const logseqLine = fc.oneof(
  line,
  fc.constantFrom('- TODO write the runbook', '- DONE write the runbook', '- LATER call [[Ana]] back', '- TODO plan Q3\n  SCHEDULED: <2025-01-01 Wed>', '- see ((6650a1b2-0000-4000-8000-000000000001))', '- [[team/ana]] joined', '- TODO fix flaky test\n  id:: 6650a1b2-0000-4000-8000-000000000002', '- owner:: [[Bo Ng]]'),
);


const common = {
  'People/Ana.md': '---\naliases: [Annie]\n---\n# Ana\n',
  [`People/${NFD('Zoë')}.md`]: '# Zoë\n',
  'People/Bo Ng.md': '---\ntype: person\n---\n',
  'Topics/Performance.md': '---\naliases: [perf]\n---\n',
};

const journal = (lines: fc.Arbitrary<string>) => fc.uniqueArray(fc.record({ day: fc.constantFrom(...DAYS), lines: fc.array(lines, { minLength: 1, maxLength: 6 }) }), { minLength: 2, maxLength: 14, selector: (n) => n.day });

/** Every period of a vault of these files reads the same from its own history as from the whole one. */
async function expectSameHistories(files: Record<string, string>): Promise<void> {
  const root = writeVault(files);
  try {
    expect(await historiesDiffer(folderJournal(root))).toEqual([]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe("What changed from the period's own history, on random journals", () => {
  it('an Obsidian vault: every period reads the same as from the whole history', async () => {
    await fc.assert(
      fc.asyncProperty(journal(line), fc.constantFrom(...DAYS), async (notes, filed) => {
        const files: Record<string, string> = { ...common, 'People/Cy.md': `# Cy\n\n- [[${filed}]] 1:1 about #perf and [[Kafka]]\n`, [`Meetings/${filed} Sync.md`]: '- [[Ana]] and [[Bo Ng]] on #perf\n' };
        for (const { day, lines } of notes) files[`${day}.md`] = lines.join('\n') + '\n';
        await expectSameHistories(files);
      }),
      { numRuns: 12 },
    );
  }, 240_000);

  it('a Logseq graph: every period reads the same as from the whole history', async () => {
    await fc.assert(
      fc.asyncProperty(journal(logseqLine), async (notes) => {
        const files: Record<string, string> = {
          'logseq/config.edn': '{}',
          'pages/Ana.md': 'alias:: Annie\ntype:: person\n\n- likes ((6650a1b2-0000-4000-8000-000000000002))\n',
          'pages/team___ana.md': 'type:: person\n',
          'pages/Bo Ng.md': 'type:: person\n',
          'pages/Performance.md': 'alias:: perf\n',
          'pages/Refs.md': '- [[Zoë]] on #perf\n  id:: 6650a1b2-0000-4000-8000-000000000001\n',
        };
        for (const { day, lines } of notes) files[`journals/${day.replace(/-/g, '_')}.md`] = lines.join('\n') + '\n';
        await expectSameHistories(files);
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});
