declare const DAYBOOK_BUILD: string | undefined;

/**
 * Which build of Daybook's code this is: a hash of its sources, set when the
 * CLI or the plugin is bundled (scripts/cliBuilds.cjs), `source` when run
 * from source (the tests). Everything kept between runs that the code makes —
 * built reviews, the daily-note index, parses — is keyed by it: the version
 * number moves only at a release, and a cache made by other code is never
 * trusted, however alike the notes.
 */
export const BUILD_IDENTITY: string = typeof DAYBOOK_BUILD === 'string' ? DAYBOOK_BUILD : 'source';
