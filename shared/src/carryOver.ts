// Last year's report, for the carry-over check (DESIGN §1.6): this year's 二、上年结转 must equal, column by
// column, the 四、结转下年度继续办理 that the same agency reported the year before.
//
// A report is known by its agency and year (from the model the reader built). The caller (the CLI over the
// files it checks, the server over its workspace) answers `LastYearLookup` with the facts of last year's
// report; the rule only compares. Only what the comparison needs is kept of the other report.

import type { Range, ReportModel } from './model';
import { TABLE3_COLUMNS } from './template';
import { normalizeLabel } from './text';

/** Who wrote a report and for which year. */
export interface ReportIdentity {
  /** The agency name, normalized (no blanks or punctuation), from the title, else from the closing lines. */
  agency: string;
  year: number;
}

/** One cell of 四、结转下年度继续办理 in last year's report. */
export interface CarriedOutCell {
  value: number;
  range: Range;
}

/** What the carry-over check needs of last year's report. */
export interface LastYearReport {
  /** Where it is: a file path (CLI) or a document URI (server); related information points there. */
  uri: string;
  /** How a message names it: the file's name. */
  name: string;
  identity: ReportIdentity;
  /** One entry per table-3 column; undefined where the cell is missing or not a number. */
  carriedOut: (CarriedOutCell | undefined)[];
  /** The 0-based line of the 四、结转下年度继续办理 row. */
  line: number;
}

/** Finds last year's report of an agency (`year` is the year wanted, i.e. this report's year − 1). */
export type LastYearLookup = (agency: string, year: number) => LastYearReport | undefined;

export function normalizeAgency(name: string): string {
  return normalizeLabel(name);
}

export function identityOf(model: ReportModel): ReportIdentity | undefined {
  if (!model.isReport || model.year === undefined) return undefined;
  const agency = model.title?.agency ?? model.closing.agency;
  if (agency === undefined) return undefined;
  const normalized = normalizeAgency(agency);
  return normalized.length > 0 ? { agency: normalized, year: model.year } : undefined;
}

/** The facts of a report that a later year's carry-over check compares with, or undefined when it has no 四 row. */
export function lastYearFacts(model: ReportModel, uri: string, name: string): LastYearReport | undefined {
  const identity = identityOf(model);
  const row = model.tables.table3?.rows.find((r) => r.id === 't3.carriedOut');
  if (!identity || !row) return undefined;
  const carriedOut = TABLE3_COLUMNS.map((_, column): CarriedOutCell | undefined => {
    const cell = row.cells[column];
    if (cell?.kind !== 'number' || cell.value === undefined || cell.delta) return undefined;
    return {
      value: cell.value,
      range: { start: { line: cell.line, character: cell.start }, end: { line: cell.line, character: cell.end } },
    };
  });
  return { uri, name, identity, carriedOut, line: row.anchor.line };
}
