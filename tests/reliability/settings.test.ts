import fc from 'fast-check';
import { DEFAULT_SETTINGS, resolveSettings } from '../../src/core/settings';
import { outsideVaultProblem } from '../../src/core/vault';
import { duplicateKeys } from '../../src/cli/vaultSettings';
import { daybook } from '../helpers/cli';
import { dailyNotes, settingsFile, vaultOf } from './vaultHelpers';

describe('settings files a user may end up with', () => {
  const run = async (data: string) => {
    const vault = vaultOf({ ...dailyNotes([16]), ...settingsFile(data), '.obsidian/daily-notes.json': '{"folder": "Daily"}' });
    return daybook(['review', '--vault', vault, '--period', '2026-W47']);
  };

  it.each([
    ['empty', '', /data\.json is empty; using defaults/],
    ['null', 'null', /data\.json holds null; using defaults/],
    ['an array', '[1, 2]', /settings are a list, not a JSON object; using defaults/],
    ['a number', '42', /settings are 42, not a JSON object; using defaults/],
    ['wrong types', '{"reviewsFolder": 7, "sliders": {"a": 1}}', /reviewsFolder must be text, not 7; using the default/],
    ['a slider with min > max', '{"sliders": [{"property": "mood_wake", "min": 10, "max": 1}]}', /sliders\[0\] \(mood_wake\) needs min < max/],
    ['a slider with step 0', '{"sliders": [{"property": "mood_wake", "step": 0}]}', /step > 0/],
    ['a slider with a negative step', '{"sliders": [{"property": "mood_wake", "step": -1}]}', /step > 0/],
    ['a slider with a million stops', '{"sliders": [{"property": "mood_wake", "min": 0, "max": 1, "step": 1e-7}]}', /at most 10,000 stops/],
    ['a slider with NaN', '{"sliders": [{"property": "mood_wake", "max": "NaN"}]}', /sliders\[0\]\.max is "NaN", not a number; using 10/],
    ['duplicate properties', '{"reviewsFolder": "A", "reviewsFolder": "B"}', /"reviewsFolder" is set twice; the last one is used/],
  ])('%s: defaults for what is bad, one clear line for each, and the review still runs', async (_name, data, line) => {
    const result = await run(data);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(line);
    for (const l of result.stderr.trim().split('\n')) expect(l).toMatch(/^warning: \S.*: .+/);
    expect(result.stdout).toContain('[[Ana]]');
  });

  it('a settings file that is not JSON, or 10 MB, stops the run with one line naming it', async () => {
    for (const [data, line] of [
      ['{"reviewsFolder": ', /data\.json is not valid JSON/],
      [`{"goalsNote": "${'x'.repeat(10 * 1024 * 1024)}"}`, /data\.json is \d+ KB, too large for a settings file/],
    ] as const) {
      const result = await run(data);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(line);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('finds keys set twice at any depth, without being fooled by strings', () => {
    expect(duplicateKeys('{"a": 1, "b": {"c": 1, "c": 2}, "s": "\\"a\\": 1", "a": 3}').sort()).toEqual(['a', 'c']);
    expect(duplicateKeys('[{"a": 1}, {"a": 2}]')).toEqual([]);
  });
});

describe('resolveSettings, for any stored value (property-based)', () => {
  const keys = [...Object.keys(DEFAULT_SETTINGS), 'reviewFormats', 'unknown'];
  const hostile = fc.oneof(
    fc.constantFrom('..', 'a/../../x', '..\\..\\x', '/abs', 'C:\\x', 'a\u0000b', '[../../]YYYY', 'YYYY', '', ' ', 'Daily', 'YYYY-MM-DD'),
    fc.string(),
    fc.double(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 3 }),
  );
  const stored = fc.oneof(
    fc.jsonValue(),
    fc.dictionary(fc.constantFrom(...keys), fc.oneof(hostile, fc.dictionary(fc.constantFrom('week', 'month', 'quarter', 'year', 'day'), hostile), fc.array(fc.record({ property: fc.constantFrom('mood_wake', 'x y', ''), min: hostile, max: hostile, step: hostile }, { requiredKeys: [] }), { maxLength: 3 }))),
  );

  it('never throws, keeps every field its type, and never lets a path leave the vault', () => {
    fc.assert(
      fc.property(stored, fc.dictionary(fc.constantFrom('folder', 'format', 'template'), hostile), (raw, core) => {
        const { settings } = resolveSettings(raw, core);
        for (const key of ['dailyFolder', 'dailyFormat', 'templatePath', 'reviewsFolder', 'peopleFolder', 'topicsFolder', 'goalsNote'] as const) {
          expect(typeof settings[key]).toBe('string');
          expect(outsideVaultProblem(settings[key])).toBeNull();
        }
        for (const format of Object.values(settings.reviewFormats)) expect(outsideVaultProblem(format.replace(/[[\]]/g, ''))).toBeNull();
        for (const slider of settings.sliders) {
          expect(slider.min).toBeLessThan(slider.max);
          expect(slider.step).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });
});
