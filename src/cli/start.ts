import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { bytesHash } from './fileStamp';

/**
 * `dist/cli.js`: loads the CLI's bundle (`dist/cliBundle.js`) with V8's code
 * cache, kept beside it in `cliBundle.code-cache`, so a run does not compile
 * again what the last one compiled. The cache names the bundle and Node by
 * their hash and holds the hash of V8's data (which V8 does not check: damaged
 * data can crash it), and V8 checks its own version and flags: a cache for
 * another bundle or another Node, or damaged, is not used, the bundle is compiled as usual and the cache
 * written anew when the run ends (atomically, and not at all where the folder
 * cannot be written). Node 22's module.enableCompileCache does this itself;
 * Node 20 has only the vm API.
 */
const bundle = join(__dirname, 'cliBundle.js');
const cacheFile = join(__dirname, 'cliBundle.code-cache');

// The libraries loaded on first use (src/cli/lazy): a note they cannot parse would be left out of a review, so a missing one stops the run.
for (const chunk of ['yaml', 'micromark', 'remarkParse']) {
  if (!existsSync(join(__dirname, `${chunk}.js`))) {
    process.stderr.write(`daybook: ${join(__dirname, `${chunk}.js`)} is missing: the install is incomplete (npm run build:cli makes it)\n`);
    process.exit(1);
  }
}

const source = readFileSync(bundle, 'utf8');
const key = Buffer.from(bytesHash(`${process.version}\u0000${process.arch}\u0000${source}`), 'latin1');

/** The digest of the V8 data after the key: V8 itself trusts the bytes it is given, and damaged ones can crash it. */
const DIGEST_BYTES = 40;

function storedCache(): Buffer | undefined {
  try {
    const stored = readFileSync(cacheFile);
    const data = stored.subarray(key.length + DIGEST_BYTES);
    const sealed = stored.subarray(0, key.length).equals(key) && stored.subarray(key.length, key.length + DIGEST_BYTES).toString('latin1') === bytesHash(data);
    return sealed ? data : undefined;
  } catch {
    return undefined;
  }
}

function saveCache(script: Script): void {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    const fd = openSync(temporary, 'w');
    try {
      const data = script.createCachedData();
      writeSync(fd, key);
      writeSync(fd, bytesHash(data), null, 'latin1');
      writeSync(fd, data);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, cacheFile);
  } catch {
    // A folder Daybook cannot write (a system-wide install): every run compiles, as without a cache.
    rmSync(temporary, { force: true });
  }
}

const cachedData = storedCache();
const script = new Script(wrap(source), { filename: bundle, cachedData });
// After the run, so the cache also holds the functions compiled while it ran, not only the top level.
if (cachedData === undefined || script.cachedDataRejected) process.once('exit', () => saveCache(script));
const moduleOfBundle = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void).call(moduleOfBundle.exports, moduleOfBundle.exports, createRequire(bundle), moduleOfBundle, bundle, __dirname);
