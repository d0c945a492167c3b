// workspace/executeCommand `nianbao.convertDocument`: the bytes of a .docx or .html file → the Markdown
// report draft that the client's 「从 Word/网页导入年报」 opens (shared/src/inputs does the conversion).

import { basename } from 'node:path';
import { CONVERT_DOCUMENT_COMMAND, isConvertDocumentArgs, type ConvertDocumentResponse } from '../../shared/src/inputs/kinds';
import { loadConverters } from '../../shared/src/inputs/load';

export const IMPORT_COMMANDS = [CONVERT_DOCUMENT_COMMAND];

/** Converts one file; `maxTextBytes` is the `nianbao.maxDocumentSize` a text would have. Never throws. */
export function convertForImport(args: unknown, maxTextBytes: number): ConvertDocumentResponse {
  if (!isConvertDocumentArgs(args)) return { ok: false, message: '导入失败：参数应为 { name, data }（文件名和 base64 内容）' };
  const name = basename(args.name.replace(/\\/g, '/'));
  try {
    const result = loadConverters().convertDocument(args.name, Buffer.from(args.data, 'base64'), { maxTextBytes });
    return result.ok ? { ok: true, markdown: result.converted.text } : { ok: false, message: `无法导入 ${name}：${result.reason}` };
  } catch (error) {
    return { ok: false, message: `无法导入 ${name}：${error instanceof Error ? error.message : String(error)}` };
  }
}
