// Inline disable comments: the pure filter's semantics, the engine applying it (so the server and
// the CLI honour it), and the command line on files with comments and with a `.nianbaorc.json`.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FINDING_CODES } from '../shared/src/config';
import { checkText } from '../shared/src/engine';
import type { Finding, FindingCode } from '../shared/src/model';
import { applySuppressions, findDirectives, isCommentLine, parseDirective } from '../shared/src/suppressions';
import { describeFindings } from './support/findings';
import { firstOf } from './support/defined';
import { corpusText } from './support/corpus';

const ERRORS_MD = readFileSync('examples/errors.nianbao.md', 'utf8');
const CORPUS_004 = corpusText('004_e78bd4d7919f679b.txt');

function finding(code: FindingCode, line: number): Finding {
  const position = { line, character: 0 };
  return { code, severity: 'error', range: { start: position, end: position }, message: code };
}

function kept(findings: Finding[], lines: string[]): string[] {
  return applySuppressions(findings, lines).map((f) => `${f.code}@${f.range.start.line}`);
}

/** Inserts `line` before the 1-based line `before`. */
function insertBefore(text: string, before: number, line: string): string {
  const lines = text.split('\n');
  lines.splice(before - 1, 0, line);
  return lines.join('\n');
}

const codesAt = (findings: Finding[]) => findings.map((f) => `${f.code}@${f.range.start.line + 1}`);

describe('directives', () => {
  test('both forms, codes separated by blanks or commas, nothing else is a directive', () => {
    assert.deepEqual(parseDirective('<!-- nianbao-disable row-total, balance -->', 3), {
      kind: 'disable',
      line: 3,
      codes: ['row-total', 'balance'],
    });
    assert.deepEqual(parseDirective('  // nianbao-enable', 0), { kind: 'enable', line: 0, codes: [] });
    assert.deepEqual(parseDirective('<!--nianbao-disable-next-line cell-missing-->', 1), {
      kind: 'disable-next-line',
      line: 1,
      codes: ['cell-missing'],
    });
    assert.equal(parseDirective('本局 nianbao-disable 了', 0), undefined);
    assert.equal(parseDirective('<!-- nianbao-disabled -->', 0), undefined);
    assert.equal(parseDirective('| // nianbao-disable | 0 |', 0), undefined);
    assert.ok(isCommentLine('<!-- 任何注释 -->'));
    assert.ok(isCommentLine('// nianbao-disable'));
    assert.ok(!isCommentLine('// 其他以两个斜线开头的文字'));
  });

  test('disable … enable: a region; no code means every code', () => {
    const lines = ['', '<!-- nianbao-disable -->', '', '<!-- nianbao-enable -->', ''];
    assert.deepEqual(kept([finding('row-total', 0), finding('row-total', 2), finding('balance', 2), finding('balance', 4)], lines), [
      'row-total@0',
      'balance@4',
    ]);
  });

  test('disable some codes; enable one of them again; disable-all with exceptions', () => {
    const lines = [
      '// nianbao-disable row-total balance',
      '',
      '// nianbao-enable balance',
      '',
      '// nianbao-disable',
      '// nianbao-enable row-total',
      '',
    ];
    const findings = [
      finding('row-total', 1),
      finding('balance', 1),
      finding('cell-missing', 1),
      finding('row-total', 3),
      finding('balance', 3),
      finding('row-total', 6),
      finding('balance', 6),
    ];
    assert.deepEqual(kept(findings, lines), ['cell-missing@1', 'balance@3', 'row-total@6']);
  });

  test('disable-next-line: only the next line, only the codes named', () => {
    const lines = ['<!-- nianbao-disable-next-line row-total -->', '', ''];
    assert.deepEqual(kept([finding('row-total', 1), finding('balance', 1), finding('row-total', 2)], lines), ['balance@1', 'row-total@2']);
    assert.deepEqual(kept([finding('row-total', 1)], ['<!-- nianbao-disable-next-line -->', '']), []);
  });

  test('without directives the findings are returned as they are', () => {
    const findings = [finding('row-total', 0)];
    assert.equal(applySuppressions(findings, ['', '']), findings);
    assert.deepEqual(findDirectives(['<!-- 普通注释 -->']), []);
  });
});

describe('findings at 1:1 and on the first or last line (issue 10, item 6)', () => {
  test('a disable on line 1 covers every code placed on that line (a document-wide finding at 1:1)', () => {
    for (const code of FINDING_CODES) {
      assert.deepEqual(kept([finding(code, 0)], ['<!-- nianbao-disable -->', '']), [], `${code}: disable all`);
      assert.deepEqual(kept([finding(code, 0)], [`// nianbao-disable ${code}`, '']), [], `${code}: disable ${code}`);
      assert.deepEqual(kept([finding(code, 0)], ['<!-- nianbao-disable other-code -->', '']), [`${code}@0`], `${code}: another code`);
    }
  });

  test('`<!-- nianbao-disable title-missing -->` on line 1 turns title-missing off', () => {
    assert.ok(
      checkText(CORPUS_004).findings.some((f) => f.code === 'title-missing'),
      '004 has no title',
    );
    for (const directive of ['<!-- nianbao-disable title-missing -->', '// nianbao-disable title-missing', '<!-- nianbao-disable -->']) {
      const text = insertBefore(CORPUS_004, 1, directive);
      const after = checkText(text).findings;
      assert.ok(!after.some((f) => f.code === 'title-missing'), `${directive}:\n${describeFindings(after, text)}`);
    }
  });

  test('title-missing and date-missing sit on the first and last content lines, never on a directive or comment line', () => {
    const text = `<!-- nianbao-disable row-total -->\n<!-- 草稿 -->\n${CORPUS_004.trimEnd()}\n<!-- nianbao-enable -->\n`;
    const lines = text.split('\n');
    const contentLines = lines.map((l, i) => (l.trim() && !isCommentLine(l) ? i : -1)).filter((i) => i >= 0);
    const found = checkText(text).findings;
    const title = found.find((f) => f.code === 'title-missing');
    const date = found.find((f) => f.code === 'date-missing');
    assert.equal(title?.range.start.line, contentLines[0], describeFindings(found, text));
    assert.equal(date?.range.start.line, contentLines[contentLines.length - 1], describeFindings(found, text));
    // Its fix puts the title above the first content line, below the comments.
    assert.equal(title?.fix?.edits[0]?.range.start.line, contentLines[0]);
  });
});

describe('the engine honours disable comments', () => {
  test('errors.nianbao.md: disable-next-line before the wrong row removes that row-total only', () => {
    const before = checkText(ERRORS_MD).findings;
    assert.deepEqual(codesAt(before), ['row-total@46', 'review-total@80', 'section-missing@82'], describeFindings(before, ERRORS_MD));
    const text = insertBefore(ERRORS_MD, 46, '<!-- nianbao-disable-next-line row-total -->');
    const after = checkText(text).findings;
    // The comment line does not break the Markdown table: nothing new, the others stay (one line lower).
    assert.deepEqual(codesAt(after), ['review-total@81', 'section-missing@83'], describeFindings(after, text));
  });

  test('a region around table 四 and a file-wide disable of one code', () => {
    const region = insertBefore(insertBefore(ERRORS_MD, 82, '<!-- nianbao-enable -->'), 76, '<!-- nianbao-disable -->');
    assert.deepEqual(codesAt(checkText(region).findings), ['row-total@46', 'section-missing@84']);
    const fileWide = insertBefore(ERRORS_MD, 1, '<!-- nianbao-disable section-missing -->');
    assert.deepEqual(codesAt(checkText(fileWide).findings), ['row-total@47', 'review-total@81']);
  });

  test('plain text (004, tab rows): `// nianbao-disable` between rows keeps the table and turns the code off', () => {
    const before = checkText(CORPUS_004).findings;
    const text = insertBefore(CORPUS_004, 68, '// nianbao-disable cell-missing row-label-missing');
    const after = checkText(text).findings;
    assert.deepEqual(
      codesAt(after),
      codesAt(before.filter((f) => (f.code !== 'cell-missing' && f.code !== 'row-label-missing') || f.range.start.line < 67)).map((c) =>
        c.replace(/@(\d+)$/, (_, n: string) => `@${Number(n) >= 68 ? Number(n) + 1 : n}`),
      ),
      describeFindings(after, text),
    );
    assert.ok(!after.some((f) => f.code === 'cell-missing'), 'cell-missing off');
    assert.ok(
      after.some((f) => f.code === 'title-missing'),
      'other codes still reported',
    );
  });
});

describe('the command line honours disable comments and .nianbaorc.json', () => {
  const CLI = resolve('dist/cli.js');
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-inline-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function run(cwd: string, ...args: string[]) {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  function codes(stdout: string): string[] {
    return (JSON.parse(stdout) as { diagnostics: { code: string }[] }[]).flatMap((f) => f.diagnostics.map((d) => d.code));
  }

  test('a disable comment in the file', () => {
    const sub = mkdtempSync(join(dir, 'comment-'));
    writeFileSync(join(sub, 'report.nianbao.md'), insertBefore(ERRORS_MD, 1, '<!-- nianbao-disable row-total review-total -->'));
    const r = run(sub, 'check', '--format', 'json', 'report.nianbao.md');
    assert.deepEqual(codes(r.stdout), ['section-missing']);
    assert.equal(r.status, 1);
  });

  test('.nianbaorc.json beside the file: severities and English messages', () => {
    const sub = mkdtempSync(join(dir, 'rc-'));
    writeFileSync(join(sub, '.nianbaorc.json'), '{ "severity": { "section-missing": "off", "review-total": "warning" }, "locale": "en" }');
    writeFileSync(join(sub, 'report.nianbao.md'), ERRORS_MD);
    const r = run(dir, 'check', '--format', 'json', join(sub, 'report.nianbao.md'));
    const report = JSON.parse(r.stdout) as { diagnostics: { code: string; severity: string; message: string }[] }[];
    assert.deepEqual(
      firstOf(report).diagnostics.map((d) => [d.code, d.severity]),
      [
        ['row-total', 'error'],
        ['review-total', 'warning'],
      ],
    );
    assert.match(firstOf(firstOf(report).diagnostics).message, /should be 18 .*found 19/);
    assert.equal(r.status, 1);
  });

  test('.nianbaorc.json in the current directory applies to files elsewhere', () => {
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    const elsewhere = mkdtempSync(join(tmpdir(), 'nianbao-elsewhere-'));
    try {
      writeFileSync(
        join(cwd, '.nianbaorc.json'),
        '{ "severity": { "row-total": "off", "review-total": "off", "section-missing": "info" } }',
      );
      writeFileSync(join(elsewhere, 'report.nianbao.md'), ERRORS_MD);
      const r = run(cwd, 'check', '--format', 'json', join(elsewhere, 'report.nianbao.md'));
      assert.deepEqual(codes(r.stdout), ['section-missing']);
      assert.equal(r.status, 0, 'no error left');
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  test('a bad .nianbaorc.json: its problems on stderr at file:line:col in Chinese, exit 2, the valid keys still used', () => {
    const sub = mkdtempSync(join(dir, 'bad-'));
    writeFileSync(join(sub, '.nianbaorc.json'), '{\n  "severity": { "row-total": "off" },\n  "format": 2021\n}\n');
    writeFileSync(join(sub, 'report.nianbao.md'), ERRORS_MD);
    const r = run(sub, 'check', '--format', 'json', 'report.nianbao.md');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\.nianbaorc\.json:3:3 {2}「format」：无效选项：期望以下之一/);
    assert.deepEqual(codes(r.stdout), ['review-total', 'section-missing']);
  });
});
