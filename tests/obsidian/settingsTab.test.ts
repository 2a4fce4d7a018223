/**
 * @jest-environment jsdom
 */
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
