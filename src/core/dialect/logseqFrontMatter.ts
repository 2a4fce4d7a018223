import type { Frontmatter } from '../note/frontmatter';
import { pageProperties } from '../note/pageProperties';

const LINE = /^([^:\r\n]+):[ \t]*(.*)$/;
const KEY = /^[\p{L}\p{N}_][\p{L}\p{N}_-]*$/u;

/**
 * A page's front matter as Logseq reads it: never as YAML. Logseq's parser (mldoc,
 * markdown_front_matter) takes each line, up to the first that is not one, as
 * `key: value`, the value being the rest of the line. So front matter a YAML parser
 * rejects (`tags: [[team/colleague]] , [[Product Manager]]`) still gives the page its
 * tags and aliases in Logseq; its values read as `key:: value` page properties do.
 */
export function logseqFrontMatter(yaml: string): Frontmatter {
  const lines: string[] = [];
  for (const line of yaml.split(/\r\n?|\n/)) {
    const match = LINE.exec(line);
    if (!match) break;
    const key = match[1].trim();
    // Keys Daybook never asks for (`creation date`) are skipped, not the end of the block.
    if (KEY.test(key)) lines.push(`${key}:: ${match[2].trim()}`);
  }
  return lines.length ? pageProperties(lines.join('\n')) : {};
}
