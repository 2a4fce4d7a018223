import { join } from 'node:path';
import { generateVault } from './generateVault';
import { benchPlugin } from './pluginRestart';

/**
 * Only the plugin's figure, on the bench's synthetic vault (made if missing):
 *   npx esbuild bench/pluginOnly.ts --bundle --platform=node --alias:obsidian=./tests/__mocks__/obsidian.ts --outfile=dist/pluginBench.js && node dist/pluginBench.js
 */
const vault = join(process.cwd(), '.bench', 'vault');
generateVault(vault, { days: 3650, unrelated: 20000, people: 1000, topics: 1000 });
const print = (line: string) => process.stdout.write(`${line}\n`);
benchPlugin(vault, print, (name, ms, baseline, target) => {
  const ratio = baseline ? `  ${(ms / baseline.ms).toFixed(2)} × ${baseline.name}` : '';
  print(`${name.padEnd(52)} ${ms.toFixed(0).padStart(7)} ms${ratio}${target ? `   (target ${target})` : ''}`);
}).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
