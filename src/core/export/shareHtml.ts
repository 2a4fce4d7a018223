import type { Nodes, Parent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * Shareable markdown as one self-contained XHTML document: well-formed XML
 * (every element closed, every character escaped, no named entities), charts
 * inlined as SVG, styles inline in the head, laid out to print as a clean
 * document. Raw HTML in quoted notes is shown as text, never as markup.
 */

const processor = unified().use(remarkParse);

export function escapeXml(text: string): string {
  // Characters XML 1.0 forbids are dropped; the rest is escaped.
  // eslint-disable-next-line no-control-regex -- matching the control characters is the point
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `
:root { color-scheme: light; }
body { margin: 0; background: #ffffff; color: #1f2328; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.5rem 3rem; }
h1 { font-size: 1.8rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; padding-bottom: 0.2rem; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.35rem; }
ul, ol { padding-left: 1.4rem; margin: 0.3rem 0; }
li { margin: 0.15rem 0; }
blockquote { margin: 0.5rem 0; padding: 0.1rem 0.9rem; border-left: 3px solid #d0d7de; color: #57606a; }
code { font: 0.9em ui-monospace, SFMono-Regular, Menlo, monospace; background: #f3f4f6; padding: 0.05rem 0.25rem; border-radius: 3px; }
pre { background: #f3f4f6; padding: 0.75rem; overflow-x: auto; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
a { color: #0b5cad; }
footer { margin-top: 3rem; color: #6e7781; font-size: 0.8rem; }
@page { margin: 16mm 14mm; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; }
  li, figure, blockquote { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

function children(node: Parent, charts: Map<string, string>): string {
  return node.children.map((child) => render(child as Nodes, charts)).join('');
}

function render(node: Nodes, charts: Map<string, string>): string {
  switch (node.type) {
    case 'root':
      return children(node, charts);
    case 'paragraph': {
      const only = node.children.length === 1 && node.children[0].type === 'text' ? node.children[0].value.trim() : null;
      const chart = only !== null ? charts.get(only) : undefined;
      if (chart !== undefined) return `<figure>${chart}</figure>\n`;
      return `<p>${children(node, charts)}</p>\n`;
    }
    case 'heading':
      return `<h${node.depth}>${children(node, charts)}</h${node.depth}>\n`;
    case 'thematicBreak':
      return '<hr/>\n';
    case 'blockquote':
      return `<blockquote>\n${children(node, charts)}</blockquote>\n`;
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul';
      const start = node.ordered && node.start !== null && node.start !== undefined && node.start !== 1 ? ` start="${node.start}"` : '';
      return `<${tag}${start}>\n${children(node, charts)}</${tag}>\n`;
    }
    case 'listItem': {
      // A tight item's paragraph is its text, without a <p> around it.
      const inner = node.children.map((child) => (child.type === 'paragraph' && !node.spread ? children(child, charts) : render(child as Nodes, charts))).join('');
      return `<li>${inner}</li>\n`;
    }
    case 'code':
      return `<pre><code>${escapeXml(node.value)}</code></pre>\n`;
    case 'html':
    case 'text':
      return escapeXml(node.value);
    case 'emphasis':
      return `<em>${children(node, charts)}</em>`;
    case 'strong':
      return `<strong>${children(node, charts)}</strong>`;
    case 'delete':
      return `<del>${children(node, charts)}</del>`;
    case 'inlineCode':
      return `<code>${escapeXml(node.value)}</code>`;
    case 'break':
      return '<br/>';
    case 'link':
      return /^(https?:|mailto:)/i.test(node.url) ? `<a href="${escapeXml(node.url)}">${children(node, charts)}</a>` : children(node, charts);
    case 'image':
      return escapeXml(node.alt ?? '');
    case 'linkReference':
      return children(node, charts);
    default:
      // Definitions, footnotes and anything else: their text, if any.
      return 'children' in node ? children(node, charts) : 'value' in node ? escapeXml(String((node as { value: unknown }).value)) : '';
  }
}

/** An SVG made fit to sit inside XHTML: no XML declaration, no comments (Daybook's marker is one). */
export function inlineSvg(svg: string): string {
  return svg
    .replace(/<\?xml[^>]*\?>\s*/g, '')
    .replace(/<!--[\s\S]*?-->\n?/g, '')
    .trim();
}

/**
 * The document. `charts` maps a placeholder paragraph (as `shareMarkdown`'s
 * embed callback wrote it) to the SVG that takes its place.
 */
export function shareHtml(markdown: string, title: string, charts: Map<string, string>, footer: string): string {
  const tree = processor.parse(markdown);
  const inlined = new Map([...charts].map(([key, svg]) => [key, inlineSvg(svg)]));
  return [
    '<!DOCTYPE html>',
    '<html xmlns="http://www.w3.org/1999/xhtml" lang="en">',
    '<head>',
    '<meta charset="utf-8"/>',
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    `<title>${escapeXml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    render(tree, inlined).trimEnd(),
    `<footer>${escapeXml(footer)}</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
