import { JSDOM } from 'jsdom';

// jsdom (jest's DOM environment) parses XML strictly, as browsers do for SVG files and XHTML.
const { DOMParser } = new JSDOM('').window;

/** Parses text as strict XML (`image/svg+xml` or `application/xhtml+xml`), failing the test on any well-formedness error. */
export function parseStrictXml(text: string, type: 'image/svg+xml' | 'application/xhtml+xml'): Document {
  const doc = new DOMParser().parseFromString(text, type);
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return doc;
}
