// The language server as an editor sees it: `node dist/server.js --stdio`, spoken to over LSP.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ConfigurationParams,
  Diagnostic,
  InitializeParams,
  InitializeResult,
  LogMessageParams,
  PublishDiagnosticsParams,
  Range,
} from 'vscode-languageserver/node';
import type { Finding } from '../shared/src/model';
import { toDiagnostic } from '../server/src/diagnostics';
import { PublishedDiagnostics, SERVER_PATH, withTimeout } from './support/lspSession';
import { checkModeFor, DEFAULT_SETTINGS, parseSettings } from '../server/src/settings';
import { firstOf } from './support/defined';

// ---------------------------------------------------------------------------
// Fixtures: a complete, consistent 2021-format report in GFM Markdown

const NEW_REQUESTS_LABEL = '一、本年新收政府信息公开申请数量';
const NEW_REQUESTS_ROW_CORRECT = `| ${NEW_REQUESTS_LABEL} | 56 | 8 | 1 | 1 | 1 | 1 | 68 |`;
const NEW_REQUESTS_ROW_WRONG = `| ${NEW_REQUESTS_LABEL} | 56 | 8 | 1 | 1 | 1 | 1 | 69 |`;

// Table 3, per column (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他):
// （七）总计 = 55 7 1 1 2 1 (67) is the sum of the result rows; 四 = 4 1 0 0 0 0 (5);
// 二 = 3 0 0 0 1 0 (4); so 一 = （七）+ 四 − 二 = 56 8 1 1 1 1 (68). Table 4: 2+1+0+1=4, 1+0+1+0=2, 0+1+0+0=1.
const CORRECT_REPORT = `# 青山县自然资源局2023年政府信息公开工作年度报告

本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。本报告所列数据的统计期限为2023年1月1日至2023年12月31日。如对本报告有疑问，请与青山县自然资源局办公室联系。

## 一、总体情况

2023年，青山县自然资源局认真贯彻落实《条例》，围绕自然资源管理中心工作，持续深化政务公开。

（一）主动公开。全年在县政府门户网站本局专栏主动公开政府信息186条，制发行政规范性文件1件。

（二）依申请公开。全年新收政府信息公开申请68件，上年结转4件，结转下年度继续办理5件，均在法定期限内依法答复。

（三）政府信息管理。严格落实公文公开属性源头认定制度和保密审查制度。

（四）平台建设。以县政府门户网站为第一平台，及时更新政府信息公开指南和目录。

（五）监督保障。本年度因政府信息公开被申请行政复议4件，被提起行政诉讼3件。

## 二、主动公开政府信息情况

| 第二十条第（一）项 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|---|---|---|
| 规章 | 0 | 0 | 0 |
| 行政规范性文件 | 1 | 2 | 14 |

| 第二十条第（五）项 | 本年处理决定数量 |
|---|---|
| 行政许可 | 412 |

| 第二十条第（六）项 | 本年处理决定数量 |
|---|---|
| 行政处罚 | 38 |
| 行政强制 | 2 |

| 第二十条第（八）项 | 本年收费金额（单位：万元） |
|---|---|
| 行政事业性收费 | 12.5 |

## 三、收到和处理政府信息公开申请情况

| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
|---|---|---|---|---|---|---|---|
${NEW_REQUESTS_ROW_CORRECT}
| 二、上年结转政府信息公开申请数量 | 3 | 0 | 0 | 0 | 1 | 0 | 4 |
| 三、本年度办理结果 | | | | | | | |
| （一）予以公开 | 20 | 3 | 0 | 1 | 1 | 0 | 25 |
| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 5 | 1 | 0 | 0 | 0 | 0 | 6 |
| （三）不予公开 | | | | | | | |
| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 2.其他法律行政法规禁止公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 4.保护第三方合法权益 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |
| 5.属于三类内部事务信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| 6.属于四类过程性信息 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
| 7.属于行政执法案卷 | 1 | 0 | 0 | 0 | 1 | 0 | 2 |
| 8.属于行政查询事项 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| （四）无法提供 | | | | | | | |
| 1.本机关不掌握相关政府信息 | 8 | 2 | 1 | 0 | 0 | 0 | 11 |
| 2.没有现成信息需要另行制作 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
| 3.补正后申请内容仍不明确 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| （五）不予处理 | | | | | | | |
| 1.信访举报投诉类申请 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
| 2.重复申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
| 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 4.无正当理由大量反复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| 5.要求行政机关确认或重新出具已获取信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| （六）其他处理 | | | | | | | |
| 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
| 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 3.其他 | 1 | 0 | 0 | 0 | 0 | 1 | 2 |
| （七）总计 | 55 | 7 | 1 | 1 | 2 | 1 | 67 |
| 四、结转下年度继续办理 | 4 | 1 | 0 | 0 | 0 | 0 | 5 |

## 四、政府信息公开行政复议、行政诉讼情况

下表依次为行政复议、未经复议直接起诉的行政诉讼、复议后起诉的行政诉讼，每组依次为结果维持、结果纠正、其他结果、尚未审结、总计。

| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| 2 | 1 | 0 | 1 | 4 | 1 | 0 | 1 | 0 | 2 | 0 | 1 | 0 | 0 | 1 |

## 五、存在的主要问题及改进情况

2023年，本局政府信息公开工作仍存在一些不足：一是政策解读形式较为单一；二是依申请公开答复文书的规范性有待提高。针对上年度存在的问题，本局修订了信息发布审核制度。下一步，本局将丰富解读形式，加强业务培训。

## 六、其他需要报告的事项

本机关2023年未收取信息处理费。本年度承办县人大代表建议8件、县政协委员提案6件，均已按期办结。

青山县自然资源局
2024年1月20日
`;

const WRONG_REPORT = replaceOnce(CORRECT_REPORT, NEW_REQUESTS_ROW_CORRECT, NEW_REQUESTS_ROW_WRONG);

const README = `# build-stats

Monthly download counts of the packages in this repository.

| month | downloads | total |
|---|---|---|
| January | 120 | 120 |
| February | 95 | 215 |
| March | 143 | 358 |
`;

/** The exact range of the wrong 总计 cell (\`69\`) of row 一 in WRONG_REPORT. */
function wrongTotalRange(): Range {
  const lines = WRONG_REPORT.split('\n');
  const line = lines.indexOf(NEW_REQUESTS_ROW_WRONG);
  assert.notEqual(line, -1, 'fixture: the wrong row is in the report');
  const character = NEW_REQUESTS_ROW_WRONG.lastIndexOf('69');
  return { start: { line, character }, end: { line, character: character + '69'.length } };
}

function replaceOnce(text: string, search: string, replacement: string): string {
  const index = text.indexOf(search);
  assert.notEqual(index, -1, `fixture: ${search} not found`);
  assert.equal(text.indexOf(search, index + 1), -1, `fixture: ${search} occurs twice`);
  return text.slice(0, index) + replacement + text.slice(index + search.length);
}

// ---------------------------------------------------------------------------
// An editor's side of the connection

/** What the editor answers to workspace/configuration; tests change it and send didChangeConfiguration. */
let settings = { enable: true, detectInPlainTextAndMarkdown: true };

let server: ChildProcessWithoutNullStreams;
let connection: MessageConnection;
let serverExit: Promise<number | null>;
const published = new PublishedDiagnostics();
const logMessages: LogMessageParams[] = [];
let stderr = '';

function openDocument(uri: string, languageId: string, text: string): Promise<PublishDiagnosticsParams> {
  const mark = published.mark();
  void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  return published.next(uri, mark);
}

const seriousDiagnostics = (diagnostics: Diagnostic[]): Diagnostic[] => diagnostics.filter((d) => d.severity === 1 || d.severity === 2);

const describeDiagnostics = (diagnostics: Diagnostic[]): string =>
  JSON.stringify(
    diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range, message: d.message })),
    null,
    1,
  );

// ---------------------------------------------------------------------------

describe('language server over stdio', () => {
  before(async () => {
    assert.ok(existsSync(SERVER_PATH), `${SERVER_PATH} is missing: run npm run build first`);
    server = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: 'pipe' });
    serverExit = new Promise((resolveExit) => server.on('exit', (code) => resolveExit(code)));
    server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));

    connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => published.add(params));
    connection.onNotification('window/logMessage', (params: LogMessageParams) => {
      logMessages.push(params);
    });
    connection.onRequest('workspace/configuration', (params: ConfigurationParams) => params.items.map(() => settings));
    connection.listen();

    const initializeParams: InitializeParams = {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
        },
      },
    };
    const result = await withTimeout(connection.sendRequest<InitializeResult>('initialize', initializeParams), 'the initialize response');
    assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: 2 }, 'incremental sync');
    await connection.sendNotification('initialized', {});
  });

  after(() => {
    connection?.dispose();
    if (server && server.exitCode === null && server.signalCode === null) server.kill();
  });

  test('a Markdown report with one wrong row total gets a row-total error on exactly that cell', async () => {
    const uri = 'file:///reports/wrong.md';
    const publish = await openDocument(uri, 'markdown', WRONG_REPORT);
    assert.equal(publish.version, 1);
    const rowTotals = publish.diagnostics.filter((d) => d.code === 'row-total');
    assert.deepEqual(
      rowTotals.map((d) => d.range),
      [wrongTotalRange()],
      `one row-total on the 总计 cell of row 一; got ${describeDiagnostics(publish.diagnostics)}`,
    );
    assert.equal(firstOf(rowTotals).severity, 1);
    assert.equal(firstOf(rowTotals).source, 'nianbao');
    const message = firstOf(rowTotals).message;
    assert.ok(typeof message === 'string' && message.length > 0, 'a message in words');
  });

  test('the same report with the total corrected has no error or warning', async () => {
    const publish = await openDocument('file:///reports/correct.md', 'markdown', CORRECT_REPORT);
    assert.deepEqual(seriousDiagnostics(publish.diagnostics), [], describeDiagnostics(publish.diagnostics));
  });

  test('a Markdown file that is not a report gets no diagnostics', async () => {
    const publish = await openDocument('file:///project/README.md', 'markdown', README);
    assert.deepEqual(publish.diagnostics, []);
  });

  test('incremental edits that fix the total clear row-total once typing pauses', async () => {
    const uri = 'file:///reports/wrong.md';
    const { start, end } = wrongTotalRange();
    const mark = published.mark();
    // Two keystrokes: `69` → `6` → `68`. Both arrive within the debounce, so only version 3 is published.
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: start.line, character: start.character + 1 }, end }, text: '' }],
    });
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [
        {
          range: { start: { line: start.line, character: start.character + 1 }, end: { line: start.line, character: start.character + 1 } },
          text: '8',
        },
      ],
    });
    const publish = await published.next(uri, mark);
    assert.equal(publish.version, 3);
    assert.deepEqual(
      publish.diagnostics.filter((d) => d.code === 'row-total'),
      [],
      describeDiagnostics(publish.diagnostics),
    );
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = 'file:///reports/wrong.md';
    const mark = published.mark();
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const publish = await published.next(uri, mark);
    assert.deepEqual(publish.diagnostics, []);
  });

  test('a document of the nianbao language is checked even when it does not look like a report', async () => {
    const publish = await openDocument('file:///project/README.nianbao.md', 'nianbao', README);
    assert.ok(
      publish.diagnostics.some((d) => d.code === 'section-missing'),
      `section-missing expected; got ${describeDiagnostics(publish.diagnostics)}`,
    );
  });

  test('turning nianbao.enable off clears diagnostics, turning it on brings them back', async () => {
    const uri = 'file:///reports/draft.nianbao.md';
    const opened = await openDocument(uri, 'nianbao', WRONG_REPORT);
    assert.ok(
      opened.diagnostics.some((d) => d.code === 'row-total'),
      describeDiagnostics(opened.diagnostics),
    );

    const changeSettings = async (next: typeof settings): Promise<PublishDiagnosticsParams> => {
      settings = next;
      const mark = published.mark();
      await connection.sendNotification('workspace/didChangeConfiguration', { settings: { nianbao: next } });
      return published.next(uri, mark);
    };
    const disabled = await changeSettings({ enable: false, detectInPlainTextAndMarkdown: true });
    assert.deepEqual(disabled.diagnostics, []);
    const enabled = await changeSettings({ enable: true, detectInPlainTextAndMarkdown: true });
    assert.ok(
      enabled.diagnostics.some((d) => d.code === 'row-total'),
      describeDiagnostics(enabled.diagnostics),
    );
  });

  test('the server logged no error', () => {
    const errors = logMessages.filter((m) => m.type === 1).map((m) => m.message);
    assert.deepEqual(errors, [], `stderr: ${stderr}`);
  });

  test('shutdown then exit ends the server with code 0', async () => {
    await withTimeout(connection.sendRequest('shutdown'), 'the shutdown response');
    await connection.sendNotification('exit');
    assert.equal(await withTimeout(serverExit, 'the server process to exit'), 0);
  });
});

// ---------------------------------------------------------------------------
// The server's small helpers, without a process

describe('findings to diagnostics', () => {
  const range = { start: { line: 3, character: 4 }, end: { line: 3, character: 6 } };
  const related = { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }, message: '自然人' };
  const fix = { title: '改为 68', edits: [{ range, newText: '68' }] };
  const finding: Finding = {
    code: 'row-total',
    severity: 'error',
    range,
    message: '总计 应为 68',
    related: [related],
    fix,
    data: { value: 68 },
  };

  test('maps severity, code, source, related information and the facts, not the fix (code actions build it)', () => {
    assert.deepEqual(toDiagnostic(finding, 'file:///a.md', { relatedInformation: true }), {
      range,
      severity: 1,
      source: 'nianbao',
      code: 'row-total',
      message: '总计 应为 68',
      relatedInformation: [{ location: { uri: 'file:///a.md', range: related.range }, message: '自然人' }],
      data: { data: { value: 68 } },
    });
  });

  test('leaves out related information the client cannot show, and empty data', () => {
    const plain: Finding = { code: 'date-missing', severity: 'info', range, message: '缺少成文日期', related: [related] };
    const diagnostic = toDiagnostic(plain, 'file:///a.md', { relatedInformation: false });
    assert.equal(diagnostic.relatedInformation, undefined);
    assert.equal(diagnostic.data, undefined);
    assert.equal(diagnostic.severity, 3);
    assert.equal(toDiagnostic({ ...plain, severity: 'warning' }, 'file:///a.md', { relatedInformation: false }).severity, 2);
    assert.equal(toDiagnostic({ ...plain, severity: 'hint' }, 'file:///a.md', { relatedInformation: false }).severity, 4);
  });
});

describe('settings', () => {
  test('missing or mistyped values take their defaults', () => {
    assert.deepEqual(parseSettings(undefined), DEFAULT_SETTINGS);
    assert.deepEqual(parseSettings({ enable: 'no', detectInPlainTextAndMarkdown: false }), {
      ...DEFAULT_SETTINGS,
      detectInPlainTextAndMarkdown: false,
    });
  });

  test('the language and the settings decide how a document is checked', () => {
    const on = { enable: true, detectInPlainTextAndMarkdown: true };
    assert.equal(checkModeFor('nianbao', on), 'force');
    assert.equal(checkModeFor('markdown', on), 'detect');
    assert.equal(checkModeFor('plaintext', on), 'detect');
    assert.equal(checkModeFor('typescript', on), 'skip');
    assert.equal(checkModeFor('markdown', { ...on, detectInPlainTextAndMarkdown: false }), 'skip');
    assert.equal(checkModeFor('nianbao', { ...on, detectInPlainTextAndMarkdown: false }), 'force');
    assert.equal(checkModeFor('nianbao', { ...on, enable: false }), 'skip');
  });
});
