import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Compares text with a reviewed file in tests/cli/approved. `APPROVE=1 npm test`
 * writes a missing or changed file instead, for a person to read before committing.
 */
export function expectApproved(name: string, actual: string): void {
  const file = join(__dirname, '..', 'cli', 'approved', name);
  if (process.env.APPROVE === '1') {
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`no approved file ${name}: run APPROVE=1 npx jest, read it, then commit it`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
