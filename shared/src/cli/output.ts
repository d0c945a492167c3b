// The output of `nianbao check`, written file by file as the files are checked: nothing but the
// running counts is kept, so a folder of thousands of reports takes no more memory than one.

import type { OutputFormat } from './args';
import type { FileProblem } from './files';
import { formatFindingLine, formatSummary, toJsonReports, type FileReport, type SeverityCounts } from './format';
import { JsonStream, STREAMED_ARRAY } from './jsonStream';
import { SarifWriter } from './sarif';

/** What is known when every file has been checked. */
export interface RunSummary {
  files: number;
  counts: SeverityCounts;
  /** Paths (and configuration files) that could not be read or checked; each was named on stderr. */
  failedPaths: number;
  /** Files `--fix` could not write back; each was named on stderr. */
  unwrittenFiles: number;
  /** The paths among them that could not be read or checked. */
  problems: readonly FileProblem[];
}

/** begin() once, file() for each checked file in order, end() once: the concatenation is the output. */
export interface ReportWriter {
  begin(): string;
  file(report: FileReport): string;
  end(summary: RunSummary): string;
}

export interface WriterOptions {
  color: boolean;
  cwd: string;
  version: string;
}

/** The text listing: each file's findings as soon as it is checked (a blank line after each), then the summary. */
class TextWriter implements ReportWriter {
  constructor(private readonly color: boolean) {}
  begin(): string {
    return '';
  }
  file(report: FileReport): string {
    if (report.findings.length === 0) return '';
    return report.findings.map((f, i) => formatFindingLine(report.file, f, { color: this.color }, report.sources?.[i])).join('\n') + '\n\n';
  }
  end(summary: RunSummary): string {
    const { failedPaths, unwrittenFiles } = summary;
    return formatSummary(summary.files, summary.counts, { color: this.color, failedPaths, unwrittenFiles }) + '\n';
  }
}

/** DESIGN §5's JSON array, one element per file, written as each file is checked. */
class JsonWriter implements ReportWriter {
  private readonly stream = new JsonStream(STREAMED_ARRAY);
  begin(): string {
    return this.stream.begin();
  }
  file(report: FileReport): string {
    return this.stream.item(toJsonReports([report])[0]);
  }
  end(): string {
    return this.stream.end();
  }
}

class SarifReportWriter implements ReportWriter {
  private readonly sarif: SarifWriter;
  constructor(options: WriterOptions) {
    this.sarif = new SarifWriter({ cwd: options.cwd, version: options.version });
  }
  begin(): string {
    return this.sarif.begin();
  }
  file(report: FileReport): string {
    return this.sarif.file(report);
  }
  end(summary: RunSummary): string {
    return this.sarif.end(summary.problems);
  }
}

export function reportWriter(format: OutputFormat, options: WriterOptions): ReportWriter {
  switch (format) {
    case 'text':
      return new TextWriter(options.color);
    case 'json':
      return new JsonWriter();
    case 'sarif':
      return new SarifReportWriter(options);
  }
}
