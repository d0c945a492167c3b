// Limits and bad input (issue 6): binary content, a 10 MB single line, 50,000 tables, deeply broken
// tables, NUL characters, texts made for catastrophic backtracking. None may throw, hang, make a rule
// fail or put a range outside the document; each must finish under a generous bound (a bound against
// hangs, not a speed budget: speed is measured by `npm run bench`). Plus: a rule that throws is reported
// with its code (engine, server cache, and over stdio in the server's log), and a document over
// nianbao.maxDocumentSize gets one information diagnostic instead of an analysis.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Hover } from 'vscode-languageserver/node';

import { checkText } from '../shared/src/engine';
import type { Finding } from '../shared/src/model';
import { readReport } from '../shared/src/reader';
import { ruleByCode } from '../shared/src/rules';
import { AnalysisCache } from '../server/src/analysis';
import { FAULT_INJECTION_VARIABLE, injectFaults } from '../server/src/faultInjection';
import { DEFAULT_MAX_DOCUMENT_SIZE, sizeOverLimit, TOO_LARGE_CODE, tooLargeDiagnostic } from '../server/src/limits';
import { findingRangeProblems } from './support/findings';
import { LspSession } from './support/lspSession';
import { consistentData, mulberry32, renderReport } from './support/reportFixture';
import { firstOf, nth } from './support/defined';

/** Bounds against hangs, generous for a loaded 2-core CI machine (the work takes well under a tenth). */
const BOUND_MS = 15_000;
const BIG_BOUND_MS = 40_000;
const TEST_TIMEOUT_MS = 120_000;

const REPORT = renderReport(consistentData(3), 'markdown').text;
const REPORT_LINES = REPORT.split('\n');

interface Checked {
  findings: Finding[];
  ms: number;
}

/** Checks a text and asserts: no throw, no rule error, every range inside, finished under the bound. */
function checkBounded(label: string, text: string, boundMs = BOUND_MS): Checked {
  const ruleErrors: string[] = [];
  const t0 = performance.now();
  const { findings } = checkText(text, { force: true, onRuleError: (code, error) => ruleErrors.push(`${code}: ${String(error)}`) });
  const ms = performance.now() - t0;
  assert.deepEqual(ruleErrors, [], `${label}: a rule failed`);
  const problems = findingRangeProblems(findings, text);
  assert.deepEqual(problems.slice(0, 5), [], `${label}: ${problems.length} ranges outside the document`);
  assert.ok(ms < boundMs, `${label}: took ${ms.toFixed(0)} ms, bound ${boundMs} ms`);
  return { findings, ms };
}

function randomBytes(seed: number, length: number): Buffer {
  const random = mulberry32(seed);
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}

/** The report with `insert` lines put right after the heading of section 三. */
function withLinesInSection3(insert: string[]): string {
  const h3 = REPORT_LINES.findIndex((l) => l.includes('三、收到和处理政府信息公开申请情况'));
  assert.ok(h3 > 0, 'fixture: section 三 heading');
  return [...REPORT_LINES.slice(0, h3 + 1), ...insert, ...REPORT_LINES.slice(h3 + 1)].join('\n');
}

describe('bad input to the core: no throw, no rule error, ranges inside, bounded time', { timeout: TEST_TIMEOUT_MS }, () => {
  test('binary content (1 MB of random bytes, read as Latin-1 and as UTF-8 with replacement characters)', () => {
    const bytes = randomBytes(6, 1 << 20);
    checkBounded('binary latin1', bytes.toString('latin1'));
    checkBounded('binary utf8', bytes.toString('utf8'));
    checkBounded('binary utf16le (lone surrogates)', bytes.toString('utf16le'));
  });

  test('a 10 MB single line, alone and inside a report', () => {
    const unit = '一、总体情况 | 12 | 3\t４５  （七）总计 2023年 -3- <!-- x --> 第1页 ';
    const line = unit.repeat(Math.ceil((10 << 20) / Buffer.byteLength(unit)));
    assert.ok(Buffer.byteLength(line) >= 10 << 20);
    checkBounded('10 MB line', line, BIG_BOUND_MS);
    checkBounded('10 MB line in a report', withLinesInSection3([line]), BIG_BOUND_MS);
  });

  test('50,000 tables in section 三 (and 50,000 sections)', () => {
    const table = [
      '| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |',
      '|---|---|---|---|---|---|---|---|',
      '| （一）予以公开 | 1 | 2 | 3 | 4 | 5 | 6 | 21 |',
      '',
    ];
    const text = withLinesInSection3(Array.from({ length: 50_000 }, () => table).flat());
    checkBounded('50,000 tables', text, BIG_BOUND_MS);
    const sections = Array.from({ length: 50_000 }, (_, i) => [
      `${'一二三四五六'[i % 6]}、${['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'][i % 6]}`,
      '| 规章 | 1 | 2 | 3 |',
    ]).flat();
    const { findings } = checkBounded('50,000 sections', sections.join('\n'), BIG_BOUND_MS);
    assert.ok(findings.some((f) => f.code === 'section-duplicate'));
  });

  test('deeply broken tables', () => {
    const random = mulberry32(77);
    const broken = REPORT_LINES.map((line) => {
      if (!line.startsWith('|')) return line;
      const r = random();
      if (r < 0.15) return line.replaceAll('|', '');
      if (r < 0.3) return line.replaceAll('|', '||');
      if (r < 0.4) return line + '|'.repeat(1000);
      if (r < 0.5) return line.replace(/\d+/g, (d) => d.repeat(300));
      if (r < 0.6) return line.split('|').reverse().join('|');
      if (r < 0.7) return line.replace(/ \| /g, '\t');
      if (r < 0.8) return line.slice(0, Math.floor(random() * line.length));
      return line;
    });
    checkBounded('broken rows', broken.join('\n'));
    checkBounded('a row of 10,000 cells', REPORT.replace('| （一）予以公开 |', `| （一）予以公开 |${' 1 |'.repeat(10_000)}`));
    checkBounded('a label spread over 210 lines', REPORT.replace('（一）予以公开', [...'（一）予以公开'.repeat(30)].join('\n')));
    checkBounded('100,000 lines of one pipe', withLinesInSection3(Array(100_000).fill('|')));
    checkBounded('100,000 lines of tabs', withLinesInSection3(Array(100_000).fill('\t\t\t')));
    checkBounded('100,000 separator rows', withLinesInSection3(Array(100_000).fill('|---|---|')));
    checkBounded('cells of 5,000 characters', withLinesInSection3(Array(200).fill(`| ${'一'.repeat(5000)} | ${'9'.repeat(5000)} |`)));
  });

  test('NUL characters', () => {
    checkBounded('NUL between every character', [...REPORT].join('\0'));
    checkBounded('NUL instead of line breaks', REPORT.replaceAll('\n', '\0'));
    checkBounded('1 MB of NUL', '\0'.repeat(1 << 20));
    checkBounded('NUL inside every cell', REPORT.replaceAll(' | ', ' |\0'));
  });

  test('texts made for catastrophic backtracking', () => {
    const n = 20_000;
    checkBounded('blanks then a letter (heading trailer)', withLinesInSection3(Array(n).fill(`${' '.repeat(199)}x`)));
    checkBounded('numbers then a letter (label + numbers)', withLinesInSection3(Array(n).fill(`行政许可${' 1'.repeat(99)} x`)));
    checkBounded('glued digits then a letter', withLinesInSection3(Array(n).fill(`${'申请数量1'.repeat(40)}x`)));
    checkBounded('comment markers', `<!--${'--> '.repeat(1 << 20)}x`);
    checkBounded('bookmark openers', `[bookmark:${' [bookmark:'.repeat(100_000)}`);
    checkBounded('page-footer look-alikes', withLinesInSection3(Array(n).fill(`- ${' '.repeat(100)}1${' '.repeat(100)}x`)));
    checkBounded('dates and years', withLinesInSection3(Array(n).fill('2023 年 1 月 1 日 2023年'.repeat(20))));
  });
});

describe('a rule that throws is reported with its code and hides nothing else', () => {
  test('engine: onRuleError gets the code, the other rules still report', () => {
    const rule = ruleByCode('date-missing');
    assert.ok(rule);
    const text = REPORT_LINES.slice(0, -2).join('\n'); // no closing date: date-missing; no title problem
    const original = rule.check;
    try {
      rule.check = () => {
        throw new Error('boom');
      };
      const errors: string[] = [];
      const { findings } = checkText(text, { onRuleError: (code) => errors.push(code) });
      assert.deepEqual(errors, ['date-missing']);
      assert.ok(!findings.some((f) => f.code === 'date-missing'));
      // Another rule still reports: the title rule on the same text without its title.
      const noTitle = text.split('\n').slice(1).join('\n');
      const second = checkText(noTitle, { onRuleError: (code) => errors.push(code) });
      assert.ok(
        second.findings.some((f) => f.code === 'title-missing'),
        'title-missing still reported',
      );
    } finally {
      rule.check = original;
    }
  });

  test('server cache: the reporter gets the code and the document', () => {
    const rule = ruleByCode('row-total');
    assert.ok(rule);
    const original = rule.check;
    const reported: string[] = [];
    try {
      rule.check = () => {
        throw new Error('boom');
      };
      const cache = new AnalysisCache((code, _error, document) => reported.push(`${code} ${document.uri}`));
      const document = TextDocument.create('file:///r.md', 'markdown', 1, REPORT);
      cache.get(document, true);
      assert.deepEqual(reported, ['row-total file:///r.md']);
    } finally {
      rule.check = original;
    }
  });

  test('the fault-injection hook is inert without its variable', () => {
    assert.equal(injectFaults({}), undefined);
    assert.equal(injectFaults({ [FAULT_INJECTION_VARIABLE]: 'rule:no-such-code' }), undefined);
  });

  test(
    'server over stdio: the failure is logged as an error naming the rule; other findings are published',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const session = await new LspSession({ env: { [FAULT_INJECTION_VARIABLE]: 'rule:row-total' } }).start();
      try {
        const wrong = REPORT_LINES.slice(0, -2)
          .join('\n')
          .replace(
            /(\| 一、本年新收政府信息公开申请数量(?: \| \d+){6} \| )(\d+)/,
            (_, a: string, total: string) => `${a}${Number(total) + 1}`,
          );
        assert.notEqual(wrong, REPORT_LINES.slice(0, -2).join('\n'), 'fixture: the total was changed');
        const published = await session.open('file:///faulty.md', 'markdown', wrong);
        const codes = published.diagnostics.map((d) => d.code);
        assert.ok(codes.includes('date-missing'), `other rules still report: ${codes.join(', ')}`);
        assert.ok(!codes.includes('row-total'));
        const errors = session.logMessages.filter((m) => m.type === 1).map((m) => m.message);
        assert.ok(
          errors.some((m) => m.includes('row-total') && m.includes('fault injected')),
          `an error naming row-total in the log: ${JSON.stringify(errors)}`,
        );
      } finally {
        await session.stop();
      }
    },
  );
});

describe('nianbao.maxDocumentSize', { timeout: TEST_TIMEOUT_MS }, () => {
  test('sizes are UTF-8 bytes; small texts are not measured', () => {
    assert.equal(DEFAULT_MAX_DOCUMENT_SIZE, 2 * 1024 * 1024);
    assert.equal(sizeOverLimit('一'.repeat(100), 300), undefined);
    assert.equal(sizeOverLimit('一'.repeat(101), 300), 303);
    assert.equal(sizeOverLimit('a'.repeat(301), 300), 301);
    const d = tooLargeDiagnostic(3 << 20, 2 << 20);
    assert.equal(d.severity, 3);
    assert.equal(d.code, TOO_LARGE_CODE);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(String(d.message), /3\.0 MB.*nianbao\.maxDocumentSize.*2\.0 MB.*未作检查/);
    assert.match(
      String(tooLargeDiagnostic(3 << 20, 2 << 20, 'en').message),
      /3\.0 MB.*larger than nianbao\.maxDocumentSize \(2\.0 MB\).*not checked/,
    );
  });

  let session: LspSession;
  before(async () => {
    session = await new LspSession({
      settings: { enable: true, detectInPlainTextAndMarkdown: true, maxDocumentSize: 20_000, debounceMs: 0 },
    }).start();
  });
  after(async () => {
    await session.stop();
  });

  const onlyTooLarge = (diagnostics: Diagnostic[]) => {
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.equal(firstOf(diagnostics).code, TOO_LARGE_CODE);
    assert.equal(firstOf(diagnostics).severity, 3);
    assert.equal(firstOf(diagnostics).range.start.line, 0);
  };

  test('a document over the limit gets one information diagnostic, and features answer without analysing it', async () => {
    const big = `${REPORT}\n${'　　本段为填充文字，用于使文档超过大小限制。'.repeat(400)}`;
    assert.ok(Buffer.byteLength(big) > 20_000);
    const uri = 'file:///big.nianbao.md';
    onlyTooLarge((await session.open(uri, 'nianbao', big)).diagnostics);
    assert.equal(
      await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 20, character: 4 } }),
      null,
    );
    // Still too large after an edit; small enough after deleting the filler.
    onlyTooLarge(
      (await session.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }])).diagnostics,
    );
    const fillerLine = REPORT_LINES.length;
    const shrunk = await session.change(uri, [
      {
        range: {
          start: { line: fillerLine - 1, character: nth(REPORT_LINES, fillerLine - 1).length },
          end: { line: fillerLine, character: nth(big.split('\n'), fillerLine, 'line').length },
        },
        text: '',
      },
    ]);
    assert.ok(!shrunk.diagnostics.some((d) => d.code === TOO_LARGE_CODE), JSON.stringify(shrunk.diagnostics.slice(0, 3)));
  });

  test('with the default limit, a 3 MB document is answered quickly with the same diagnostic', async () => {
    session.settings = { enable: true, detectInPlainTextAndMarkdown: true };
    await session.notify('workspace/didChangeConfiguration', { settings: { nianbao: session.settings } });
    const huge = `${REPORT}\n${'　　填充文字。'.repeat(150_000)}`;
    assert.ok(Buffer.byteLength(huge) > 3 << 20);
    const t0 = performance.now();
    const published = await session.open('file:///huge.md', 'markdown', huge);
    onlyTooLarge(published.diagnostics);
    assert.ok(performance.now() - t0 < BOUND_MS);
    assert.match(String(firstOf(published.diagnostics).message), /nianbao\.maxDocumentSize（2\.0 MB）/);
  });
});

describe('the CLI on bad files: bounded, no crash', { timeout: TEST_TIMEOUT_MS }, () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-limits-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = (file: string, ...options: string[]) => {
    const t0 = performance.now();
    const result = spawnSync(process.execPath, ['dist/cli.js', 'check', '--format', 'json', ...options, file], {
      encoding: 'utf8',
      timeout: BIG_BOUND_MS,
      maxBuffer: 1 << 28,
    });
    return { ...result, ms: performance.now() - t0 };
  };

  test('binary (invalid UTF-8) and NUL-filled files exit 2 with a message; an 18 MB one-line file is checked', () => {
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, randomBytes(9, 1 << 20));
    const b = run(binary);
    assert.equal(b.status, 2, b.stderr);
    assert.ok(b.stderr.length > 0);

    const nul = join(dir, 'nul.nianbao.txt');
    writeFileSync(nul, [...REPORT].join('\0'));
    // A NUL byte marks a binary file for the CLI: refused with a message, like invalid UTF-8.
    const n = run(nul);
    assert.equal(n.status, 2, n.stderr);
    assert.match(n.stderr, /NUL/);

    const line = join(dir, 'line.txt');
    writeFileSync(line, '一、总体情况 12 | 3 '.repeat(700_000));
    // 18.2 MB: above the default --max-size of 10 MB, so the limit is raised to check it.
    const l = run(line, '--max-size', '32MB');
    assert.ok(l.status === 0 || l.status === 1, `exit ${l.status} signal ${l.signal}: ${l.stderr.slice(0, 300)}`);
    assert.ok(l.ms < BIG_BOUND_MS);
  });
});

test('the reader of an empty text (the model of a document not analysed) is empty', () => {
  const model = readReport('');
  assert.equal(model.isReport, false);
  assert.deepEqual(model.sections, []);
});
