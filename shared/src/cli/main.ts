// `nianbao check`: arguments → files → core engine → text or JSON. No process globals here, so it is testable.

import { version } from '../../../package.json';
import { checkText } from '../engine';
import type { Finding } from '../model';
import { writeFileSync } from 'node:fs';
import { fixAll, type FixAllResult } from '../fixes/index';
import { parseArgs, USAGE, type CheckCommand, type OutputFormat } from './args';
import { CliConfigs, type ConfigOptions } from './config';
import { unifiedDiff } from './diff';
import { collectFiles, isReportByName, readReportFile, unreadableFile } from './files';
import { countSeverities, formatJson, formatText, type FileReport } from './format';

export const EXIT_OK = 0;
export const EXIT_ERRORS_FOUND = 1;
export const EXIT_USAGE_OR_INPUT = 2;

export const VERSION: string = version;

/** The outside world the CLI talks to. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Colours only on a terminal. */
  stdoutIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Where `.nianbaorc.json` is looked for when none is found beside a checked file (default: process.cwd()). */
  cwd?: string;
}

/** One line on stderr, prefixed with the program name. */
function complain(io: CliIo, message: string): void {
  io.stderr(`nianbao: ${message}\n`);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useColor(io: CliIo): boolean {
  return io.stdoutIsTTY && !io.env.NO_COLOR;
}

/** Checks one readable text; a rule that throws is mentioned on stderr and the other rules still count. */
export function checkFileText(file: string, text: string, io: CliIo, options: ConfigOptions = {}): Finding[] {
  const { findings } = checkText(text, {
    ...options,
    // The report prints code, severity, message and range: no fix is built (--fix uses fixAll).
    fixes: false,
    force: isReportByName(file),
    onRuleError: (code, error) => complain(io, `规则 ${code} 检查 ${file} 时出错：${errorMessage(error)}`),
  });
  return findings;
}

interface CheckOutcome {
  reports: FileReport[];
  /** How many paths could not be read or checked (each already reported on stderr). */
  failedPaths: number;
}

/** Fixes one readable text: every safe fix, re-checked until nothing fixable is left. */
export function fixFileText(file: string, text: string, io: CliIo, options: ConfigOptions = {}): FixAllResult {
  return fixAll(text, {
    ...options,
    force: isReportByName(file),
    onRuleError: (code, error) => complain(io, `规则 ${code} 检查 ${file} 时出错：${errorMessage(error)}`),
  });
}

/** What --fix changed in one file. */
interface FileChange {
  file: string;
  fixed: Finding[];
  diff: string;
}

function describeChange(change: FileChange): string {
  const codes = new Map<string, number>();
  for (const f of change.fixed) codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
  const list = [...codes].map(([code, n]) => (n > 1 ? `${code} ×${n}` : code)).join('、');
  return `${change.file}：修复 ${change.fixed.length} 处（${list}）\n`;
}

function checkPaths(command: CheckCommand, io: CliIo, changes: FileChange[]): CheckOutcome {
  const { fix } = command;
  const { files, problems } = collectFiles(command.paths, { maxSize: command.maxSize });
  for (const problem of problems) complain(io, problem.message);
  let failedPaths = problems.length;
  const configs = new CliConfigs(io.cwd ?? process.cwd(), (message) => complain(io, message));

  const reports: FileReport[] = [];
  for (const file of files) {
    const read = readReportFile(file);
    if (!read.ok) {
      complain(io, unreadableFile(file, read.reason).message);
      failedPaths++;
      continue;
    }
    try {
      const options = configs.optionsFor(file);
      if (fix === 'none') reports.push({ file, findings: checkFileText(file, read.text, io, options) });
      else {
        const fixed = fixFileText(file, read.text, io, options);
        reports.push({ file, findings: fixed.remaining });
        if (fixed.text !== read.text) {
          changes.push({ file, fixed: fixed.fixed, diff: fix === 'dry-run' ? unifiedDiff(file, read.text, fixed.text) : '' });
          if (fix === 'write') writeFileSync(file, (read.bom ? '\ufeff' : '') + fixed.text);
        }
      }
    } catch (error) {
      complain(io, `检查文件 ${file} 时发生内部错误：${errorMessage(error)}`);
      failedPaths++;
    }
  }
  return { reports, failedPaths: failedPaths + configs.failed };
}

function render(outcome: CheckOutcome, format: OutputFormat, io: CliIo): string {
  if (format === 'json') return formatJson(outcome.reports);
  return formatText(outcome.reports, { color: useColor(io), failedPaths: outcome.failedPaths });
}

/** Runs the command line (argv without `node` and the script) and returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    complain(io, `${parsed.message}；运行 nianbao --help 查看用法`);
    return EXIT_USAGE_OR_INPUT;
  }
  const { command } = parsed;
  switch (command.kind) {
    case 'help':
      io.stdout(USAGE);
      return EXIT_OK;
    case 'version':
      io.stdout(`${VERSION}\n`);
      return EXIT_OK;
    case 'check': {
      const changes: FileChange[] = [];
      const outcome = checkPaths(command, io, changes);
      if (command.fix === 'dry-run') {
        io.stdout(changes.map((c) => c.diff).join(''));
      } else {
        // With JSON on stdout, what --fix changed goes to stderr so that stdout stays the JSON contract.
        const notes = changes.map(describeChange).join('');
        if (command.format === 'json') io.stderr(notes);
        else io.stdout(notes + (notes ? '\n' : ''));
        io.stdout(render(outcome, command.format, io));
      }
      if (outcome.failedPaths > 0) return EXIT_USAGE_OR_INPUT;
      return countSeverities(outcome.reports).error > 0 ? EXIT_ERRORS_FOUND : EXIT_OK;
    }
  }
}
