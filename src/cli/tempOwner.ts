import { readFileSync } from 'node:fs';

/**
 * Names that prove which process wrote a temporary file: its pid, and the
 * boot and start time of that process (Linux's /proc), so a temporary file of
 * a killed run is known to be stale even after its pid was given to another
 * process. Where /proc is missing, the pid alone is the owner, as before.
 */

/** The process's start time in clock ticks since boot, and the boot's id: what makes a pid unique over time. */
function startProof(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = fields[19];
    return /^\d+$/.test(start) ? `${bootId()}s${start}` : null;
  } catch {
    return null;
  }
}

let boot: string | undefined;
function bootId(): string {
  if (boot === undefined) {
    try {
      boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').replace(/[^0-9a-f]/g, '').slice(0, 8);
    } catch {
      boot = '';
    }
  }
  return `b${boot}`;
}

let own: string | undefined;

/** This process as temporary file names carry it: `1234-b5f3e2a1cs98765` (pid, boot, start), or `1234` without /proc. */
export function ownerToken(): string {
  own ??= ((proof) => (proof ? `${process.pid}-${proof}` : String(process.pid)))(startProof(process.pid));
  return own;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A name's owner: `<pid>` or `<pid>-<proof>`, read from what follows the note's name. */
const OWNER = /^(\d+)(?:-(b[0-9a-f]*s\d+))?$/;

/**
 * Whether the process that wrote a temporary file owned by `owner` is gone:
 * no process has its pid, or the one that has it started at another time (a
 * reused pid). This process's own files are never stale.
 */
export function ownerIsGone(owner: string): boolean {
  const match = OWNER.exec(owner);
  if (!match) return false;
  const pid = Number(match[1]);
  if (owner === ownerToken() || (pid === process.pid && match[2] === undefined)) return false;
  if (!isAlive(pid)) return true;
  if (match[2] === undefined) return false;
  const proof = startProof(pid);
  return proof !== null && proof !== match[2];
}
