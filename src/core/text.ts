/** Small text helpers shared across the core. */

/** `text` as a regex that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A property value as a number, as mood properties are read: numbers, and
 * strings holding one (`"7"`); null for unset, empty or anything else.
 */
export function numberOrNull(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** A run of spacing other than one plain space: what `oneSpaced` changes. */
const UNEVEN_SPACING = /[^\S ]|\s\s/;

/**
 * `text` with every run of whitespace one space, as `text.replace(/\s+/g, ' ')`;
 * the text itself when it is so already, as nearly every block's is: the
 * replace built a new string for each (a yearly review's parse made 60 MB of them).
 */
export function oneSpaced(text: string): string {
  return UNEVEN_SPACING.test(text) ? text.replace(/\s+/g, ' ') : text;
}
