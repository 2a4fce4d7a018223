import { parseYaml } from 'obsidian';

/**
 * Stands in for the `yaml` package in the plugin build (an esbuild alias in
 * esbuild.config.mjs), so the plugin reads frontmatter with the parser
 * Obsidian already ships instead of bundling a second one. Only `parse` is
 * provided: it is all src/core/note/frontmatter.ts uses.
 *
 * The app's parser (js-yaml) reads an unquoted date as a Date, where the yaml
 * package (YAML 1.2 core schema) keeps the text; dates are turned back into
 * that text so both builds see the same values. A key given twice is an error
 * for the app's parser, as it is in the app's Properties view.
 */
export function parse(text: string, _options?: unknown): unknown {
  return asText(parseYaml(text));
}

function asText(value: unknown): unknown {
  if (value instanceof Date) return dateText(value);
  if (Array.isArray(value)) return value.map(asText);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = asText(item);
    return out;
  }
  return value;
}

/** A date-only timestamp is UTC midnight: its text is the day; anything else keeps its instant. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return String(date);
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}
