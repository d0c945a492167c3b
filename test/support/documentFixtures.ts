// Word documents and web pages made in the tests from a Markdown report: its prose as paragraphs, its
// three statistics tables in the official merged-cell layout of the 2021 format (table 3 with its 3-column
// label block and the merged 申请人情况 / 法人或其他组织 headers, table 4 with 行政复议 / 行政诉讼 over
// 未经复议直接起诉 / 复议后起诉), the numbers taken from the Markdown report as the reader reads them.

import { readFileSync } from 'node:fs';
import * as iconv from 'iconv-lite';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { readReport } from '../../shared/src/reader';
import type { ReportModel, TableId } from '../../shared/src/model';
import { TABLE2_2021, TABLE3_2021, TABLE3_COLUMNS, TABLE4_RESULT_COLUMNS } from '../../shared/src/template';
import { firstOf, nth } from './defined';

/** A cell as in HTML: listed in the row where it starts. */
export interface FixtureCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
}

export type FixtureItem = { kind: 'p'; text: string } | { kind: 'table'; id: TableId; rows: FixtureCell[][] };

export const EXAMPLE_REPORT = 'examples/consistent.nianbao.md';

export function exampleReportText(): string {
  return readFileSync(EXAMPLE_REPORT, 'utf8');
}

/** The example report with three faults: （一）予以公开·总计 19 (should be 18), 未经复议直接起诉·总计 3 (should be 2), 政务 for 政府 in heading 二. */
export function faultyReportText(): string {
  const text = exampleReportText()
    .replace('| （一）予以公开 | 15 | 2 | 0 | 1 | 0 | 0 | 18 |', '| （一）予以公开 | 15 | 2 | 0 | 1 | 0 | 0 | 19 |')
    .replace('| 2 | 1 | 0 | 1 | 4 | 1 | 0 | 0 | 1 | 2 | 1 |', '| 2 | 1 | 0 | 1 | 4 | 1 | 0 | 0 | 1 | 3 | 1 |')
    .replace('## 二、主动公开政府信息情况', '## 二、主动公开政务信息情况');
  if (text === exampleReportText()) throw new Error('fixture: the faults were not planted');
  return text;
}

const cell = (text: string, colSpan = 1, rowSpan = 1): FixtureCell => ({ text, colSpan, rowSpan });

function valuesOf(model: ReportModel, table: TableId, rowId: string): string[] {
  const row = model.tables[table]?.rows.find((r) => r.id === rowId);
  if (!row) throw new Error(`fixture: ${rowId} not read from the Markdown report`);
  return row.cells.map((c) => c?.text ?? '');
}

/** Table 2 as the official form draws it: a full-width 第二十条第（X）项 row, a 信息内容 header, then rows; single values span 3 columns. */
function officialTable2(model: ReportModel): FixtureCell[][] {
  const rows: FixtureCell[][] = [];
  for (const group of TABLE2_2021.groups) {
    const members = TABLE2_2021.rows.filter((r) => r.group === group.id);
    rows.push([cell(group.label, 4)]);
    const columns = firstOf(members).columns;
    rows.push([cell('信息内容'), ...columns.map((c) => cell(c.label, columns.length === 1 ? 3 : 1))]);
    for (const r of members) {
      const values = valuesOf(model, 'table2', r.id);
      rows.push([cell(r.label), ...values.map((v) => cell(v, values.length === 1 ? 3 : 1))]);
    }
  }
  return rows;
}

/** Table 3 as the official form draws it: 3 header rows, a 3-column label block with vertically merged group labels. */
function officialTable3(model: ReportModel): FixtureCell[][] {
  const labels = TABLE3_COLUMNS.map((c) => c.label);
  const rows: FixtureCell[][] = [
    [cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3), cell('申请人情况', 7)],
    [cell(firstOf(labels), 1, 2), cell('法人或其他组织', 5), cell(nth(labels, 6), 1, 2)],
    labels.slice(1, 6).map((l) => cell(l)),
  ];
  const numbers = (id: string) => valuesOf(model, 'table3', id).map((v) => cell(v));
  // Every row from （一）予以公开 to （七）总计 belongs to 三、本年度办理结果 or one of its sub-groups.
  const resultRows = TABLE3_2021.rows.filter((r) => r.group !== undefined);
  for (const r of TABLE3_2021.rows) {
    const row: FixtureCell[] = [];
    if (r.id === firstOf(resultRows).id) row.push(cell('三、本年度办理结果', 1, resultRows.length));
    if (r.group === 't3.results') row.push(cell(r.label, 2));
    else if (r.group) {
      const group = TABLE3_2021.groups.find((g) => g.id === r.group)!;
      if (group.rows[0] === r.id) row.push(cell(group.label, 1, group.rows.length));
      row.push(cell(r.label));
    } else row.push(cell(r.label, 3));
    rows.push([...row, ...numbers(r.id)]);
  }
  return rows;
}

/** Table 4 as the official form draws it: 行政复议 (5) | 行政诉讼 (10), then 未经复议直接起诉 / 复议后起诉, then the result columns. */
function officialTable4(model: ReportModel): FixtureCell[][] {
  const results = [...TABLE4_RESULT_COLUMNS];
  return [
    [cell('行政复议', 5), cell('行政诉讼', 10)],
    [...results.map((c) => cell(c, 1, 2)), cell('未经复议直接起诉', 5), cell('复议后起诉', 5)],
    [...results, ...results].map((c) => cell(c)),
    valuesOf(model, 'table4', 't4.cases').map((v) => cell(v)),
  ];
}

/** The Markdown report as paragraphs and official tables: each Markdown table is replaced by the official form of the table read there. */
export function fixtureItems(markdown: string): FixtureItem[] {
  const model = readReport(markdown);
  const items: FixtureItem[] = [];
  const tables: { id: TableId; start: number; end: number }[] = [];
  for (const id of ['table2', 'table3', 'table4'] as const) {
    const t = model.tables[id];
    if (!t) throw new Error(`fixture: ${id} not read`);
    tables.push({ id, start: t.startLine, end: t.endLine });
  }
  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    // A table's lines: its Markdown header and separator (2 lines above its first row) to its last row.
    const table = nth(lines, i, 'line').startsWith('|') ? tables.find((t) => i >= t.start - 2 && i <= t.end) : undefined;
    if (table) {
      if (!items.some((item) => item.kind === 'table' && item.id === table.id)) {
        const rows = table.id === 'table2' ? officialTable2(model) : table.id === 'table3' ? officialTable3(model) : officialTable4(model);
        items.push({ kind: 'table', id: table.id, rows });
      }
      continue;
    }
    const text = nth(lines, i, 'line')
      .replace(/^#+\s*/, '')
      .trim();
    if (text.length > 0) items.push({ kind: 'p', text });
  }
  return items;
}

// ---------------------------------------------------------------------------
// .docx (written with the `docx` package)

export async function docxOf(items: readonly FixtureItem[]): Promise<Buffer> {
  const children = items.map((item) =>
    item.kind === 'p'
      ? new Paragraph({ text: item.text })
      : new Table({
          rows: item.rows.map(
            (row) =>
              new TableRow({
                children: row.map(
                  (c) =>
                    new TableCell({ children: [new Paragraph({ text: c.text })], columnSpan: c.colSpan ?? 1, rowSpan: c.rowSpan ?? 1 }),
                ),
              }),
          ),
        }),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

// ---------------------------------------------------------------------------
// .html: a government site's page around the article

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface HtmlOptions {
  /** Declared in `<meta charset>` and used to encode the bytes (default utf-8). */
  charset?: string;
  /** Use the old `<meta http-equiv="Content-Type" content="text/html; charset=…">`. */
  httpEquiv?: boolean;
}

export function htmlOf(items: readonly FixtureItem[], options: HtmlOptions = {}): Buffer {
  const charset = options.charset ?? 'utf-8';
  const meta = options.httpEquiv
    ? `<meta http-equiv="Content-Type" content="text/html; charset=${charset}">`
    : `<meta charset="${charset}">`;
  const body: string[] = [];
  for (const item of items) {
    if (item.kind === 'p') {
      body.push(`<p style="text-indent:2em">${escapeHtml(item.text)}</p>`);
      continue;
    }
    body.push('<table border="1" cellspacing="0"><tbody>');
    for (const row of item.rows) {
      const cells = row.map((c) => {
        const spans = `${(c.rowSpan ?? 1) > 1 ? ` rowspan="${c.rowSpan}"` : ''}${(c.colSpan ?? 1) > 1 ? ` colspan="${c.colSpan}"` : ''}`;
        return `<td${spans}><p>${escapeHtml(c.text)}</p></td>`;
      });
      body.push(`<tr>${cells.join('')}</tr>`);
    }
    body.push('</tbody></table>');
  }
  const page = `<!DOCTYPE html>
<html><head>${meta}<title>示例县卫生健康局2024年政府信息公开工作年度报告_示例县人民政府</title>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
<style>.nav a { color: #333 }</style></head>
<body>
<div class="header"><div class="logo">示例县人民政府</div><a href="/">网站首页</a> <a href="/zwgk/">政务公开</a> <a href="/hdjl/">互动交流</a></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/xxgk/">政府信息公开</a></li><li><a href="/bsfw/">办事服务</a></li></ul>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; <a href="/xxgk/ndbg/">年度报告</a></div>
<div class="main">
<div class="article">
<div id="zoom">
${body.join('\n')}
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/1">示例县2023年政府信息公开工作年度报告</a></li><li><a href="/2">示例县财政局2024年政府信息公开工作年度报告</a></li></ul></div>
</div>
<div class="footer"><p>主办单位：示例县人民政府办公室　联系电话：0000-1234567</p><p>版权所有：示例县人民政府　备案号：示ICP备00000000号</p></div>
</body></html>
`;
  return iconv.encode(page, charset);
}
