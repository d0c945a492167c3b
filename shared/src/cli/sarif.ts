// `nianbao check --format sarif`: the findings as SARIF 2.1.0 (OASIS Static Analysis Results Interchange
// Format), the format code-scanning tools and SARIF viewers read. One run: the tool with every finding
// code as a rule, one result per finding, the cells a total sums as related locations, and the files
// that could not be read as tool notifications. Written file by file (see jsonStream.ts).
//
// Positions: the model's ranges are 0-based lines and UTF-16 columns (LSP); SARIF regions are 1-based and
// the run says its columns count UTF-16 code units (`columnKind`), so a column is the range's + 1.

import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Range, Severity } from '../model';
import { RULES } from '../rules';
import type { FileProblem } from './files';
import type { FileReport } from './format';
import { JsonStream, LATE_VALUE, STREAMED_ARRAY } from './jsonStream';

const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SARIF_VERSION = '2.1.0';

/** Relative file URIs are resolved against this base, which the run maps to the current directory. */
const SOURCE_ROOT = '%SRCROOT%';

export type SarifLevel = 'error' | 'warning' | 'note';

/** SARIF has three levels: info and hint are both `note` (the severity itself is kept in `properties`). */
const SARIF_LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A 0-based LSP range → a 1-based SARIF region (columns in UTF-16 code units, end column exclusive). */
export function sarifRegion(range: Range): SarifRegion {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

export interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/**
 * Where a checked file is: a path inside the current directory as a relative URI against SOURCE_ROOT
 * (each segment percent-encoded, so Chinese names are valid URIs), anything else as an absolute file URI.
 */
export function artifactLocation(file: string, cwd: string): ArtifactLocation {
  const absolute = resolve(cwd, file);
  const rel = relative(cwd, absolute);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(absolute).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function pascalCase(code: string): string {
  return code.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase());
}

/** Every finding code as a SARIF reportingDescriptor: Chinese short description, English full description. */
function sarifRules(): object[] {
  return RULES.map((rule) => ({
    id: rule.code,
    name: pascalCase(rule.code),
    shortDescription: { text: rule.description.zh },
    fullDescription: { text: rule.description.en },
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: { defaultSeverity: rule.severity },
  }));
}

const RULE_INDEX = new Map<string, number>(RULES.map((rule, index) => [rule.code, index]));

/** One finding of one file as a SARIF result. */
/** `cwd` places related locations in another file (carry-over: last year's report). */
function sarifResult(finding: Finding, location: ArtifactLocation, cwd = '.'): object {
  const index = RULE_INDEX.get(finding.code);
  const result: Record<string, unknown> = {
    ruleId: finding.code,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: SARIF_LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: sarifRegion(finding.range) } }],
  };
  if (finding.related && finding.related.length > 0) {
    result.relatedLocations = finding.related.map((related, id) => ({
      id,
      physicalLocation: {
        artifactLocation: related.uri === undefined ? location : artifactLocation(related.uri, cwd),
        region: sarifRegion(related.range),
      },
      message: { text: related.message },
    }));
  }
  result.properties = { severity: finding.severity };
  return result;
}

export interface SarifOptions {
  /** The directory relative paths are resolved against (the CLI's current directory). */
  cwd: string;
  /** The tool's version (package.json). */
  version: string;
}

/** The SARIF log of one `check` run, written file by file: begin(), file() per checked file, end(). */
export class SarifWriter {
  private readonly stream: JsonStream;

  constructor(private readonly options: SarifOptions) {
    this.stream = new JsonStream({
      $schema: SARIF_SCHEMA_URI,
      version: SARIF_VERSION,
      runs: [
        {
          tool: {
            driver: {
              name: 'nianbao',
              fullName: 'nianbao 政府信息公开工作年度报告检查',
              version: options.version,
              semanticVersion: options.version,
              rules: sarifRules(),
            },
          },
          originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(options.cwd) } },
          columnKind: 'utf16CodeUnits',
          results: STREAMED_ARRAY,
          invocations: LATE_VALUE,
        },
      ],
    });
  }

  begin(): string {
    return this.stream.begin();
  }

  /** The results of one checked file (nothing when it has no findings). */
  file(report: FileReport): string {
    const location = artifactLocation(report.file, this.options.cwd);
    let out = '';
    for (const finding of report.findings) out += this.stream.item(sarifResult(finding, location, this.options.cwd));
    return out;
  }

  /** Closes the log; the paths that could not be checked become error notifications of the invocation. */
  end(problems: readonly FileProblem[]): string {
    const notifications = problems.map((problem) => ({
      level: 'error',
      message: { text: problem.message },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(problem.path, this.options.cwd) } }],
    }));
    return this.stream.end([
      { executionSuccessful: problems.length === 0, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) },
    ]);
  }
}

/** A directory as a file URI ending in `/` (SARIF requires it of a base URI). */
function directoryUri(dir: string): string {
  const href = pathToFileURL(resolve(dir)).href;
  return href.endsWith('/') ? href : href + '/';
}
