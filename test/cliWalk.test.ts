// The CLI's walk over its arguments (shared/src/cli/files.ts): a stream, not a list — a file is handed on
// before the next folder is read — in the order of the arguments and of sorted names, each file once
// however it is reached (links to files and folders, a file named and also found in a folder named).

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { collectFiles, walkFiles, type FileProblem } from '../shared/src/cli/files';

const OPTIONS = { maxSize: 1 << 20 };

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-walk-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function folder(name: string, files: string[]): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  for (const f of files) {
    mkdirSync(join(path, f, '..'), { recursive: true });
    writeFileSync(join(path, f), 'notes\n');
  }
  return path;
}

describe('the walk over the arguments', () => {
  test('links to files and folders: each real file once, the first time it is reached', () => {
    const root = folder('links', ['b.txt', 'x.txt', 'sub/d.txt', 'sub/e.txt']);
    symlinkSync(join(root, 'b.txt'), join(root, 'a-link.txt')); // before its target, same folder
    symlinkSync(join(root, 'sub', 'd.txt'), join(root, 'c-link.txt')); // before its target's folder
    symlinkSync(join(root, 'sub'), join(root, 'sub-link')); // a folder walked already
    symlinkSync(join(root, 'b.txt'), join(root, 'z-link.txt')); // a target reached through a link before
    symlinkSync(join(root, 'sub', 'e.txt'), join(root, 'z2-link.txt')); // a target in a folder walked already
    symlinkSync(join(root, 'x.txt'), join(root, 'zz-link.txt')); // a target earlier in the same folder
    const { files, problems } = collectFiles([root], OPTIONS);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      files,
      ['a-link.txt', 'c-link.txt', join('sub', 'e.txt'), 'x.txt'].map((f) => join(root, f)),
    );
  });

  test('a file named and also found in a folder named comes once, where it first comes', () => {
    const root = folder('named', ['a.txt', 'b.txt']);
    const a = join(root, 'a.txt');
    const b = join(root, 'b.txt');
    assert.deepEqual(collectFiles([b, root, b], OPTIONS).files, [b, a]);
    assert.deepEqual(collectFiles([root, b], OPTIONS).files, [a, b]);
    assert.deepEqual(collectFiles(['-', root, '-'], OPTIONS).files, ['-', a, b]);
  });

  test('a stream: the first file is handed on before the next argument is walked', () => {
    const first = folder('stream-1', ['a.txt']);
    const second = join(dir, 'stream-2');
    const problems: FileProblem[] = [];
    const walk = walkFiles([first, second], OPTIONS, (p) => problems.push(p));
    assert.deepEqual(walk.next(), { value: join(first, 'a.txt'), done: false });
    // The second folder did not exist when the first file came.
    folder('stream-2', ['b.txt']);
    assert.deepEqual([...walk], [join(second, 'b.txt')]);
    assert.deepEqual(problems, []);
  });

  test('problems come as they are met, and an empty folder is named', () => {
    const empty = folder('empty', []);
    const big = folder('big', []);
    writeFileSync(join(big, 'big.txt'), 'x'.repeat(100));
    const problems: FileProblem[] = [];
    const files = [...walkFiles([join(dir, 'missing'), empty, big], { maxSize: 10 }, (p) => problems.push(p))];
    assert.deepEqual(files, []);
    assert.deepEqual(
      problems.map((p) => p.path),
      [join(dir, 'missing'), empty, join(big, 'big.txt')],
    );
    assert.match(problems[1]?.message ?? '', /没有 \.txt/);
    assert.match(problems[2]?.message ?? '', /超过大小上限/);
  });
});
