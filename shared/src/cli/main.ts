// `nianbao check`: arguments → files → core engine → text or JSON. No process globals here, so it is testable.

import { version } from '../../../package.json';
import { checkText, type CheckOptions, type CheckResult } from '../engine';
import type { Finding } from '../model';
import { fixAll, type FixAllResult } from '../fixes/index';
import { parseArgs, USAGE, type CheckCommand, type ExtractCommand } from './args';
import { CliConfigs } from './config';
import { documentKindOf, fixRefused, readDocumentFile, sourcesOf, type DocumentRead } from './documents';
import { encodeText } from '../inputs/encoding';
import { isReportByName } from '../reportFiles';
import { readReportFile, walkFiles, STDIN_NAME, STDIN_PATH, unreadableFile, type FileProblem, type ReadResult } from './files';
import type { SeverityCounts } from './format';
import { extractWriter, type ExtractInput } from './extract';
import { reportWriter } from './output';
import { filePatch } from './patch';
import { LastYearIndex } from './lastYear';
import { Progress } from './progress';
import { writeFileSafely, type WriteFs } from './write';

const EXIT_OK = 0;
const EXIT_ERRORS_FOUND = 1;
const EXIT_USAGE_OR_INPUT = 2;

const VERSION: string = version;

/** The outside world the CLI talks to. */
export interface CliIo {
  stdout(text: string): void;
  /** Bytes as they are (a patch of a GB18030 file); without it they are written as UTF-8 text. */
  stdoutBytes?(bytes: Uint8Array): void;
  stderr(text: string): void;
  /** Colours only on a terminal. */
  stdoutIsTTY: boolean;
  /** A progress line only on a terminal. */
  stderrIsTTY?: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Where `.nianbaorc.json` is looked for when none is found beside a checked file (default: process.cwd()). */
  cwd?: string;
  /** The file-system calls of `--fix`'s writes (default node:fs); tests pass one that fails. */
  writeFs?: WriteFs;
  /** Called once before the first of several files is read (the entry point sets its compiler flags there). */
  beforeManyFiles?(): void;
}

/** One line on stderr, prefixed with the program name. */
function complain(io: CliIo, message: string): void {
  io.stderr(`nianbao: ${message}\n`);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function useColor(io: CliIo): boolean {
  return io.stdoutIsTTY && !io.env.NO_COLOR;
}

/** Checks one readable text; a rule that throws is mentioned on stderr and the other rules still count. */
function checkFile(file: string, text: string, io: CliIo, options: CheckOptions = {}): CheckResult {
  return checkText(text, {
    ...options,
    // The CLI prints code, severity, message and range: no fix is built (--fix uses fixAll).
    fixes: false,
    force: isReportByName(file),
    onRuleError: (code, error) => complain(io, `规则 ${code} 检查 ${file} 时出错：${errorMessage(error)}`),
  });
}

/** Fixes one readable text: every safe fix, re-checked until nothing fixable is left. */
function fixFileText(file: string, text: string, io: CliIo, options: CheckOptions = {}): FixAllResult {
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
}

function describeChange(change: FileChange): string {
  const codes = new Map<string, number>();
  for (const f of change.fixed) codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
  const list = [...codes].map(([code, n]) => (n > 1 ? `${code} ×${n}` : code)).join('、');
  return `${change.file}：修复 ${change.fixed.length} 处（${list}）\n`;
}

/**
 * Walks the files of `paths` and hands each one, read, to `visit`, one after the other (nothing of a file
 * is kept after its visit, and the list of files is never held: see walkFiles). A .docx/.html file comes
 * converted (`read.document`); one found in a folder that holds no report is passed over. A first walk
 * without reading counts the files (for the progress line and `onFiles`) and reports on stderr, before any
 * file is read, the paths that name nothing; those are returned.
 */
function forEachFile(
  paths: readonly string[],
  io: CliIo,
  options: { quiet: boolean; verb: string; maxSize: number; onFiles?: (count: number, walk: () => Iterable<string>) => void },
  visit: (file: string, read: ReadResult | DocumentRead, progress: Progress) => void,
): FileProblem[] {
  const collect = { maxSize: options.maxSize };
  const problems: FileProblem[] = [];
  let count = 0;
  for (const _path of walkFiles(paths, collect, (problem) => problems.push(problem))) count++;
  // The same files again, in the same order; their problems were reported by the first walk.
  const walk = (): Iterable<string> => walkFiles(paths, collect, () => undefined);
  if (count > 1) io.beforeManyFiles?.();
  options.onFiles?.(count, walk);
  for (const problem of problems) complain(io, problem.message);
  const progress = new Progress(io, count, options);
  const named = new Set(paths);
  let index = 0;
  for (const path of walk()) {
    const file = path === STDIN_PATH ? STDIN_NAME : path;
    progress.update(index++, file);
    const read = documentKindOf(path) ? readDocumentFile(path, options.maxSize) : readReportFile(path, options.maxSize);
    if (!read.ok && 'notReport' in read && read.notReport && !named.has(path)) continue;
    visit(file, read, progress);
  }
  progress.clear();
  return problems;
}

function runCheck(command: CheckCommand, io: CliIo): number {
  const cwd = io.cwd ?? process.cwd();
  const configs = new CliConfigs(cwd, (message) => complain(io, message));
  const writer = reportWriter(command.format, { color: useColor(io), cwd, version: VERSION });
  const listing = command.fix !== 'dry-run'; // --fix-dry-run prints the diffs only
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  const failed: FileProblem[] = [];
  let checked = 0;
  let unwrittenFiles = 0;
  // Several files: last year's report of an agency may be among them (carry-over).
  let lastYear: LastYearIndex | undefined;
  const optionsFor = (file: string): CheckOptions => ({ ...configs.optionsFor(file), lastYear: lastYear?.lookup });

  if (listing) io.stdout(writer.begin());
  const problems = forEachFile(
    command.paths,
    io,
    {
      quiet: command.quiet,
      verb: '检查',
      maxSize: command.maxSize,
      onFiles: (count, walk) => {
        if (count > 1) lastYear = new LastYearIndex(walk, command.maxSize);
      },
    },
    (file, read, progress) => {
      const fail = (problem: FileProblem): void => {
        progress.clear();
        complain(io, problem.message);
        failed.push(problem);
      };
      if (read.ok && 'document' in read) {
        // A Word document or web page: checked as converted, never rewritten.
        if (command.fix !== 'none') {
          progress.clear();
          complain(io, fixRefused(file));
        }
        let findings: Finding[];
        try {
          findings = checkFile(file, read.text, io, optionsFor(file)).findings;
        } catch (error) {
          return fail({ path: file, message: `检查文件 ${file} 时发生内部错误：${errorMessage(error)}` });
        }
        checked++;
        for (const finding of findings) counts[finding.severity]++;
        if (listing) io.stdout(writer.file({ file, findings, sources: sourcesOf(read.document, findings) }));
        return;
      }
      if (!read.ok) return fail(unreadableFile(file, read.reason));
      let findings: Finding[];
      try {
        const options = optionsFor(file);
        if (command.fix === 'none') findings = checkFile(file, read.text, io, options).findings;
        else {
          const fixed = fixFileText(file, read.text, io, options);
          findings = fixed.remaining;
          if (fixed.text !== read.text) {
            if (command.fix === 'dry-run') {
              const patch = filePatch(file, read, fixed.text);
              if (patch.note) {
                progress.clear();
                complain(io, patch.note);
              }
              if (io.stdoutBytes) io.stdoutBytes(patch.bytes);
              else io.stdout(Buffer.from(patch.bytes).toString('utf8'));
            } else {
              // Written only if nothing can be lost (see writeFileSafely); else named, and checked as it is on disk.
              const written = writeFileSafely(file, read.bytes, encodeText(fixed.text, read.encoding, read.bom), io.writeFs);
              if (!written.ok) {
                progress.clear();
                complain(io, `未写入 ${file}：${written.reason}；原文件没有改动`);
                unwrittenFiles++;
                findings = checkFile(file, read.text, io, options).findings;
              } else {
                // With JSON or SARIF on stdout, what --fix changed goes to stderr so that stdout stays the contract.
                const note = describeChange({ file, fixed: fixed.fixed });
                if (command.format === 'text') io.stdout(note);
                else {
                  progress.clear();
                  io.stderr(note);
                }
              }
            }
          }
        }
      } catch (error) {
        return fail({ path: file, message: `检查文件 ${file} 时发生内部错误：${errorMessage(error)}` });
      }
      checked++;
      for (const finding of findings) counts[finding.severity]++;
      if (listing) io.stdout(writer.file({ file, findings }));
    },
  );

  const allProblems = [...problems, ...failed];
  const failedPaths = allProblems.length + configs.failed;
  if (listing) io.stdout(writer.end({ files: checked, counts, failedPaths, unwrittenFiles, problems: allProblems }));
  if (failedPaths > 0 || unwrittenFiles > 0) return EXIT_USAGE_OR_INPUT;
  return counts.error > 0 ? EXIT_ERRORS_FOUND : EXIT_OK;
}

/**
 * `nianbao extract`: a row per file, written as soon as the file is read; a file that cannot be read gets
 * its row too (empty numbers and the reason) and is named on stderr. Exit 2 when a path could not be read.
 */
function runExtract(command: ExtractCommand, io: CliIo): number {
  const cwd = io.cwd ?? process.cwd();
  const configs = new CliConfigs(cwd, (message) => complain(io, message));
  const writer = extractWriter(command.format);
  let failed = 0;
  io.stdout(writer.begin());
  const problems = forEachFile(
    command.paths,
    io,
    { quiet: command.quiet, verb: '提取', maxSize: command.maxSize },
    (file, read, progress) => {
      let row: ExtractInput;
      if (!read.ok) row = { file, reason: read.reason };
      else {
        try {
          row = { file, result: checkFile(file, read.text, io, configs.optionsFor(file)) };
        } catch (error) {
          row = { file, reason: `内部错误：${errorMessage(error)}` };
        }
      }
      if ('reason' in row) {
        progress.clear();
        complain(io, unreadableFile(file, row.reason).message);
        failed++;
      }
      io.stdout(writer.row(row));
    },
  );
  io.stdout(writer.end());
  return problems.length + failed + configs.failed > 0 ? EXIT_USAGE_OR_INPUT : EXIT_OK;
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
    case 'check':
      return runCheck(command, io);
    case 'extract':
      return runExtract(command, io);
  }
}
