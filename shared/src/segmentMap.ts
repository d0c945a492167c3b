// Maps a model read from the segments of collapsed lines (see segments.ts) back onto the real lines:
// a segment's line k, character c is the real line segments[k].line, character segments[k].start + c.

import type { Cell, Position, Range, ReportModel, TableModel } from './model';
import type { Segment } from './segments';

export function mapSegments(model: ReportModel, lines: string[], segments: Segment[]): ReportModel {
  const lineOf = (k: number): number => segments[Math.max(0, Math.min(k, segments.length - 1))]?.line ?? 0;
  const pos = (p: Position): Position => {
    const s = segments[p.line];
    return s ? { line: s.line, character: s.start + p.character } : p;
  };
  const range = (r: Range): Range => ({ start: pos(r.start), end: pos(r.end) });
  const mapped = new Set<Cell>();
  const cell = (c: Cell): void => {
    if (mapped.has(c)) return;
    mapped.add(c);
    const s = segments[c.line];
    if (!s) return;
    c.line = s.line;
    c.start += s.start;
    c.end += s.start;
  };
  const table = (t: TableModel): void => {
    t.startLine = lineOf(t.startLine);
    t.endLine = lineOf(t.endLine);
    for (const r of t.rows) {
      r.labels.forEach(cell);
      r.rawCells.forEach(cell);
      for (const c of r.cells) if (c) cell(c);
      cell(r.anchor);
    }
    t.legacyMarkers.forEach(cell);
    t.strayNumbers.forEach(cell);
    t.gluedCells.forEach(cell);
  };
  for (const s of model.sections) {
    const h = s.heading;
    h.line = lineOf(h.line);
    h.range = range(h.range);
    h.numeralRange = range(h.numeralRange);
    h.prefixRange = range(h.prefixRange);
    h.textRange = range(h.textRange);
    s.startLine = lineOf(s.startLine);
    s.endLine = lineOf(s.endLine);
  }
  for (const t of Object.values(model.tables)) if (t) table(t);
  if (model.title) {
    model.title.range = range(model.title.range);
    model.title.lines = [...new Set(model.title.lines.map(lineOf))];
  }
  const c = model.closing;
  if (c.agencyRange) c.agencyRange = range(c.agencyRange);
  if (c.dateRange) c.dateRange = range(c.dateRange);
  for (const a of model.artifacts) {
    const s = segments[a.range.start.line];
    // A leftover in a part of a line is removed as a span, never with the whole line.
    if (a.wholeLine && s && (s.start > 0 || s.end < (lines[s.line]?.length ?? 0))) a.wholeLine = false;
    a.range = range(a.range);
  }
  for (const l of model.lostHeadings ?? []) {
    l.range = range(l.range);
    l.line = l.range.start.line;
  }
  if (model.unreadable) model.unreadable.range = range(model.unreadable.range);
  model.lines = lines;
  return model;
}
