// The manifest's user-visible strings (package.json `%key%`) in English (package.nls.json) and Chinese
// (package.nls.zh-cn.json). Per-code severity descriptions come from the rules themselves.

import { RULES } from '../rules';

interface Strings {
  en: string;
  zh: string;
}

const STRINGS: Record<string, Strings> = {
  displayName: { en: 'nianbao — 政府信息公开年报检查', zh: 'nianbao — 政府信息公开年报检查' },
  description: {
    en: "Checks China's government information-disclosure annual reports (政府信息公开工作年度报告): six-section structure and table arithmetic, in VS Code and on the command line.",
    zh: '检查政府信息公开工作年度报告：六个部分是否齐全、三张统计表是否平衡；在 VS Code 中边写边查，也可在命令行批量检查。',
  },
  'command.newReport': { en: 'New Annual Report (政府信息公开年报)', zh: '新建政府信息公开年报' },
  'command.importReport': { en: 'Import Annual Report from Word/Web Page (从 Word/网页导入年报)', zh: '从 Word/网页导入年报' },
  'command.checkWorkspace': { en: 'Check All Reports in the Workspace (检查工作区全部年报)', zh: '检查工作区全部年报' },
  'configuration.title': { en: 'nianbao (annual reports)', zh: 'nianbao（政府信息公开年报）' },
  'config.enable': { en: 'Check government information-disclosure annual reports.', zh: '检查政府信息公开工作年度报告。' },
  'config.detectInPlainTextAndMarkdown': {
    en: 'Also check plain-text and Markdown files that look like an annual report (files named `*.nianbao.md` / `*.nianbao.txt` are always checked).',
    zh: '也检查看起来像年报的纯文本和 Markdown 文件（名为 `*.nianbao.md` / `*.nianbao.txt` 的文件总是检查）。',
  },
  'config.format': { en: 'The table format the report must use.', zh: '报告应使用的统计表格式。' },
  'config.format.auto': {
    en: 'The 2021 format (国办公开办函〔2021〕30号) for reports on 2021 or later; the 2019 format is accepted before.',
    zh: '2021 年度及以后的报告应使用 2021 年格式（国办公开办函〔2021〕30号），之前的可用 2019 年格式。',
  },
  'config.format.2021': {
    en: 'Always the 2021 format: a 2019-format table is reported whatever the year.',
    zh: '总是 2021 年格式：无论年度，2019 年格式的表格都会提示。',
  },
  'config.format.2019': {
    en: 'The 2019 format (国办公开办函〔2019〕60号) is expected: `legacy-format` is not reported.',
    zh: '使用 2019 年格式（国办公开办函〔2019〕60号）：不提示 `legacy-format`。',
  },
  'config.severity': {
    en: 'Severity per finding code (`error`, `warning`, `info`, `hint`), or `off` to turn a check off. Example: `{ "heading-wording": "off" }`.',
    zh: '按检查代码调整严重程度（`error`、`warning`、`info`、`hint`），`off` 为关闭该项检查。例如 `{ "heading-wording": "off" }`。',
  },
  'config.debounceMs': {
    en: 'Milliseconds to wait after the last keystroke before checking again (0–5000).',
    zh: '停止输入多少毫秒后重新检查（0–5000）。',
  },
  'config.maxDocumentSize': {
    en: 'Documents larger than this many bytes (UTF-8) are not analysed, so that the editor stays responsive; an information diagnostic says so. Default 2 MB.',
    zh: '超过此字节数（UTF-8）的文档不检查，以免编辑器卡顿；文档开头会有一条提示。默认 2 MB。',
  },
  'config.locale': { en: 'Language of the finding messages and hovers.', zh: '检查结果和悬停提示的语言。' },
  'config.locale.auto': {
    en: 'Follow VS Code’s display language (Chinese for 中文, English otherwise).',
    zh: '跟随 VS Code 的显示语言（中文界面为中文，否则为英文）。',
  },
  'config.locale.zh-cn': { en: 'Chinese.', zh: '中文。' },
  'config.locale.en': { en: 'English.', zh: '英文。' },
  'config.newReport.format': {
    en: 'Text format of a report created by “New Annual Report”.',
    zh: '「新建政府信息公开年报」命令所建报告的文本格式。',
  },
  'config.newReport.format.markdown': { en: 'Markdown (headings with #, Markdown tables).', zh: 'Markdown（标题用 #，Markdown 表格）。' },
  'config.newReport.format.plaintext': { en: 'Plain text (table cells separated by |).', zh: '纯文本（表格各列用 | 分隔）。' },
  'config.newReport.format.ask': { en: 'Ask each time.', zh: '每次询问。' },
  'config.checkWorkspace': {
    en: 'Check every report in the workspace folders (`*.nianbao.md`, `*.nianbao.txt`, and `.txt`/`.md` files that look like a report), also those not opened: their findings show in the Problems view and follow changes on disk. Large workspaces are checked in the background. The command “Check All Reports in the Workspace” does it once.',
    zh: '检查工作区文件夹中的全部年报（`*.nianbao.md`、`*.nianbao.txt`，以及看起来像年报的 `.txt`/`.md` 文件），未打开的也检查：问题显示在“问题”面板中，文件在磁盘上改动后随之更新。大的工作区在后台检查。命令「检查工作区全部年报」可检查一次。',
  },
  'config.trace.server': {
    en: 'Traces the messages between VS Code and the nianbao language server in the “nianbao” output channel (whose log level must be Trace: “Developer: Set Log Level…”).',
    zh: '在“nianbao”输出通道中记录 VS Code 与 nianbao 语言服务器之间的消息（需先用“开发人员: 设置日志级别…”把该通道设为 Trace）。',
  },
};

export function nlsStrings(language: 'en' | 'zh'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, s] of Object.entries(STRINGS)) out[key] = s[language];
  for (const rule of RULES) out[`config.severity.${rule.code}`] = rule.description[language];
  return out;
}
