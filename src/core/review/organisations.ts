import type { Journal } from '../journal';
import { foldName } from '../links/targets';
import { stringList } from '../note/frontmatter';

/** Words that mark a company or an organisation, in a page's `type`, `tags` or `categories`, or as its folder. */
const ORGANISATION_WORDS = new Set(['company', 'companies', 'organization', 'organizations', 'organisation', 'organisations', 'org', 'orgs', 'client', 'clients', 'customer', 'customers', 'vendor', 'vendors', 'supplier', 'suppliers']);

function words(value: unknown): string[] {
  return stringList(value).map((word) => {
    const bare = word.replace(/^#|\[\[|\]\]/g, '');
    return foldName(bare.slice(bare.lastIndexOf('/') + 1));
  });
}

/**
 * Whether a note is marked as a company or an organisation: `type:: company`, `tags:: #organization`,
 * `tags: [client]` (or the last part of a nested tag), or a `Companies`, `Clients`, `Customers`,
 * `Vendors` or `Organisations` folder or Logseq namespace.
 */
export async function isOrganisation(journal: Journal, path: string): Promise<boolean> {
  const page = journal.dialect.pageName(path, null);
  const folders = [...path.split('/').slice(0, -1), ...page.split('/').slice(0, -1)].map(foldName);
  if (folders.some((f) => ORGANISATION_WORDS.has(f))) return true;
  let data: Record<string, unknown>;
  try {
    data = (await journal.source.frontmatter(path)).data;
  } catch {
    return false;
  }
  return ['type', 'tags', 'categories'].some((key) => words(data[key]).some((w) => ORGANISATION_WORDS.has(w)));
}

/** The identities of `keys` that are not a note marked as an organisation: a meeting "with" a company is with no person. */
export async function withoutOrganisations(journal: Journal, keys: Set<string>): Promise<Set<string>> {
  const out = new Set<string>();
  for (const key of keys) if (!key.startsWith('path:') || !(await isOrganisation(journal, key.slice('path:'.length)))) out.add(key);
  return out;
}
