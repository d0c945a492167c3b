// `nianbao extract`: the key numbers of each report as one row of a spreadsheet (CSV, UTF-8 with a BOM,
// Chinese headers), or every cell of its tables as JSON. Which number each column holds is defined here
// once (EXTRACT_COLUMNS) and documented in the README's section for evaluators.
//
// A number is what the report wrote in that cell (never a computed correction): a cell that is missing,
// a placeholder or not a number gives an empty field (JSON null). A group sum (（三）不予公开 …) is the sum
// of the 总计 cells of its rows, empty when one of them is missing.

import { stringify } from 'csv-stringify/sync';
import type { CheckResult } from '../engine';
import type { Finding, FindingCode, FormatVersion, ReportModel, RowModel, TableId, TableModel } from '../model';
import { numberOf, tidy } from '../numbers';
import { tableTemplate, type TableTemplate } from '../template';
import { JsonStream, STREAMED_ARRAY } from './jsonStream';

/** What extract knows of one file: its check result, or why it has none. */
export type ExtractInput = { file: string; result: CheckResult } | { file: string; reason: string };

type Value = number | null;

/** One column of the key numbers: its JSON key, its Chinese CSV header, and how it is read from the model. */
export interface ExtractColumn {
  key: string;
  header: string;
  value(model: ReportModel): Value;
}

const TOTAL = 6; // table 3's 总计 column

function table(model: ReportModel, id: TableId): TableModel | undefined {
  return model.tables[id];
}

function firstRow(t: TableModel | undefined, id: string): RowModel | undefined {
  return t?.rows.find((r) => r.id === id);
}

function cellValue(t: TableModel | undefined, rowId: string, column: number): Value {
  return numberOf(firstRow(t, rowId)?.cells[column]) ?? null;
}

/**
 * A results group of table 3 in the 总计 column: （一）and（二）are one row each; （三）to（六）are the sum of
 * their numbered rows (of the table's format); （六）written as one row (the 2019 format) is that row.
 */
function groupTotal(model: ReportModel, group: string): Value {
  const t = table(model, 'table3');
  if (!t) return null;
  const single = firstRow(t, group);
  if (single) return numberOf(single.cells[TOTAL]) ?? null;
  const rows = tableTemplate('table3', t.format).rows.filter((r) => r.group === group);
  if (rows.length === 0) return null;
  let sum = 0;
  for (const row of rows) {
    const value = cellValue(t, row.id, TOTAL);
    if (value === null) return null;
    sum += value;
  }
  return tidy(sum);
}

/** Table 2: the value in the named column of a row (2021 and 2019 column ids; the first that the row has). */
function table2Value(model: ReportModel, rowId: string, columnIds: readonly string[]): Value {
  const t = table(model, 'table2');
  if (!t) return null;
  const row = firstRow(t, rowId);
  const template = tableTemplate('table2', t.format).rows.find((r) => r.id === rowId);
  if (!row || !template) return null;
  const column = template.columns.findIndex((c) => columnIds.includes(c.id));
  return column < 0 ? null : (numberOf(row.cells[column]) ?? null);
}

const t3Row = (key: string, header: string, rowId: string): ExtractColumn => ({
  key,
  header,
  value: (m) => cellValue(table(m, 'table3'), rowId, TOTAL),
});
const t3Group = (key: string, header: string, group: string): ExtractColumn => ({ key, header, value: (m) => groupTotal(m, group) });
const t4Total = (key: string, header: string, group: number): ExtractColumn => ({
  key,
  header,
  value: (m) => cellValue(table(m, 'table4'), 't4.cases', group * 5 + 4),
});
const t2 = (key: string, header: string, rowId: string, columnIds: readonly string[]): ExtractColumn => ({
  key,
  header,
  value: (m) => table2Value(m, rowId, columnIds),
});

/** The key numbers, in the order of the CSV columns. */
export const EXTRACT_COLUMNS: readonly ExtractColumn[] = [
  t3Row('new', '表三·一、本年新收申请（总计）', 't3.new'),
  t3Row('carriedIn', '表三·二、上年结转申请（总计）', 't3.carriedIn'),
  t3Row('resultsTotal', '表三·（七）总计（总计）', 't3.resultsTotal'),
  t3Row('carriedOut', '表三·四、结转下年度继续办理（总计）', 't3.carriedOut'),
  t3Group('granted', '表三·（一）予以公开', 't3.granted'),
  t3Group('partly', '表三·（二）部分公开', 't3.partly'),
  t3Group('withheld', '表三·（三）不予公开（1–8 项之和）', 't3.withheld'),
  t3Group('unable', '表三·（四）无法提供（1–3 项之和）', 't3.unable'),
  t3Group('notProcessed', '表三·（五）不予处理（1–5 项之和）', 't3.notProcessed'),
  t3Group('otherHandling', '表三·（六）其他处理（1–3 项之和）', 't3.otherHandling'),
  t4Total('review', '表四·行政复议·总计', 0),
  t4Total('direct', '表四·行政诉讼·未经复议直接起诉·总计', 1),
  t4Total('afterReview', '表四·行政诉讼·复议后起诉·总计', 2),
  t2('rules', '表二·规章·现行有效件数（2019 年格式：对外公开总数量）', 't2.rules', ['valid', 'total']),
  t2('normative', '表二·行政规范性文件·现行有效件数（2019 年格式：对外公开总数量）', 't2.normative', ['valid', 'total']),
  t2('licensing', '表二·行政许可·处理决定数量', 't2.licensing', ['decisions']),
  t2('penalty', '表二·行政处罚·处理决定数量', 't2.penalty', ['decisions']),
  t2('enforcement', '表二·行政强制·处理决定数量', 't2.enforcement', ['decisions']),
  t2('fees', '表二·行政事业性收费·收费金额（万元，2021 年格式）', 't2.fees', ['amount']),
];

/** The table format of a report: 2019 when any of its tables is on the 2019 format. */
function reportFormat(model: ReportModel): FormatVersion | undefined {
  const tables = Object.values(model.tables);
  if (tables.length === 0) return undefined;
  return tables.some((t) => t.format === '2019') ? '2019' : '2021';
}

/** The codes found, each once, in the order of their first finding. */
function codesOf(findings: readonly Finding[]): FindingCode[] {
  return [...new Set(findings.map((f) => f.code))];
}

export interface ExtractRecord {
  file: string;
  agency: string | null;
  year: number | null;
  format: FormatVersion | null;
  numbers: Record<string, Value>;
  errors: number | null;
  warnings: number | null;
  codes: FindingCode[];
  /** Why the file has no numbers: it could not be read, or it is not a report. */
  reason: string | null;
}

const NOT_A_REPORT = '看起来不是政府信息公开工作年度报告，未提取';

function emptyNumbers(): Record<string, Value> {
  return Object.fromEntries(EXTRACT_COLUMNS.map((c) => [c.key, null]));
}

function extractRecord(input: ExtractInput): ExtractRecord {
  if ('reason' in input) {
    return {
      file: input.file,
      agency: null,
      year: null,
      format: null,
      numbers: emptyNumbers(),
      errors: null,
      warnings: null,
      codes: [],
      reason: input.reason,
    };
  }
  const { model, findings } = input.result;
  const reason = !model.isReport && findings.length === 0 ? NOT_A_REPORT : null;
  return {
    file: input.file,
    agency: model.title?.agency ?? model.closing.agency ?? null,
    year: model.year ?? null,
    format: reportFormat(model) ?? null,
    numbers: reason ? emptyNumbers() : Object.fromEntries(EXTRACT_COLUMNS.map((c) => [c.key, c.value(model)])),
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    codes: codesOf(findings),
    reason,
  };
}

// ---------------------------------------------------------------------------
// The full tables (JSON)

export interface ExtractedTable {
  /** The table was found in the report; when not, every cell is null. */
  found: boolean;
  format: FormatVersion;
  /** Every row of the template, every column: the number written, or null. */
  rows: { id: string; label: string; cells: Record<string, Value> }[];
}

function fullTable(template: TableTemplate, t: TableModel | undefined): ExtractedTable {
  return {
    found: t !== undefined,
    format: template.format,
    rows: template.rows.map((row) => {
      const found = t ? firstRow(t, row.id) : undefined;
      return {
        id: row.id,
        label: row.name,
        cells: Object.fromEntries(row.columns.map((c, i) => [c.label, numberOf(found?.cells[i]) ?? null])),
      };
    }),
  };
}

/** Every table of the template of the report's format, every cell, null where missing. */
function fullTables(model: ReportModel | undefined): Record<TableId, ExtractedTable> {
  const fallback = (model && reportFormat(model)) ?? '2021';
  const of = (id: TableId): ExtractedTable => {
    const t = model?.tables[id];
    return fullTable(tableTemplate(id, t?.format ?? fallback), t);
  };
  // A table-3 （六） written as one row in a 2021 table is read as the 2019 row: keep it.
  const table3 = of('table3');
  const single = model?.tables.table3?.format === '2021' ? firstRow(model.tables.table3, 't3.otherHandling') : undefined;
  if (single) {
    const template = tableTemplate('table3', '2019').rows.find((r) => r.id === 't3.otherHandling')!;
    table3.rows.push({
      id: template.id,
      label: template.name,
      cells: Object.fromEntries(template.columns.map((c, i) => [c.label, numberOf(single.cells[i]) ?? null])),
    });
  }
  return { table2: of('table2'), table3, table4: of('table4') };
}

// ---------------------------------------------------------------------------
// Writers: begin(), row() per file, end(); the concatenation is the output.

export type ExtractFormat = 'csv' | 'json';

export const EXTRACT_FORMATS: readonly [ExtractFormat, ...ExtractFormat[]] = ['csv', 'json'];

export interface ExtractWriter {
  begin(): string;
  row(input: ExtractInput): string;
  end(): string;
}

export const CSV_HEADERS: readonly string[] = [
  '文件',
  '机关',
  '年度',
  '表格格式',
  ...EXTRACT_COLUMNS.map((c) => c.header),
  '错误数',
  '警告数',
  '发现的问题代码',
  '未提取原因',
];

function csvFields(record: ExtractRecord): (string | number | null)[] {
  return [
    record.file,
    record.agency,
    record.year,
    record.format,
    ...EXTRACT_COLUMNS.map((c) => record.numbers[c.key] ?? null),
    record.errors,
    record.warnings,
    record.codes.join(' '),
    record.reason,
  ];
}

/** UTF-8 with a BOM (so that Excel reads the Chinese right), CRLF line ends (RFC 4180), every row written at once. */
class CsvWriter implements ExtractWriter {
  begin(): string {
    return stringify([CSV_HEADERS], { bom: true, record_delimiter: 'windows' });
  }
  row(input: ExtractInput): string {
    return stringify([csvFields(extractRecord(input))], { record_delimiter: 'windows' });
  }
  end(): string {
    return '';
  }
}

/** A JSON array, one object per file: the record, and every cell of its tables. */
class JsonExtractWriter implements ExtractWriter {
  private readonly stream = new JsonStream(STREAMED_ARRAY);
  begin(): string {
    return this.stream.begin();
  }
  row(input: ExtractInput): string {
    const record = extractRecord(input);
    const model = 'result' in input && !record.reason ? input.result.model : undefined;
    return this.stream.item({ ...record, tables: model ? fullTables(model) : null });
  }
  end(): string {
    return this.stream.end();
  }
}

export function extractWriter(format: ExtractFormat): ExtractWriter {
  return format === 'csv' ? new CsvWriter() : new JsonExtractWriter();
}
