// The `nianbao check` command line: spawned as `node dist/cli.js` (run `npm run build` first), plus the
// pure helpers behind it. Which findings a report gets is covered by the rule and corpus tests.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_MAX_SIZE, parseArgs, parseSize } from '../shared/src/cli/args';
import { decodeReportBytes, describeFsError } from '../shared/src/cli/files';
import { isReportByName } from '../shared/src/reportFiles';
import { formatJson, formatText, type FileReport } from '../shared/src/cli/format';
import { runCli as runCliInProcess } from '../shared/src/cli/main';
import type { WriteFs } from '../shared/src/cli/write';
import * as iconv from 'iconv-lite';
import type { Finding } from '../shared/src/model';
import { firstOf } from './support/defined';
import { corpusFile } from './support/corpus';

const CLI = 'dist/cli.js';
const CORPUS_003 = corpusFile('003_558acb648baee211.txt');
const CONSISTENT_MD = 'examples/consistent.nianbao.md';
const CONSISTENT_TXT = 'examples/consistent.txt';
const ERRORS_MD = 'examples/errors.nianbao.md';

const SEVERITIES = ['error', 'warning', 'info', 'hint'];
const FINDING_LINE = /^.+:\d+:\d+\s+(error|warning|info|hint)\s+[a-z-]+\s+.+$/;
const SUMMARY_LINE = /^\d+ 个文件，/;

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runCli(...args: string[]): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonReport {
  file: string;
  diagnostics: { code: string; severity: string; message: string; range: unknown }[];
}

function parseJsonOutput(run: CliRun): JsonReport[] {
  const parsed: unknown = JSON.parse(run.stdout);
  assert.ok(Array.isArray(parsed), 'the JSON output is an array');
  return parsed as JsonReport[];
}

function assertPosition(value: unknown, where: string): void {
  assert.ok(value !== null && typeof value === 'object', `${where} is an object`);
  assert.deepEqual(Object.keys(value).sort(), ['character', 'line'], `${where} has exactly line and character`);
  const { line, character } = value as { line: unknown; character: unknown };
  for (const n of [line, character]) {
    assert.ok(Number.isInteger(n) && (n as number) >= 0, `${where}: ${String(n)} is an integer ≥ 0`);
  }
}

/** DESIGN §5: exactly { file, diagnostics: [{ code, severity, message, range }] } with 0-based positions. */
function assertJsonContract(reports: unknown[]): void {
  for (const report of reports) {
    assert.ok(report !== null && typeof report === 'object');
    assert.deepEqual(Object.keys(report).sort(), ['diagnostics', 'file']);
    const { file, diagnostics } = report as { file: unknown; diagnostics: unknown };
    assert.equal(typeof file, 'string');
    assert.ok(Array.isArray(diagnostics));
    for (const d of diagnostics) {
      assert.deepEqual(Object.keys(d).sort(), ['code', 'message', 'range', 'severity']);
      assert.match(d.code, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(SEVERITIES.includes(d.severity), `severity ${d.severity}`);
      assert.equal(typeof d.message, 'string');
      assert.ok(d.message.length > 0);
      assert.deepEqual(Object.keys(d.range).sort(), ['end', 'start']);
      assertPosition(d.range.start, `${d.code} range.start`);
      assertPosition(d.range.end, `${d.code} range.end`);
      const { start, end } = d.range;
      assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), 'start ≤ end');
    }
  }
}

function expectedExitCode(reports: JsonReport[]): number {
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

/** Usage and input problems: exit 2 and one line on stderr, never a stack trace. */
function assertCleanFailure(run: CliRun, mention: string): void {
  assert.equal(run.status, 2, run.stderr);
  assert.ok(run.stderr.includes(mention), `stderr mentions ${mention}: ${run.stderr}`);
  assert.ok(run.stderr.startsWith('nianbao: '), run.stderr);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
}

let tmp: string;
before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
});
after(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(tmp, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

describe('nianbao check --format json', () => {
  it('prints the DESIGN §5 JSON for a real report, and nothing else', () => {
    const run = runCli('check', '--format', 'json', CORPUS_003);
    const reports = parseJsonOutput(run);
    assertJsonContract(reports);
    assert.equal(reports.length, 1);
    assert.equal(firstOf(reports).file, CORPUS_003);
    assert.ok(firstOf(reports).diagnostics.length > 0, 'seed 003 has findings (no title, 2019 format, …)');
    assert.equal(run.status, expectedExitCode(reports));
    assert.equal(run.stderr, '');
  });

  it('accepts --format=json', () => {
    const run = runCli('check', `--format=json`, CORPUS_003);
    assertJsonContract(parseJsonOutput(run));
  });

  it('gives an empty list for a text that is not a report, and exit 0', () => {
    const readme = tempFile('README.md', '# Tool\n\nA small tool that converts files.\n\n## Usage\n\nRun `tool --help`.\n');
    const run = runCli('check', '--format', 'json', readme);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), [{ file: readme, diagnostics: [] }]);
  });

  it('walks a directory for .txt and .md files, sorted, keeping the paths as found', () => {
    const dir = join(tmp, 'walk');
    tempFile('walk/b.txt', 'notes\n');
    tempFile('walk/a.md', 'notes\n');
    tempFile('walk/sub/c.txt', 'notes\n');
    tempFile('walk/data.json', '{}\n');
    tempFile('walk/.hidden/d.txt', 'notes\n');
    const run = runCli('check', '--format', 'json', dir);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(
      parseJsonOutput(run).map((r) => r.file),
      [join(dir, 'a.md'), join(dir, 'b.txt'), join(dir, 'sub', 'c.txt')],
    );
  });

  it('reads a file with a BOM like the same file without one', () => {
    const original = readFileSync(CONSISTENT_MD);
    const withBom = tempFile('bom.nianbao.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), original]));
    const plain = parseJsonOutput(runCli('check', '--format', 'json', CONSISTENT_MD));
    const bom = parseJsonOutput(runCli('check', '--format', 'json', withBom));
    assert.deepEqual(firstOf(bom).diagnostics, firstOf(plain).diagnostics);
  });
});

describe('nianbao check exit codes', () => {
  it('exits 1 on a report with errors', () => {
    const run = runCli('check', '--format', 'json', ERRORS_MD);
    assert.equal(run.status, 1, run.stderr);
    const codes = firstOf(parseJsonOutput(run))
      .diagnostics.filter((d) => d.severity === 'error')
      .map((d) => d.code);
    for (const code of ['row-total', 'section-missing', 'review-total']) {
      assert.ok(codes.includes(code), `${code} among ${codes.join(', ')}`);
    }
  });

  it('exits 0 on the consistent examples, with no errors and no warnings', () => {
    const run = runCli('check', '--format', 'json', CONSISTENT_MD, CONSISTENT_TXT);
    assert.equal(run.status, 0, run.stdout);
    const reports = parseJsonOutput(run);
    assert.equal(reports.length, 2);
    for (const report of reports) {
      const serious = report.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
      assert.deepEqual(serious, [], report.file);
    }
  });

  it('exits 2 and names the file when a file is missing', () => {
    const missing = join(tmp, 'no-such-report.txt');
    assertCleanFailure(runCli('check', missing), missing);
  });

  it('exits 2 and names the file when it is not valid UTF-8', () => {
    const gbk = tempFile('gbk.txt', Buffer.from([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xff, 0x0a]));
    const run = runCli('check', gbk);
    assertCleanFailure(run, gbk);
    assert.match(run.stderr, /UTF-8/);
  });

  it('exits 2 and names the file when it contains NUL bytes', () => {
    const binary = tempFile('binary.txt', Buffer.from('abc\u0000def', 'utf8'));
    assertCleanFailure(runCli('check', binary), binary);
  });

  it('still checks and prints the other files when one cannot be read', () => {
    const missing = join(tmp, 'missing.md');
    const run = runCli('check', '--format', 'json', missing, CORPUS_003);
    assertCleanFailure(run, missing);
    assert.deepEqual(
      parseJsonOutput(run).map((r) => r.file),
      [CORPUS_003],
    );
  });

  it('exits 2 on an unknown option', () => {
    const run = runCli('check', '--frobnicate', CORPUS_003);
    assertCleanFailure(run, '--frobnicate');
    assert.equal(run.stdout, '');
  });

  it('exits 2 on an unknown format, an unknown command and no files', () => {
    assertCleanFailure(runCli('check', '--format', 'xml', CORPUS_003), 'xml');
    assertCleanFailure(runCli('lint', CORPUS_003), 'lint');
    assertCleanFailure(runCli('check'), 'nianbao --help');
    assertCleanFailure(runCli(), 'nianbao --help');
  });
});

describe('nianbao check text output', () => {
  it('prints one `path:line:col  severity  code  message` line per finding, then a summary', () => {
    const run = runCli('check', CORPUS_003, ERRORS_MD);
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    const summary = lines.pop() ?? '';
    assert.match(summary, SUMMARY_LINE);
    assert.match(summary, /^2 个文件，/);
    const findingLines = lines.filter((l) => l !== '');
    assert.ok(findingLines.length > 0);
    for (const line of findingLines) assert.match(line, FINDING_LINE);
    assert.ok(findingLines.some((l) => l.startsWith(`${CORPUS_003}:`)));
    assert.ok(findingLines.some((l) => l.startsWith(`${ERRORS_MD}:`)));
    assert.doesNotMatch(run.stdout, /\x1b\[/, 'no colours when stdout is not a terminal');
  });

  it('says so when nothing is found', () => {
    const notes = tempFile('notes.txt', 'shopping list: bread, milk\n');
    const run = runCli('check', notes);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, '1 个文件，未发现问题\n');
  });

  it('counts unreadable paths in the summary', () => {
    const notes = tempFile('notes2.txt', 'shopping list: eggs\n');
    const missing = join(tmp, 'gone.txt');
    const run = runCli('check', missing, notes);
    assertCleanFailure(run, missing);
    assert.equal(run.stdout, '1 个文件，未发现问题；1 个路径无法读取\n');
  });

  it('never says 「0 个文件，未发现问题」 when nothing could be read', () => {
    const missing = join(tmp, 'gone-too.txt');
    const run = runCli('check', missing);
    assertCleanFailure(run, missing);
    assert.equal(run.stdout, '没有检查任何文件；1 个路径无法读取\n');
  });

  it('names and skips a file above --max-size without reading it', () => {
    const big = tempFile('big.nianbao.txt', 'x'.repeat(3000) + '\n');
    const small = tempFile('small.txt', 'shopping list: tea\n');
    const run = runCli('check', '--max-size', '2KB', big, small);
    assertCleanFailure(run, big);
    assert.match(run.stderr, /2 KB/);
    assert.equal(run.stdout, '1 个文件，未发现问题；1 个路径无法读取\n');
    const walked = runCli('check', '--max-size=2k', '--format', 'json', join(tmp, 'big.nianbao.txt'));
    assert.equal(walked.status, 2);
    assert.deepEqual(JSON.parse(walked.stdout), []);
    const under = runCli('check', '--max-size', '4KB', big);
    assert.equal(under.status, 1, 'under the limit it is checked (a report by name with no sections)');
    assert.match(under.stdout, /section-missing/);
  });

  it('prints usage for --help and the package version for --version', () => {
    const help = runCli('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /nianbao check/);
    assert.match(help.stdout, /Usage/);
    assert.equal(runCli('check', '-h').status, 0);
    const version = runCli('--version');
    assert.equal(version.status, 0);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    assert.equal(version.stdout, `${pkg.version}\n`);
  });
});

// ---------------------------------------------------------------------------
// The helpers, without spawning

describe('parseArgs', () => {
  it('reads the check command', () => {
    assert.deepEqual(parseArgs(['check', 'a.txt', '-f', 'json', 'dir']), {
      ok: true,
      command: { kind: 'check', format: 'json', paths: ['a.txt', 'dir'], fix: 'none', maxSize: DEFAULT_MAX_SIZE, quiet: false },
    });
    assert.deepEqual(parseArgs(['check', '--', '-odd-name.txt']), {
      ok: true,
      command: { kind: 'check', format: 'text', paths: ['-odd-name.txt'], fix: 'none', maxSize: DEFAULT_MAX_SIZE, quiet: false },
    });
  });

  it('follows the usual conventions: -fjson, --format=json, - as a path, --max-size with a unit', () => {
    assert.deepEqual(parseArgs(['check', '-fjson', '--fix-dry-run', '--max-size', '2MB', '-']), {
      ok: true,
      command: { kind: 'check', format: 'json', paths: ['-'], fix: 'dry-run', maxSize: 2 * 1024 * 1024, quiet: false },
    });
    assert.deepEqual(parseArgs(['check', '--max-size=500k', '--fix', '-q', 'a.txt']), {
      ok: true,
      command: { kind: 'check', format: 'text', paths: ['a.txt'], fix: 'write', maxSize: 500 * 1024, quiet: true },
    });
    assert.equal(parseSize('10MB'), DEFAULT_MAX_SIZE);
    assert.equal(parseSize('1048576'), 1024 * 1024);
    for (const bad of ['', 'ten', '0', '-1', '5 parsecs']) assert.equal(parseSize(bad), undefined, bad);
  });

  it('names the option or value it rejects', () => {
    const message = (argv: string[]): string => {
      const parsed = parseArgs(argv);
      assert.equal(parsed.ok, false, argv.join(' '));
      return parsed.ok ? '' : parsed.message;
    };
    assert.match(message(['check', '--fix=yes', 'a']), /--fix/);
    assert.match(message(['check', '--format', '--fix', 'a']), /--format/);
    assert.match(message(['check', '--max-size', 'huge', 'a']), /huge/);
    assert.match(message(['check', '--fix', '--fix-dry-run', 'a']), /--fix-dry-run/);
    assert.match(message(['check', '-', '-']), /标准输入/);
    assert.match(message(['check', '-x', 'a']), /-x/);
  });

  it('rejects what it does not know', () => {
    for (const argv of [[], ['check'], ['check', '--format'], ['check', '--format', 'xml', 'a'], ['check', '-x', 'a'], ['fix', 'a']]) {
      assert.equal(parseArgs(argv).ok, false, argv.join(' '));
    }
  });
});

describe('decodeReportBytes', () => {
  const decoded = (bytes: Uint8Array) => {
    const result = decodeReportBytes(bytes);
    return result.ok ? { ok: true, text: result.text, bom: result.bom } : result;
  };

  it('strips a BOM and rejects invalid text and NUL bytes', () => {
    assert.deepEqual(decoded(Buffer.from('\ufeff一、总体情况', 'utf8')), { ok: true, text: '一、总体情况', bom: true });
    assert.deepEqual(decoded(Buffer.from('一、总体情况', 'utf8')), { ok: true, text: '一、总体情况', bom: false });
    // C4 E3 was refused as invalid UTF-8; it is 「你」 in GBK, now read as GB18030 (issue 10).
    assert.deepEqual(decoded(Buffer.from([0xc4, 0xe3])), { ok: true, text: '你', bom: false });
    assert.equal(decodeReportBytes(Buffer.from([0xc4, 0xe3, 0xff])).ok, false);
    assert.equal(decodeReportBytes(Buffer.from([0x61, 0x00])).ok, false);
  });

  it('forces checking only for *.nianbao.md / *.nianbao.txt', () => {
    assert.equal(isReportByName('a/2024.nianbao.md'), true);
    assert.equal(isReportByName('2024.NIANBAO.TXT'), true);
    assert.equal(isReportByName('2024.md'), false);
  });

  it('names a file-system error in one phrase, as it happened while reading or while writing', () => {
    const error = (code: string) => Object.assign(new Error(`${code}: raw`), { code });
    assert.equal(describeFsError(error('EACCES')), '没有读取权限');
    assert.equal(describeFsError(error('EACCES'), 'write'), '没有写入权限');
    assert.equal(describeFsError(error('ENOENT'), 'write'), '文件已不存在');
    assert.equal(describeFsError(error('ENOSPC'), 'write'), '磁盘空间不足');
    assert.equal(describeFsError(error('EWHATEVER')), 'EWHATEVER: raw');
    assert.equal(describeFsError('plain'), 'plain');
  });
});

describe('formatText and formatJson', () => {
  const finding: Finding = {
    code: 'row-total',
    severity: 'error',
    range: { start: { line: 4, character: 10 }, end: { line: 4, character: 12 } },
    message: '（一）予以公开·总计 应为 18，实为 19',
    fix: { title: '改为 18', edits: [] },
    data: { value: 18 },
  };
  const reports: FileReport[] = [
    { file: 'a.txt', findings: [finding, { ...finding, severity: 'hint', code: 'conversion-artifact' }] },
    { file: 'b.txt', findings: [] },
  ];

  it('writes 1-based positions and counts every severity', () => {
    assert.equal(
      formatText(reports, { color: false }),
      'a.txt:5:11  error    row-total  （一）予以公开·总计 应为 18，实为 19\n' +
        'a.txt:5:11  hint     conversion-artifact  （一）予以公开·总计 应为 18，实为 19\n\n' +
        '2 个文件，1 个错误，0 个警告，0 条信息，1 条提示\n',
    );
  });

  it('colours only on request', () => {
    const colored = formatText(reports, { color: true });
    assert.match(colored, /\x1b\[31m/);
    const stripped = colored.replace(/\x1b\[[0-9;]*m/g, '');
    assert.equal(stripped, formatText(reports, { color: false }));
  });

  it('keeps only the contract keys in JSON', () => {
    assert.deepEqual(JSON.parse(formatJson(reports)), [
      {
        file: 'a.txt',
        diagnostics: [
          { code: 'row-total', severity: 'error', message: finding.message, range: finding.range },
          { code: 'conversion-artifact', severity: 'hint', message: finding.message, range: finding.range },
        ],
      },
      { file: 'b.txt', diagnostics: [] },
    ]);
  });
});

// ---------------------------------------------------------------------------
// Issue 10: encodings, safe writes, patches that apply, standard input, folders

/** The diagnostics of a JSON run without the file names, to compare two encodings of one report. */
function diagnosticsOf(run: CliRun): unknown {
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return parseJsonOutput(run).map((r) => r.diagnostics);
}

const ERRORS_TEXT = readFileSync(ERRORS_MD, 'utf8');

describe('nianbao check: files in the encodings users have', () => {
  const encodings: [string, (text: string) => Buffer][] = [
    ['GBK (Notepad "ANSI", WPS)', (t) => iconv.encode(t, 'gbk')],
    ['GB18030', (t) => iconv.encode(t, 'gb18030')],
    ['UTF-16 LE with BOM', (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])],
    ['UTF-16 BE with BOM', (t) => iconv.encode(t, 'utf16be', { addBOM: true })],
  ];

  for (const [name, encode] of encodings) {
    it(`checks a ${name} report like its UTF-8 text, and --fix writes it back in ${name}`, () => {
      const crlf = ERRORS_TEXT.replace(/\n/g, '\r\n');
      const utf8 = tempFile(`enc-${name.replace(/\W+/g, '-')}-utf8.nianbao.md`, crlf);
      const file = tempFile(`enc-${name.replace(/\W+/g, '-')}.nianbao.md`, encode(crlf));
      assert.deepEqual(diagnosticsOf(runCli('check', '-f', 'json', file)), diagnosticsOf(runCli('check', '-f', 'json', utf8)));

      const fixed = runCli('check', '--fix', file);
      assert.equal(fixed.status, 0, fixed.stderr);
      assert.match(fixed.stdout, /修复 3 处/);
      assert.equal(runCli('check', '--fix', utf8).status, 0);
      assert.ok(readFileSync(file).equals(encode(readFileSync(utf8, 'utf8'))), 'the same fix, in the same encoding, BOM and CRLF');
    });
  }

  it('refuses a file no decoding makes sensible, naming it and saying to save it as UTF-8', () => {
    const latin1 = tempFile('latin1.txt', Buffer.from('Résumé of the cafés\n', 'latin1'));
    const run = runCli('check', latin1);
    assertCleanFailure(run, latin1);
    assert.match(run.stderr, /请另存为 UTF-8/);
    assert.equal(run.stdout, '没有检查任何文件；1 个路径无法读取\n');
  });
});

/** A copy of the errors example in a fresh folder, as a path relative to that folder. */
function freshReport(name: string, content: string | Buffer = ERRORS_TEXT): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmp, 'w-'));
  writeFileSync(join(dir, name), content);
  return { dir, file: join(dir, name) };
}

function runIn(dir: string, args: string[], input?: string | Buffer): { status: number | null; stdout: Buffer; stderr: string } {
  const result = spawnSync(process.execPath, [join(process.cwd(), CLI), ...args], {
    cwd: dir,
    input,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

/** runCli in this process, with the writer's file-system calls replaced where `fs` says. */
function runInProcess(argv: string[], writeFs: Partial<WriteFs>): CliRun {
  let stdout = '';
  let stderr = '';
  const status = runCliInProcess(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stdoutIsTTY: false,
    env: {},
    writeFs: { ...fs, ...writeFs } as WriteFs,
  });
  return { status, stdout, stderr };
}

function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.includes('nianbao-tmp'));
}

describe('nianbao check --fix writes safely', () => {
  const assertUntouched = (run: CliRun, file: string, original: Buffer | string, why: RegExp) => {
    assert.equal(run.status, 2, run.stderr);
    assert.ok(readFileSync(file).equals(Buffer.from(original)), 'the original is untouched');
    assert.match(run.stderr, new RegExp(`未写入 ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}：`));
    assert.match(run.stderr, why);
    assert.doesNotMatch(run.stdout, /修复 \d+ 处/, 'not counted as fixed');
    assert.match(run.stdout, /1 个文件未能写回/);
    assert.match(run.stdout, /3 个错误/, 'the findings of the file as it is on disk');
    assert.deepEqual(leftovers(dirname(file)), [], 'no temporary file left');
  };

  it('leaves a read-only file as it is (chmod 444; even for root, who could write it)', () => {
    const { file } = freshReport('ro.nianbao.md');
    chmodSync(file, 0o444);
    assertUntouched(runCli('check', '--fix', file), file, ERRORS_TEXT, /只读/);
  });

  it('leaves a file in a read-only folder as it is (chmod 555)', () => {
    const { dir, file } = freshReport('in-ro-dir.nianbao.md');
    chmodSync(dir, 0o555);
    try {
      assertUntouched(runCli('check', '--fix', file), file, ERRORS_TEXT, /只读/);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('leaves the file as it is when the folder refuses a new file (EACCES on create, as a read-only mount)', () => {
    const { file } = freshReport('eacces.nianbao.md');
    const eacces = () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    assertUntouched(
      runInProcess(['check', '--fix', file], { openSync: eacces as typeof fs.openSync }),
      file,
      ERRORS_TEXT,
      /不能在所在文件夹/,
    );
  });

  it('leaves the file as it is when the disk is full half-way through the write (ENOSPC)', () => {
    const { file } = freshReport('full.nianbao.md');
    let written = 0;
    const writeSync = ((fd: number, buffer: Uint8Array, offset?: number, length?: number) => {
      if (written > 0) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      written = fs.writeSync(fd, buffer, offset, Math.min(length ?? buffer.length, 100));
      return written;
    }) as typeof fs.writeSync;
    assertUntouched(runInProcess(['check', '--fix', file], { writeSync }), file, ERRORS_TEXT, /磁盘空间不足/);
  });

  it('does not write a file that changed on disk after it was read, and says so', () => {
    const { file } = freshReport('changed.nianbao.md');
    const theirs = ERRORS_TEXT + '\n另一个编辑器保存的内容\n';
    const realpathSync = ((path: string) => {
      writeFileSync(file, theirs); // another program saves between the read and the write
      return fs.realpathSync(path);
    }) as typeof fs.realpathSync;
    const run = runInProcess(['check', '--fix', file], { realpathSync });
    assert.equal(readFileSync(file, 'utf8'), theirs);
    assert.match(run.stderr, /已被修改/);
    assert.doesNotMatch(run.stdout, /修复 \d+ 处/);
    assert.equal(run.status, 2);
  });

  it('on a real full disk (a 64 KB tmpfs), leaves the original whole', (t) => {
    const mnt = mkdtempSync(join(tmp, 'tmpfs-'));
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt]).status === 0;
    if (!mounted) {
      t.skip('mounting a tmpfs needs root with CAP_SYS_ADMIN; the injected ENOSPC test above covers the code path');
      return;
    }
    try {
      const file = join(mnt, 'full.nianbao.md');
      writeFileSync(file, ERRORS_TEXT);
      writeFileSync(join(mnt, 'filler'), Buffer.alloc(64 * 1024 - 8 * 1024)); // fills what is left but a few pages
      for (let i = 0; ; i++) {
        try {
          writeFileSync(join(mnt, `pad${i}`), Buffer.alloc(1024));
        } catch {
          break;
        }
      }
      assertUntouched(runCli('check', '--fix', file), file, ERRORS_TEXT, /磁盘空间不足|超出磁盘配额/);
    } finally {
      spawnSync('umount', [mnt]);
    }
  });

  it('keeps the mode, keeps a symbolic link a link, and leaves no temporary file', () => {
    const { dir, file } = freshReport('mode.nianbao.md');
    chmodSync(file, 0o640);
    symlinkSync(file, join(dir, 'link.nianbao.md'));
    const run = runCli('check', '--fix', join(dir, 'link.nianbao.md'));
    assert.equal(run.status, 0, run.stderr);
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.ok(lstatSync(join(dir, 'link.nianbao.md')).isSymbolicLink());
    assert.match(readFileSync(file, 'utf8'), /\| 15 \| 2 \| 0 \| 1 \| 0 \| 0 \| 18 \|/);
    assert.deepEqual(leftovers(dir), []);
  });
});

describe('nianbao check --fix-dry-run prints a patch that git apply and patch -p1 apply', () => {
  // Cut after table 4's row, so that the fixes (a total in that row, the sections after it) reach the end.
  const upToTable4 = ERRORS_TEXT.slice(0, ERRORS_TEXT.indexOf('\n', ERRORS_TEXT.indexOf('| 2 | 1 | 0 | 1 | 4 |')));
  const cases: [string, string | Buffer][] = [
    ['LF', ERRORS_TEXT],
    ['CRLF, BOM, no newline at the end', '\ufeff' + upToTable4.replace(/\n/g, '\r\n')],
    ['LF, no newline at the end', upToTable4],
    ['GB18030 with CRLF', iconv.encode(ERRORS_TEXT.replace(/\n/g, '\r\n'), 'gb18030')],
  ];
  for (const [name, content] of cases) {
    it(`${name}: the patched file is byte for byte what --fix writes`, () => {
      const { dir } = freshReport('r.nianbao.md', content);
      const dry = runIn(dir, ['check', '--fix-dry-run', 'r.nianbao.md']);
      assert.equal(dry.status, 0, dry.stderr);
      assert.ok(dry.stdout.length > 0);
      assert.ok(readFileSync(join(dir, 'r.nianbao.md')).equals(Buffer.from(content)), 'dry run writes nothing');
      writeFileSync(join(dir, 'fix.patch'), dry.stdout);
      if (name.includes('no newline')) assert.match(dry.stdout.toString('latin1'), /^\\ No newline at end of file$/m);

      for (const tool of ['git', 'patch']) {
        const copy = mkdtempSync(join(tmp, `${tool}-`));
        writeFileSync(join(copy, 'r.nianbao.md'), content);
        const args =
          tool === 'git' ? ['apply', '--whitespace=nowarn', join(dir, 'fix.patch')] : ['-p1', '--quiet', '-i', join(dir, 'fix.patch')];
        const applied = spawnSync(tool, args, { cwd: copy, encoding: 'utf8' });
        assert.equal(applied.status, 0, `${tool}: ${applied.stderr}${applied.stdout}`);
        const fixDir = mkdtempSync(join(tmp, 'fix-'));
        writeFileSync(join(fixDir, 'r.nianbao.md'), content);
        assert.equal(runIn(fixDir, ['check', '--fix', 'r.nianbao.md']).status, 0);
        assert.ok(
          readFileSync(join(copy, 'r.nianbao.md')).equals(readFileSync(join(fixDir, 'r.nianbao.md'))),
          `${tool} gives what --fix writes`,
        );
      }
    });
  }
});

describe('nianbao check - (standard input)', () => {
  it('checks standard input like the same file, named <stdin>', () => {
    const run = runIn(tmp, ['check', '-f', 'json', '-'], readFileSync(ERRORS_MD));
    assert.equal(run.status, 1, run.stderr);
    const reports = JSON.parse(run.stdout.toString('utf8')) as JsonReport[];
    assert.equal(reports[0]?.file, '<stdin>');
    assert.deepEqual(
      reports.map((r) => r.diagnostics),
      diagnosticsOf(runCli('check', '-f', 'json', ERRORS_MD)),
    );
    assert.match(runIn(tmp, ['check', '-'], iconv.encode(ERRORS_TEXT, 'gbk')).stdout.toString('utf8'), /^<stdin>:\d+:\d+/m);
  });

  it('refuses --fix on standard input and names a stream above --max-size', () => {
    assertCleanFailure(runCli('check', '--fix', '-'), '--fix');
    const big = runIn(tmp, ['check', '--max-size', '1KB', '-'], 'x'.repeat(5000));
    assert.equal(big.status, 2);
    assert.match(big.stderr, /<stdin>.*超过大小上限 1 KB/);
  });
});

describe('nianbao check on folders with links and special files', () => {
  it('walks a folder reached through links once and never loops', () => {
    const dir = mkdtempSync(join(tmp, 'links-'));
    tempFile(`${dir.slice(tmp.length + 1)}/a.txt`, 'notes\n');
    tempFile(`${dir.slice(tmp.length + 1)}/sub/b.txt`, 'notes\n');
    symlinkSync(dir, join(dir, 'loop'));
    symlinkSync(join(dir, 'sub'), join(dir, 'sub-link'));
    symlinkSync(join(dir, 'sub', 'b.txt'), join(dir, 'b-link.txt'));
    const run = spawnSync(process.execPath, [CLI, 'check', '-f', 'json', dir], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(
      parseJsonOutput(run).map((r) => r.file),
      [join(dir, 'a.txt'), join(dir, 'b-link.txt')],
    );
  });

  it('skips FIFOs and device files in a folder, and names a device given as an argument', () => {
    const dir = mkdtempSync(join(tmp, 'special-'));
    tempFile(`${dir.slice(tmp.length + 1)}/a.txt`, 'notes\n');
    assert.equal(spawnSync('mkfifo', [join(dir, 'fifo.txt')]).status, 0);
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    const walked = spawnSync(process.execPath, [CLI, 'check', dir], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(walked.status, 0, walked.stderr);
    assert.equal(walked.stdout, '1 个文件，未发现问题\n');
    const device = spawnSync(process.execPath, [CLI, 'check', '/dev/zero'], { encoding: 'utf8', timeout: 20_000 });
    assertCleanFailure({ status: device.status, stdout: device.stdout, stderr: device.stderr }, '/dev/zero');
    assert.match(device.stderr, /设备/);
  });
});
