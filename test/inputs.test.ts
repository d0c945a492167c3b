// Word documents and saved web pages read as they are: .docx and .html files made here with the official
// merged-cell layout of tables 2, 3 and 4 (test/support/documentFixtures.ts), checked through the core and
// through `node dist/cli.js` (run `npm run build` first); bad input; the Markdown draft the import makes.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import { checkText } from '../shared/src/engine';
import { convertDocument, locationAt } from '../shared/src/inputs';
import { readDocx } from '../shared/src/inputs/docx';
import { declaredCharset, decodeHtmlBytes } from '../shared/src/inputs/htmlCharset';
import { readHtml } from '../shared/src/inputs/html';
import { toMarkdown } from '../shared/src/inputs/sourceDocument';
import type { Finding } from '../shared/src/model';
import { docxOf, exampleReportText, faultyReportText, fixtureItems, htmlOf } from './support/documentFixtures';
import { LspSession } from './support/lspSession';
import { CONVERT_DOCUMENT_COMMAND, type ConvertDocumentResponse } from '../shared/src/inputs/kinds';
import { firstOf, nth } from './support/defined';

const CLI = 'dist/cli.js';

const serious = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
const codesOf = (findings: readonly Finding[]) => findings.map((f) => `${f.code}:${f.severity}`).sort();

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runCli(...args: string[]): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir = '';
type FixtureName = 'consistent.docx' | 'faulty.docx' | 'consistent.html' | 'faulty.htm' | 'consistent-utf8.html';
/** The path of each fixture file; every one is written by before(). */
const files = {} as Record<FixtureName, string>;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-inputs-'));
  const good = fixtureItems(exampleReportText());
  const bad = fixtureItems(faultyReportText());
  const write = (name: FixtureName, bytes: Uint8Array) => {
    files[name] = join(dir, name);
    writeFileSync(files[name], bytes);
  };
  write('consistent.docx', await docxOf(good));
  write('faulty.docx', await docxOf(bad));
  write('consistent.html', htmlOf(good, { charset: 'gb2312' }));
  write('faulty.htm', htmlOf(bad, { charset: 'gbk', httpEquiv: true }));
  write('consistent-utf8.html', htmlOf(good));
});

after(() => rmSync(dir, { recursive: true, force: true }));

function converted(name: FixtureName) {
  const result = convertDocument(files[name], readFileSync(files[name]));
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result;
}

describe('.docx with the official merged-cell tables', () => {
  it('reads the tables as real cells: gridSpan and vMerge become column and row spans', () => {
    const read = readDocx(readFileSync(files['consistent.docx']));
    assert.ok(read.ok);
    const tables = read.document.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
    assert.equal(tables.length, 3);
    const t3 = nth(tables, 1);
    const at = (text: string) => t3.cells.find((c) => c.text === text);
    assert.deepEqual(at('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'), {
      text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      row: 0,
      column: 0,
      rowSpan: 3,
      colSpan: 3,
    });
    assert.deepEqual(at('申请人情况'), { text: '申请人情况', row: 0, column: 3, rowSpan: 1, colSpan: 7 });
    assert.deepEqual(at('法人或其他组织'), { text: '法人或其他组织', row: 1, column: 4, rowSpan: 1, colSpan: 5 });
    assert.deepEqual(at('自然人'), { text: '自然人', row: 1, column: 3, rowSpan: 2, colSpan: 1 });
    assert.deepEqual(at('三、本年度办理结果'), { text: '三、本年度办理结果', row: 5, column: 0, rowSpan: 22, colSpan: 1 });
    assert.deepEqual(at('（三）不予公开'), { text: '（三）不予公开', row: 7, column: 1, rowSpan: 8, colSpan: 1 });
    assert.deepEqual(at('（一）予以公开'), { text: '（一）予以公开', row: 5, column: 1, rowSpan: 1, colSpan: 2 });
    const t4 = nth(tables, 2);
    assert.deepEqual(
      t4.cells.find((c) => c.text === '行政诉讼'),
      { text: '行政诉讼', row: 0, column: 5, rowSpan: 1, colSpan: 10 },
    );
    assert.deepEqual(
      t4.cells.find((c) => c.text === '复议后起诉'),
      { text: '复议后起诉', row: 1, column: 10, rowSpan: 1, colSpan: 5 },
    );
  });

  it('a consistent report gives no error and no warning, like the Markdown report it was made from', () => {
    const { converted: doc } = converted('consistent.docx');
    const findings = checkText(doc.text).findings;
    assert.deepEqual(serious(findings), []);
    assert.deepEqual(codesOf(findings), codesOf(checkText(exampleReportText()).findings));
  });

  it('a wrong total is found in its cell, and the place names the statistics table cell and the Word cell', () => {
    const { converted: doc, model } = converted('faulty.docx');
    const findings = checkText(doc.text).findings;
    assert.deepEqual(codesOf(serious(findings)), ['review-total:error', 'row-total:error']);
    assert.deepEqual(codesOf(findings), codesOf(checkText(faultyReportText()).findings));
    const rowTotal = findings.find((f) => f.code === 'row-total')!;
    assert.equal(
      nth(doc.text.split('\n'), rowTotal.range.start.line, 'line').slice(rowTotal.range.start.character, rowTotal.range.end.character),
      '19',
    );
    // Word table 2 (table 3 of the report), grid row 6 (three header rows, 一, 二, then （一）), column 10 (总计).
    assert.deepEqual(locationAt(doc, rowTotal.range.start), { table: 2, row: 6, column: 10, text: '19' });
    assert.ok(model.isReport);
  });

  it('the CLI prints the place in the original, and JSON gives it as data', () => {
    const text = runCli('check', files['faulty.docx']);
    assert.equal(text.status, 1, text.stderr);
    assert.match(text.stdout, /faulty\.docx:表三「（一）予以公开」·总计\s+error\s+row-total\s+/);
    assert.match(text.stdout, /faulty\.docx:表四「行政诉讼·未经复议直接起诉」·总计\s+error\s+review-total\s+/);
    assert.match(text.stdout, /faulty\.docx:第\d+段「二、主动公开政务信息情况」\s+info\s+heading-wording\s+/);
    const json = runCli('check', '--format', 'json', files['faulty.docx']);
    assert.equal(json.status, 1);
    const [report] = JSON.parse(json.stdout) as { diagnostics: { code: string; source?: unknown; range: unknown }[] }[];
    assert.ok(report, 'one report');
    const rowTotal = report.diagnostics.find((d) => d.code === 'row-total')!;
    assert.deepEqual(rowTotal.source, { place: '表三「（一）予以公开」·总计', table: 2, row: 6, column: 10 });
    const reviewTotal = report.diagnostics.find((d) => d.code === 'review-total')!;
    assert.deepEqual(reviewTotal.source, { place: '表四「行政诉讼·未经复议直接起诉」·总计', table: 3, row: 4, column: 10 });
    const wording = report.diagnostics.find((d) => d.code === 'heading-wording')!;
    assert.ok(wording.source && typeof (wording.source as { paragraph?: unknown }).paragraph === 'number');
  });

  it('extract reads the numbers of a .docx and a web page like those of a text', () => {
    const run = runCli('extract', files['consistent.docx'], files['consistent.html']);
    assert.equal(run.status, 0, run.stderr);
    const rows = run.stdout.trim().split(/\r?\n/).slice(1);
    assert.equal(rows.length, 2);
    for (const row of rows) assert.match(row, /,示例县卫生健康局,2024,2021,45,3,44,4,18,5,/);
  });

  it('--fix never writes a .docx: the file is unchanged, stderr says why, the findings are still listed', () => {
    const before = readFileSync(files['faulty.docx']);
    for (const option of ['--fix', '--fix-dry-run']) {
      const run = runCli('check', option, files['faulty.docx']);
      assert.equal(run.status, 1);
      assert.match(run.stderr, /不修改 .*faulty\.docx：Word 文档和网页不会被自动改写/);
      assert.ok(readFileSync(files['faulty.docx']).equals(before), `${option} left the file as it was`);
      assert.doesNotMatch(run.stdout, /^---|^\+\+\+/m, `${option} prints no diff`);
    }
    assert.deepEqual(readdirSync(dir).sort(), Object.keys(files).sort(), 'nothing was written beside it');
  });
});

describe('.html saved from a government site', () => {
  it('honours <meta charset="gb2312"> and http-equiv charset=gbk; without a declaration, UTF-8', () => {
    const gb = readFileSync(files['consistent.html']);
    assert.equal(declaredCharset(gb), 'gb2312');
    assert.ok(!gb.includes(Buffer.from('年度报告', 'utf8')), 'the fixture really is GB-encoded');
    const decoded = decodeHtmlBytes(gb);
    assert.ok(decoded.ok && decoded.text.includes('示例县卫生健康局2024年政府信息公开工作年度报告'));
    assert.equal(declaredCharset(readFileSync(files['faulty.htm'])), 'gbk');
    const page = iconv.encode('<html><body><p>年度报告</p></body></html>', 'gb18030');
    const undeclared = decodeHtmlBytes(page);
    assert.ok(undeclared.ok && undeclared.text.includes('年度报告'), 'undeclared non-UTF-8 bytes are read as GB18030');
  });

  it('takes the article: navigation, breadcrumbs, share bar, related links, footer and scripts are dropped', () => {
    const { converted: doc } = converted('consistent.html');
    for (const chrome of [
      '网站首页',
      '办事服务',
      '当前位置',
      '分享到',
      '打印本页',
      '相关链接',
      '版权所有',
      '主办单位',
      '统计代码',
      'color: #333',
    ]) {
      assert.ok(!doc.text.includes(chrome), `「${chrome}」 is not in the text`);
    }
    assert.ok(doc.text.startsWith('# 示例县卫生健康局2024年政府信息公开工作年度报告\n'));
  });

  it('reads the same report as the .docx, and a consistent page gives no error and no warning', () => {
    const html = converted('consistent.html').converted.text;
    assert.equal(html, converted('consistent.docx').converted.text);
    assert.equal(converted('consistent-utf8.html').converted.text, html);
    assert.deepEqual(serious(checkText(html).findings), []);
  });

  it('a wrong total is found in its cell (rowspan/colspan read as the grid)', () => {
    const run = runCli('check', '--format', 'json', files['faulty.htm']);
    assert.equal(run.status, 1, run.stderr);
    const [report] = JSON.parse(run.stdout) as { diagnostics: { code: string; source?: unknown }[] }[];
    assert.ok(report, 'one report');
    assert.deepEqual(report.diagnostics.find((d) => d.code === 'row-total')?.source, {
      place: '表三「（一）予以公开」·总计',
      table: 2,
      row: 6,
      column: 10,
    });
    assert.deepEqual(
      report.diagnostics.map((d) => d.code).sort(),
      checkText(faultyReportText())
        .findings.map((f) => f.code)
        .sort(),
    );
  });

  it('a layout table around the article is read through, and rowspan skips the covered slots', () => {
    const doc = readHtml('<table><tr><td><table><tr><td rowspan="2">甲</td><td>1</td></tr><tr><td>2</td></tr></table></td></tr></table>');
    const tables = doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
    assert.equal(tables.length, 1);
    assert.deepEqual(firstOf(tables).cells, [
      { text: '甲', row: 0, column: 0, rowSpan: 2, colSpan: 1 },
      { text: '1', row: 0, column: 1, rowSpan: 1, colSpan: 1 },
      { text: '2', row: 1, column: 1, rowSpan: 1, colSpan: 1 },
    ]);
    assert.equal(toMarkdown(doc).text, '| 甲 | 1 |\n|---|---|\n| | 2 |\n');
  });
});

describe('the imported Markdown draft', () => {
  for (const name of ['faulty.docx', 'faulty.htm', 'consistent.docx', 'consistent.html'] as const) {
    it(`of ${name} gets the same findings as the original when checked as a Markdown file`, () => {
      const draft = join(dir, 'drafts', `${name}.md`);
      mkdirSync(join(dir, 'drafts'), { recursive: true });
      writeFileSync(draft, converted(name).converted.text);
      const original = JSON.parse(runCli('check', '--format', 'json', files[name]).stdout) as {
        diagnostics: { code: string; message: string; range: unknown }[];
      }[];
      const imported = JSON.parse(runCli('check', '--format', 'json', draft).stdout) as {
        diagnostics: { code: string; message: string; range: unknown }[];
      }[];
      const strip = (ds: { code: string; message: string; range: unknown }[]) =>
        ds.map((d) => ({ code: d.code, message: d.message, range: d.range }));
      assert.deepEqual(strip(firstOf(imported).diagnostics), strip(firstOf(original).diagnostics));
      assert.deepEqual(
        firstOf(imported)
          .diagnostics.map((d) => d.code)
          .sort(),
        checkText(name.startsWith('faulty') ? faultyReportText() : exampleReportText())
          .findings.map((f) => f.code)
          .sort(),
      );
    });
  }

  it('has the six sections as ## headings and the tables as Markdown tables', () => {
    const text = converted('consistent.docx').converted.text;
    const headings = text.split('\n').filter((l) => l.startsWith('## '));
    assert.deepEqual(
      headings.map((h) => h.slice(3, 5)),
      ['一、', '二、', '三、', '四、', '五、', '六、'],
    );
    assert.equal(text.split('\n').filter((l) => /^\|(---\|)+$/.test(l)).length, 3);
  });
});

describe('bad input: one line naming the file, exit 2, nothing written', () => {
  function assertRefused(name: string, bytes: Uint8Array, reason: RegExp): void {
    const sub = mkdtempSync(join(dir, 'bad-'));
    const path = join(sub, name);
    writeFileSync(path, bytes);
    for (const args of [['check'], ['check', '--fix'], ['check', '--format', 'json']]) {
      const run = runCli(...args, path);
      assert.equal(run.status, 2, `${args.join(' ')} ${name}: ${run.stderr}`);
      const lines = run.stderr.trim().split('\n');
      assert.equal(lines.length, 1, run.stderr);
      assert.ok(nth(lines, 0, 'line').includes(path), `the message names the file: ${lines[0]}`);
      assert.match(nth(lines, 0, 'line'), reason);
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    }
    assert.deepEqual(readdirSync(sub), [name]);
    assert.ok(readFileSync(path).equals(Buffer.from(bytes)));
  }

  it('a corrupt .docx (a cut zip)', async () => {
    const whole = readFileSync(files['consistent.docx']);
    assertRefused('cut.docx', whole.subarray(0, Math.floor(whole.length / 2)), /文件已损坏|缺少正文/);
    assertRefused('text.docx', Buffer.from('这不是 Word 文档'), /不是 \.docx 文档/);
  });

  it('a password-protected .docx (an OLE compound file with EncryptionInfo) and an old .doc renamed', () => {
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    assertRefused('secret.docx', Buffer.concat([header, Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(64)]), /受密码保护/);
    assertRefused('old.docx', Buffer.concat([header, Buffer.from('WordDocument', 'utf16le'), Buffer.alloc(64)]), /Word 97-2003/);
  });

  it('a page with no report; found in a folder instead of named, it is passed over like any other text', () => {
    const page = '<html><head><meta charset="utf-8"></head><body><div class="nav"><a href="/">首页</a></div><p>通知公告</p></body></html>';
    assertRefused('news.html', Buffer.from(page), /网页中没有找到政府信息公开工作年度报告/);
    const folder = mkdtempSync(join(dir, 'site-'));
    writeFileSync(join(folder, 'news.html'), page);
    const run = runCli('check', folder);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
  });

  it('a text over the size limit', () => {
    const result = convertDocument('big.docx', readFileSync(files['consistent.docx']), { maxTextBytes: 1000 });
    assert.ok(!result.ok && /超过上限 .*maxDocumentSize/.test(result.reason), result.ok ? '' : result.reason);
    const run = runCli('check', '--max-size', '1KB', files['consistent.html']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /consistent\.html/);
  });
});

describe('the import command in the language server (workspace/executeCommand nianbao.convertDocument)', () => {
  const session = new LspSession({
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true } } },
    settings: { enable: true, maxDocumentSize: 2 * 1024 * 1024 },
  });
  before(async () => {
    await session.start();
  });
  after(() => session.kill());

  const convert = (name: string, bytes: Uint8Array) =>
    session.request<ConvertDocumentResponse>('workspace/executeCommand', {
      command: CONVERT_DOCUMENT_COMMAND,
      arguments: [{ name: `file:///reports/${name}`, data: Buffer.from(bytes).toString('base64') }],
    });

  it('is announced, and turns a .docx into the Markdown draft, which then checks like any draft', async () => {
    assert.deepEqual(session.initializeResult.capabilities.executeCommandProvider?.commands, [
      CONVERT_DOCUMENT_COMMAND,
      'nianbao.checkWorkspace',
    ]);
    const result = await convert('faulty.docx', readFileSync(files['faulty.docx']));
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.equal(result.markdown, converted('faulty.docx').converted.text);
    const published = await session.open('untitled:Untitled-1', 'nianbao', result.markdown);
    const codes = published.diagnostics.map((d) => d.code).sort();
    assert.deepEqual(
      codes,
      checkText(faultyReportText())
        .findings.map((f) => f.code)
        .sort(),
    );
    const rowTotal = published.diagnostics.find((d) => d.code === 'row-total')!;
    assert.equal(
      nth(result.markdown.split('\n'), rowTotal.range.start.line, 'line').slice(
        rowTotal.range.start.character,
        rowTotal.range.end.character,
      ),
      '19',
    );
  });

  it('a saved GBK page too', async () => {
    const result = await convert('consistent.html', readFileSync(files['consistent.html']));
    assert.ok(result.ok && result.markdown === converted('consistent.docx').converted.text);
  });

  it('bad input: one line naming the file, nothing opened', async () => {
    const encrypted = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      Buffer.from('EncryptionInfo', 'utf16le'),
    ]);
    for (const [name, bytes, reason] of [
      ['secret.docx', encrypted, /受密码保护/],
      ['cut.docx', readFileSync(files['consistent.docx']).subarray(0, 2000), /文件已损坏|缺少正文/],
      ['news.html', Buffer.from('<html><body><p>通知公告</p></body></html>'), /没有找到政府信息公开工作年度报告/],
      ['report.pdf', Buffer.from('%PDF-1.7'), /只能导入 \.docx、\.html 或 \.htm 文件/],
    ] as const) {
      const result = await convert(name, bytes);
      assert.ok(!result.ok);
      assert.ok(result.message.startsWith(`无法导入 ${name}：`), result.message);
      assert.match(result.message, reason);
      assert.ok(!result.message.includes('\n'));
    }
    const bad = await session.request<ConvertDocumentResponse>('workspace/executeCommand', {
      command: CONVERT_DOCUMENT_COMMAND,
      arguments: [42],
    });
    assert.ok(!bad.ok);
  });
});
