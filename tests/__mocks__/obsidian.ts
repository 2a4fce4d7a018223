/**
 * A small, behavioural fake of the parts of Obsidian's API that Daybook's
 * adapters use: an in-memory vault with events, a metadata cache computed from
 * the text, processFrontMatter, and just enough of Plugin, Setting and Modal.
 */
import { EditorState, type Extension, StateField, Transaction } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { parseFrontmatterYaml, splitFrontmatter } from '../../src/core/note/frontmatter';

type Callback = (...args: any[]) => unknown;

class Events {
  private handlers = new Map<string, Callback[]>();
  on(name: string, callback: Callback) {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), callback]);
    return { name, callback, owner: this };
  }
  offref(ref: { name: string; callback: Callback }) {
    this.handlers.set(ref.name, (this.handlers.get(ref.name) ?? []).filter((c) => c !== ref.callback));
  }
  trigger(name: string, ...args: unknown[]) {
    for (const handler of this.handlers.get(name) ?? []) handler(...args);
  }
}

/** Bytes of `text` in UTF-8, as a file on disk holds it (a lone surrogate is written as U+FFFD, three bytes); jsdom has no TextEncoder. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/\/+/g, '/').replace(/^\/|\/$/g, '');
}

export class TAbstractFile {
  constructor(public path: string) {}
  get name() {
    return this.path.slice(this.path.lastIndexOf('/') + 1);
  }
}
export class TFile extends TAbstractFile {
  stat = { mtime: 1, ctime: 1, size: 0 };
  get basename() {
    return this.name.replace(/\.md$/, '');
  }
  get extension() {
    return this.name.slice(this.name.lastIndexOf('.') + 1);
  }
}
export class TFolder extends TAbstractFile {}

export class Vault extends Events {
  configDir = '.obsidian';
  readonly texts = new Map<string, string>();
  readonly entries = new Map<string, TAbstractFile>();
  readonly reads: string[] = [];
  /** Paths that exist but cannot be read (no permission): DataAdapter.read rejects as Node's fs does. */
  readonly unreadable = new Set<string>();
  adapter = {
    exists: async (path: string) => this.texts.has(path),
    read: async (path: string) => {
      if (this.unreadable.has(path)) throw new Error(`EACCES: permission denied, open '${path}'`);
      const text = this.texts.get(path);
      if (text === undefined) throw new Error(`ENOENT ${path}`);
      return text;
    },
    /** Like DataAdapter.write: any path, the config folder included, without a vault event or a TFile. */
    write: async (path: string, data: string) => {
      if (this.readOnly.has(path)) throw new Error(`EACCES: permission denied, open '${path}'`);
      this.texts.set(path, data);
    },
  };

  constructor(files: Record<string, string> = {}) {
    super();
    for (const [path, text] of Object.entries(files)) this.put(path, text);
  }

  /**
   * The clock the vault stamps writes with, in milliseconds as the app's
   * FileStats are; a test sets it to stamp as a coarse file system does
   * (two writes in one tick get one mtime).
   */
  now: () => number = () => Date.now();

  /** Test helper: a file as if written by another program or sync (no event); `mtime` as a sync tool that keeps the source's. */
  put(path: string, text: string, mtime = this.now()): TFile {
    let file = this.entries.get(path);
    if (!(file instanceof TFile)) {
      file = new TFile(path);
      this.entries.set(path, file);
      const parts = path.split('/');
      for (let i = 1; i < parts.length; i++) {
        const folder = parts.slice(0, i).join('/');
        if (!this.entries.has(folder)) this.entries.set(folder, new TFolder(folder));
      }
    }
    this.texts.set(path, text);
    // Like the app's FileStats: the size in bytes, not UTF-16 units.
    (file as TFile).stat = { mtime, ctime: 1, size: utf8Length(text) };
    return file as TFile;
  }

  /** Test helper: a file moved by another program while the app was closed: no event, and the mtime it had (a rename keeps it). */
  moveOutside(from: string, to: string): void {
    const file = this.entries.get(from) as TFile;
    const text = this.texts.get(from) ?? '';
    this.entries.delete(from);
    this.texts.delete(from);
    this.put(to, text, file.stat.mtime);
  }
  /** Test helper: a file deleted by another program while the app was closed: no event. */
  deleteOutside(path: string): void {
    this.entries.delete(path);
    this.texts.delete(path);
  }

  getMarkdownFiles(): TFile[] {
    return [...this.entries.values()].filter((f): f is TFile => f instanceof TFile && f.path.endsWith('.md') && !f.path.startsWith('.'));
  }
  getAbstractFileByPath(path: string) {
    return this.entries.get(path) ?? null;
  }
  async cachedRead(file: TFile) {
    this.reads.push(file.path);
    if (this.unreadable.has(file.path)) throw new Error(`EACCES: permission denied, open '${file.path}'`);
    return this.texts.get(file.path) ?? '';
  }
  async read(file: TFile) {
    return this.cachedRead(file);
  }

  /** Test hooks: what happens to a file just before the next write of it (the user typing, sync landing). */
  private readonly meanwhile = new Map<string, (() => void)[]>();
  /** Paths the app may not write (a read-only file or folder): writes fail as the file system fails them. */
  readonly readOnly = new Set<string>();

  /** Test helper: `happen` runs at the next write of `path`, after any earlier read and before the write itself. */
  beforeNextWrite(path: string, happen: () => void): void {
    this.meanwhile.set(path, [...(this.meanwhile.get(path) ?? []), happen]);
  }
  private writing(path: string): void {
    const pending = this.meanwhile.get(path);
    this.meanwhile.delete(path);
    for (const happen of pending ?? []) happen();
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    if (this.readOnly.has(path) || (folder && this.readOnly.has(folder))) throw new Error(`EACCES: permission denied, open '${path}'`);
  }
  private existing(file: TFile): TFile {
    if (this.entries.get(file.path) !== file) throw new Error(`ENOENT: no such file or directory, open '${file.path}'`);
    return file;
  }

  /** Like the app: fn gets the text on disk at the moment of writing (not what was read earlier), any file type. */
  /** The text each note held before its last write through the app (the metadata cache answers with it until it re-reads the note). */
  readonly replaced = new Map<string, string>();
  async process(file: TFile, fn: (text: string) => string) {
    this.writing(file.path);
    this.existing(file);
    this.replaced.set(file.path, this.texts.get(file.path) ?? '');
    const text = fn(this.texts.get(file.path) ?? '');
    this.put(file.path, text);
    this.trigger('modify', file);
    return text;
  }
  async modify(file: TFile, text: string) {
    this.writing(file.path);
    this.existing(file);
    this.replaced.set(file.path, this.texts.get(file.path) ?? '');
    this.put(file.path, text);
    this.trigger('modify', file);
  }
  async create(path: string, text: string) {
    this.writing(path);
    if (this.entries.has(path)) throw new Error('File already exists.');
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    if (folder && !(this.entries.get(folder) instanceof TFolder)) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    const file = this.put(path, text);
    this.trigger('create', file);
    return file;
  }
  async delete(file: TFile) {
    this.existing(file);
    this.remove(file);
  }
  /** Records where a trashed file went: true for the system trash, false for the vault's .trash folder. */
  readonly trashed: { path: string; system: boolean }[] = [];
  async trash(file: TFile, system: boolean) {
    this.existing(file);
    this.trashed.push({ path: file.path, system });
    this.remove(file);
  }
  /** What deleting and trashing share in the fake. */
  remove(file: TFile) {
    this.entries.delete(file.path);
    this.texts.delete(file.path);
    this.trigger('delete', file);
  }
  /** Like the app: missing parent folders are made too; an existing folder (or file) of that path is an error. */
  async createFolder(path: string) {
    if (this.entries.has(path)) throw new Error('Folder already exists.');
    const parts = path.split('/');
    let folder: TFolder | null = null;
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      const entry = this.entries.get(prefix);
      if (entry && !(entry instanceof TFolder)) throw new Error(`ENOTDIR: not a directory, mkdir '${path}'`);
      if (!entry) {
        folder = new TFolder(prefix);
        this.entries.set(prefix, folder);
        this.trigger('create', folder);
      }
    }
    return folder as TFolder;
  }
}

/*
 * ── Metadata cache, processFrontMatter, post-processor context (slider part) ──
 * What the app does, as far as Daybook's sliders depend on it, and why this
 * fake does the same:
 * - The metadata cache re-reads a note after every write (the app parses it in
 *   a worker), so 'changed' fires for every 'modify', later and never inside
 *   the write: here on a timer after the vault's 'modify' event.
 * - The app's processFrontMatter parses the YAML with js-yaml and throws on
 *   invalid YAML (duplicate keys included) without writing; otherwise it dumps
 *   the whole object back: comments gone, quoting and flow lists rewritten,
 *   `key:` blanks as `key: null`. The fake does the same with the `yaml`
 *   package (unique keys, single quotes, block lists: js-yaml's dump style as
 *   far as tests look). Daybook's sliders no longer call it; the fake stays
 *   honest so no test can pass by relying on a kinder one.
 * - 'changed' depends on Vault.process triggering 'modify', as the app's does.
 * - getSectionInfo returns null in many cases (callouts rendered in Live
 *   Preview, embeds, canvas cards); postProcessorContext lets a test say which.
 */
export class MetadataCache extends Events {
  constructor(private vault: Vault) {
    super();
    vault.on('modify', (file: TFile) => {
      // Until it re-reads the note, the cache still answers with what the note held before.
      const before = this.vault.replaced.get(file.path);
      if (before !== undefined && !this.behind.has(file.path)) this.behind.set(file.path, before);
      setTimeout(() => {
        this.behind.delete(file.path);
        const text = this.vault.texts.get(file.path);
        if (text !== undefined) this.trigger('changed', file, text, this.getFileCache(file));
      }, 0);
    });
  }
  getFileCache(file: TFile) {
    return this.getCache(file.path);
  }
  /** Notes the cache has not indexed yet (a vault still loading, a file just synced): no cache, as in the app. See the fit region below. */
  readonly unindexed = new Set<string>();
  /** Notes written through the app whose new text the cache has not read yet: their old text, until 'changed'. */
  private readonly behind = new Map<string, string>();
  getCache(path: string) {
    if (this.unindexed.has(path)) return null;
    const text = this.behind.get(path) ?? this.vault.texts.get(path);
    if (text === undefined) return null;
    // The app's cache reads YAML frontmatter only, never Logseq's `key:: value` page properties.
    const { data } = parseFrontmatterYaml(splitFrontmatter(text).yaml);
    return Object.keys(data).length ? { frontmatter: data } : {};
  }
}

export class FileManager {
  constructor(
    private vault: Vault,
    _metadataCache: MetadataCache,
  ) {}
  readonly calls: string[] = [];
  /** Like the app: parse (throwing on invalid YAML), let fn change the object, dump the whole YAML back. */
  async processFrontMatter(file: TFile, fn: (frontmatter: Record<string, unknown>) => void) {
    this.calls.push(file.path);
    const text = this.vault.texts.get(file.path) ?? '';
    const split = splitFrontmatter(text);
    const data = ((split.yaml ? parseYaml(split.yaml, { uniqueKeys: true }) : {}) ?? {}) as Record<string, unknown>;
    fn(data);
    const yaml = Object.keys(data).length ? stringifyYaml(data, { nullStr: 'null', singleQuote: true, flowCollectionPadding: false }) : '';
    const next = `---\n${yaml}---\n${split.yaml === null ? text : split.body}`;
    await this.vault.process(file, () => next);
  }
  /** The app moves the file to the system or vault trash, per the user's setting; here it is just gone. */
  async trashFile(file: TFile) {
    if (this.vault.getAbstractFileByPath(file.path) !== file) throw new Error(`ENOENT: no such file or directory, unlink '${file.path}'`);
    this.vault.remove(file);
  }
}

export interface SectionInfo {
  text: string;
  lineStart: number;
  lineEnd: number;
}

/** A MarkdownPostProcessorContext; `section` null is what the app gives for callouts in Live Preview, embeds and canvas. */
export function postProcessorContext(sourcePath: string, section: SectionInfo | null) {
  const children: MarkdownRenderChild[] = [];
  return {
    sourcePath,
    children,
    docId: 'test',
    frontmatter: undefined,
    getSectionInfo: (_el: HTMLElement) => section,
    addChild: (child: MarkdownRenderChild) => {
      children.push(child);
      child.load();
    },
  };
}

export class Workspace extends Events {
  opened: string[] = [];
  /** The file of the active view, whatever its type (a note, a canvas, a PDF). */
  activeFile: TFile | null = null;
  /** The focused markdown editor: a note's, a canvas card's or an embed's; its file may be null. */
  activeEditor: { file: TFile | null; editor?: unknown } | null = null;
  /** How each file was opened: the state passed to openFile (`{active: true}` gives the leaf the focus). */
  openStates: { path: string; state: unknown }[] = [];
  getLeaf() {
    return {
      openFile: async (file: TFile, state?: unknown) => {
        this.opened.push(file.path);
        this.openStates.push({ path: file.path, state });
      },
    };
  }
  /** Like the app: false while the vault loads; onLayoutReady runs its callback at once when ready, else queues it. */
  layoutReady = true;
  private readyQueue: (() => unknown)[] = [];
  onLayoutReady(callback: () => unknown) {
    if (this.layoutReady) callback();
    else this.readyQueue.push(callback);
  }
  /** Test helper: the layout becomes ready, and the queued callbacks run in order. */
  finishLayout() {
    this.layoutReady = true;
    for (const callback of this.readyQueue.splice(0)) callback();
  }
  getActiveFile() {
    return this.activeFile;
  }
  /** Only a markdown file's view is a MarkdownView; a canvas or PDF view is not. */
  getActiveViewOfType() {
    return this.activeFile?.extension === 'md' ? { file: this.activeFile } : null;
  }
  /** How often editors were reconfigured (every open editor rebuilds its extensions). */
  optionUpdates = 0;
  updateOptions() {
    this.optionUpdates++;
  }
  /** Open views by type: tests put MarkdownViews here to say a note is open in an editor. */
  leaves: { view: unknown }[] = [];
  /** Every editor extension plugins registered: the app loads them into every markdown editor. */
  readonly editorExtensions: Extension[] = [];
  getLeavesOfType(_type: string) {
    return this.leaves;
  }
}

export interface CliRegistration {
  description: string;
  flags: Record<string, { value?: string; description: string; required?: boolean }> | null;
  handler: (params: Record<string, string>) => string | Promise<string>;
}

export class App {
  /** Obsidian's command-line handlers, by command ID, across all plugins. */
  readonly cliHandlers = new Map<string, CliRegistration>();
  vault: Vault;
  metadataCache: MetadataCache;
  fileManager: FileManager;
  workspace = new Workspace();
  constructor(files: Record<string, string> = {}) {
    this.vault = new Vault(files);
    this.metadataCache = new MetadataCache(this.vault);
    this.fileManager = new FileManager(this.vault, this.metadataCache);
  }
}

export class Component {
  private cleanups: (() => void)[] = [];
  children: Component[] = [];
  loaded = false;
  load() {
    this.loaded = true;
    this.onload();
    for (const child of this.children) child.load();
  }
  unload() {
    for (const child of this.children) child.unload();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.onunload();
    this.loaded = false;
  }
  onload() {}
  onunload() {}
  addChild<T extends Component>(child: T): T {
    this.children.push(child);
    if (this.loaded) child.load();
    return child;
  }
  register(cleanup: () => void) {
    this.cleanups.push(cleanup);
  }
  registerEvent(ref: { name: string; callback: Callback; source?: Events }) {
    this.cleanups.push(() => (ref as any).owner?.offref(ref));
  }
}

export class MarkdownRenderChild extends Component {
  constructor(public containerEl: HTMLElement) {
    super();
  }
}

export class Plugin extends Component {
  commands = new Map<string, any>();
  editorExtensions: unknown[] = [];
  postProcessors: Callback[] = [];
  settingTabs: unknown[] = [];
  data: unknown = null;
  constructor(
    public app: App,
    public manifest: unknown = { id: 'daybook' },
  ) {
    super();
  }
  addCommand(command: any) {
    this.commands.set(command.id, command);
    return command;
  }
  registerEditorExtension(extension: Extension) {
    this.editorExtensions.push(extension);
    this.app.workspace.editorExtensions.push(extension);
  }
  registerMarkdownPostProcessor(processor: Callback) {
    this.postProcessors.push(processor);
  }
  /**
   * Like the app's (1.12.2+): command IDs are global, and one registered
   * already throws. Assumed, as for commands: a plugin's handlers go when it
   * unloads.
   */
  registerCliHandler(command: string, description: string, flags: Record<string, { value?: string; description: string; required?: boolean }> | null, handler: (params: Record<string, string>) => string | Promise<string>) {
    if (this.app.cliHandlers.has(command)) throw new Error(`CLI command "${command}" is already registered`);
    this.app.cliHandlers.set(command, { description, flags, handler });
    this.register(() => this.app.cliHandlers.delete(command));
  }
  addSettingTab(tab: unknown) {
    this.settingTabs.push(tab);
  }
  async loadData() {
    return this.data;
  }
  async saveData(data: unknown) {
    this.data = structuredClone(data);
  }
}

export class Notice {
  static messages: string[] = [];
  constructor(public message: string) {
    Notice.messages.push(message);
  }
}

/**
 * Settings components as the app builds them, enough to drive a settings tab
 * as a user would: `type` fires onChange with the input's whole value, once
 * per keystroke (the app's `input` event), `click` fires onClick.
 */
export class TextComponent {
  value = '';
  placeholder = '';
  private changed: ((value: string) => unknown) | null = null;
  setValue(value: string) {
    this.value = value;
    return this;
  }
  getValue() {
    return this.value;
  }
  setPlaceholder(placeholder: string) {
    this.placeholder = placeholder;
    return this;
  }
  onChange(callback: (value: string) => unknown) {
    this.changed = callback;
    return this;
  }
  /** Test helper: types `text` one character at a time after clearing the field (the empty field fires too). */
  async type(text: string, clearFirst = true) {
    if (clearFirst) {
      this.value = '';
      await this.changed?.('');
    }
    for (const ch of text) {
      this.value += ch;
      await this.changed?.(this.value);
    }
  }
}

export class ButtonComponent {
  text = '';
  icon = '';
  tooltip = '';
  warning = false;
  private clicked: (() => unknown) | null = null;
  setButtonText(text: string) {
    this.text = text;
    return this;
  }
  setIcon(icon: string) {
    this.icon = icon;
    return this;
  }
  setTooltip(tooltip: string) {
    this.tooltip = tooltip;
    return this;
  }
  /** Deprecated in 1.13 for setDestructive, which older apps lack. */
  setWarning() {
    this.warning = true;
    return this;
  }
  destructive = false;
  setDestructive() {
    this.destructive = true;
    return this;
  }
  setCta() {
    return this;
  }
  onClick(callback: () => unknown) {
    this.clicked = callback;
    return this;
  }
  async click() {
    await this.clicked?.();
  }
}

/** A toggle: its value, and the change handler a user's click calls (as Obsidian's does, only on a change by the user). */
export class ToggleComponent {
  value = false;
  private changed: ((value: boolean) => unknown) | null = null;
  getValue() {
    return this.value;
  }
  setValue(on: boolean) {
    this.value = on;
    return this;
  }
  onChange(callback: (value: boolean) => unknown) {
    this.changed = callback;
    return this;
  }
  async click() {
    this.value = !this.value;
    await this.changed?.(this.value);
  }
}

/** A settings tab's container: remembers the settings built in it, in order. */
export class SettingContainer {
  readonly settings: Setting[] = [];
  empty() {
    this.settings.length = 0;
  }
  createEl() {
    return {};
  }
}

export class Setting {
  name = '';
  desc = '';
  heading = false;
  readonly texts: TextComponent[] = [];
  readonly buttons: ButtonComponent[] = [];
  readonly toggles: ToggleComponent[] = [];
  constructor(public containerEl?: unknown) {
    if (containerEl instanceof SettingContainer) containerEl.settings.push(this);
  }
  setName(name: string) {
    this.name = name;
    return this;
  }
  setDesc(desc: string) {
    this.desc = desc;
    return this;
  }
  setHeading() {
    this.heading = true;
    return this;
  }
  setClass() {
    return this;
  }
  addText(build: (text: TextComponent) => unknown) {
    const text = new TextComponent();
    this.texts.push(text);
    build(text);
    return this;
  }
  addButton(build: (button: ButtonComponent) => unknown) {
    const button = new ButtonComponent();
    this.buttons.push(button);
    build(button);
    return this;
  }
  addToggle(build: (toggle: ToggleComponent) => unknown) {
    const toggle = new ToggleComponent();
    this.toggles.push(toggle);
    build(toggle);
    return this;
  }
  addExtraButton(build: (button: ButtonComponent) => unknown) {
    return this.addButton(build);
  }
}

export class PluginSettingTab {
  containerEl = new SettingContainer();
  constructor(
    public app: App,
    public plugin: Plugin,
  ) {}
  display() {}
  hide() {}
}

/** Like the app's: calls wait `timeout` ms (restarted by each call with resetTimer); run() calls a pending one now. */
export function debounce<T extends unknown[], V>(callback: (...args: T) => V, timeout = 0, resetTimer = false) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: T | null = null;
  const fire = () => {
    const args = pending;
    timer = null;
    pending = null;
    return args ? callback(...args) : undefined;
  };
  const debounced = ((...args: T) => {
    pending = args;
    if (timer && resetTimer) clearTimeout(timer);
    if (!timer || resetTimer) timer = setTimeout(fire, timeout);
    return debounced;
  }) as ((...args: T) => unknown) & { cancel(): unknown; run(): V | undefined };
  debounced.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    pending = null;
    return debounced;
  };
  debounced.run = () => {
    if (timer) clearTimeout(timer);
    return fire();
  };
  return debounced;
}

export class Modal {
  contentEl = { createEl: () => ({}) };
  constructor(public app: App) {}
  open() {}
  close() {
    this.onClose();
  }
  onClose() {}
}

export class FuzzySuggestModal<T> extends Modal {
  setPlaceholder() {}
  getItems(): T[] {
    return [];
  }
}

/** A note open in an editor: `editor.cm` is the CodeMirror view, as in the app (untyped there). */
export class MarkdownView {
  constructor(
    public file: TFile | null = null,
    public editor: { cm?: unknown } = {},
    private mode: 'source' | 'preview' = 'source',
  ) {}
  getMode() {
    return this.mode;
  }
}
/** Like the app's: the note an editor shows (a MarkdownFileInfo; `file` may be null), set by whoever makes the editor. */
export const editorInfoField = StateField.define<{ file: TFile | null } | null>({ create: () => null, update: (value) => value });
/** Like the app's: true in Live Preview, false in Source mode. */
export const editorLivePreviewField = StateField.define<boolean>({ create: () => false, update: (value) => value });

/** The user event the fake app gives the text it loads from disk into an editor. */
const RELOAD_EVENT = 'set.reload-from-disk';

/**
 * A note open in an editor: a real CodeMirror view with the app's info field
 * and every extension plugins registered, as the app makes them for a tab, a
 * canvas card or a hover popover. Its buffer is not the file: typing (or any
 * edit through the view) makes it dirty, Vault.read still returns the disk,
 * and the text reaches the disk only when the editor saves (`save()`, which
 * the app runs a moment after typing stops). A write to the file by anyone
 * else is loaded into a clean buffer; a dirty buffer keeps its text and its
 * next save puts that on disk, over the other write — so a write that goes
 * to the disk alone, past an editor holding unsaved typing, loses one side.
 */
export class OpenNote {
  readonly view: EditorView;
  readonly transactions: Transaction[] = [];
  dirty = false;
  constructor(
    private readonly app: App,
    readonly file: TFile,
    readonly where: 'tab' | 'canvas card' | 'hover popover',
    readonly mode: 'source' | 'preview' = 'source',
  ) {
    // A tab's editor belongs to its MarkdownView, which is also its info; a canvas card's or popover's to an embed.
    const tab = where === 'tab' ? new MarkdownView(file, {}, mode) : null;
    this.view = new EditorView({
      state: EditorState.create({
        doc: app.vault.texts.get(file.path) ?? '',
        extensions: [
          editorInfoField.init(() => tab ?? { file }),
          EditorView.updateListener.of((update) => {
            for (const tr of update.transactions) {
              this.transactions.push(tr);
              if (tr.docChanged && !tr.isUserEvent(RELOAD_EVENT)) this.dirty = true;
            }
          }),
          ...app.workspace.editorExtensions,
        ],
      }),
    });
    if (tab) {
      tab.editor.cm = this.view;
      app.workspace.leaves.push({ view: tab });
    }
    app.vault.on('modify', (changed: TFile) => {
      if (changed !== file || this.dirty) return;
      const text = app.vault.texts.get(file.path) ?? '';
      if (text !== this.text) this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text }, annotations: Transaction.userEvent.of(RELOAD_EVENT) });
    });
  }
  get text(): string {
    return this.view.state.doc.toString();
  }
  /** The user types at the end of the note; nothing is saved yet. */
  type(text: string): void {
    this.view.dispatch({ changes: { from: this.view.state.doc.length, insert: text }, annotations: Transaction.userEvent.of('input.type') });
  }
  /** What the app does shortly after an edit: the buffer goes to disk. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    await this.app.vault.modify(this.file, this.text);
  }
  /** The edits made through the view since it opened, by anyone but the disk reload. */
  edits(): Transaction[] {
    return this.transactions.filter((tr) => tr.docChanged && !tr.isUserEvent(RELOAD_EVENT));
  }
}

/** Test helper: opens `path` in an editor of the given kind (a tab, by default). */
export function openNote(app: App, path: string, where: OpenNote['where'] = 'tab', mode: OpenNote['mode'] = 'source'): OpenNote {
  const file = app.vault.getAbstractFileByPath(path);
  if (!(file instanceof TFile)) throw new Error(`no note ${path}`);
  return new OpenNote(app, file, where, mode);
}

// ---- YAML, moment and timing helpers (plugin-app's region) ----
// Imported here, not at the top, so the two helpers' edits of this file merge apart.
import { parse as parseYamlPackage } from 'yaml';

/**
 * The app's parseYaml is js-yaml's `load`: YAML 1.2's core schema plus
 * timestamps (an unquoted date comes back as a Date), and a key given twice
 * throws; an alias is the anchored value itself (a shared reference, no count
 * limit). Assumed from the app's behaviour; the yaml package is told to do the same.
 */
function appParseYaml(text: string): unknown {
  return parseYamlPackage(text, { uniqueKeys: true, customTags: ['timestamp'], maxAliasCount: -1 });
}
export { appParseYaml as parseYaml };

/**
 * The app's moment is the moment package with the user's language set
 * globally; tests switch it with moment.locale(...) and switch back.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports, import/no-extraneous-dependencies -- the app's moment is the moment package, which obsidian's types bring
export const moment: typeof import('moment') = require('moment');

// ---- Vault loading (fit region): what the app does while a vault is still loading ----

/**
 * Test helper: the app as it starts, layout not ready and the notes at
 * `unindexed` not yet in the metadata cache; `finish()` makes the layout ready,
 * indexes them and fires 'resolved', as the app does once every file is indexed.
 */
export function startLoading(app: App, unindexed: string[] = []) {
  app.workspace.layoutReady = false;
  for (const path of unindexed) app.metadataCache.unindexed.add(path);
  return {
    finishLayout: () => app.workspace.finishLayout(),
    finishIndexing: () => {
      app.metadataCache.unindexed.clear();
      app.metadataCache.trigger('resolved');
    },
  };
}

/**
 * Test helper: Templater installed (and enabled unless told otherwise), as far
 * as Daybook calls it: `templater.overwrite_file_commands(file)` runs the
 * note's `<% … %>` commands in place with Vault.modify. This fake knows
 * `tp.file.title` only; any other command is a template error, which
 * Templater reports itself and answers by leaving the note unchanged.
 */
export function installTemplater(app: App, enabled = true) {
  const ran: string[] = [];
  const templater = {
    async overwrite_file_commands(file: TFile) {
      ran.push(file.path);
      let failed = false;
      const text = (app.vault.texts.get(file.path) ?? '').replace(/<%\s*([\s\S]*?)\s*%>/g, (command, body: string) => {
        if (body === 'tp.file.title') return file.basename;
        failed = true;
        return command;
      });
      if (!failed) await app.vault.modify(file, text);
    },
  };
  (app as unknown as { plugins: unknown }).plugins = {
    enabledPlugins: new Set(enabled ? ['templater-obsidian'] : []),
    plugins: { 'templater-obsidian': { templater } },
  };
  return ran;
}
