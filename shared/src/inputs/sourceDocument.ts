// A Word document or a web page as the checker sees it: paragraphs and tables with real cells (row and
// column spans), turned into one Markdown report text, with a map from every line and table cell of that
// text back to the paragraph or cell of the original. The .docx and .html readers produce a
// SourceDocument; the CLI checks the Markdown text and names findings by their place in the original, the
// import command opens the same text as a draft.

import { markdown, separatorRow } from '../encodings/markdown';
import type { Position, ReportModel } from '../model';
import { cellAt } from '../locate';
import { readReport } from '../reader';
import { tableTemplate } from '../template';

/** A cell of a table as the author made it: its text and the grid slots it covers. */
export interface SourceCell {
  text: string;
  /** 0-based grid row and column of the cell's top-left slot. */
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
}

export interface SourceTable {
  /** 1-based, in document order (nested layout tables of a web page not counted). */
  index: number;
  /** Cells in reading order (by row, then column); each appears once, at its top-left slot. */
  cells: SourceCell[];
}

export type SourceBlock =
  { kind: 'paragraph'; /** 1-based, in document order */ index: number; text: string } | { kind: 'table'; table: SourceTable };

export interface SourceDocument {
  blocks: SourceBlock[];
}

/** Where a place of the converted text came from: a paragraph, or a table cell (1-based row and column of the grid). */
export type SourceLocation = { paragraph: number; text: string } | { table: number; row: number; column: number; text: string };

/** A stretch of a line of the converted text [start, end) and where it came from. */
interface Segment {
  start: number;
  end: number;
  location: SourceLocation;
}

export interface ConvertedDocument {
  /** The report as Markdown: `#` title, `##` section headings, paragraphs, tables as Markdown tables. */
  text: string;
  /** Per line of `text`, where its parts came from (empty for blank lines). */
  segments: Segment[][];
}

// ---------------------------------------------------------------------------
// Cell and paragraph text

const CJK_RE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Joins the lines of a cell or paragraph: nothing between two Chinese characters (a label broken over lines), else a space. */
function joinLines(parts: readonly string[]): string {
  let out = '';
  for (const raw of parts) {
    const part = raw.trim();
    if (part.length === 0) continue;
    if (out.length > 0 && !(CJK_RE.test(out.charAt(out.length - 1)) && CJK_RE.test(part.charAt(0)))) out += ' ';
    out += part;
  }
  return out;
}

/** Blanks (including the ideographic space and no-break space) collapsed, line breaks kept. */
function collapseBlanks(text: string): string {
  return text.replace(/[ \t\u00a0\u3000\f\v]+/g, ' ');
}

/** Cell text on one line of a Markdown table: no pipe (a full-width one instead), no line break. */
function cellText(text: string): string {
  return joinLines(collapseBlanks(text).split(/\r?\n|\r/)).replace(/\|/g, '｜');
}

// ---------------------------------------------------------------------------
// Tables → Markdown

/** The grid of a table: which cell covers each slot (undefined where no cell was written). */
function gridOf(table: SourceTable): { rows: number; columns: number; slots: { cell: SourceCell | undefined }[][] } {
  let rows = 0;
  let columns = 0;
  for (const c of table.cells) {
    rows = Math.max(rows, c.row + c.rowSpan);
    columns = Math.max(columns, c.column + c.colSpan);
  }
  const slots: { cell: SourceCell | undefined }[][] = Array.from({ length: rows }, () =>
    Array.from({ length: columns }, () => ({ cell: undefined })),
  );
  for (const c of table.cells) {
    for (let r = c.row; r < c.row + c.rowSpan; r++) {
      for (const slot of slots[r]?.slice(c.column, c.column + c.colSpan) ?? []) slot.cell ??= c;
    }
  }
  return { rows, columns, slots };
}

function locationOfCell(table: SourceTable, cell: SourceCell | undefined, row: number, column: number): SourceLocation {
  const c = cell ?? { row, column, text: '' };
  return { table: table.index, row: c.row + 1, column: c.column + 1, text: c.text };
}

/**
 * One Markdown row per grid row: each cell's text at its top-left slot, the slots a span covers left empty
 * (the reader takes an empty slot under or beside a label as part of that label's block). The first row
 * is the Markdown header. Rows that are empty in every slot are left out.
 */
function tableLines(table: SourceTable): { lines: string[]; segments: Segment[][] } {
  const { columns, slots } = gridOf(table);
  const lines: string[] = [];
  const segments: Segment[][] = [];
  const emit = (texts: string[], owners: (SourceLocation | undefined)[]) => {
    const written = markdown.writeRow({ labels: [], values: texts });
    // A Markdown row is written on one line.
    const [line] = written.lines;
    if (line === undefined) return;
    // Each cell's segment: from after the pipe before it to after its own.
    const segs: Segment[] = [];
    let start = 1;
    written.values.forEach((place, k) => {
      const end = line.indexOf('|', place!.end) + 1;
      const location = owners[k];
      if (location) segs.push({ start, end, location });
      start = end;
    });
    lines.push(line);
    segments.push(segs);
  };
  let first = true;
  for (const [r, rowSlots] of slots.entries()) {
    const texts: string[] = [];
    const owners: SourceLocation[] = [];
    for (const [k, { cell }] of rowSlots.entries()) {
      const starts = cell !== undefined && cell.row === r && cell.column === k;
      texts.push(starts ? cellText(cell.text) : '');
      owners.push(locationOfCell(table, cell, r, k));
    }
    if (texts.every((t) => t.length === 0) && !first) continue;
    emit(texts, owners);
    if (first) {
      first = false;
      lines.push(separatorRow(columns));
      const [location] = owners;
      segments.push(location ? [{ start: 0, end: 4 * columns + 1, location }] : []);
    }
  }
  return { lines, segments };
}

// ---------------------------------------------------------------------------
// The document → Markdown

/** The Markdown report text of a document, with where each part of it came from. */
export function toMarkdown(doc: SourceDocument): ConvertedDocument {
  const lines: string[] = [];
  const segments: Segment[][] = [];
  /** Lines that hold a paragraph (candidates for the title and the section headings). */
  const paragraphLines: number[] = [];
  const blank = () => {
    if (lines.length > 0 && lines[lines.length - 1] !== '') {
      lines.push('');
      segments.push([]);
    }
  };
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      const location: SourceLocation = { paragraph: block.index, text: block.text };
      for (const raw of block.text.split(/\r?\n|\r/)) {
        const text = raw.trim();
        if (text.length === 0) continue;
        blank();
        paragraphLines.push(lines.length);
        lines.push(text);
        segments.push([{ start: 0, end: text.length, location }]);
      }
    } else {
      const table = tableLines(block.table);
      if (table.lines.length === 0) continue;
      blank();
      lines.push(...table.lines);
      segments.push(...table.segments);
      lines.push('');
      segments.push([]);
    }
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') {
    lines.pop();
    segments.pop();
  }
  markHeadings(lines, segments, paragraphLines);
  return { text: lines.length > 0 ? lines.join('\n') + '\n' : '', segments };
}

/** `# ` before the title and `## ` before each section heading the reader recognises, so the draft reads as Markdown. */
function markHeadings(lines: string[], segments: Segment[][], paragraphLines: readonly number[]): void {
  const model = readReport(lines.join('\n'));
  const isParagraph = new Set(paragraphLines);
  const prefix = (line: number, mark: string) => {
    const text = lines[line];
    if (!isParagraph.has(line) || text === undefined || /^[#*_]/.test(text)) return;
    lines[line] = mark + text;
    for (const s of segments[line] ?? []) {
      s.start = s.start === 0 ? 0 : s.start + mark.length;
      s.end += mark.length;
    }
  };
  for (const s of model.sections) prefix(s.heading.line, '## ');
  const titleLine = model.title?.lines[0];
  if (titleLine !== undefined) prefix(titleLine, '# ');
}

// ---------------------------------------------------------------------------
// Positions of the converted text → the original

/** Where the text at a position came from: the segment under it, else the nearest line before (or after) that has one. */
export function locationAt(doc: ConvertedDocument, pos: Position): SourceLocation | undefined {
  const onLine = doc.segments[pos.line] ?? [];
  const first = onLine[0];
  const last = onLine.at(-1);
  if (first && last) {
    const hit = onLine.find((s) => pos.character >= s.start && pos.character < s.end) ?? (pos.character < first.start ? first : last);
    return hit.location;
  }
  for (let line = Math.min(pos.line, doc.segments.length) - 1; line >= 0; line--) {
    const before = doc.segments[line]?.at(-1);
    if (before) return before.location;
  }
  for (let line = pos.line + 1; line < doc.segments.length; line++) {
    const after = doc.segments[line]?.[0];
    if (after) return after.location;
  }
  return undefined;
}

const TABLE_NAMES = { table2: '表二', table3: '表三', table4: '表四' } as const;
const SNIPPET_LENGTH = 16;

function snippet(text: string): string {
  const t = collapseBlanks(text).replace(/\s+/g, ' ').trim();
  return t.length > SNIPPET_LENGTH ? t.slice(0, SNIPPET_LENGTH) + '…' : t;
}

/**
 * A place of the original a person can find, for the CLI: the statistics table's row and column when the
 * position is a cell the reader recognised (表三「（一）予以公开」·总计), else the Word table's row and column
 * (第2个表格第5行第3列), else the paragraph with its first words (第12段「二、主动公开政务信息情况」).
 */
export function describeLocation(model: ReportModel | undefined, location: SourceLocation | undefined, pos: Position): string {
  const hit = model ? cellAt(model, pos) : undefined;
  if (hit) {
    const template = tableTemplate(hit.table.id, hit.table.format);
    const row = template.rows.find((r) => r.id === hit.row.id);
    const name = TABLE_NAMES[hit.table.id];
    if (hit.table.id === 'table4' && hit.column >= 0) {
      const label = row?.columns[hit.column]?.label ?? '';
      const cut = label.lastIndexOf('·');
      return `${name}「${label.slice(0, cut)}」·${label.slice(cut + 1)}`;
    }
    // 「（一）予以公开」 rather than 「三、本年度办理结果·（一）予以公开」; a numbered sub-row keeps its group: 「（三）不予公开·1.属于国家秘密」.
    const rowName = row?.group === 't3.results' ? row.label : row?.name;
    if (row) return hit.column >= 0 ? `${name}「${rowName}」·${row.columns[hit.column]?.label ?? ''}` : `${name}「${rowName}」`;
  }
  if (!location) return '';
  if ('table' in location) return `第${location.table}个表格第${location.row}行第${location.column}列`;
  return `第${location.paragraph}段「${snippet(location.text)}」`;
}
