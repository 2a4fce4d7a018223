/**
 * Logseq writes journal file names and titles in date-fns' syntax
 * (`yyyy_MM_dd`, `MMM do, yyyy`, `EEEE, dd.MM.yyyy`); Daybook's date formats
 * are moment's (`YYYY_MM_DD`, `MMM Do, YYYY`). The two agree on months and
 * on most separators and differ on years, days, weekdays and quoting, so each
 * date-fns token is translated, longest first; `'quoted'` text becomes
 * `[quoted]`. A token with no moment twin makes the whole format unusable.
 */
const TOKENS: ReadonlyArray<[string, string]> = [
  ['yyyy', 'YYYY'],
  ['EEEE', 'dddd'],
  ['eeee', 'dddd'],
  ['MMMM', 'MMMM'],
  ['EEE', 'ddd'],
  ['eee', 'ddd'],
  ['MMM', 'MMM'],
  ['RRRR', 'GGGG'],
  ['yy', 'YY'],
  ['do', 'Do'],
  ['dd', 'DD'],
  ['MM', 'MM'],
  ['Mo', 'Mo'],
  ['EE', 'ddd'],
  ['II', 'WW'],
  ['E', 'ddd'],
  ['d', 'D'],
  ['M', 'M'],
];

/** The moment format of a Logseq (date-fns) format, or null when it holds a token Daybook cannot name files by. */
export function logseqToMoment(format: string): string | null {
  let out = '';
  for (let i = 0; i < format.length; ) {
    const ch = format[i];
    if (ch === "'") {
      // `''` is a quote mark; `'text'` is literal text.
      if (format[i + 1] === "'") {
        out += "[']";
        i += 2;
        continue;
      }
      const end = format.indexOf("'", i + 1);
      const literal = end === -1 ? format.slice(i + 1) : format.slice(i + 1, end);
      if (literal !== '') out += `[${literal.replace(/[[\]]/g, '')}]`;
      i = end === -1 ? format.length : end + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      const token = TOKENS.find(([from]) => format.startsWith(from, i));
      if (!token) return null;
      out += token[1];
      i += token[0].length;
      continue;
    }
    out += ch === '[' || ch === ']' ? `[${ch}]` : ch;
    i += 1;
  }
  return out;
}
