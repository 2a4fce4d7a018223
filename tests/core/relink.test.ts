import fc from 'fast-check';
import { relinkQuote, resolveRelative } from '../../src/core/review/relink';

/**
 * Where each link of a line points, read from `fromPath` as Obsidian reads
 * it: a heading of the note itself, a path from the note's folder, or a name
 * (the same from any note). Written apart from relink.ts's own code.
 */
function destinations(text: string, fromPath: string): string[] {
  const out: string[] = [];
  const self = fromPath.replace(/\.md$/, '');
  const links = /\[\[([^[\]]+?)\]\]|\[([^[\]]*)\]\((<[^<>]*>|[^\s()<>]+)\)/g;
  for (const m of text.matchAll(links)) {
    if (m[1] !== undefined) {
      const [target] = m[1].split('|');
      const hash = target.indexOf('#');
      const file = hash === -1 ? target : target.slice(0, hash);
      const heading = hash === -1 ? '' : target.slice(hash + 1);
      out.push(`${file === '' ? self : file.replace(/\.md$/, '')}#${heading}`);
    } else {
      let dest = m[3].startsWith('<') ? m[3].slice(1, -1) : decodeURI(m[3]);
      const hash = dest.indexOf('#');
      const heading = hash === -1 ? '' : dest.slice(hash + 1);
      dest = hash === -1 ? dest : dest.slice(0, hash);
      if (dest === '') out.push(`${self}#${heading}`);
      else if (dest.startsWith('./') || dest.startsWith('../')) {
        const parts = fromPath.split('/').slice(0, -1);
        for (const part of dest.split('/')) {
          if (part === '..') parts.pop();
          else if (part !== '.') parts.push(part);
        }
        out.push(`${parts.join('/').replace(/\.md$/, '')}#${heading}`);
      } else out.push(`${dest.replace(/\.md$/, '')}#${heading}`);
    }
  }
  return out;
}

describe('links copied into a review', () => {
  const source = 'Daily/2026/11/2026-11-16.md';
  const review = 'Reviews/2026-W47.md';

  it.each([
    ['a heading of the day', 'see [[#Reflections]]', 'see [[Daily/2026/11/2026-11-16#Reflections|Reflections]]'],
    ['a heading with its own text', 'see [[#Reflections|what I thought]]', 'see [[Daily/2026/11/2026-11-16#Reflections|what I thought]]'],
    ['a block of the day', 'as said [[#^abc123]]', 'as said [[Daily/2026/11/2026-11-16#^abc123|abc123]]'],
    ['a relative markdown link', 'ran [the query](../assets/q.sql)', 'ran [the query](../Daily/2026/assets/q.sql)'],
    ['a ./ link with spaces', 'see [notes](./Design%20notes.md)', 'see [notes](../Daily/2026/11/Design%20notes.md)'],
    ['an angled destination', 'see [notes](<./Design notes.md>)', 'see [notes](<../Daily/2026/11/Design notes.md>)'],
    ['a markdown heading link', 'see [above](#Plan)', 'see [above](Daily/2026/11/2026-11-16.md#Plan)'],
    ['an embedded note', 'diagram ![[Arch.png]]', 'diagram [[Arch.png]]'],
    ['an embed with a size', 'diagram ![[Arch.png|300]]', 'diagram [[Arch.png]]'],
    ['an embedded image by path', 'graph ![](./graph.png)', 'graph [graph.png](../Daily/2026/11/graph.png)'],
    ['a named link, kept', 'met [[Ana]] about [[202310241130|Postgres]]', 'met [[Ana]] about [[202310241130|Postgres]]'],
    ['a web link, kept', 'read [docs](https://example.com/a#b)', 'read [docs](https://example.com/a#b)'],
    ['a link inside code, kept', 'typed `[[#h]]` literally', 'typed `[[#h]]` literally'],
  ])('%s', (_name, text, expected) => {
    expect(relinkQuote(text, source, review)).toBe(expected);
  });

  it('leaves a relative link that climbs out of the vault as written', () => {
    expect(resolveRelative('../../../x.md', 'Daily/a.md')).toBeNull();
    expect(relinkQuote('[x](../../../x.md)', 'Daily/a.md', review)).toBe('[x](../../../x.md)');
  });

  const segment = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 _-]{0,8}$/).filter((s) => !s.endsWith(' '));
  const folder = fc.array(segment, { maxLength: 3 });
  const note = fc.tuple(folder, segment).map(([dirs, name]) => [...dirs, `${name}.md`].join('/'));
  const heading = fc.option(segment, { nil: undefined });
  const link = fc.oneof(
    fc.tuple(heading.filter((h) => h !== undefined), fc.option(segment, { nil: undefined })).map(([h, alias]) => `[[#${h}${alias ? `|${alias}` : ''}]]`),
    fc.tuple(segment, heading, fc.boolean()).map(([name, h, embed]) => `${embed ? '!' : ''}[[${name}${h ? `#${h}` : ''}]]`),
    fc.tuple(fc.nat(3), folder, segment, heading, fc.boolean(), fc.boolean()).map(([up, dirs, name, h, embed, angled]) => {
      const path = `${up === 0 ? './' : '../'.repeat(up)}${[...dirs, `${name}.md`].join('/')}`;
      const full = `${path}${h ? `#${h}` : ''}`;
      const dest = angled ? `<${full}>` : full.replace(/ /g, '%20');
      return `${embed ? '!' : ''}[text](${dest})`;
    }),
    heading.filter((h) => h !== undefined).map((h) => `[here](#${h.replace(/ /g, '%20')})`),
  );

  it('every link resolves from the review note where it resolved from its line, and nothing is embedded', () => {
    fc.assert(
      fc.property(note, note, fc.array(link, { minLength: 1, maxLength: 4 }), (from, to, links) => {
        const text = links.join(' and ');
        // A link that climbs out of the vault points nowhere from either note.
        fc.pre(!destinations(text, from).some((d) => d.startsWith('..')) && links.every((l) => !/\(<?(?:\.\.\/)+/.test(l) || resolveRelative(l.replace(/^.*\(<?|[#>)].*$/g, ''), from) !== null));
        const out = relinkQuote(text, from, to);
        expect(destinations(out, to)).toEqual(destinations(text, from));
        expect(out).not.toMatch(/!\[/);
      }),
      { numRuns: 500 },
    );
  });
});
