import { parseYaml } from 'obsidian';

/**
 * Stands in for the `yaml` package in the plugin build (an esbuild alias in
 * esbuild.config.mjs), so the plugin reads frontmatter with the parser
 * Obsidian already ships instead of bundling a second one. Only `parse` is
 * `parse` and `parseDocument` are provided: all the project's code uses.
 *
 * The app's parser (js-yaml) reads an unquoted date as a Date, where the yaml
 * package (YAML 1.2 core schema) keeps the text; dates are turned back into
 * that text so both builds see the same values. A key given twice is an error
 * for the app's parser, as it is in the app's Properties view.
 */
export function parse(text: string, _options?: unknown): unknown {
  return asText(parseYaml(text), { left: MAX_VALUES }, new Set());
}

/**
 * The part of the yaml package's document API that frontmatter.ts uses, with
 * its bounds: the app's parser keeps an alias as a shared reference, so a
 * "billion laughs" is small in memory but endless to walk; walking stops past
 * MAX_VALUES values with the error the yaml package gives for it. A cycle is
 * handed on as it is, for the caller's shape check to report.
 */
export function parseDocument(text: string, _options?: unknown) {
  let value: unknown = null;
  const errors: Error[] = [];
  try {
    value = parseYaml(text);
  } catch (error) {
    errors.push(error instanceof Error ? error : new Error(String(error)));
  }
  return {
    errors,
    warnings: [] as { code: string; message: string }[],
    toJS: (_options?: unknown): unknown => asText(value, { left: MAX_VALUES }, new Set()),
  };
}

/** More values than any note's properties hold; past it the YAML is an alias bomb. */
const MAX_VALUES = 100_000;

function asText(value: unknown, budget: { left: number }, ancestors: Set<object>): unknown {
  if (--budget.left < 0) throw new Error('Excess alias count: the YAML expands to more values than Daybook reads');
  if (value instanceof Date) return dateText(value);
  if (value === null || typeof value !== 'object' || ancestors.has(value)) return value;
  ancestors.add(value);
  let out: unknown;
  if (Array.isArray(value)) out = value.map((item) => asText(item, budget, ancestors));
  else {
    const record: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) record[key] = asText(item, budget, ancestors);
    out = record;
  }
  ancestors.delete(value);
  return out;
}

/** A date-only timestamp is UTC midnight: its text is the day; anything else keeps its instant. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return String(date);
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}
