// Command-line arguments → what to do. Hand-written on purpose: the grammar is tiny.

export type OutputFormat = 'text' | 'json';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json'];

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'check'; format: OutputFormat; paths: string[]; fix: FixMode };

/** `--fix` writes the fixed files; `--fix-dry-run` prints what it would change as a unified diff. */
export type FixMode = 'none' | 'write' | 'dry-run';

export type ParseResult = { ok: true; command: CliCommand } | { ok: false; message: string };

export const USAGE = `用法 / Usage:
  nianbao check [--format text|json] [--fix | --fix-dry-run] <文件或目录…>
  nianbao --help | --version

检查政府信息公开工作年度报告：六个部分是否齐全，三张统计表是否平衡。
Checks government information-disclosure annual reports: the six sections and the table arithmetic.

目录会递归查找其中的 .txt 和 .md 文件。名为 *.nianbao.md / *.nianbao.txt 的文件总是按年报检查，
其他文件只在看起来像年报时才检查。
Directories are searched for .txt and .md files. *.nianbao.md / *.nianbao.txt files are always
checked; other files only when they look like a report.

选项 / Options:
  -f, --format <text|json>  输出格式（默认 text）/ output format (default: text)
      --fix                 自动修复并写回文件，再报告剩下的问题 / fix the files in place, then report what remains
      --fix-dry-run         只显示修复会做的改动（unified diff），不写文件 / print the fixes as a unified diff, write nothing
  -h, --help                显示本帮助 / show this help
      --version             显示版本 / show the version

退出码 / Exit codes:
  0  没有错误 / no error-severity finding
  1  发现错误 / at least one error
  2  用法错误或文件无法读取 / bad usage, or a file could not be read
`;

const ok = (command: CliCommand): ParseResult => ({ ok: true, command });
const fail = (message: string): ParseResult => ({ ok: false, message });

function parseFormat(value: string | undefined): OutputFormat | undefined {
  return OUTPUT_FORMATS.find((f) => f === value);
}

function unknownFormatMessage(value: string): string {
  return `不支持的输出格式「${value}」（可用：${OUTPUT_FORMATS.join('、')}）`;
}

/** Parses `argv` without the node executable and script path, e.g. `['check', '--format', 'json', 'a.txt']`. */
export function parseArgs(argv: readonly string[]): ParseResult {
  const optionArgs = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  if (optionArgs.includes('--help') || optionArgs.includes('-h')) return ok({ kind: 'help' });
  if (argv.length === 1 && argv[0] === '--version') return ok({ kind: 'version' });

  const [command, ...rest] = argv;
  if (command === undefined) return fail('缺少命令（例如 nianbao check 报告.txt）');
  if (command === '--version') return fail('--version 不能与其他参数一起使用');
  if (command.startsWith('-')) return fail(`未知选项 ${command}`);
  if (command !== 'check') return fail(`未知命令「${command}」（可用：check）`);
  return parseCheckArgs(rest);
}

function parseCheckArgs(args: readonly string[]): ParseResult {
  let format: OutputFormat = 'text';
  let fix: FixMode = 'none';
  const paths: string[] = [];
  let optionsEnded = false;

  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      paths.push(arg);
    } else if (arg === '--') {
      optionsEnded = true;
    } else if (arg === '--fix' || arg === '--fix-dry-run') {
      const mode: FixMode = arg === '--fix' ? 'write' : 'dry-run';
      if (fix !== 'none' && fix !== mode) return fail('--fix 与 --fix-dry-run 不能同时使用');
      fix = mode;
    } else if (arg === '--format' || arg === '-f') {
      const value = args[i + 1];
      if (value === undefined) return fail(`选项 ${arg} 需要一个值（${OUTPUT_FORMATS.join('、')}）`);
      const parsed = parseFormat(value);
      if (!parsed) return fail(unknownFormatMessage(value));
      format = parsed;
      i++;
    } else if (arg.startsWith('--format=')) {
      const value = arg.slice('--format='.length);
      const parsed = parseFormat(value);
      if (!parsed) return fail(unknownFormatMessage(value));
      format = parsed;
    } else {
      return fail(`未知选项 ${arg}`);
    }
  }

  if (paths.length === 0) return fail('没有指定要检查的文件');
  return ok({ kind: 'check', format, paths, fix });
}
