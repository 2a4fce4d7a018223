import { parseNote } from '../../src/core/note/parseNote';

const tags = (text: string) => parseNote(text).blocks.flatMap((b) => b.tags);

describe('tags as Obsidian reads them', () => {
  it('reads letters, digits, _, -, / and any script or emoji', () => {
    expect(tags('#perf #nested/tag #snake_case #kebab-case #日本語 #🚀launch #y2024')).toEqual(['perf', 'nested/tag', 'snake_case', 'kebab-case', '日本語', '🚀launch', 'y2024']);
  });

  it('ends a tag at punctuation', () => {
    expect(tags('done #perf. and #ops, then #infra!')).toEqual(['perf', 'ops', 'infra']);
  });

  it('needs one character that is not a digit: #2024 is not a tag', () => {
    expect(tags('#2024 #42 #2024/06')).toEqual(['2024/06']);
  });

  it('needs the # to start a word: a#b is not a tag', () => {
    expect(tags('C#sharp and issue#12 and a#b')).toEqual([]);
  });

  it('does not read (#x as a tag, as Obsidian does not: the # must follow white space or the line start', () => {
    expect(tags('see (#perf) and [#ops]')).toEqual([]);
  });

  it('reads a tag directly after a tag: #a#b is two tags', () => {
    expect(tags('#a#b')).toEqual(['a', 'b']);
  });

  it("reads Roam's #[[multi word]] tag", () => {
    expect(tags('#[[multi word]] and [[not a tag]]')).toEqual(['multi word']);
  });

  it('reads no tag from link text, code, URLs, HTML, math, comments or escapes', () => {
    const note = [
      '[#channel](https://chat.example/#channel) [[C#]] [[Note#Heading]]',
      '`#code` https://x.dev/page #frag-less',
      '<span class="#html">x</span> <!-- #comment -->',
      '$#math$ and $$ #block $$ %% #hidden %%',
      '\\#escaped',
    ].join('\n\n');
    expect(tags(note)).toEqual(['frag-less']);
  });

  it('does not read the heading marker as a tag, but reads tags in headings', () => {
    expect(tags('## Incidents #ops\n')).toEqual(['ops']);
  });
});
