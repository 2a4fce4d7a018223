// `npm version` hook: copy the new version into manifest.json, and record it in
// versions.json only when minAppVersion changed (as community plugins do).
import { readFileSync, writeFileSync } from 'node:fs';

const version = process.env.npm_package_version;
const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));
const versions = JSON.parse(readFileSync('versions.json', 'utf8'));
manifest.version = version;
writeFileSync('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
if (!Object.values(versions).includes(manifest.minAppVersion)) {
  versions[version] = manifest.minAppVersion;
  writeFileSync('versions.json', JSON.stringify(versions, null, 2) + '\n');
}
