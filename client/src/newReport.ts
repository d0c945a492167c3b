// The `nianbao.newReport` command: asks the agency and the year, then opens a new, unsaved report
// built from the template (shared/src/newReport.ts) in Markdown or plain text.

import * as vscode from 'vscode';
import { defaultReportYear, newReportText, validateAgency, validateYear, type ReportStyle } from '../../shared/src/newReport';

export const NEW_REPORT_COMMAND = 'nianbao.newReport';

type FormatSetting = ReportStyle | 'ask';

function zh(): boolean {
  return vscode.env.language.toLowerCase().startsWith('zh');
}

async function askStyle(): Promise<ReportStyle | undefined> {
  const items: (vscode.QuickPickItem & { style: ReportStyle })[] = [
    {
      label: 'Markdown',
      description: '*.nianbao.md',
      detail: zh() ? '标题用 #，统计表为 Markdown 表格' : 'Headings with #, tables as Markdown tables',
      style: 'markdown',
    },
    {
      label: zh() ? '纯文本' : 'Plain text',
      description: '*.nianbao.txt',
      detail: zh() ? '统计表每行用「|」分隔' : 'Table cells separated by 「|」',
      style: 'plaintext',
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: zh() ? '新建政府信息公开年报：格式' : 'New annual report: format',
    placeHolder: zh()
      ? '选择报告的文本格式（可在设置 nianbao.newReport.format 中固定）'
      : 'Pick the text format (can be fixed in the setting nianbao.newReport.format)',
  });
  return picked?.style;
}

export async function newReport(): Promise<void> {
  const agency = await vscode.window.showInputBox({
    title: zh() ? '新建政府信息公开年报：机关名称' : 'New annual report: agency',
    prompt: zh() ? '发布报告的机关，如「青山县自然资源局」' : 'The agency publishing the report, e.g. 「青山县自然资源局」',
    validateInput: validateAgency,
    ignoreFocusOut: true,
  });
  if (agency === undefined) return;
  const year = await vscode.window.showInputBox({
    title: zh() ? '新建政府信息公开年报：年度' : 'New annual report: year',
    prompt: zh() ? '报告所统计的年度（通常为上一年）' : 'The year the report covers (usually last year)',
    value: String(defaultReportYear()),
    validateInput: validateYear,
    ignoreFocusOut: true,
  });
  if (year === undefined) return;
  const setting = vscode.workspace.getConfiguration('nianbao').get<FormatSetting>('newReport.format', 'ask');
  const style = setting === 'markdown' || setting === 'plaintext' ? setting : await askStyle();
  if (!style) return;
  const content = newReportText({ agency: agency.trim(), year: Number(year.trim()), style });
  const document = await vscode.workspace.openTextDocument({ language: 'nianbao', content });
  await vscode.window.showTextDocument(document);
}
