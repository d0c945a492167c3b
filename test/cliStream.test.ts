// Folders of many reports: the output is written file by file (each file's part reaches stdout before the
// next file is read), a progress line goes to stderr only on a terminal, and --quiet silences it.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, type CliIo } from '../shared/src/cli/main';
import { formatJson, type FileReport } from '../shared/src/cli/format';
import { JsonStream, LATE_VALUE, STREAMED_ARRAY } from '../shared/src/cli/jsonStream';
import { nth } from './support/defined';

let dir: string;
const FILES = ['a.nianbao.md', 'b.nianbao.md', 'c.nianbao.md', 'd.nianbao.md'];

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-stream-'));
  mkdirSync(join(dir, 'reports'));
  const errors = readFileSync('examples/errors.nianbao.md', 'utf8');
  for (const name of FILES) writeFileSync(join(dir, 'reports', name), errors);
});
after(() => rmSync(dir, { recursive: true, force: true }));

interface Captured {
  io: CliIo;
  /** stdout and stderr writes, in order, tagged. */
  writes: { to: 'out' | 'err'; text: string }[];
  stdout(): string;
  stderr(): string;
}

function capture(stderrIsTTY: boolean): Captured {
  const writes: Captured['writes'] = [];
  return {
    writes,
    io: {
      stdout: (text) => writes.push({ to: 'out', text }),
      stderr: (text) => writes.push({ to: 'err', text }),
      stdoutIsTTY: false,
      stderrIsTTY,
      env: { NO_COLOR: '1' },
      cwd: dir,
    },
    stdout: () =>
      writes
        .filter((w) => w.to === 'out')
        .map((w) => w.text)
        .join(''),
    stderr: () =>
      writes
        .filter((w) => w.to === 'err')
        .map((w) => w.text)
        .join(''),
  };
}

describe('check on a folder: written file by file', () => {
  it('asks the entry point to prepare for several files once, before the first is read, and not for one file', () => {
    for (const [paths, calls] of [
      [[join(dir, 'reports')], 1],
      [[join(dir, 'reports', nth(FILES, 0))], 0],
    ] as const) {
      const run = capture(false);
      let prepared = 0;
      run.io.beforeManyFiles = () => {
        prepared++;
        assert.ok(!run.stdout().includes(nth(FILES, 0)), 'before the first file is read');
      };
      runCli(['check', '--format', 'json', ...paths], run.io);
      assert.equal(prepared, calls, paths.join(' '));
    }
  });

  for (const format of ['text', 'json', 'sarif']) {
    it(`--format ${format}: one write per file with findings, between the opening and the closing`, () => {
      const run = capture(false);
      assert.equal(runCli(['check', '--format', format, join(dir, 'reports')], run.io), 1);
      const outs = run.writes.filter((w) => w.to === 'out' && w.text !== '');
      // opening (not for text), one part per file, closing
      assert.equal(outs.length, FILES.length + (format === 'text' ? 1 : 2), outs.map((w) => w.text.slice(0, 40)).join(' | '));
      FILES.forEach((name, i) => {
        const part = nth(outs, i + (format === 'text' ? 0 : 1)).text;
        if (format === 'sarif') assert.match(part, new RegExp(name.replace('.', '\\.')), `part ${i} is about ${name}`);
        else assert.ok(part.includes(join(dir, 'reports', name)), `part ${i} is about ${name}`);
      });
      if (format !== 'text') JSON.parse(run.stdout());
      assert.equal(run.stderr(), '', 'no progress line when stderr is not a terminal');
    });
  }

  for (const format of ['csv', 'json']) {
    it(`extract --format ${format}: one write per file, between the opening and the closing`, () => {
      const run = capture(false);
      assert.equal(runCli(['extract', '--format', format, join(dir, 'reports')], run.io), 0);
      const outs = run.writes.filter((w) => w.to === 'out' && w.text !== '');
      assert.equal(outs.length, FILES.length + (format === 'csv' ? 1 : 2));
      FILES.forEach((name, i) => assert.ok(nth(outs, i + 1).text.includes(join(dir, 'reports', name)), `part ${i} is about ${name}`));
    });
  }

  it('prints a progress line on a terminal, erases it at the end, and --quiet silences it', () => {
    const tty = capture(true);
    assert.equal(runCli(['check', '--format', 'json', join(dir, 'reports')], tty.io), 1);
    const stderr = tty.stderr();
    assert.match(stderr, /\r\x1b\[K检查 0\/4（0%）.*a\.nianbao\.md/);
    assert.ok(stderr.endsWith('\r\x1b[K'), JSON.stringify(stderr));
    // The progress line is erased before the output goes on: stdout itself is untouched.
    assert.deepEqual(JSON.parse(tty.stdout()).length, FILES.length);

    const quiet = capture(true);
    assert.equal(runCli(['check', '--quiet', '--format', 'json', join(dir, 'reports')], quiet.io), 1);
    assert.equal(quiet.stderr(), '');
    assert.equal(quiet.stdout(), tty.stdout());
  });
});

describe('JsonStream', () => {
  const reports: FileReport[] = [
    {
      file: 'a.txt',
      findings: [
        {
          code: 'row-total',
          severity: 'error',
          message: '应为 18，实为 19',
          range: { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } },
        },
      ],
    },
    { file: 'b.txt', findings: [] },
  ];

  it('writes exactly what JSON.stringify(…, null, 2) writes for the finished document', () => {
    for (const items of [[], reports.slice(0, 1), reports]) {
      const stream = new JsonStream(STREAMED_ARRAY);
      let text = stream.begin();
      for (const r of items)
        text += stream.item({
          file: r.file,
          diagnostics: r.findings.map(({ code, severity, message, range }) => ({ code, severity, message, range })),
        });
      text += stream.end();
      assert.equal(text, formatJson(items));
    }
  });

  it('fills a nested array and a late value in place', () => {
    const stream = new JsonStream({ a: 1, runs: [{ results: STREAMED_ARRAY, invocations: LATE_VALUE }] });
    const text = stream.begin() + stream.item({ x: 1 }) + stream.item([2]) + stream.end([{ ok: true }]);
    const doc = { a: 1, runs: [{ results: [{ x: 1 }, [2]], invocations: [{ ok: true }] }] };
    assert.equal(text, JSON.stringify(doc, null, 2) + '\n');
  });
});
