import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Bumped when the generated vault changes, so an old one is regenerated. */
const GENERATOR_VERSION = '1';

export interface VaultShape {
  days: number;
  unrelated: number;
  people: number;
  topics: number;
}

/** A small deterministic PRNG (mulberry32): the same vault on every machine and run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'the deploy cache latency queue retry index shard rollout review design migration service client budget alert metric incident postgres kafka schema test flaky pipeline runbook owner team sprint planning pairing refactor 日本語 café naïve 🚀 ✅'.split(' ');

function day(offset: number): string {
  const d = new Date(Date.UTC(2016, 0, 4 + offset));
  return d.toISOString().slice(0, 10);
}

export function generateVault(root: string, shape: VaultShape): void {
  const stamp = join(root, '.generated');
  const id = `${GENERATOR_VERSION} ${JSON.stringify(shape)}`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === id) return;
  rmSync(root, { recursive: true, force: true });
  for (const folder of ['Daily', 'People', 'Topics', 'Archive', '.obsidian']) mkdirSync(join(root, folder), { recursive: true });
  writeFileSync(join(root, '.obsidian', 'daily-notes.json'), JSON.stringify({ folder: 'Daily', format: 'YYYY-MM-DD' }));
  const rnd = random(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const int = (n: number) => Math.floor(rnd() * n);
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const person = () => `[[Person ${int(shape.people)}]]`;
  const topic = () => `[[Topic ${int(shape.topics)}]]`;
  const line = () => {
    const r = rnd();
    if (r < 0.25) return `Paired with ${person()} on ${sentence(6)} #tag${int(200)}`;
    if (r < 0.45) return `${sentence(8)} ${topic()} and ${person()}`;
    if (r < 0.6) return `Cut ${pick(WORDS)} latency by ${int(90) + 5}% after ${sentence(5)}`;
    if (r < 0.7) return `key${int(5)}:: value ${int(100)}`;
    return `${sentence(10)} #${pick(['perf', 'learning', 'oncall', 'nested/tag'])}`;
  };

  for (let i = 0; i < shape.people; i++) writeFileSync(join(root, 'People', `Person ${i}.md`), `---\ntype: person\naliases: [P${i}]\n---\n${sentence(30)}\n`);
  for (let i = 0; i < shape.topics; i++) writeFileSync(join(root, 'Topics', `Topic ${i}.md`), `---\ntype: topic\n---\n${sentence(30)}\n`);
  for (let i = 0; i < shape.unrelated; i++) {
    writeFileSync(join(root, 'Archive', `Note ${i}.md`), `# Note ${i}\n\n${Array.from({ length: 6 + int(10) }, line).join('\n\n')}\n`);
  }

  for (let d = 0; d < shape.days; d++) {
    const outliner = d % 2 === 1;
    const target = 3000 + int(3000);
    const parts: string[] = [`---\nmood_wake: ${1 + int(10)}\nmood_wind: ${1 + int(10)}\n---\n`];
    const incident = d % 15 === 0;
    if (outliner) {
      parts.push('- [[How do you feel when you wake up?]]\n    - {{slider}}\n- ## Projects\n');
      for (let p = 0; p < 3; p++) parts.push(`    - [[Project ${int(20)}]]\n        - ${line()}\n        - ${line()}\n`);
      if (incident) {
        parts.push(`- ## Incidents\n    - ## Incident: ${sentence(4)} SEV-${1 + int(3)}\n        - people:: ${person()}\n        - ## 5 Whys\n`);
        for (let w = 1; w <= 3; w++) parts.push(`            - ## ${w}. Why ${sentence(5)}?\n                - ${sentence(8)}\n`);
        parts.push(`        - ## How to prevent\n            - {{[[TODO]]}} ${sentence(6)}\n`);
      }
      parts.push('- ## Journal\n');
      while (parts.join('').length < target) parts.push(`    - ${rnd() < 0.15 ? '{{[[TODO]]}} ' : ''}${line()}\n        - ${line()}\n`);
    } else {
      parts.push('## Mood\n\nHow do you feel when you wake up? {{slider mood_wake}}\n\n## Projects\n\n');
      for (let p = 0; p < 3; p++) parts.push(`- [[Project ${int(20)}]]: ${line()}\n    - ${line()}\n`);
      parts.push('\n## Incidents\n\n');
      if (incident) {
        parts.push(`### ${sentence(4)} (SEV-${1 + int(3)})\n\nPeople: ${person()}\n\n#### 5 Whys\n\n`);
        for (let w = 1; w <= 3; w++) parts.push(`${w}. Why ${sentence(5)}?\n    - ${sentence(8)}\n`);
        parts.push(`\n#### How to prevent\n\n- [ ] ${sentence(6)}\n\n`);
      }
      parts.push('## Journal\n\n');
      while (parts.join('').length < target) parts.push(rnd() < 0.3 ? `${line()} ${line()}\n\n` : `- ${rnd() < 0.15 ? '[ ] ' : ''}${line()}\n`);
    }
    writeFileSync(join(root, 'Daily', `${day(d)}.md`), parts.join(''));
  }
  writeFileSync(stamp, id);
}

/**
 * Notes no review links, for a real vault's "+20,000 unrelated notes" figure:
 * the synthetic vault's Archive notes alone, in a folder of their own.
 */
export function generateUnrelated(folder: string, count: number): void {
  const stamp = join(folder, '.generated');
  const id = `${GENERATOR_VERSION} unrelated ${count}`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === id) return;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const rnd = random(7);
  const words = () => Array.from({ length: 10 }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
  for (let i = 0; i < count; i++) writeFileSync(join(folder, `Unrelated ${i}.md`), `# Unrelated ${i}\n\n${Array.from({ length: 6 + Math.floor(rnd() * 10) }, words).join('\n\n')}\n`);
  writeFileSync(stamp, id);
}

export function dailyNoteDay(offset: number): string {
  return day(offset);
}
