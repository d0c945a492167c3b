// The status bar item on report documents: the errors and warnings nianbao found in the active
// document; a click opens the Problems view. Counts come from VS Code's own diagnostics (source nianbao).

import * as vscode from 'vscode';

const SOURCE = 'nianbao';

export function registerStatusBar(context: vscode.ExtensionContext): void {
  const item = vscode.window.createStatusBarItem('nianbao.status', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.env.language.toLowerCase().startsWith('zh') ? '政府信息公开年报检查' : 'nianbao report check';
  item.command = 'workbench.actions.view.problems';
  context.subscriptions.push(item);

  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) {
      item.hide();
      return;
    }
    const diagnostics = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === SOURCE);
    // Shown on reports: the nianbao language, or any document nianbao has findings for.
    if (document.languageId !== 'nianbao' && diagnostics.length === 0) {
      item.hide();
      return;
    }
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const zh = vscode.env.language.toLowerCase().startsWith('zh');
    item.text = `$(checklist) ${zh ? '年报' : 'nianbao'} $(error) ${errors} $(warning) ${warnings}`;
    item.tooltip = zh
      ? `政府信息公开年报：${errors} 个错误，${warnings} 个警告（单击打开“问题”面板）`
      : `Annual report: ${errors} errors, ${warnings} warnings (click to open the Problems view)`;
    item.show();
  };

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((uri) => uri.toString() === active)) update();
    }),
    vscode.workspace.onDidCloseTextDocument(update),
  );
  update();
}
