import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCli } from '../helpers/cli';
import { settingsFile, vaultOf } from './vaultHelpers';

jest.setTimeout(120_000);

/** Zones that skipped a day, shift at midnight, sit at ±12–14 h, or move by half hours. */
const ZONES = ['UTC', 'Pacific/Apia', 'Pacific/Kiritimati', 'Pacific/Tongatapu', 'America/Sao_Paulo', 'America/Havana', 'Asia/Tehran', 'Australia/Lord_Howe', 'Pacific/Honolulu', 'Etc/GMT+12', 'Asia/Kathmandu'];

let probe = '';
let cli = '';
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'daybook-probe-'));
  writeFileSync(join(dir, 'obsidian.js'), "exports.moment = require('moment');\n");
  probe = join(dir, 'probe.js');
  buildSync({
    entryPoints: [join(__dirname, 'probes', 'calendarProbe.ts')],
    outfile: probe,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    alias: { obsidian: join(dir, 'obsidian.js') },
    nodePaths: [join(__dirname, '..', '..', 'node_modules')],
    logLevel: 'warning',
  });
  cli = bundleCli();
});

function probeIn(zone: string, from: string, to: string): unknown[][] {
  const result = spawnSync(process.execPath, [probe, from, to], { env: { ...process.env, TZ: zone }, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as unknown[][];
}

describe('day arithmetic never depends on the process’s time zone', () => {
  it.each([
    ['Samoa’s skipped day', '2011-12-20', '2012-01-10'],
    ['Kiritimati’s skipped day', '1994-12-20', '1995-01-10'],
    ['DST shifts at midnight (São Paulo, Havana, Tehran), a year of them', '2018-01-01', '2018-12-31'],
  ])('%s: every zone gives UTC’s days, names, periods and templates', (_, from, to) => {
    const reference = probeIn('UTC', from, to);
    for (const zone of ZONES.slice(1)) expect([zone, probeIn(zone, from, to)]).toEqual([zone, reference]);
  });

  it('2011-12-30 is a day in Apia: a daily note for it is read and named, its week is 2011-W52', () => {
    const rows = probeIn('Pacific/Apia', '2011-12-30', '2011-12-30');
    for (const row of rows) {
      expect(row[1]).toBe('2011-12-30');
      expect(row[2]).toBe(true);
      expect(row[5]).toBe('2011/12/30 Fri.md');
      expect(row[6]).toBe('2011-12-30');
      expect((row[7] as string[][])[0].slice(0, 3)).toEqual(['2011-W52', '2011-12-26', '2012-01-01']);
    }
  });

  it('the CLI writes byte-identical reviews from daily notes around skipped days in every zone, and takes --date 2011-12-30', () => {
    const files: Record<string, string> = { ...settingsFile({ dailyFolder: 'Daily' }), 'People/Ana.md': '---\ntype: person\n---\n' };
    for (const day of ['2011-12-29', '2011-12-30', '2011-12-31', '1994-12-30', '1994-12-31', '1995-01-01', '2026-11-16']) files[`Daily/${day}.md`] = `---\nmood_wake: 5\n---\nMet [[Ana]] on ${day}.\n`;
    const reviews = (zone: string) => {
      const vault = vaultOf(files);
      const env = { ...process.env, TZ: zone, XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'daybook-cache-')) };
      const all = spawnSync(process.execPath, [cli, 'review', '--vault', vault, '--all', '--write'], { env, encoding: 'utf8' });
      expect(all.stderr).toMatch(/written/);
      const daily = spawnSync(process.execPath, [cli, 'daily', '--vault', vault, '--date', '2011-12-30'], { env, encoding: 'utf8' });
      expect([zone, daily.status, daily.stdout.trim()]).toEqual([zone, 0, 'Daily/2011-12-30.md']);
      const dir = join(vault, 'Reviews');
      return Object.fromEntries(readdirSync(dir).map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
    };
    const reference = reviews('UTC');
    expect(reference['2011-W52.md']).toContain('2011-12-30');
    for (const zone of ['Pacific/Apia', 'Pacific/Kiritimati', 'America/Sao_Paulo', 'Etc/GMT+12']) expect([zone, reviews(zone)]).toEqual([zone, reference]);
  });
});

describe('the date tests, run under other zones', () => {
  it.each(['Pacific/Apia', 'Pacific/Kiritimati', 'America/Sao_Paulo'])('pass under TZ=%s as under UTC', (zone) => {
    const jestBin = join(__dirname, '..', '..', 'node_modules', 'jest', 'bin', 'jest.js');
    const result = spawnSync(process.execPath, [jestBin, 'tests/core/dates.test.ts', 'tests/obsidian/appDates.test.ts', '--ci'], {
      cwd: join(__dirname, '..', '..'),
      env: { ...process.env, DAYBOOK_TEST_TZ: zone },
      encoding: 'utf8',
    });
    expect([zone, result.status, /\d+ passed, 0 failed/.test(result.stdout + result.stderr)]).toEqual([zone, 0, true]);
  });
});
