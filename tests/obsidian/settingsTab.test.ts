/**
 * @jest-environment jsdom
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Notice, type Setting } from '../__mocks__/obsidian';
import { loadPlugin } from './pluginHarness';

// The app (Electron) has structuredClone; jsdom does not. Settings are plain JSON data.
if (!('structuredClone' in window)) Object.assign(window, { structuredClone: <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T });

beforeEach(() => {
  Notice.messages = [];
  jest.useFakeTimers({ now: new Date(2026, 10, 22, 8, 15), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
});
afterEach(() => jest.useRealTimers());

async function openTab() {
  const loaded = await loadPlugin({});
  const { plugin, app } = loaded;
  const saves = jest.spyOn(plugin, 'saveData');
  const tab = (plugin as any).settingTabs[0];
  tab.display();
  const settings = (): Setting[] => tab.containerEl.settings;
  const setting = (name: string) => {
    const found = settings().find((s) => s.name === name);
    if (!found) throw new Error(`no setting ${name}`);
    return found;
  };
  const wake = () => setting('How do you feel when you wake up?');
  const field = (row: Setting, placeholder: string) => row.texts.find((t) => t.placeholder === placeholder)!;
  /** Lets the pause after typing pass, and the save it starts finish. */
  const pause = async () => {
    await jest.advanceTimersByTimeAsync(600);
  };
  const saved = () => (plugin as any).data;
  return { ...loaded, app, tab, saves, setting, wake, field, pause, saved, reconfigured: () => app.workspace.optionUpdates };
}

describe('the settings tab, as a user types in it', () => {
  it('saves once typing pauses, not at every keystroke, and leaves the editors alone for a folder', async () => {
    const { setting, saves, pause, saved, reconfigured } = await openTab();
    await setting('Reviews folder').texts[0].type('Journal/Reviews');
    expect(saves).not.toHaveBeenCalled();
    await pause();
    expect(saves).toHaveBeenCalledTimes(1);
    expect(saved().reviewsFolder).toBe('Journal/Reviews');
    expect(reconfigured()).toBe(0);
  });

  it('reconfigures the editors once when a slider changes', async () => {
    const { wake, field, pause, saved, reconfigured } = await openTab();
    await field(wake(), 'max').type('12');
    await field(wake(), 'Question').type('How rested are you?');
    await pause();
    expect(saved().sliders[0]).toMatchObject({ question: 'How rested are you?', max: 12 });
    expect(reconfigured()).toBe(1);
  });

  it.each([
    ['min', '', 'Min is empty'],
    ['min', '-', 'Min "-" is not a number'],
    ['step', '1.', 'Step "1." is not a number'],
    ['max', '0', 'Min must be below max'],
    ['step', '0', 'Step must be above 0'],
  ])('does not save %s typed as %j, and says why in the slider’s row', async (key, typed, problem) => {
    const { wake, field, saves, pause, reconfigured } = await openTab();
    const input = field(wake(), key);
    await input.type(typed);
    expect(wake().desc).toBe(`${problem}: not saved yet. Property "mood_wake", 1 to 10, step 1.`);
    await pause();
    expect(saves).not.toHaveBeenCalled();
    expect(reconfigured()).toBe(0);
  });

  it('saves a number once it is whole again (“-” then “-2”, “1.” then “1.5”)', async () => {
    const { wake, field, pause, saved } = await openTab();
    await field(wake(), 'min').type('-2');
    await field(wake(), 'step').type('1.5');
    expect(wake().desc).toBe('Property "mood_wake", -2 to 10, step 1.5.');
    await pause();
    expect(saved().sliders[0]).toMatchObject({ min: -2, max: 10, step: 1.5 });
  });

  it('refuses a property name with a space, saying so and what is saved instead', async () => {
    const { wake, field, pause, saved } = await openTab();
    await field(wake(), 'Property').type('mood wake');
    // Typed one key at a time, "mood" was a valid name on the way.
    expect(wake().desc).toBe('Property "mood wake" may hold only letters, digits, _ and -: not saved yet. Property "mood", 1 to 10, step 1.');
    await pause();
    expect(saved().sliders[0].property).toBe('mood');
  });

  it('saves at once when the tab closes right after typing', async () => {
    const { tab, setting, saves, saved } = await openTab();
    await setting('Goals note').texts[0].type('Goals 2026');
    tab.hide();
    await Promise.resolve();
    expect(saves).toHaveBeenCalledTimes(1);
    expect(saved().goalsNote).toBe('Goals 2026');
  });

  it('adds and removes sliders, saving and reconfiguring at once', async () => {
    const { tab, setting, saved, reconfigured } = await openTab();
    const add = (tab.containerEl.settings as Setting[]).find((s) => s.buttons[0]?.text === 'Add slider')!;
    await add.buttons[0].click();
    expect(saved().sliders).toHaveLength(3);
    expect(reconfigured()).toBe(1);
    await setting('How focused were you today?').buttons[0].click();
    expect(saved().sliders).toHaveLength(2);
    expect(reconfigured()).toBe(2);
  });

  it('says so when the settings cannot be saved, leaving no unhandled rejection', async () => {
    const { setting, saves, pause } = await openTab();
    saves.mockRejectedValueOnce(new Error('EROFS: read-only file system'));
    await setting('People folder').texts[0].type('Team');
    await pause();
    expect(Notice.messages).toEqual(['Daybook: could not save the settings: EROFS: read-only file system']);
  });
});

describe('settings changed by sync (data.json rewritten outside the app)', () => {
  it('are loaded, shown in the open tab, and never overwritten by the copy typed before', async () => {
    const { plugin, setting, pause, saved, reconfigured } = await openTab();
    await setting('People folder').texts[0].type('Persons');
    // Before the pause ends, sync lands a newer data.json from another device.
    (plugin as any).data = { peopleFolder: 'Folks', sliders: [{ question: 'How focused were you?', property: 'focus', min: 1, max: 5, step: 1 }] };
    await (plugin as any).onExternalSettingsChange();
    await pause();
    expect(saved()).toEqual({ peopleFolder: 'Folks', sliders: [{ question: 'How focused were you?', property: 'focus', min: 1, max: 5, step: 1 }] });
    expect(plugin.stored.peopleFolder).toBe('Folks');
    expect(setting('People folder').texts[0].getValue()).toBe('Folks');
    expect(setting('How focused were you?')).toBeDefined();
    expect(reconfigured()).toBe(1);
    // Typing after the reload edits and saves the new copy.
    await setting('Topics folder').texts[0].type('Subjects');
    await pause();
    expect(saved()).toMatchObject({ peopleFolder: 'Folks', topicsFolder: 'Subjects' });
    expect(saved().sliders[0].property).toBe('focus');
  });
});

describe('the settings tab holds every setting', () => {
  /** Where each setting of the README's table (and each `brag` list) is in the tab. */
  const ROWS: Record<string, string[]> = {
    dailyFolder: ['Daily notes folder'],
    dailyFormat: ['Date format'],
    templatePath: ['Template file'],
    peopleFolder: ['People folder'],
    topicsFolder: ['Topics folder'],
    reviewsFolder: ['Reviews folder'],
    reviewFormats: ['Weekly review name', 'Monthly review name', 'Quarterly review name', 'Yearly review name'],
    goalsNote: ['Goals note'],
    incidentIndexFolder: ['Incident index folder'],
    incidentIndexName: ['Incident index name'],
    exportNames: ['Initials when sharing'],
    meetingsFolder: ['Meetings folder'],
    meetingNotes: ['Meeting notes belong to their day'],
    filedUnderDays: ['Notes filed under a day'],
    markerTags: ['Marker tags'],
    openingTagMarkers: ['Tags that open the day are markers'],
    sliders: ['How do you feel when you wake up?', 'How do you feel when you wind down?'],
    'brag.highlightTags': ['Highlight tags'],
    'brag.highlightSections': ['Highlight sections'],
    'brag.collaborationTags': ['Collaboration tags'],
    'brag.collaborationSections': ['Collaboration sections'],
    'brag.designTypes': ['Design doc types'],
    'brag.designTags': ['Design doc tags'],
    'brag.designSections': ['Design sections'],
    'brag.designFolders': ['Design doc folders'],
    'brag.readingTypes': ['Reading types'],
    'brag.readingTags': ['Reading tags'],
    'brag.readingFolders': ['Reading folders'],
    'brag.learningTags': ['Learning tags'],
    'brag.learningSections': ['Learning sections'],
  };

  it('that the README lists, in sentence case', async () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const table = [...readme.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]).filter((key) => key !== 'brag');
    const bragBlock = /"brag": \{([\s\S]*?)\n\}/.exec(readme)![1];
    const brag = [...bragBlock.matchAll(/"(\w+)":/g)].map((m) => `brag.${m[1]}`);
    expect([...table, ...brag].sort()).toEqual(Object.keys(ROWS).sort());
    const { tab } = await openTab();
    const names = (tab.containerEl.settings as Setting[]).map((row) => row.name);
    for (const rows of Object.values(ROWS)) for (const row of rows) expect(names).toContain(row);
    for (const name of names.filter((n) => n && !n.endsWith('?'))) expect(name.slice(1)).not.toMatch(/\b[A-Z][a-z]/);
  });

  it('saves a brag list typed with commas as a list, tags without #, and the settings in force use it', async () => {
    const { setting, pause, saved, plugin } = await openTab();
    await setting('Highlight tags').texts[0].type('#win, shipped ,, kudos');
    await setting('Reading folders').texts[0].type('./Library/, Books');
    await pause();
    expect(saved().brag).toMatchObject({ highlightTags: ['win', 'shipped', 'kudos'], readingFolders: ['./Library/', 'Books'] });
    expect((plugin as any).effective.brag).toMatchObject({ highlightTags: ['win', 'shipped', 'kudos'], readingFolders: ['Library', 'Books'], designTypes: ['design-doc', 'adr', 'doc'] });
    expect(Notice.messages).toEqual([]);
  });

  it('shows the lists a data.json holds, and the defaults for the ones it leaves out', async () => {
    const { plugin } = await loadPlugin({});
    (plugin as any).data = { brag: { highlightTags: ['win'] } };
    await (plugin as any).onExternalSettingsChange();
    const tab = (plugin as any).settingTabs[0];
    tab.display();
    const value = (name: string) => (tab.containerEl.settings as Setting[]).find((row) => row.name === name)!.texts[0].getValue();
    expect([value('Highlight tags'), value('Highlight sections')]).toEqual(['win', 'Wins, Kudos, Achievements, Accomplishments, What did I achieve today']);
  });
});

describe('the settings of the incident index and of sharing', () => {
  it('saves the index folder and name as typed, and initials when the toggle is on', async () => {
    const { setting, pause, saved } = await openTab();
    await setting('Incident index folder').texts[0].type('Ops');
    await setting('Incident index name').texts[0].type('All incidents');
    const initials = setting('Initials when sharing').toggles[0];
    expect(initials.getValue()).toBe(false);
    await initials.click();
    await pause();
    expect(saved()).toMatchObject({ incidentIndexFolder: 'Ops', incidentIndexName: 'All incidents', exportNames: 'initials' });
    await initials.click();
    await pause();
    expect(saved().exportNames).toBe('full');
  });
});
