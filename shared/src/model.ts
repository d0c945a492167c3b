// The parsed report model and the findings the rules produce.
// Positions follow LSP: 0-based line, 0-based UTF-16 character offset within the line.

import type { TableEncoding } from './encodings';
import type { FindingCode } from './rules/index';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Every finding code: one per rule of the registry (rules/index.ts). */
export type { FindingCode };

/** One text replacement: `range` of the original text becomes `newText`. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** A fix as data: the engine (not the rule) turns it into editor edits. */
export interface Fix {
  /** Action title shown to the user, in Chinese, e.g. 「改为 45」. */
  title: string;
  edits: TextEdit[];
  /**
   * Applied only when the user picks it, never by fix-all (source.fixAll, fix on save, `check --fix`,
   * "fix all of this kind"): a conversion between formats, the removal of text that holds a number.
   */
  explicitOnly?: boolean;
}

export interface RelatedInfo {
  /** Another document (a file path in the CLI, a URI in the server); absent: the finding's own document. */
  uri?: string;
  range: Range;
  message: string;
}

/** Facts a finding carries for its fix (each rule types its own). */
export type FindingData = Record<string, unknown>;

/** What a rule reports: a finding without its code and severity, which the engine adds from the rule. */
export interface RuleFinding<Data extends FindingData = FindingData> {
  range: Range;
  message: string;
  related?: RelatedInfo[];
  /** The edit that fixes it, when the rule can compute one. */
  fix?: Fix;
  /**
   * Facts the fix needs that are not plain edits (row id, column, computed value…). `replaced`: the text a
   * fix that replaces its target removes (the wrong number, the wrong numeral, the artifact).
   */
  data?: Data;
}

export interface Finding<Data extends FindingData = FindingData> extends RuleFinding<Data> {
  code: FindingCode;
  severity: Severity;
}

/** How a table's cells are laid out in the text: one module each in shared/src/encodings. */
export type { TableEncoding };

export type CellKind = 'number' | 'placeholder' | 'empty' | 'text' | 'glued';

/** One cell of the source text with its exact range. */
export interface Cell {
  /** Raw text of the cell as in the document (trimmed of surrounding blanks and separators). */
  text: string;
  line: number;
  start: number; // UTF-16 column of the first character
  end: number; // UTF-16 column after the last character
  kind: CellKind;
  /** Parsed value for kind 'number'. */
  value?: number;
  /** For kind 'number': written like `8(减)` (2019 本年增/减 column). */
  delta?: boolean;
  /** For kind 'number': the value had a decimal fraction. */
  decimal?: boolean;
  /** A number split out of digits run together (`1000001` → 1 0 0 0 0 0 1): the whole run it is written in. */
  run?: string;
}

export type TableId = 'table2' | 'table3' | 'table4';
export type FormatVersion = '2021' | '2019';

/** A data row of a table as found in the text. */
export interface RowModel {
  /** Template row id (see template.ts), e.g. `t3.new`, `t3.withheld.1`. */
  id: string;
  /** The label cells that named this row (a group label such as `（三）不予公开` when the row's own label is lost). */
  labels: Cell[];
  /** The row's own label is absent: it was assigned by position or through its group label. */
  labelMissing: boolean;
  /** One entry per template column; `undefined` when the row has fewer cells than columns. */
  cells: (Cell | undefined)[];
  /** Every cell found in value position (numbers, placeholders, empty and non-numeric cells), in order. */
  rawCells: Cell[];
  /** The label did not match exactly (typo) — still this row. */
  fuzzyLabel?: boolean;
  /** Where a lost label would be inserted (the first value cell). */
  anchor: Cell;
  /** Id of the group whose label named this row when its own label was lost. */
  viaGroup?: string;
  /** The table-3 （六）其他处理 written as one data row (2019 format). */
  legacySingle?: boolean;
  /**
   * pdftotext columns: the row is short of numbers and the columns' positions do not show which of its cells
   * are blank, so its numbers are in no column (`cells` all undefined; `rawCells` holds them).
   */
  unaligned?: boolean;
  /**
   * Numbers of the row that stood alone on a line before it (a converter moved them out of the row). Placed
   * in their columns by the columns' positions when they show them (pdftotext); else the row is `unaligned`.
   */
  displaced?: Cell[];
}

export interface TableModel {
  id: TableId;
  format: FormatVersion;
  encoding: TableEncoding;
  /** First and last line (inclusive) that held table cells. */
  startLine: number;
  endLine: number;
  rows: RowModel[];
  /** Cells that mark the 2019 format (e.g. `本年新制作数量`, `第二十条第（九）项`, （六） as one row). */
  legacyMarkers: Cell[];
  /** Numbers found in the table that belong to no row (after all rows were filled). */
  strayNumbers: Cell[];
  /** Labels glued to a run of digits that cannot be split safely. */
  gluedCells: Cell[];
}

export interface HeadingModel {
  /** Section number 1..6 as identified from its wording. */
  section: number;
  line: number;
  /** Range of the whole heading text (without indentation and Markdown `#`). */
  range: Range;
  /** The numeral as written (`三`, `3`, `` when absent) with its separator range. */
  numeral: string;
  numeralRange: Range;
  /** Range covering numeral + separator + following blanks (what a numbering fix replaces). */
  prefixRange: Range;
  /** Heading words after the numeral, as written. */
  text: string;
  textRange: Range;
}

export interface SectionModel {
  heading: HeadingModel;
  /** Lines belonging to the section: from the heading line to the line before the next heading. */
  startLine: number;
  endLine: number;
}

export interface TitleModel {
  range: Range;
  lines: number[];
  text: string;
  agency?: string;
  year?: number;
}

export interface ClosingModel {
  agency?: string;
  agencyRange?: Range;
  date?: { year: number; month: number; day: number };
  dateRange?: Range;
}

export interface ArtifactModel {
  range: Range;
  kind: 'bookmark' | 'web-chrome' | 'page-footer';
  text: string;
  /** Whole line removal rather than a span. */
  wholeLine: boolean;
}

/** A line ending: \n (Unix), \r\n (Windows), or a lone \r (classic Mac OS, some exports). */
export type Eol = '\n' | '\r\n' | '\r';

export interface ReportModel {
  /** Lines of the text, without line terminators. */
  lines: string[];
  /** End-of-line sequence used by the document. */
  eol: Eol;
  /** Does the text look like an annual report at all? */
  isReport: boolean;
  title?: TitleModel;
  /** Year of the report (title, else statistics period, else prose). */
  year?: number;
  /** All recognised section headings, in document order (duplicates included). */
  sections: SectionModel[];
  tables: Partial<Record<TableId, TableModel>>;
  closing: ClosingModel;
  artifacts: ArtifactModel[];
  /** Sections whose heading line is absent while their content stands at their place. */
  lostHeadings?: LostHeadingModel[];
  /** The text names itself an annual report (or holds most of one) but its structure could not be read. */
  unreadable?: UnreadableModel;
}

export interface LostHeadingModel {
  section: number;
  /** The first line of the section's content: the heading belongs right before it. */
  line: number;
  range: Range;
}

export interface UnreadableModel {
  range: Range;
  /** The title found, if any. */
  title?: string;
  /** The 0-based line that names the text a 政府信息公开…年度报告 (when there is no title). */
  namedLine?: number;
  /** Section numbers whose heading was found. */
  sections: number[];
  /** Tables that were read. */
  tables: TableId[];
  /** Table-3 row labels recognised. */
  table3Labels: number;
}
