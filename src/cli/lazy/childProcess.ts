import type * as ChildProcess from 'node:child_process';
import { lazyBuiltin } from './builtin';

/**
 * `node:child_process` in the bundled CLI (scripts/cliBuilds.cjs): commander
 * requires it when it loads, for the executable subcommands Daybook has none
 * of, and only ever calls `spawn`.
 */
const childProcess = lazyBuiltin<typeof ChildProcess>('node:child_process');

export const spawn = ((...args: Parameters<typeof ChildProcess.spawn>) => childProcess().spawn(...args)) as typeof ChildProcess.spawn;
