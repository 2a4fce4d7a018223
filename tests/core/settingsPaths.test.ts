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
