/**
 * The Tasks plugin's emoji fields, as its "Tasks Emoji Format" writes them:
 * a date after ➕ created, 🛫 start, ⏳ (⌛) scheduled, 📅 (📆 🗓) due, ✅ done,
 * ❌ cancelled; a 🔁 recurrence rule; a priority 🔺 ⏫ 🔼 🔽 ⏬; 🆔 an id,
 * ⛔ the ids it waits on, 🏁 what happens when done. An emoji with no date after
 * it is no date field: journals use ✅ as a plain mark (`09:15 ✅ Standup`).
 */

const VS = '\\uFE0F?';
const DATE = '(\\d{4}-\\d{2}-\\d{2})';
const DATE_FIELD = new RegExp(`(?:^|\\s+)(➕|🛫|⏳|⌛|📅|📆|🗓|✅|❌)${VS}\\s*${DATE}(?=\\s|$|[,.;)])`, 'gu');
/** Fields of no date: only in the run of fields that ends the task, as Tasks reads them. */
const TRAILING_FIELD = new RegExp(`\\s*(?:[🔺⏫🔼🔽⏬]${VS}|🔁${VS}\\s*[^🔺⏫🔼🔽⏬🆔⛔🏁]*|🆔${VS}\\s*[\\w-]+|⛔${VS}\\s*[\\w,-]+|🏁${VS}\\s*\\w+)\\s*$`, 'u');

/** The due date's emoji and its two variants. */
const DUE = new Set(['📅', '📆', '🗓']);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function longDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return month >= 1 && month <= 12 ? `${date} ${MONTHS[month - 1]} ${year}` : day;
}

/** The dates a task's fields give, by kind: `done` and `cancelled` say when its state was set. */
export function taskDates(text: string): { done?: string; cancelled?: string; due?: string } {
  const out: { done?: string; cancelled?: string; due?: string } = {};
  if (!/\d{4}-\d{2}-\d{2}/.test(text)) return out;
  for (const [, emoji, day] of text.matchAll(DATE_FIELD)) {
    if (emoji === '✅') out.done ??= day;
    else if (emoji === '❌') out.cancelled ??= day;
    else if (DUE.has(emoji)) out.due ??= day;
  }
  return out;
}

/**
 * A line as a review shows it: without the Tasks fields, which say what the
 * review already tells (done, when) or only the plugin reads (start, scheduled,
 * created, recurrence, priority, ids), but the due date, said in words:
 * `Enroll in benefits 📅 2021-12-31 ⏫` reads `Enroll in benefits, due 31 Dec 2021`.
 */
export function withoutTaskFields(text: string): string {
  let due: string | null = null;
  let out = text;
  if (/\d{4}-\d{2}-\d{2}/.test(text)) {
    out = out.replace(DATE_FIELD, (whole: string, emoji: string, day: string) => {
      if (DUE.has(emoji)) due ??= day;
      return '';
    });
  }
  for (let before = ''; before !== out && /[🔺⏫🔼🔽⏬🔁🆔⛔🏁]/u.test(out); ) {
    before = out;
    out = out.replace(TRAILING_FIELD, '');
  }
  if (out === text) return text;
  out = out.trimEnd();
  return due === null ? out : `${out}, due ${longDate(due)}`;
}
