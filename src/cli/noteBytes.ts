import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { code } from './fileErrors';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Text of a note's bytes. Binary files are refused; invalid UTF-8 is read with U+FFFD, which the parser reports. */
export function decodeNote(bytes: Uint8Array): string {
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) throw new Error('is a binary file, not text');
  try {
    return utf8.decode(bytes);
  } catch {
    return lenient.decode(bytes);
  }
}

/** The first `size` bytes of an open file. */
export function readAllFrom(fd: number, size: number): Buffer {
  const buffer = Buffer.alloc(size);
  for (let offset = 0; offset < size; ) {
    const read = readSync(fd, buffer, offset, size - offset, offset);
    if (read === 0) return buffer.subarray(0, offset);
    offset += read;
  }
  return buffer;
}

/** A file's bytes, refusing a link (null: it became one since it was listed, so the caller checks where it leads). */
export function readPlain(absolute: string): Buffer | null {
  let fd: number;
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    if (code(error) === 'ELOOP') return null;
    throw error;
  }
  try {
    return readAllFrom(fd, fstatSync(fd).size);
  } finally {
    closeSync(fd);
  }
}
