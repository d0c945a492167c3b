// The CLI's standard output is written through (shared/src/cli/syncWriter.ts): every byte has been handed to
// the file descriptor when a write returns — partial writes go on, a full non-blocking pipe (EAGAIN) is
// waited for, a reader that has gone (EPIPE) drops the rest quietly, other errors are thrown.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SyncWriter } from '../shared/src/cli/syncWriter';

function failure(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

/** A file descriptor that takes at most `chunk` bytes per call and fails as `script` says, call by call. */
function fakeFd(chunk: number, script: (string | undefined)[] = []) {
  const received: number[] = [];
  let calls = 0;
  const writeBytes = (fd: number, buffer: Uint8Array, offset: number, length: number): number => {
    assert.equal(fd, 1);
    const fail = script[calls++];
    if (fail) throw failure(fail);
    const n = Math.min(chunk, length);
    received.push(...buffer.subarray(offset, offset + n));
    return n;
  };
  return { writeBytes, text: () => Buffer.from(received).toString('utf8'), calls: () => calls };
}

describe('SyncWriter', () => {
  it('hands every byte over, in order, across partial writes (UTF-8 text and bytes)', () => {
    const fd = fakeFd(3);
    const writer = new SyncWriter(1, fd.writeBytes);
    writer.write('表三 总计 12\n');
    writer.write(new Uint8Array(Buffer.from('ok\n')));
    assert.equal(fd.text(), '表三 总计 12\nok\n');
  });

  it('waits and writes again when the pipe is full (EAGAIN), losing nothing', () => {
    const fd = fakeFd(4, [undefined, 'EAGAIN', 'EAGAIN', undefined]);
    const writer = new SyncWriter(1, fd.writeBytes);
    writer.write('abcdefghij');
    assert.equal(fd.text(), 'abcdefghij');
    assert.equal(fd.calls(), 5);
  });

  it('drops the rest quietly once the reader has gone (EPIPE), and writes nothing more', () => {
    const fd = fakeFd(2, [undefined, 'EPIPE']);
    const writer = new SyncWriter(1, fd.writeBytes);
    writer.write('abcdef');
    writer.write('more');
    assert.equal(fd.text(), 'ab');
    assert.equal(fd.calls(), 2);
  });

  it('throws any other error', () => {
    const fd = fakeFd(2, ['EIO']);
    assert.throws(() => new SyncWriter(1, fd.writeBytes).write('x'), /EIO/);
  });
});
