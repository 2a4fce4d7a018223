#!/usr/bin/env node
// Checks the counter itself against the rules it follows (see README.md → Decisions):
//   node scripts/real-vaults/counter.check.mjs
import assert from 'node:assert/strict';
import { countNote, Resolver, statusAsOf, taskOf } from './counter.mjs';
import { countLogseqNote, outlineBlocks } from './logseqCounter.mjs';

const links = (text) => countNote(text).links.map((l) => l.target);
const tags = (text) => countNote(text).tags.map((t) => t.name);
const tasks = (text) => countNote(text).tasks.map((t) => `${t.status}:${t.text}`);
let checks = 0;
const check = (actual, expected, what) => {
  assert.deepEqual(actual, expected, what);
  checks++;
};

// Wiki links
check(links('[[A]] [[B|b]] [[C#h]] [[D#^x|d]] [[E.md]]'), ['A', 'B', 'C', 'D', 'E.md'], 'wiki link forms');
check(links('![[Embed]] ![[img.png|100]]'), [], 'embeds are not mentions');
check(links('\\[\\[Not a link\\]\\] and \\[[no]]'), [], 'escaped brackets are text');
check(links('[[Note]](https://x.dev)'), ['Note'], 'parentheses after a wiki link are text');
check(links('See [[wikilinks]].\n\n[wikilinks]: features/wikilinks.md "Wikilinks"'), ['wikilinks'], 'a link reference definition does not swallow a wiki link');
check(links('`[[code]]`\n\n```\n[[fence]]\n```\n\n    [[indented]]'), [], 'code holds no links');
check(links('a %%[[hidden]]%% b\n\n%%\n[[block]]\n%%\n\nafter [[Shown]]'), ['Shown'], 'comments hold no links');
check(links('$[[m]]$ and\n\n$$\n[[block]]\n$$\n\n$5 and [[Money]] $6'), ['Money'], 'math holds no links; dollars are money');
check(links('<div>\n[[in html]]\n</div>\n\nx <!-- [[c]] --> [[Out]]'), ['Out'], 'HTML holds no links');
check(links('[[#Heading]] [[]]'), [], 'links to the note itself name no target');
check(links('{{embed [[E]]}} {{[[TODO]]}} x'), [], 'macros are not mentions');
check(links('| a | b |\n| - | - |\n| [[T|t]] | [[U\\|u]] |'), ['T', 'U'], 'links in tables, with a bare or escaped bar');
check(links('Here[^1].\n\n[^1]: see [[Foot]]'), ['Foot'], 'footnotes are text, not link definitions');

// Markdown links
check(links('[a](Note.md) [b](Folder/Note%20name.md) [c](<Note name.md>) [d](Note)'), ['Note.md', 'Folder/Note name.md', 'Note name.md', 'Note'], 'markdown links to notes');
check(links('[a](https://x.dev/N.md) [b](obsidian://open?file=N) [c](mailto:a@b) [d](#h) [e](//host/x)'), [], 'URLs with a scheme are not notes');
check(links('[label]([[Page One]]) [l2]([[P2]]) [blk](((uuid)))'), ['Page One', 'P2'], "Logseq's labelled page references; block refs are not pages");
check(links('![alt](pic.png) [x](LICENSE.txt)'), ['LICENSE.txt'], 'image embeds are not mentions, links to files are');

// Tags
check(tags('#tag #nested/t-x_y #日本語 #🚀go #y1984'), ['tag', 'nested/t-x_y', '日本語', '🚀go', 'y1984'], 'tag forms');
check(tags('#1984 a#b (#paren *#em* https://x.dev/#frag \\#esc'), [], 'not tags: all digits, inside a word, after punctuation, in URLs, escaped');
check(tags('#end. #comma, #q? #dash— #quote’s'), ['end', 'comma', 'q', 'dash', 'quote'], 'a tag ends at punctuation');
check(tags('`#code` [#chan](https://x) <span>#s</span> <b> #inb</b> %%#c%% $#m$'), ['inb'], 'no tags in code, link text, HTML tags, comments, math');
check(tags('#[[multi word]] and #[[x]]'), ['multi word', 'x'], "Logseq's #[[…]] tags");
check(tags('# Heading #intitle\n\n## #only'), ['intitle', 'only'], 'tags in headings');

// Tasks
check(tasks('- [ ] a\n- [x] b\n- [?] c\n- [/] d\n- [-] e\n- [ ]\n* [X] f\n1. [ ] g'), ['open:a', 'done:b', 'done:c', 'done:d', 'cancelled:e', 'done:f', 'open:g'], 'Obsidian checkboxes');
check(tasks('- TODO a\n- DOING b\n- NOW c\n- LATER d\n- WAIT e\n- WAITING f\n- IN-PROGRESS g\n- DONE h\n- CANCELED i\n- CANCELLED j'), ['open:a', 'open:b', 'open:c', 'open:d', 'open:e', 'open:f', 'open:g', 'done:h', 'cancelled:i', 'cancelled:j'], 'Logseq markers');
check(tasks('- {{[[TODO]]}} a\n- {{[[DONE]]}} b'), ['open:a', 'done:b'], 'Roam markers');
check(tasks('- `TODO` a\n- **TODO** b\n- TODOS c\n- todo d\n- [x]no space\n\n[ ] not in a list'), [], 'not tasks: code, markup, other words, lower case, no space, no list');
check(tasks('> - [x] quoted\n- parent\n    - [ ] child'), ['done:quoted', 'open:child'], 'tasks in quotes and nested lists');
check(taskOf('[-] x')?.status, 'cancelled', 'taskOf');

// Resolution
const r = new Resolver(['People/Ana.md', 'Archive/People/Ana.md', 'Ana Two.md', 'Daily/2021-01-01.md', 'user/features/x.md', 'Topics/Perf.md'], (p) => (p === 'Topics/Perf.md' ? ['perf'] : []));
check(r.resolve('ana', 'Daily/2021-01-01.md', 'wiki'), 'path:People/Ana.md', 'case-insensitive name, shortest path');
check(r.resolve('Archive/People/Ana', 'Daily/2021-01-01.md', 'wiki'), 'path:Archive/People/Ana.md', 'a vault path');
check(r.resolve('People/Ana', 'Daily/2021-01-01.md', 'wiki'), 'path:People/Ana.md', 'a path suffix');
check(r.resolve('../features/x.md', 'Daily/2021-01-01.md', 'markdown'), 'path:user/features/x.md', 'relative paths, then suffix');
check(r.resolve('PERF', 'Daily/2021-01-01.md', 'wiki'), 'path:Topics/Perf.md', 'aliases fold');
check([r.resolve('clark-cui', 'x.md', 'wiki'), r.resolve('Clark_Cui', 'x.md', 'wiki'), r.resolve('Clark Cui', 'x.md', 'wiki')], ['name:clark-cui', 'name:clark_cui', 'name:clark cui'], 'unresolved names stay distinct');

// Logseq graphs (logseqCounter.mjs)
const refs = (text) => countLogseqNote(text).refs.map((r) => `${r.line}:${r.target}`);
check(refs('## Day Planning\n\t- TODO [[A]]\n\t\t- child #B and #[[C D]]'), ['2:A', '3:B', '3:C D'], 'indentation is outline, never code; #X and #[[X]] are pages');
check(refs('- ((6578a0b2-1c3d-4e5f-8a9b-0c1d2e3f4a5b)) {{embed ((6578a0b2-1c3d-4e5f-8a9b-0c1d2e3f4a5b))}} [t](((6578a0b2-1c3d-4e5f-8a9b-0c1d2e3f4a5b)))'), [], 'block references are not page references');
check(refs('- [t]([[P]]) [f](../assets/q.sql) [u](https://x.dev)'), ['1:P'], "only [t]([[P]]) of markdown links references a page");
check(refs('- a\n  tags:: [[T]], #u\n- ```\n  - [[in fence]]\n  ```'), ['2:T', '2:u'], 'property values reference pages; fences hold none');
check(countLogseqNote('- TODO a\n\t- DONE b\nLATER not a block').tasks.map((t) => `${t.line}:${t.status}`), ['1:open', '2:done'], 'tasks are blocks starting with a marker');
check(outlineBlocks('title:: x\n- a\n  more\n\t- b').map((b) => b.line), [1, 2, 4], 'blocks start at bullets; text before the first is the page block');
check(statusAsOf(taskOf('[ ] venue ❌ 2024-01-31'), '2024-12-31'), 'cancelled', 'a cancelled date cancels an open box');
check(statusAsOf(taskOf('[x] plan ✅ 2025-01-05'), '2024-12-31'), 'open', 'done after the period: open then');
check(statusAsOf(taskOf('[x] plan ✅ 2024-12-05'), '2024-12-31'), 'done', 'done within the period');
check(statusAsOf(taskOf('[ ] 09:15 ✅ standup'), '2024-12-31'), 'open', 'an emoji with no date is text');

process.stdout.write(`counter: ${checks} checks passed\n`);
