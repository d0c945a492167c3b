// Standard output of the CLI, written through: every write has reached the pipe, file or terminal when it
// returns. The check runs synchronously, so output handed to process.stdout would wait in memory whenever its
// reader is slower than the check (`nianbao check … | slow-reader`: every file's findings until the end —
// 416 MB instead of 92 MB over 10,000 reports, 2 GB over 100,000); written through, a full pipe holds the
// check back instead.

import { writeSync } from 'node:fs';

/** How long to wait before writing again to a full non-blocking pipe. */
const PIPE_FULL_WAIT_MS = 1;

type WriteSync = (fd: number, buffer: Uint8Array, offset: number, length: number) => number;

export class SyncWriter {
  /** The reader has gone (EPIPE, `nianbao check … | head`): output is dropped quietly, the check goes on. */
  private closed = false;
  private readonly pause = new Int32Array(new SharedArrayBuffer(4));

  constructor(
    private readonly fd: number,
    private readonly writeBytes: WriteSync = writeSync,
  ) {}

  write(data: string | Uint8Array): void {
    if (this.closed) return;
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += this.writeBytes(this.fd, bytes, offset, bytes.length - offset);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          Atomics.wait(this.pause, 0, 0, PIPE_FULL_WAIT_MS); // a non-blocking pipe is full: its reader is behind
        } else if (code === 'EPIPE') {
          this.closed = true;
          return;
        } else throw error;
      }
    }
  }
}
