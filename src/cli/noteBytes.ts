import { isUtf8 } from 'node:buffer';
import { constants, openSync, readSync } from 'node:fs';
import { code } from './fileErrors';
import { decodeKeepingBytes } from './keptBytes';

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

/** Bytes read at first for a note's head: the binary check needs 8 KiB anyway, and most notes are smaller. */
export const HEAD_BYTES = 16 * 1024;

/** Reused for every head: a cold run reads the heads of thousands of notes, and a buffer each is garbage. */
const scratch = Buffer.allocUnsafe(HEAD_BYTES);

/**
 * Reads from the start of `fd` into `buffer` until it is full or the file
 * ends; returns the bytes read. A read of a regular file that comes back
 * short has reached its end (the kernel fills a read of one up to the end or
 * the count), so a note smaller than the buffer costs one read, not a second
 * one that comes back empty: 20,000 notes' heads, 20,000 system calls.
 */
export function fill(fd: number, buffer: Buffer): number {
  let offset = 0;
  while (offset < buffer.length) {
    const asked = buffer.length - offset;
    const read = readSync(fd, buffer, offset, asked, offset);
    offset += read;
    if (read < asked) break;
  }
  return offset;
}

/**
 * The start of an open note, decoded as the whole note would be, up to a line
 * break after which `enough` says nothing more is needed (or the whole note).
 * Cut at a line break, so no character is split: "\n" is never inside one.
 * Needs no stat: a read that comes back short is the end of the note.
 *
 * `blank` may say of the bytes, before they are decoded, that whoever reads
 * the head finds nothing in it (`whole`: they are the whole note), and must
 * then also be what `enough` would say of them: such a head comes back as its
 * bytes only, undecoded. Only valid UTF-8 without a byte order mark comes back
 * so, whose bytes are exactly those of its text: a hash of either is the same.
 * The bytes are a buffer the next call reuses: hash them before reading on.
 * Decoding is most of a head's cost in a Logseq graph, where every page is
 * read whole for its first block's properties (20,000 notes: 0.2 s of 0.6).
 */
export function readHead(fd: number, enough: (head: string) => boolean, blank?: (bytes: Buffer, whole: boolean) => boolean): string | { blank: Buffer; whole: boolean } {
  for (let length = HEAD_BYTES; ; length *= 4) {
    const buffer = length === HEAD_BYTES ? scratch : Buffer.alloc(length);
    const read = fill(fd, buffer);
    const bytes = buffer.subarray(0, read);
    if (read < length) return blank && isBlank(bytes, true, blank) ? { blank: bytes, whole: true } : decodeNote(bytes);
    if (bytes.subarray(0, 8192).includes(0)) throw new Error('is a binary file, not text');
    const cut = bytes.lastIndexOf(10);
    if (cut !== -1) {
      const headBytes = bytes.subarray(0, cut + 1);
      if (blank && isBlank(headBytes, false, blank)) return { blank: headBytes, whole: false };
      const head = lenient.decode(headBytes);
      if (enough(head)) return head;
    }
  }
}

/**
 * The whole of an open note, without a stat: a read that fills the buffer is
 * followed by one four times larger. A note that fits in HEAD_BYTES comes back
 * in the buffer the next call reuses: use its bytes before reading on.
 */
export function readToEnd(fd: number): Buffer {
  for (let length = HEAD_BYTES; ; length *= 4) {
    const buffer = length === HEAD_BYTES ? scratch : Buffer.allocUnsafe(length);
    const read = fill(fd, buffer);
    if (read < length) return buffer.subarray(0, read);
  }
}

/** Whether a note's bytes are not text, as decodeNote refuses them: a NUL in the first 8 KiB (no view made for it: this is asked of every note read). */
export function isBinary(bytes: Uint8Array): boolean {
  const nul = bytes.indexOf(0);
  return nul !== -1 && nul < 8192;
}

/**
 * Whether the bytes hold `needle` (ASCII, a colon or another rare byte last):
 * found by its last byte, which memchr finds, then the rest compared. Buffer's
 * own search of a string cost 1-2 µs a call whatever the bytes, for every note.
 */
export function includesAscii(bytes: Uint8Array, needle: string): boolean {
  const last = needle.charCodeAt(needle.length - 1);
  for (let at = bytes.indexOf(last, needle.length - 1); at !== -1; at = bytes.indexOf(last, at + 1)) {
    let i = 1;
    while (i < needle.length && bytes[at - i] === needle.charCodeAt(needle.length - 1 - i)) i++;
    if (i === needle.length) return true;
  }
  return false;
}

/** `blank`, for bytes that are text (no NUL in the first 8 KiB, as decodeNote refuses) and valid UTF-8 without a byte order mark. */
export function isBlank(bytes: Buffer, whole: boolean, blank: (bytes: Buffer, whole: boolean) => boolean): boolean {
  return !(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) && !isBinary(bytes) && blank(bytes, whole) && isUtf8(bytes);
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

/** A note opened for reading, refusing a link (null: it became one since it was listed, so the caller checks where it leads). */
export function openRefusingLinks(absolute: string): number | null {
  try {
    // Non-blocking, so a FIFO put where a note was listed cannot hang the run.
    return openSync(absolute, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if (code(error) === 'ELOOP') return null;
    throw error;
  }
}

/** Text of a note Daybook may write back: every byte it does not change comes back as it was (see keptBytes). */
export function decodeWritable(bytes: Uint8Array): string {
  if (bytes.subarray(0, 8192).includes(0)) throw new Error('is a binary file, not text');
  return decodeKeepingBytes(bytes);
}

/** What a file that is not a regular one is, for the message that refuses it. */
export function fileKind(info: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isDirectory(): boolean }): string {
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isDirectory()) return 'a folder';
  return 'not a regular file';
}
