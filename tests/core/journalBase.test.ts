import { parse } from 'yaml';
import { journalBasePath, renderJournalBase } from '../../src/core/journalBase';
import { resolveSettings } from '../../src/core/settings';

/*
 * The checks below are the schema of help.obsidian.md, "Bases syntax": a base is YAML with
 * `filters`, `formulas`, `properties`, `summaries` and `views`; a filter is a statement
 * string or an object holding exactly one of `and`, `or`, `not`, each a list of filters;
 * formulas are strings; a view has `type` and `name`, optional `limit`, `filters`,
 * `groupBy: {property, direction: ASC|DESC}`, `order` (property ids), `summaries`
 * (property id → a default summary or one defined at the top); property ids are
 * `note.x` (or bare), `file.x` of the documented file properties, or `formula.x` of a
 * defined formula. Expressions use the documented functions, with balanced brackets and quotes.
 */
const FILE_PROPERTIES = ['backlinks', 'ctime', 'embeds', 'ext', 'file', 'folder', 'links', 'mtime', 'name', 'path', 'properties', 'size', 'tags'];
const DEFAULT_SUMMARIES = ['Average', 'Min', 'Max', 'Sum', 'Range', 'Median', 'Stddev', 'Earliest', 'Latest', 'Checked', 'Unchecked', 'Empty', 'Filled', 'Unique'];
const GLOBAL_FUNCTIONS = ['date', 'duration', 'escapeHTML', 'file', 'html', 'if', 'image', 'icon', 'link', 'list', 'max', 'min', 'now', 'number', 'today'];
const METHODS = ['slice', 'format', 'matches', 'inFolder', 'hasTag', 'hasLink', 'hasProperty', 'contains', 'startsWith', 'endsWith', 'date', 'round', 'toFixed', 'lower', 'replace', 'split', 'trim'];

type Json = unknown;
const isObject = (value: Json): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Problems of one expression: brackets, quotes, regex literals and the functions it calls. */
function expressionProblems(text: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let code = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const end = text.indexOf(ch, i + 1);
      if (end === -1) return [`unclosed quote in ${text}`];
      code += '""';
      i = end;
    } else if (ch === '/' && /(^|[\s(,!])$/.test(code)) {
      let end = i + 1;
      while (end < text.length && text[end] !== '/') end += text[end] === '\\' ? 2 : 1;
      if (end >= text.length) return [`unclosed regular expression in ${text}`];
      new RegExp(text.slice(i + 1, end)); // throws on an invalid pattern
      code += 'RE';
      i = end;
    } else {
      if (ch === '(' || ch === '[') stack.push(ch);
      if (ch === ')' && stack.pop() !== '(') problems.push(`unbalanced ) in ${text}`);
      if (ch === ']' && stack.pop() !== '[') problems.push(`unbalanced ] in ${text}`);
      code += ch;
    }
  }
  if (stack.length) problems.push(`unclosed ${stack.join('')} in ${text}`);
  for (const [, dot, name] of code.matchAll(/(\.?)\b([A-Za-z_]\w*)\s*\(/g)) {
    if (dot ? !METHODS.includes(name) : !GLOBAL_FUNCTIONS.includes(name)) problems.push(`unknown function ${dot}${name}() in ${text}`);
  }
  return problems;
}

function filterProblems(filter: Json): string[] {
  if (typeof filter === 'string') return expressionProblems(filter);
  if (!isObject(filter) || Object.keys(filter).length !== 1 || !['and', 'or', 'not'].includes(Object.keys(filter)[0])) return [`not a filter: ${JSON.stringify(filter)}`];
  const list = Object.values(filter)[0];
  return Array.isArray(list) ? list.flatMap(filterProblems) : ['a filter group must hold a list'];
}

/** Everything in a parsed base that the Bases syntax does not allow. */
function baseProblems(base: Json): string[] {
  if (!isObject(base)) return ['a base is a YAML mapping'];
  const problems: string[] = [];
  for (const key of Object.keys(base)) if (!['filters', 'formulas', 'properties', 'summaries', 'views'].includes(key)) problems.push(`unknown section ${key}`);
  const formulas = isObject(base.formulas) ? base.formulas : {};
  const summaries = isObject(base.summaries) ? base.summaries : {};
  const property = (id: Json): string[] => {
    if (typeof id !== 'string') return [`property id ${JSON.stringify(id)} is not text`];
    const [prefix, name] = id.includes('.') ? [id.slice(0, id.indexOf('.')), id.slice(id.indexOf('.') + 1)] : ['note', id];
    if (prefix === 'formula') return name in formulas ? [] : [`formula.${name} is not defined`];
    if (prefix === 'file') return FILE_PROPERTIES.includes(name) ? [] : [`file.${name} is no file property`];
    return prefix === 'note' && /^[\p{L}\p{N}_-]+$/u.test(name) ? [] : [`bad property id ${id}`];
  };
  if (base.filters !== undefined) problems.push(...filterProblems(base.filters));
  for (const [name, formula] of Object.entries(formulas)) problems.push(...(typeof formula === 'string' ? expressionProblems(formula) : [`formula ${name} is not text`]));
  for (const [id, config] of Object.entries(isObject(base.properties) ? base.properties : {})) {
    problems.push(...property(id));
    if (!isObject(config) || (config.displayName !== undefined && typeof config.displayName !== 'string')) problems.push(`properties.${id} needs a text displayName`);
  }
  if (!Array.isArray(base.views) || base.views.length === 0) return [...problems, 'views must be a list of views'];
  for (const view of base.views) {
    if (!isObject(view) || typeof view.type !== 'string' || typeof view.name !== 'string') {
      problems.push(`a view needs a type and a name: ${JSON.stringify(view)}`);
      continue;
    }
    if (view.filters !== undefined) problems.push(...filterProblems(view.filters));
    if (view.limit !== undefined && typeof view.limit !== 'number') problems.push('limit must be a number');
    const direction = (d: Json) => (d === 'ASC' || d === 'DESC' ? [] : [`direction ${JSON.stringify(d)} is not ASC or DESC`]);
    if (view.groupBy !== undefined) problems.push(...(isObject(view.groupBy) ? [...property(view.groupBy.property), ...direction(view.groupBy.direction)] : ['groupBy needs a property and a direction']));
    for (const id of Array.isArray(view.order) ? view.order : []) problems.push(...property(id));
    for (const sort of Array.isArray(view.sort) ? view.sort : []) problems.push(...(isObject(sort) ? [...property(sort.property), ...direction(sort.direction)] : ['a sort needs a property and a direction']));
    for (const [id, summary] of Object.entries(isObject(view.summaries) ? view.summaries : {})) {
      problems.push(...property(id));
      if (typeof summary !== 'string' || !(DEFAULT_SUMMARIES.includes(summary) || summary in summaries)) problems.push(`summary ${JSON.stringify(summary)} of ${id} is not defined`);
    }
  }
  return problems;
}

function baseFor(stored: unknown) {
  const rendered = renderJournalBase(resolveSettings(stored).settings);
  if (!('text' in rendered)) throw new Error(rendered.problem);
  return { text: rendered.text, base: parse(rendered.text) as Record<string, any> };
}

/** The day the base's `day` formula makes of a note's file name: its slices of it, put together as the formula does. */
function dayOfName(formula: string, name: string): string {
  return [...formula.matchAll(/file\.name\.slice\((\d+), (\d+)\)/g)].map(([, a, b]) => name.slice(Number(a), Number(b))).join('-');
}

describe('the journal base', () => {
  it('is valid Bases syntax', () => {
    const { base } = baseFor({ dailyFolder: 'Journal/Daily' });
    expect(baseProblems(base)).toEqual([]);
  });

  it('lists the daily notes of the daily folder, newest first, each slider a column averaged in its summary', () => {
    const { base } = baseFor({ dailyFolder: 'Journal', sliders: [{ question: 'Energy?', property: 'energy', min: 0, max: 5, step: 1 }, { property: 'focus' }] });
    expect(base.filters.and).toEqual(['file.ext == "md"', 'file.inFolder("Journal")', '/^\\d{4}-\\d{2}-\\d{2}\\.md$/.matches(file.name)']);
    const [days, weeks] = base.views;
    expect(days.order).toEqual(['file.name', 'note.energy', 'note.focus']);
    expect(days.sort).toEqual([{ property: 'formula.day', direction: 'DESC' }]);
    expect(days.summaries).toEqual({ 'note.energy': 'Average', 'note.focus': 'Average' });
    expect(base.properties['note.energy']).toEqual({ displayName: 'Energy?' });
    expect(weeks.groupBy).toEqual({ property: 'formula.week', direction: 'DESC' });
    expect(base.formulas.week).toBe('formula.day.format("GGGG-[W]WW")');
  });

  it('reads the day out of names in other numeric formats, folders in the format included', () => {
    const { base } = baseFor({ dailyFormat: 'YYYY/MM/DD.MM.YYYY [notes]' });
    expect(dayOfName(base.formulas.day, '22.11.2026 notes.md')).toBe('2026-11-22');
    expect(base.filters.and[1]).toBe('/^\\d{2}\\.\\d{2}\\.\\d{4} notes\\.md$/.matches(file.name)');
    expect(baseProblems(base)).toEqual([]);
  });

  it('is refused, with the reason, for names Bases cannot read as dates', () => {
    expect(renderJournalBase(resolveSettings({ dailyFormat: 'dddd, Do MMMM YYYY' }).settings)).toEqual({ problem: expect.stringContaining('"dddd, Do MMMM YYYY" gives names Bases cannot read as dates') });
  });

  it('is written beside the daily notes', () => {
    expect(journalBasePath(resolveSettings({ dailyFolder: 'Journal' }).settings)).toBe('Journal/Daybook journal.base');
  });

  it('the checker catches what the syntax forbids, so a broken base cannot pass', () => {
    const { base } = baseFor({});
    expect(baseProblems({ ...base, query: 'x' })).toEqual(['unknown section query']);
    expect(baseProblems({ ...base, filters: { and: ['file.inFolder("a"'] } })).toEqual(['unclosed ( in file.inFolder("a"']);
    expect(baseProblems({ ...base, views: [{ ...base.views[0], summaries: { 'note.mood_wake': 'Mean' } }] })).toEqual(['summary "Mean" of note.mood_wake is not defined']);
    expect(baseProblems({ ...base, views: [{ ...base.views[1], groupBy: { property: 'formula.month', direction: 'down' } }] })).toEqual(['formula.month is not defined', 'direction "down" is not ASC or DESC']);
  });
});

describe('the journal base as text', () => {
  it('quotes expressions as the help does, and any question or folder safely', () => {
    const rendered = renderJournalBase(resolveSettings({ dailyFolder: "Bob's journal", sliders: [{ question: 'Mood: "ok"?\tnow', property: 'mood' }] }).settings);
    const text = 'text' in rendered ? rendered.text : '';
    expect(text).toContain(`    - 'file.inFolder("Bob''s journal")'\n`);
    expect(text).toContain(`    - '/^\\d{4}-\\d{2}-\\d{2}\\.md$/.matches(file.name)'\n`);
    const base = parse(text);
    expect(base.filters.and[1]).toBe(`file.inFolder("Bob's journal")`);
    expect(base.properties['note.mood'].displayName).toBe('Mood: "ok"?\tnow');
    expect(baseProblems(base)).toEqual([]);
  });
});
