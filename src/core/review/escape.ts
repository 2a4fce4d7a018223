/* eslint-disable no-control-regex -- control characters are what these patterns look for */
/**
 * Every string Daybook writes into a review goes through one of these, each
 * for the place it goes: a wiki link, markdown text, or the SVG chart. A name
 * or path from the vault (a file `a|b.md`, linked `[x](<a|b.md>)`) or a text
 * from settings (a slider question) can hold what would end a link, open a
 * comment or break XML; here it is escaped, or written in a form that holds it.
 */

/** What a wiki link's target cannot hold: `]]` and `[[` end or nest it, `|` starts the alias, `#` and `^` point into the note, a line break ends it. */
const NOT_IN_WIKI_TARGET = /[[\]|#^\\\r\n\u2028\u2029\u0000-\u001f\u007f]|%%/;
/** What a wiki link's alias cannot hold: it ends at `]]`, and a line break or `%%` would end the line or open a comment. */
const NOT_IN_WIKI_LABEL = /[[\]|\r\n\u2028\u2029\u0000-\u001f\u007f]|%%/;

/** Whether `target` can be written as the target of a `[[wiki link]]` as it is. */
export function isWikiTarget(target: string): boolean {
  return target !== '' && !NOT_IN_WIKI_TARGET.test(target) && target.trim() === target;
}

/** Line breaks and other control characters as spaces: one line of text stays one line. */
function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029\u0000-\u0008\u000b-\u001f\u007f\u0085]/g, ' ');
}

/**
 * Text from settings or a note's name, shown as plain inline markdown: every
 * ASCII punctuation mark that could start markup (emphasis, links, tags, HTML,
 * Obsidian's `%%` comments, `==highlights==`, `$math$`) is backslash-escaped,
 * as CommonMark and Obsidian read `\X` as the character itself.
 */
export function markdownText(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>#|~=^$%&!{}]/g, '\\$&');
}

/** A vault path (or a name) as a markdown link destination: each segment percent-encoded, `/` kept. */
function linkDestination(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/**
 * A link to a note: `[[target]]` or `[[target|label]]` when both can be
 * written so, else a markdown link `[label](percent-encoded path)`, which any
 * name can be written into and which Obsidian resolves to the same file.
 * `file` is the note's vault path with its extension, when it exists.
 */
export function wikiLink(target: string, label?: string, file?: string | null): string {
  const shown = label ?? target;
  if (isWikiTarget(target) && (label === undefined || label === target || !NOT_IN_WIKI_LABEL.test(label))) {
    return label === undefined || label === target ? `[[${target}]]` : `[[${target}|${label}]]`;
  }
  return `[${markdownText(shown)}](${linkDestination(file ?? target)})`;
}

/** An embedded file (the mood chart): `![[path]]`, or a markdown image when the path cannot be a wiki target. */
export function embed(path: string): string {
  return isWikiTarget(path) ? `![[${path}]]` : `![](${linkDestination(path)})`;
}

/**
 * Text inside an SVG element or attribute: the five XML specials as entities,
 * and characters XML 1.0 does not allow at all (control characters, U+FFFE,
 * U+FFFF, lone surrogates) as U+FFFD, so the chart always parses.
 */
export function xmlText(text: string): string {
  return wellFormed(text)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Lone surrogates (a question typed into data.json by hand) are no text: U+FFFD. By hand: no regex lookbehind on older iOS. */
export function wellFormed(text: string): string {
  if (!/[\uD800-\uDFFF]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const pairs = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff;
    if (pairs) out += text.slice(i, ++i + 1);
    else out += unit >= 0xd800 && unit <= 0xdfff ? '\uFFFD' : text[i];
  }
  return out;
}

/** Characters Obsidian does not allow in a note's name, nor a link to hold: a review name with one is refused. */
export function unlinkableName(name: string): string | null {
  const found = /[[\]|#^\\:*"<>?\r\n\u0000-\u001f\u007f]/.exec(name);
  if (!found) return null;
  return `would name notes with ${JSON.stringify(found[0])}, which Obsidian does not allow in a note's name and a link cannot hold`;
}
/* eslint-enable no-control-regex -- the end of the patterns above */

/**
 * An opening `[[` that no `]]` closes (a quote cut from `Talk to Ana about
 * [[#Data questions`) is escaped, so it cannot swallow the day link the review
 * writes after the quote. Pairs nest, as Logseq's `[[[[a]] b]]` does; code
 * spans are left as written.
 */
export function withoutOpenWikiBrackets(text: string): string {
  if (!text.includes('[[')) return text;
  return text
    .split(/(`+[^`]*`+)/)
    .map((part, i) => {
      if (i % 2 === 1 || !part.includes('[[')) return part;
      const open: number[] = [];
      for (const match of part.matchAll(/\[\[|\]\]/g)) {
        if (match[0] === '[[') open.push(match.index);
        else open.pop();
      }
      if (open.length === 0) return part;
      let out = '';
      let from = 0;
      for (const at of open) {
        out += `${part.slice(from, at)}\\[\\[`;
        from = at + 2;
      }
      return out + part.slice(from);
    })
    .join('');
}
