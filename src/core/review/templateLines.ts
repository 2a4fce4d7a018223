import type { Block } from '../note/parseNote';
import type { WikiLink } from '../note/tokens';
import { hasTemplaterCommands } from '../template';

/**
 * What a daily note template writes every day is not what the day was about:
 * links between days (`<< [[2024-06-04-Tuesday|Yesterday]] | [[…|Tomorrow]] >>`),
 * property lines that file the note (`tags:: [[+Daily Notes]]`), the date
 * as a title, section labels and callout titles.
 */

const NAV_WORDS = /\b(?:yesterday|tomorrow|today|previous|next|prev|back|forward|last|day|week|month|older|newer)\b|<<|>>|[←→⬅➡«»◀▶⏪⏩⟵⟶]/giu;

/** Properties that file the note (its tags, type, categories, aliases, template): their links are no mentions. */
const FILING_KEYS = new Set(['tags', 'tag', 'type', 'types', 'category', 'categories', 'alias', 'aliases', 'template', 'templates']);

/**
 * The quote without its links to days and its markdown links. A page link the
 * block does not hold itself stays: it came with a Logseq block reference
 * (`[[2022/03/07]] ((uuid))` shows the referenced block), which is content.
 */
function withoutLinks(quote: string, days: Set<string>): string {
  return quote
    .replace(/!?\[\[([^[\]\n]*)\]\]/g, (all, inner: string) => (days.has(linkTarget(inner)) ? ' ' : all))
    .replace(/!?\[[^[\]\n]*\]\([^()\n]*\)/g, ' ');
}

function linkTarget(inner: string): string {
  return inner.split(/\\?\|/)[0].split('#')[0].trim().toLowerCase();
}

/**
 * The links of a block that step between days: a link to a daily note on a
 * line of nothing but day links and navigation words or marks, or aliased
 * with such a word (`[[2024-06-05|Tomorrow]]`).
 */
export function navigationLinks(block: Block, dayOf: (link: WikiLink) => string | null): Set<WikiLink> {
  const out = new Set<WikiLink>();
  const dayLinks = block.links.filter((link) => dayOf(link) !== null);
  if (dayLinks.length === 0) return out;
  const rest = withoutLinks(block.quote, new Set(dayLinks.map((link) => link.target.trim().toLowerCase())));
  const onlyDays = dayLinks.length === block.links.length && rest.replace(NAV_WORDS, '').replace(/[\s\p{P}\p{S}]+/gu, '') === '';
  const hasNavWords = rest.search(NAV_WORDS) !== -1;
  for (const link of dayLinks) {
    const aliasIsNav = link.alias !== null && link.alias.replace(NAV_WORDS, '').replace(/[\s\p{P}\p{S}]+/gu, '') === '';
    if (onlyDays || aliasIsNav || (hasNavWords && dayLinks.length === block.links.length && rest.trim().split(/\s+/).length <= 4)) out.add(link);
  }
  return out;
}

/**
 * A link made of a Templater command that never ran (`[[<% tp.date.now("YYYY-MM-DD", -1) %>|Yesterday]]`):
 * the template was put in without Templater, and the link names no note anyone wrote.
 */
export function isTemplaterLeftover(link: WikiLink): boolean {
  return link.target.includes('<%') && hasTemplaterCommands(link.target);
}

/** The text of a block's filing properties (`tags:: [[+Daily Notes]] #daily`), where its links and tags file the note. */
export function filingText(block: Block): string {
  let text = '';
  for (const [key, value] of Object.entries(block.fields)) if (FILING_KEYS.has(key)) text += ` ${value}`;
  return text;
}

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec';
const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun';
const DATE_WORDS = new RegExp(`\\b(?:${MONTHS}|${WEEKDAYS}|week|w|q|daily|note|journal|log|day|of|the)\\b|\\d+(?:st|nd|rd|th)?`, 'giu');

/** A title that only says the date: `Monday, January 01, 2024`, `2024-06-05 Wednesday`, `Daily note 5th June`. */
export function isDateTitle(text: string): boolean {
  if (!/\d/.test(text)) return false;
  return text.replace(DATE_WORDS, '').replace(/[\s\p{P}\p{S}]+/gu, '') === '';
}

/** A callout's title line (`> [!summary]`, `[!info]- Today`): the template's frame, not the owner's words. */
export function isCalloutTitle(quote: string): boolean {
  return /^\s*(?:>\s*)*\[![\w-]+\][+-]?(?:\s|$)/.test(quote);
}
