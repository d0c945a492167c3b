// Generates complete 2021-format annual reports with known numbers, in every table
// encoding seen in the wild, and records the exact source range of every number it writes.
// Tests use it to check that the core reads each encoding and points at the right cell.

import { firstOf, nth, numberAt, rowOf } from './defined';
import { ENCODING_IDS, ENCODINGS as ENCODING_MODULES, type RowOptions, type WrittenCell } from '../../shared/src/encodings';
import type { Range, TableEncoding } from '../../shared/src/model';
import {
  TABLE2_2021,
  TABLE3_2021,
  TABLE3_COLUMNS,
  TABLE4,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  TABLE4_RESULT_COLUMNS,
  standardHeading,
  type RowTemplate,
  type TableTemplate,
} from '../../shared/src/template';

export type Encoding = TableEncoding;
/** Every registered encoding: a new one is written by the fixtures (and so checked by their tests) once it has a renderer below. */
export const ENCODINGS: readonly Encoding[] = ENCODING_IDS;

export type Eol = '\n' | '\r\n';

export interface ReportData {
  agency: string;
  year: number;
  /** Template row id (t2.rules, t2.normative, t2.licensing, t2.penalty, t2.enforcement, t2.fees) → its numbers. */
  table2: Record<string, number[]>;
  /** Template row id (t3.new … t3.carriedOut) → 7 numbers (six applicant columns, then 总计). */
  table3: Record<string, number[]>;
  /** The 15 numbers of t4.cases: three groups × [结果维持, 结果纠正, 其他结果, 尚未审结, 总计]. */
  table4: number[];
  /**
   * The numbers the prose states, when they differ from the tables: a fault (withFault) is a typo in a table,
   * the text still says what the report really is, so that fixing the table leaves text and table in agreement.
   */
  narrative?: Pick<ReportData, 'table3' | 'table4'>;
}

export interface RenderedReport {
  text: string;
  /** `${rowId}#${columnIndex}` → exact 0-based range of that number in `text`. */
  cells: Map<string, Range>;
}

export interface Fault {
  rowId: string;
  column: number;
  delta: number;
}

export const TABLE4_ROW_ID = 't4.cases';
export const TABLE3_TOTAL_COLUMN = TABLE3_COLUMNS.length - 1;
const APPLICANT_COLUMNS = TABLE3_COLUMNS.length - 1;
const TABLE3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

export function cellKey(rowId: string, column: number): string {
  return `${rowId}#${column}`;
}

// ---------------------------------------------------------------------------
// Seeded random numbers

/** mulberry32: a tiny deterministic PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [min, max]. */
export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return nth(items, Math.floor(random() * items.length));
}

/** Mostly small positive counts, sometimes zero. */
function smallCount(random: () => number, max: number): number {
  return random() < 0.15 ? 0 : randomInt(random, 1, max);
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------------------
// Consistent data

const AGENCIES = ['东湖区卫生健康局', '青山县自然资源局', '临江市教育局', '南岭县市场监督管理局', '西河区住房和城乡建设局'];

export const TABLE3_RESULT_ROW_IDS: readonly string[] = TABLE3_2021.rows.filter((r) => r.result).map((r) => r.id);

/** Random but consistent numbers: every arithmetic relation of tables 3 and 4 holds. */
export function consistentData(seed: number): ReportData {
  const random = mulberry32(seed);
  return {
    agency: pick(random, AGENCIES),
    year: randomInt(random, 2021, 2024),
    table2: randomTable2(random),
    table3: consistentTable3(random),
    table4: consistentTable4(random),
  };
}

function randomTable2(random: () => number): Record<string, number[]> {
  const documents = (): number[] => {
    const issued = smallCount(random, 9);
    const repealed = smallCount(random, 5);
    return [issued, repealed, issued + randomInt(random, 0, 60)];
  };
  return {
    't2.rules': documents(),
    't2.normative': documents(),
    't2.licensing': [randomInt(random, 1, 5000)],
    't2.penalty': [randomInt(random, 1, 200000)],
    't2.enforcement': [randomInt(random, 0, 300)],
    't2.fees': [randomInt(random, 1, 999999) / 100],
  };
}

function consistentTable3(random: () => number): Record<string, number[]> {
  const applicant: Record<string, number[]> = {};
  const set = (rowId: string, column: number, value: number): void => {
    (applicant[rowId] ??= new Array<number>(APPLICANT_COLUMNS).fill(0))[column] = value;
  };
  for (let column = 0; column < APPLICANT_COLUMNS; column++) {
    let results = 0;
    for (const rowId of TABLE3_RESULT_ROW_IDS) {
      const value = smallCount(random, rowId === 't3.granted' ? 30 : 6);
      set(rowId, column, value);
      results += value;
    }
    const carriedOut = smallCount(random, 5);
    const carriedIn = randomInt(random, 0, Math.min(4, results + carriedOut));
    set('t3.resultsTotal', column, results);
    set('t3.carriedOut', column, carriedOut);
    set('t3.carriedIn', column, carriedIn);
    set('t3.new', column, results + carriedOut - carriedIn);
  }
  const table3: Record<string, number[]> = {};
  for (const row of TABLE3_2021.rows) {
    const values = rowOf(applicant, row.id);
    table3[row.id] = [...values, sum(values)];
  }
  return table3;
}

function consistentTable4(random: () => number): number[] {
  return TABLE4_GROUPS.flatMap(() => {
    const results = [0, 0, 0, 0].map(() => (random() < 0.4 ? 0 : randomInt(random, 1, 6)));
    return [...results, sum(results)];
  });
}

// ---------------------------------------------------------------------------
// Faults

export function cloneData(data: ReportData): ReportData {
  const cloneRows = (rows: Record<string, number[]>): Record<string, number[]> =>
    Object.fromEntries(Object.entries(rows).map(([id, values]) => [id, [...values]]));
  return { ...data, table2: cloneRows(data.table2), table3: cloneRows(data.table3), table4: [...data.table4] };
}

/** The numbers of one row, whatever table it belongs to. */
export function rowValues(data: ReportData, rowId: string): number[] {
  const values = rowId === TABLE4_ROW_ID ? data.table4 : rowId.startsWith('t2.') ? data.table2[rowId] : data.table3[rowId];
  if (!values) throw new Error(`unknown row ${rowId}`);
  return values;
}

/** A copy of `data` with exactly one number changed. */
export function withFault(data: ReportData, fault: Fault): ReportData {
  const copy = cloneData(data);
  copy.narrative = data.narrative ?? { table3: cloneData(data).table3, table4: [...data.table4] };
  const values = rowValues(copy, fault.rowId);
  if (fault.column < 0 || fault.column >= values.length) throw new Error(`no column ${fault.column} in ${fault.rowId}`);
  values[fault.column] = roundCents(nth(values, fault.column, 'column') + fault.delta);
  return copy;
}

const roundCents = (value: number): number => Math.round(value * 100) / 100;

// ---------------------------------------------------------------------------
// Writing text with recorded ranges

/** Builds the text line by line; every number written through `number()` has its range recorded. */
class TextWriter {
  private readonly lines: string[] = [];
  private current = '';
  readonly cells = new Map<string, Range>();

  /** Appends text to the current line. */
  write(text: string): this {
    if (/[\r\n]/.test(text)) throw new Error(`line break inside a written fragment: ${JSON.stringify(text)}`);
    this.current += text;
    return this;
  }

  /** Appends a number and records its range under `key`. */
  number(key: string, text: string): this {
    if (this.cells.has(key)) throw new Error(`cell ${key} written twice`);
    const line = this.lines.length;
    const start = this.current.length;
    this.write(text);
    this.cells.set(key, { start: { line, character: start }, end: { line, character: this.current.length } });
    return this;
  }

  /** Appends whole lines an encoding's writer wrote; each number's range is where the writer put it. */
  written(lines: readonly string[], cells: readonly { cell: CellSpec; place: WrittenCell | undefined }[]): this {
    if (this.current.length > 0) this.endLine();
    const first = this.lines.length;
    for (const { cell, place } of cells) {
      if (!('key' in cell)) continue;
      if (!place) throw new Error(`cell ${cell.key} not written`);
      if (this.cells.has(cell.key)) throw new Error(`cell ${cell.key} written twice`);
      const line = first + place.line;
      this.cells.set(cell.key, { start: { line, character: place.start }, end: { line, character: place.end } });
    }
    for (const line of lines) this.line(line);
    return this;
  }

  endLine(): this {
    this.lines.push(this.current);
    this.current = '';
    return this;
  }

  line(text = ''): this {
    return this.write(text).endLine();
  }

  /** The text, every line (the last one included) ended by `eol`. */
  finish(eol: Eol): RenderedReport {
    if (this.current.length > 0) this.endLine();
    return { text: this.lines.map((line) => line + eol).join(''), cells: this.cells };
  }
}

/** A table cell to write: a label, or a number with its key. */
type CellSpec = { label: string } | { key: string; text: string };

const label = (text: string): CellSpec => ({ label: text });
const blank: CellSpec = { label: '' };

function cellText(cell: CellSpec): string {
  return 'label' in cell ? cell.label : cell.text;
}

// ---------------------------------------------------------------------------
// Tables in abstract form, independent of the encoding

/**
 * One line of a table as the printed template lays it out. Label columns come first
 * ('' where a cell is merged with the one above), then the value columns.
 */
interface TableLine {
  /** Header lines: every cell, label columns then value columns. Data lines: the label columns. */
  labels: string[];
  /** The numbers (data lines only). */
  values: CellSpec[];
  header?: boolean;
}

interface AbstractTable {
  /** How many label columns precede the numbers (0 for table 4). */
  labelColumns: number;
  valueColumns: number;
  lines: TableLine[];
  /** Markdown drafts write the header more simply: these rows, the first one above `|---|`. */
  markdownHeader: string[][];
}

function formatValue(value: number, decimal: boolean): string {
  return decimal ? value.toFixed(2) : String(value);
}

function valueCells(row: RowTemplate, values: readonly number[]): CellSpec[] {
  if (values.length !== row.columns.length) throw new Error(`${row.id}: ${values.length} values for ${row.columns.length} columns`);
  return row.columns.map((column, index) => ({
    key: cellKey(row.id, index),
    text: formatValue(nth(values, index, `${row.id} value`), column.decimal === true),
  }));
}

function templateRow(table: TableTemplate, rowId: string): RowTemplate {
  const row = table.rows.find((r) => r.id === rowId);
  if (!row) throw new Error(`no row ${rowId} in ${table.name}`);
  return row;
}

/** Table 2 as four blocks: 第二十条第（X）项 / 信息内容 + column labels / rows. */
function table2Blocks(data: ReportData): AbstractTable[] {
  return TABLE2_2021.groups.map((group) => {
    const rows = group.rows.map((id) => templateRow(TABLE2_2021, id));
    const columnLabels = firstOf(rows, 'row').columns.map((c) => c.label);
    return {
      labelColumns: 1,
      valueColumns: columnLabels.length,
      lines: [
        { labels: [group.label], values: [], header: true },
        { labels: ['信息内容', ...columnLabels], values: [], header: true },
        ...rows.map((row) => ({ labels: [row.label], values: valueCells(row, rowOf(data.table2, row.id)) })),
      ],
      markdownHeader: [[group.label, ...columnLabels]],
    };
  });
}

const T3_RESULTS_LABEL = TABLE3_2021.groups.find((g) => g.id === 't3.results')?.label ?? '三、本年度办理结果';

/**
 * Table 3 with three label columns, like the printed template:
 * [一、二、三、四 | （一）…（七） | 1.…8.]; a group label is written on the first row of
 * its group only (the cell is merged over the group's rows).
 */
function table3Abstract(data: ReportData): AbstractTable {
  const groupLabel = new Map(TABLE3_2021.groups.map((g) => [g.id, g.label]));
  const written = new Set<string>();
  const once = (text: string): string => {
    if (written.has(text)) return '';
    written.add(text);
    return text;
  };
  const lines: TableLine[] = [
    { labels: [TABLE3_NOTE, '', '', '申请人情况'], values: [], header: true },
    { labels: ['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'], values: [], header: true },
    { labels: ['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'], values: [], header: true },
  ];
  for (const row of TABLE3_2021.rows) {
    let labels: string[];
    if (row.group === undefined) labels = [row.label, '', ''];
    else if (row.group === 't3.results') labels = [once(T3_RESULTS_LABEL), row.label, ''];
    else labels = [once(T3_RESULTS_LABEL), once(groupLabel.get(row.group) ?? ''), row.label];
    lines.push({ labels, values: valueCells(row, rowOf(data.table3, row.id)) });
  }
  return {
    labelColumns: 3,
    valueColumns: TABLE3_COLUMNS.length,
    lines,
    markdownHeader: [[TABLE3_NOTE, ...TABLE3_COLUMNS.map((c) => c.label)]],
  };
}

/** Table 4: three header lines (merged cells as in the template), then one line of 15 numbers. */
function table4Abstract(data: ReportData): AbstractTable {
  const results = [...TABLE4_RESULT_COLUMNS];
  const headerRows = [
    ['行政复议', '', '', '', '', '行政诉讼'],
    [...results, '未经复议直接起诉', '', '', '', '', '复议后起诉'],
    ['', '', '', '', '', ...results, ...results],
  ];
  return {
    labelColumns: 0,
    valueColumns: TABLE4_COLUMNS.length,
    lines: [
      ...headerRows.map((labels) => ({ labels, values: [], header: true })),
      { labels: [], values: valueCells(templateRow(TABLE4, TABLE4_ROW_ID), data.table4) },
    ],
    markdownHeader: headerRows,
  };
}

// ---------------------------------------------------------------------------
// Encodings: how each lays out the printed table (which cells it keeps); the lines are written by the
// encoding's own writer (shared/src/encodings), the numbers' ranges taken from where it put them.

type TableRenderer = (writer: TextWriter, table: AbstractTable) => void;

const nonEmpty = (texts: readonly string[]): string[] => texts.filter((t) => t.length > 0);

/** The cells of a line as written in an encoding that drops merged (empty) cells. */
function presentCells(line: TableLine): CellSpec[] {
  return [...nonEmpty(line.labels).map(label), ...line.values];
}

/** Writes a row of cells (labels first) with an encoding's writer; the numbers' ranges are recorded. */
function writeRow(writer: TextWriter, encoding: Encoding, labels: CellSpec[], values: CellSpec[], options?: RowOptions): void {
  const written = ENCODING_MODULES[encoding].writeRow({ labels: labels.map(cellText), values: values.map(cellText) }, options);
  writer.written(written.lines, [
    ...labels.map((cell, i) => ({ cell, place: written.labels[i] })),
    ...values.map((cell, i) => ({ cell, place: written.values[i] })),
  ]);
}

/** Word → text: each cell on its own tab-indented line, a blank line after each row (corpus 000/002). */
const renderCellPerLine: TableRenderer = (writer, table) => {
  for (const line of table.lines) writeRow(writer, 'cell-per-line', presentCells(line), [], { indent: '\t', blankLineAfter: true });
};

/** `a | b | c |` rows without a separator (corpus 003); merged cells are left out. */
const renderPipe: TableRenderer = (writer, table) => {
  for (const line of table.lines) writeRow(writer, 'pipe', presentCells(line), []);
};

/** Tab-separated rows keeping every label column, empty where cells were merged (corpus 004). */
const renderTab: TableRenderer = (writer, table) => {
  for (const line of table.lines) {
    if (line.header) writeRow(writer, 'tab', trimTrailingBlanks(line.labels).map(label), []);
    else writeRow(writer, 'tab', line.labels.map(label), line.values);
  }
};

function trimTrailingBlanks(texts: readonly string[]): string[] {
  let end = texts.length;
  while (end > 0 && texts[end - 1] === '') end--;
  return texts.slice(0, end);
}

/**
 * GitHub table: one label column, then the value columns. A group label is a row of its
 * own with empty value cells: `| （三）不予公开 | | | … |`, then `| 1.属于国家秘密 | 1 | 0 | … |`.
 */
const renderMarkdown: TableRenderer = (writer, table) => {
  const markdown = ENCODING_MODULES.markdown;
  const width = (table.labelColumns > 0 ? 1 : 0) + table.valueColumns;
  table.markdownHeader.forEach((cells, index) => {
    const padded = padCells(cells, width);
    writer.written(index === 0 ? markdown.writeHeader(padded) : markdown.writeRow({ labels: padded, values: [] }).lines, []);
  });
  for (const line of table.lines) {
    if (line.header) continue;
    const labels = nonEmpty(line.labels);
    for (const group of labels.slice(0, -1)) writer.written(markdown.writeLabelRow(group, width), []);
    const rowLabel = table.labelColumns > 0 ? [label(labels[labels.length - 1] ?? '')] : [];
    writeRow(writer, 'markdown', rowLabel, line.values);
  }
};

function padCells(cells: string[], width: number): string[] {
  return [...cells, ...new Array<string>(Math.max(0, width - cells.length)).fill('')];
}

/** Display width: CJK and full-width characters take two columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6“”]/.test(ch) ? 2 : 1;
  return width;
}

const SPACES_GAP = 2;

/**
 * Columns aligned by runs of spaces (pdftotext -layout, corpus 005, but tidy): a group label
 * on its own line, then `label<spaces>n<spaces>n…` with every value column at a fixed position.
 */
const renderSpaces: TableRenderer = (writer, table) => {
  const labelPart = (line: TableLine): string[] => {
    const labels = nonEmpty(line.labels.slice(0, table.labelColumns));
    return line.header ? labels : labels.slice(-1);
  };
  const valuePart = (line: TableLine): CellSpec[] =>
    line.header ? trimTrailingBlanks(line.labels.slice(table.labelColumns)).map(label) : line.values;
  const labelWidth =
    table.labelColumns > 0 ? Math.max(...table.lines.map((l) => displayWidth(labelPart(l).join(' '.repeat(SPACES_GAP))))) + SPACES_GAP : 0;
  const columnWidths = Array.from(
    { length: table.valueColumns },
    (_, column) => Math.max(...table.lines.map((l) => displayWidth(cellText(valuePart(l)[column] ?? blank)))) + SPACES_GAP,
  );
  // Every value column starts at a fixed display column.
  const stops = columnWidths.map((_, column) => labelWidth + columnWidths.slice(0, column).reduce((a, b) => a + b, 0));
  for (const line of table.lines) {
    if (!line.header) for (const group of nonEmpty(line.labels).slice(0, -1)) writer.line(group);
    writeRow(writer, 'spaces', labelPart(line).map(label), valuePart(line), { stops, gap: SPACES_GAP, measure: displayWidth });
  }
};

const RENDERERS: Record<Encoding, TableRenderer> = {
  'cell-per-line': renderCellPerLine,
  pipe: renderPipe,
  tab: renderTab,
  markdown: renderMarkdown,
  spaces: renderSpaces,
};

// ---------------------------------------------------------------------------
// The whole report

export function reportTitle(data: ReportData): string {
  return `${data.agency}${data.year}年政府信息公开工作年度报告`;
}

export function closingDate(data: ReportData): string {
  return `${data.year + 1}年1月15日`;
}

/** Renders a complete report with its tables in `encoding`; `cells` holds the range of every number. */
export function renderReport(data: ReportData, encoding: Encoding, eol: Eol = '\n'): RenderedReport {
  const writer = new TextWriter();
  const renderTable = RENDERERS[encoding];
  // Markdown needs blank lines around tables; corpus 004 (tab) and 005 (spaces) have them too, 002/003 not.
  const blankBeforeTables = encoding === 'markdown' || encoding === 'tab' || encoding === 'spaces';
  const heading = (section: number): void => {
    writer.line();
    writer.line(encoding === 'markdown' ? `## ${standardHeading(section)}` : standardHeading(section));
  };
  const paragraph = (text: string): void => {
    writer.line(encoding === 'markdown' ? text : `　　${text}`);
  };

  writer.line(reportTitle(data));
  writer.line();
  paragraph(introParagraph(data));

  heading(1);
  for (const text of overviewParagraphs(data)) paragraph(text);

  heading(2);
  for (const block of table2Blocks(data)) {
    if (blankBeforeTables) writer.line();
    renderTable(writer, block);
  }

  heading(3);
  if (blankBeforeTables) writer.line();
  renderTable(writer, table3Abstract(data));

  heading(4);
  if (blankBeforeTables) writer.line();
  renderTable(writer, table4Abstract(data));

  heading(5);
  for (const text of problemParagraphs(data)) paragraph(text);

  heading(6);
  for (const text of otherMattersParagraphs(data)) paragraph(text);

  writer.line();
  writer.line(data.agency);
  writer.line(closingDate(data));
  return writer.finish(eol);
}

function introParagraph(data: ReportData): string {
  return (
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条规定，由${data.agency}编制。` +
    `报告中所列数据的统计期限自${data.year}年1月1日起至${data.year}年12月31日止。` +
    `如对本报告有疑问，请与${data.agency}办公室联系。`
  );
}

function overviewParagraphs(report: ReportData): string[] {
  const data = { ...report, ...report.narrative };
  const t3 = data.table3;
  const total = TABLE3_TOTAL_COLUMN;
  const lawsuits = nth(data.table4, 9) + nth(data.table4, 14);
  return [
    `${data.year}年，${data.agency}认真贯彻落实《条例》和上级关于政务公开工作的部署，围绕中心工作，持续深化政务公开，` +
      `不断提升政府信息公开的质量和实效。`,
    `（一）主动公开。全年通过政府门户网站、政务新媒体等渠道主动公开各类政府信息，及时发布政策文件、工作动态和政策解读，` +
      `做到应公开尽公开。`,
    `（二）依申请公开。全年新收政府信息公开申请${numberAt(t3, 't3.new', total)}件，上年结转${numberAt(t3, 't3.carriedIn', total)}件，` +
      `结转下年度继续办理${numberAt(t3, 't3.carriedOut', total)}件，均在法定期限内依法答复。`,
    `（三）政府信息管理。严格落实公文公开属性源头认定制度和保密审查制度，动态更新政府信息公开指南和目录。`,
    `（四）平台建设。加强政府网站信息公开专栏建设，优化栏目设置，确保信息发布及时准确。`,
    `（五）监督保障。成立政务公开工作领导小组，明确专人负责，全年发生政府信息公开行政复议${data.table4[4]}件、` +
      `行政诉讼${lawsuits}件，已全部依法处理。`,
  ];
}

function problemParagraphs(data: ReportData): string[] {
  return [
    `${data.year}年，我单位政府信息公开工作取得了一定成效，但仍存在一些不足：一是主动公开的深度和广度有待拓展；` +
      `二是政策解读形式较为单一。`,
    `针对上年度存在的问题，我单位加强了业务培训，完善了信息发布审核流程。下一步将继续丰富解读形式，提升公开质量。`,
  ];
}

function otherMattersParagraphs(data: ReportData): string[] {
  return [`${data.year}年度，我单位未收取信息处理费。`, `本年度办理人大代表建议和政协委员提案均已按期办结，并按要求公开办理复文。`];
}
