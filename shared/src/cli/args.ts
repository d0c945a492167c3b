// Command-line arguments → what to do. Tokenised by node:util parseArgs (POSIX/GNU conventions: `-f json`,
// `-fjson`, `--format=json`, `--` ends the options, `-` is a path); the checks and their Chinese messages
// are ours. A subcommand is one entry of COMMANDS: its options and how its values become a CliCommand.

import { parseArgs as tokenize, type ParseArgsConfig } from 'node:util';
import { EXTRACT_FORMATS, type ExtractFormat } from './extract';

export type OutputFormat = 'text' | 'json' | 'sarif';

const OUTPUT_FORMATS: readonly [OutputFormat, ...OutputFormat[]] = ['text', 'json', 'sarif'];

/** `--fix` writes the fixed files; `--fix-dry-run` prints what it would change as a unified diff. */
export type FixMode = 'none' | 'write' | 'dry-run';

/** Files larger than this are named and skipped, not read (`--max-size`). */
export const DEFAULT_MAX_SIZE = 10 * 1024 * 1024;

export interface CheckCommand {
  kind: 'check';
  format: OutputFormat;
  /** Files and folders; `-` is standard input. */
  paths: string[];
  fix: FixMode;
  /** In bytes. */
  maxSize: number;
  /** No progress line on stderr. */
  quiet: boolean;
}

/** `nianbao extract`: one row of key numbers per report. */
export interface ExtractCommand {
  kind: 'extract';
  format: ExtractFormat;
  paths: string[];
  maxSize: number;
  quiet: boolean;
}

export type CliCommand = { kind: 'help' } | { kind: 'version' } | CheckCommand | ExtractCommand;

export type ParseResult = { ok: true; command: CliCommand } | { ok: false; message: string };

export const USAGE = `用法 / Usage:
  nianbao check [--format text|json|sarif] [--fix | --fix-dry-run] [--max-size <大小>] [--quiet] <文件或目录…|->
  nianbao extract [--format csv|json] [--max-size <大小>] [--quiet] <文件或目录…>
  nianbao --help | --version

检查政府信息公开工作年度报告：六个部分是否齐全，三张统计表是否平衡。
Checks government information-disclosure annual reports: the six sections and the table arithmetic.
extract 把每份报告的关键数字输出为一行（CSV：UTF-8 带 BOM，中文表头；JSON：另含三张表的每个单元格）。
extract writes one row of key numbers per report (CSV: UTF-8 with a BOM, Chinese headers; JSON: also every table cell).

目录会递归查找其中的 .txt、.md、.docx、.html 和 .htm 文件；Word 文档和网页转换后检查，问题按原文位置
（如 表三「（一）予以公开」·总计）列出，--fix 不改写它们。名为 *.nianbao.md / *.nianbao.txt 的文件总是按年报检查，
其他文件只在看起来像年报时才检查。- 表示从标准输入读取。
文件可以是 UTF-8（可带 BOM）、UTF-16（带 BOM）或 GB18030/GBK 编码；--fix 按原编码写回。
Directories are searched for .txt, .md, .docx, .html and .htm files; Word documents and web pages are
converted, checked, and their findings named by their place in the original (never rewritten by --fix). *.nianbao.md / *.nianbao.txt files are always
checked; other files only when they look like a report. - reads standard input.
Files may be UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK; --fix keeps the encoding.

选项 / Options:
  -f, --format <text|json|sarif>
                            check 的输出格式（默认 text；sarif 为 SARIF 2.1.0）/ check's output format (default: text; sarif: SARIF 2.1.0)
  -f, --format <csv|json>   extract 的输出格式（默认 csv）/ extract's output format (default: csv)
      --fix                 自动修复并写回文件，再报告剩下的问题 / fix the files in place, then report what remains
      --fix-dry-run         只显示修复会做的改动（unified diff），不写文件 / print the fixes as a unified diff, write nothing
      --max-size <大小>     跳过大于此大小的文件（默认 10MB；可写 500KB、2MB 或字节数）
                            / skip files larger than this (default 10MB; e.g. 500KB, 2MB or bytes)
  -q, --quiet               终端上不显示进度行 / no progress line on a terminal
  -h, --help                显示本帮助 / show this help
      --version             显示版本 / show the version

退出码 / Exit codes:
  0  没有错误 / no error-severity finding
  1  发现错误 / at least one error
  2  用法错误，或文件无法读取、无法写回 / bad usage, or a file could not be read or written back
`;

const ok = (command: CliCommand): ParseResult => ({ ok: true, command });
const fail = (message: string): ParseResult => ({ ok: false, message });

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** The options and positionals of one subcommand, or the first problem in Chinese. */
export type OptionsResult = { ok: true; values: Values; positionals: string[] } | { ok: false; message: string };

/**
 * Tokenises `args` against `options` and rejects what the option table does not allow: unknown options,
 * a missing value (`--format` last, or followed by another option), a value given to a flag (`--fix=1`).
 */
function parseOptions(args: readonly string[], options: Options): OptionsResult {
  const { tokens } = tokenize({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });
  const values: Values = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    else if (token.kind === 'option') {
      const spec = options[token.name];
      if (!spec) return { ok: false, message: `未知选项 ${token.rawName}` };
      if (spec.type === 'string') {
        if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-') && token.value !== '-')) {
          return { ok: false, message: `选项 ${token.rawName} 需要一个值` };
        }
        values[token.name] = token.value;
      } else {
        if (token.value !== undefined) return { ok: false, message: `选项 ${token.rawName} 不接受值` };
        values[token.name] = true;
      }
    }
  }
  return { ok: true, values, positionals };
}

/** `--format`'s value among `formats` (the first one when not given), or the problem. */
function formatOption<F extends string>(values: Values, formats: readonly [F, ...F[]]): F | { problem: string } {
  if (typeof values.format !== 'string') return formats[0];
  const known = formats.find((f) => f === values.format);
  return known ?? { problem: `不支持的输出格式「${values.format}」（可用：${formats.join('、')}）` };
}

/** `10MB`, `500KB`, `2m`, `1048576` → bytes (1 KB = 1024 bytes); undefined when not a size. */
export function parseSize(value: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$/i.exec(value);
  if (!match) return undefined;
  const [, amount = '', prefix = ''] = match; // both groups take part in every match
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[prefix.toLowerCase() as '' | 'k' | 'm' | 'g'];
  const bytes = Math.floor(Number(amount) * unit);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

const CHECK_OPTIONS = {
  format: { type: 'string', short: 'f' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'max-size': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} satisfies Options;

function parseCheckArgs(args: readonly string[]): ParseResult {
  const parsed = parseOptions(args, CHECK_OPTIONS);
  if (!parsed.ok) return fail(parsed.message);
  const { values, positionals } = parsed;

  const format = formatOption(values, OUTPUT_FORMATS);
  if (typeof format !== 'string') return fail(format.problem);
  if (values.fix && values['fix-dry-run']) return fail('--fix 与 --fix-dry-run 不能同时使用');
  const fix: FixMode = values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : 'none';
  const common = commonOptions(values, positionals);
  if (typeof common === 'string') return fail(common);
  if (fix === 'write' && common.paths.includes('-'))
    return fail('标准输入（-）无法写回，不能与 --fix 一起使用（可用 --fix-dry-run 查看改动）');
  return ok({ kind: 'check', format, fix, ...common });
}

/** --max-size, --quiet and the paths, which every subcommand reading reports takes; or the problem. */
function commonOptions(values: Values, positionals: string[]): Pick<CheckCommand, 'paths' | 'maxSize' | 'quiet'> | string {
  let maxSize = DEFAULT_MAX_SIZE;
  if (typeof values['max-size'] === 'string') {
    const size = parseSize(values['max-size']);
    if (size === undefined) return `--max-size 的值「${values['max-size']}」不是大小（例如 10MB、500KB 或字节数）`;
    maxSize = size;
  }
  if (positionals.length === 0) return '没有指定要检查的文件';
  if (positionals.filter((p) => p === '-').length > 1) return '标准输入（-）只能读取一次';
  return { paths: positionals, maxSize, quiet: values.quiet === true };
}

const EXTRACT_OPTIONS = {
  format: { type: 'string', short: 'f' },
  'max-size': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} satisfies Options;

function parseExtractArgs(args: readonly string[]): ParseResult {
  const parsed = parseOptions(args, EXTRACT_OPTIONS);
  if (!parsed.ok) return fail(parsed.message);
  const { values, positionals } = parsed;
  const format = formatOption(values, EXTRACT_FORMATS);
  if (typeof format !== 'string') return fail(format.problem);
  const common = commonOptions(values, positionals);
  if (typeof common === 'string') return fail(common);
  return ok({ kind: 'extract', format, ...common });
}

/** The subcommands: each parses the arguments after its name. */
const COMMANDS: Record<string, (args: readonly string[]) => ParseResult> = {
  check: parseCheckArgs,
  extract: parseExtractArgs,
};

/** Parses `argv` without the node executable and script path, e.g. `['check', '--format', 'json', 'a.txt']`. */
export function parseArgs(argv: readonly string[]): ParseResult {
  const optionArgs = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  if (optionArgs.includes('--help') || optionArgs.includes('-h')) return ok({ kind: 'help' });
  if (argv.length === 1 && argv[0] === '--version') return ok({ kind: 'version' });

  const [command, ...rest] = argv;
  if (command === undefined) return fail('缺少命令（例如 nianbao check 报告.txt）');
  if (command === '--version') return fail('--version 不能与其他参数一起使用');
  if (command.startsWith('-')) return fail(`未知选项 ${command}`);
  const parse = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!parse) return fail(`未知命令「${command}」（可用：${Object.keys(COMMANDS).join('、')}）`);
  return parse(rest);
}
