// Output of `nianbao check`: a person-readable text listing and the JSON of DESIGN §5.

import type { Finding, Range, Severity } from '../model';

/** The findings for one checked file; `file` is the path as given on the command line. */
export interface FileReport {
  file: string;
  findings: Finding[];
  /** For a .docx or .html file, per finding, its place in the original (the range is in the converted text). */
  sources?: FindingSource[];
}

/** A finding's place in a Word document or web page: a statistics-table cell, a table cell or a paragraph (1-based). */
export interface FindingSource {
  /** For people: 表三「（一）予以公开」·总计, 第2个表格第5行第3列, 第12段「二、主动公开…」. */
  place: string;
  table?: number;
  row?: number;
  column?: number;
  paragraph?: number;
}

// ---------------------------------------------------------------------------
// JSON

export interface JsonDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Only for .docx/.html files, whose `range` is in the converted Markdown text. */
  source?: FindingSource;
}

export interface JsonFileReport {
  file: string;
  diagnostics: JsonDiagnostic[];
}

/** Only the documented keys, so internal fields (fix, data, related) never leak into the contract. */
function toJsonDiagnostic(finding: Finding, source: FindingSource | undefined): JsonDiagnostic {
  const { start, end } = finding.range;
  const diagnostic: JsonDiagnostic = {
    code: finding.code,
    severity: finding.severity,
    message: finding.message,
    range: {
      start: { line: start.line, character: start.character },
      end: { line: end.line, character: end.character },
    },
  };
  if (source) diagnostic.source = source;
  return diagnostic;
}

export function toJsonReports(reports: readonly FileReport[]): JsonFileReport[] {
  return reports.map((r) => ({ file: r.file, diagnostics: r.findings.map((f, i) => toJsonDiagnostic(f, r.sources?.[i])) }));
}

export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(toJsonReports(reports), null, 2) + '\n';
}

// ---------------------------------------------------------------------------
// Text

export interface TextOptions {
  color: boolean;
  /** Paths that could not be read (named on stderr); mentioned in the summary. */
  failedPaths?: number;
  /** Files `--fix` could not write back (named on stderr); mentioned in the summary. */
  unwrittenFiles?: number;
}

export type SeverityCounts = Record<Severity, number>;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
const SEVERITY_WIDTH = Math.max(...SEVERITIES.map((s) => s.length));

const ANSI = {
  reset: '\x1b[0m',
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  red: '\x1b[31m',
  yellow: '\x1b[33m',
  cyan: '\x1b[36m',
  green: '\x1b[32m',
} as const;

const SEVERITY_COLORS: Record<Severity, string> = {
  error: ANSI.red,
  warning: ANSI.yellow,
  info: ANSI.cyan,
  hint: ANSI.dim,
};

function paint(text: string, style: string, options: TextOptions): string {
  return options.color ? `${style}${text}${ANSI.reset}` : text;
}

/** Messages are one line in the listing, whatever the rule wrote. */
function singleLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/**
 * `path:line:col  severity  code  message`, with 1-based line and column like ESLint and markdownlint;
 * for a .docx/.html file `path:place` (表三「（一）予以公开」·总计) instead of the line and column.
 */
export function formatFindingLine(file: string, finding: Finding, options: TextOptions, source?: FindingSource): string {
  const { line, character } = finding.range.start;
  const location = source ? `${file}:${source.place}` : `${file}:${line + 1}:${character + 1}`;
  const severity = paint(finding.severity.padEnd(SEVERITY_WIDTH), SEVERITY_COLORS[finding.severity], options);
  const code = paint(finding.code, ANSI.dim, options);
  return `${location}  ${severity}  ${code}  ${singleLine(finding.message)}`;
}

function countSeverities(reports: readonly FileReport[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const report of reports) {
    for (const finding of report.findings) counts[finding.severity]++;
  }
  return counts;
}

/**
 * e.g. 「3 个文件，2 个错误，5 个警告，1 条信息，0 条提示」, 「2 个文件，未发现问题」,
 * with 「；1 个路径无法读取」 appended when some input could not be read; 「没有检查任何文件；…」 when none could.
 */
export function formatSummary(fileCount: number, counts: SeverityCounts, options: TextOptions): string {
  const files = `${fileCount} 个文件`;
  const total = SEVERITIES.reduce((sum, s) => sum + counts[s], 0);
  const failed =
    (options.failedPaths ? `；${options.failedPaths} 个路径无法读取` : '') +
    (options.unwrittenFiles ? `；${options.unwrittenFiles} 个文件未能写回` : '');
  if (fileCount === 0 && failed) return paint(`没有检查任何文件${failed}`, ANSI.bold + ANSI.red, options);
  if (total === 0) {
    const summary = `${files}，未发现问题${failed}`;
    return paint(summary, failed ? ANSI.bold + ANSI.red : ANSI.green, options);
  }
  const parts = [`${counts.error} 个错误`, `${counts.warning} 个警告`, `${counts.info} 条信息`, `${counts.hint} 条提示`];
  const summary = [files, ...parts].join('，') + failed;
  return counts.error > 0 || failed ? paint(summary, ANSI.bold + ANSI.red, options) : paint(summary, ANSI.bold, options);
}

/** Findings grouped per file (a blank line between files), then the summary line. */
export function formatText(reports: readonly FileReport[], options: TextOptions): string {
  const groups = reports
    .filter((r) => r.findings.length > 0)
    .map((r) => r.findings.map((f, i) => formatFindingLine(r.file, f, options, r.sources?.[i])).join('\n'));
  const summary = formatSummary(reports.length, countSeverities(reports), options);
  return [...groups, summary].join('\n\n') + '\n';
}
