// 「从 Word/网页导入年报」 (`nianbao.importReport`): a .docx or .html file (from the explorer's context menu,
// or picked) becomes a new, unsaved Markdown report draft. The client only reads the bytes and opens the
// result: the language server converts (workspace/executeCommand `nianbao.convertDocument`).

import * as vscode from 'vscode';
import {
  CONVERT_DOCUMENT_COMMAND,
  documentKindOf,
  type ConvertDocumentArgs,
  type ConvertDocumentResponse,
} from '../../shared/src/inputs/kinds';

export const IMPORT_REPORT_COMMAND = 'nianbao.importReport';

function zh(): boolean {
  return vscode.env.language.toLowerCase().startsWith('zh');
}

async function pickFile(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: zh() ? '导入' : 'Import',
    title: zh() ? '从 Word/网页导入年报' : 'Import a report from Word or a web page',
    filters: { [zh() ? 'Word 文档和网页' : 'Word documents and web pages']: ['docx', 'html', 'htm'] },
  });
  return picked?.[0];
}

export async function importReport(resource?: vscode.Uri): Promise<void> {
  const uri = resource instanceof vscode.Uri ? resource : await pickFile();
  if (!uri) return;
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  if (!documentKindOf(uri.path)) {
    void vscode.window.showErrorMessage(
      zh() ? `无法导入 ${name}：只能导入 .docx、.html 或 .htm 文件` : `Cannot import ${name}: only .docx, .html and .htm files`,
    );
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    void vscode.window.showErrorMessage(
      `${zh() ? '无法读取' : 'Cannot read'} ${name}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return;
  }
  const args: ConvertDocumentArgs = { name: uri.toString(), data: Buffer.from(bytes).toString('base64') };
  const result = await vscode.commands.executeCommand<ConvertDocumentResponse | undefined>(CONVERT_DOCUMENT_COMMAND, args);
  if (!result?.ok) {
    void vscode.window.showErrorMessage(result?.message ?? (zh() ? `无法导入 ${name}` : `Cannot import ${name}`));
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'nianbao', content: result.markdown });
  await vscode.window.showTextDocument(document);
}
