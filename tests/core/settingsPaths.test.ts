import { dayOfDailyNote } from '../../src/core/dailyNotes';
import { resolveSettings } from '../../src/core/settings';
import { isInFolder } from '../../src/core/vault';

describe('folder settings as users type them name the notes they mean', () => {
  it.each([
    ['Daily/', 'Daily'],
    ['./Daily', 'Daily'],
    ['.\\Daily\\', 'Daily'],
    ['Journal\\Daily', 'Journal/Daily'],
    ['Journal//Daily/', 'Journal/Daily'],
    ['./', ''],
  ])('the daily folder %j matches notes in %j', (typed, folder) => {
    const { settings, problems } = resolveSettings({ dailyFolder: typed });
    expect(problems).toEqual([]);
    expect(settings.dailyFolder).toBe(folder);
    expect(dayOfDailyNote(`${folder ? folder + '/' : ''}2026-11-17.md`, settings)).toBe('2026-11-17');
  });

  it('also for the people, topics and reviews folders, the template, the goals note, and the core Daily notes folder', () => {
    const { settings } = resolveSettings(
      { peopleFolder: './People/', topicsFolder: 'Notes\\Topics', reviewsFolder: 'Reviews/', templatePath: './Templates\\Day', goalsNote: './Goals', brag: { designFolders: ['.\\Docs\\'], readingFolders: ['./Reading/'] } },
      { folder: '.\\Journal\\' },
    );
    expect(isInFolder('People/Ana.md', settings.peopleFolder)).toBe(true);
    expect([settings.topicsFolder, settings.reviewsFolder, settings.templatePath, settings.goalsNote, settings.dailyFolder]).toEqual(['Notes/Topics', 'Reviews', 'Templates/Day', 'Goals', 'Journal']);
    expect([settings.brag.designFolders, settings.brag.readingFolders]).toEqual([['Docs'], ['Reading']]);
  });

  it('still refuses a folder that leaves the vault, however it is written', () => {
    for (const typed of ['..\\Elsewhere', './../Elsewhere', '\\\\server\\share']) {
      expect(resolveSettings({ dailyFolder: typed }).errors).toHaveLength(1);
    }
  });
});

describe('a note is in a folder whatever Unicode form either is written in', () => {
  // What isInFolder must answer, the slow way: both names normalised whole.
  const reference = (path: string, folder: string) => folder === '' || path.normalize('NFC').startsWith(folder.normalize('NFC') + '/');
  const folders = ['People', 'Café', 'Cafe\u0301', 'Keys', 'Reviews', 'Journal/Daily', '東京', ''];
  const paths = ['People/Ana.md', 'Café/x.md', 'Cafe\u0301/x.md', 'Cafés/x.md', 'Reviews\u0301/x.md', 'Reviews/\u0301x.md', 'Reviewsé/x.md', '\u212Aeys/x.md', 'Keys\u0301/x.md', 'Journal/Daily/2026-01-01.md', 'Journal/Daily\u0301/x.md', '東京/会議.md', 'People', 'Peo', 'x.md'];
  it.each(folders.flatMap((folder) => paths.map((path) => [path, folder])))('%j in %j', (path, folder) => {
    expect(isInFolder(path, folder)).toBe(reference(path, folder));
  });

  it('finds NFD names in an NFC folder and the reverse, and a Kelvin sign as the K it stands for', () => {
    expect(isInFolder('Cafe\u0301/x.md', 'Café')).toBe(true);
    expect(isInFolder('Café/x.md', 'Cafe\u0301')).toBe(true);
    expect(isInFolder('\u212Aeys/x.md', 'Keys')).toBe(true);
    expect(isInFolder('Reviews\u0301/x.md', 'Reviews')).toBe(false);
  });
});
