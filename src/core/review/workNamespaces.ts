import type { Block, NoteModel } from '../note/parseNote';
import { taskText, toldByChildren } from '../note/outline';
import { isEmptyLine, isImpactLine, type NoteProject } from './projects';

/** `lunabrain/work`: the work namespace of a project, as graphs file the day's work on it (`#lunabrain/work`). */
const WORK_PAGE = /^(.*\S)\s*\/\s*work$/i;

/** The project a page of a work namespace names (`lunabrain/work` → `lunabrain`), else null. */
export function projectOfWorkPage(name: string): string | null {
  return WORK_PAGE.exec(name.trim())?.[1] ?? null;
}

/** The block's quote without its work tags and links (`#lunabrain/work`, `#[[lunabrain/work]]`, `[[lunabrain/work]]`). */
function withoutWorkRefs(quote: string): string {
  return quote
    .replace(/#?\[\[([^\]]+)\]\]|#([^\s#[\]]+)/gu, (ref, link?: string, tag?: string) => (projectOfWorkPage(link ?? tag ?? '') !== null ? '' : ref))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * In a graph, a block tagged or linked with a project's work page (`#lunabrain/work`) is a
 * line of work on that project: its own words, or, for a bare tag over bullets, what they
 * say ("Schema; generic storage interface"). One project per block, the first it names.
 */
export function workNamespaceProjects(note: NoteModel): NoteProject[] {
  const { blocks } = note;
  const projects: NoteProject[] = [];
  blocks.forEach((block: Block, i) => {
    const names = [...block.tags, ...block.links.filter((l) => !l.embed).map((l) => l.target)];
    const name = names.map(projectOfWorkPage).find((n): n is string => n !== null);
    if (name === undefined) return;
    // One line per block, as the day's work reads: its own words, else what the bullets under it say.
    const own = withoutWorkRefs(block.task ? taskText(block) : block.quote);
    const lines = [isEmptyLine(own) ? toldByChildren(blocks, i) : own].filter((line) => !isEmptyLine(line));
    projects.push({ name, linked: true, line: block.line, lines, impact: lines.filter(isImpactLine) });
  });
  return projects;
}
