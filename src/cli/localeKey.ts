/**
 * What a review's bytes depend on besides the notes, the settings and the
 * code: names are ordered with `localeCompare`, whose order is ICU's default
 * locale (sv_SE puts `ä` after `z`, en_US beside `a`), which Node takes from
 * LC_ALL, LC_MESSAGES or LANG, and ICU's data, which comes with Node or from
 * NODE_ICU_DATA / --icu-data-dir. A review kept by a run under another
 * locale is not one this run would build. Read from the environment, not
 * from `Intl`: asking ICU which locale it uses loads its collator, 15–50 ms.
 * Every LC_ and LANG variable is taken, and TZ, though only some matter: one
 * too many costs a rebuild when it changes, one too few a wrong review.
 */
export function localeKey(env: NodeJS.ProcessEnv = process.env): string {
  const names = Object.keys(env)
    .filter((name) => name.startsWith('LC_') || name.startsWith('LANG') || name === 'TZ' || name === 'NODE_ICU_DATA' || name === 'NODE_OPTIONS')
    .sort();
  const { node, icu, unicode, cldr, tz } = process.versions;
  return JSON.stringify([names.map((name) => [name, env[name]]), process.execArgv, node, icu ?? null, unicode ?? null, cldr ?? null, tz ?? null]);
}
