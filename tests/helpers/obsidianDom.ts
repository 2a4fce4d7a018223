/**
 * The few DOM helpers Obsidian adds to every window that Daybook's UI code
 * uses, for the places without the app: jsdom tests and the browser harness.
 */
interface ElementInfo {
  cls?: string;
  type?: string;
  text?: string;
  attr?: Record<string, string>;
}

function make<K extends keyof HTMLElementTagNameMap>(tag: K, info: ElementInfo = {}): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (info.cls) el.className = info.cls;
  if (info.type) el.setAttribute('type', info.type);
  if (info.text) el.textContent = info.text;
  for (const [name, value] of Object.entries(info.attr ?? {})) el.setAttribute(name, value);
  return el;
}

export function installObsidianDom(): void {
  const win = window as any;
  win.createSpan = (info?: ElementInfo) => make('span', info);
  win.createEl = (tag: keyof HTMLElementTagNameMap, info?: ElementInfo) => make(tag, info);
  win.createFragment = () => document.createDocumentFragment();
  (HTMLElement.prototype as any).createSpan = function (this: HTMLElement, info?: ElementInfo) {
    const el = make('span', info);
    this.append(el);
    return el;
  };
  (HTMLElement.prototype as any).createEl = function (this: HTMLElement, tag: keyof HTMLElementTagNameMap, info?: ElementInfo) {
    const el = make(tag, info);
    this.append(el);
    return el;
  };
}
