/**
 * stdout or stderr as the CLI writes to them. A reader that went away
 * (`| head -1`) or a device that is full (`> /dev/full`) ends that output
 * quietly: no stack trace, no unhandled error, and the run goes on writing
 * review notes, which matter more than the lines about them.
 */
export interface OutputStream {
  write(text: string): void;
  /** Why output was lost, when it was lost for a reason other than a reader that went away. */
  readonly lost: string | null;
}

interface Writable {
  write(text: string): boolean;
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

export function outputStream(stream: Writable): OutputStream {
  let closed = false;
  let lost: string | null = null;
  // A pipe or file on Linux is written synchronously, but its failure still arrives as an 'error' event.
  stream.on('error', (error) => {
    closed = true;
    if (error.code !== 'EPIPE' && lost === null) lost = error.code ?? error.message;
  });
  return {
    write(text) {
      if (closed) return;
      try {
        stream.write(text);
      } catch (error) {
        closed = true;
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EPIPE' && lost === null) lost = code ?? String(error);
      }
    },
    get lost() {
      return lost;
    },
  };
}
