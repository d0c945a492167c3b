// `nianbao check` on a Word document or a saved web page: the file is converted to the Markdown report
// text (shared/src/inputs), that text is checked, and each finding is named by its place in the original.

import { readFileSync } from 'node:fs';
import type { Finding } from '../model';
import type { ConvertedDocument } from '../inputs';
import { loadConverters } from '../inputs/load';
import type { ReportModel } from '../model';
import { describeFsError } from './files';
import type { FindingSource } from './format';

export { documentKindOf } from '../inputs/kinds';

/** A converted document; `text` is the Markdown report checked in its place. */
export interface ConvertedFile {
  converted: ConvertedDocument;
  model: ReportModel;
}

export type DocumentRead =
  { ok: true; text: string; bom: false; document: ConvertedFile } | { ok: false; reason: string; notReport?: boolean };

export function readDocumentFile(path: string, maxTextBytes: number): DocumentRead {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  }
  const result = loadConverters().convertDocument(path, bytes, { maxTextBytes });
  if (!result.ok) return result;
  return { ok: true, text: result.converted.text, bom: false, document: { converted: result.converted, model: result.model } };
}

/** Where each finding is in the original: 表三「（一）予以公开」·总计, 第2个表格第5行第3列, 第12段「…」. */
export function sourcesOf(read: ConvertedFile, findings: readonly Finding[]): FindingSource[] {
  const { describeLocation, locationAt } = loadConverters();
  return findings.map((f) => {
    const location = locationAt(read.converted, f.range.start);
    const place = describeLocation(read.model, location, f.range.start);
    if (!location) return { place };
    return 'table' in location
      ? { place, table: location.table, row: location.row, column: location.column }
      : { place, paragraph: location.paragraph };
  });
}

/** --fix on a .docx/.html: the original is never rewritten. */
export function fixRefused(path: string): string {
  return `不修改 ${path}：Word 文档和网页不会被自动改写，下面仍列出检查结果；要修复，请在 VS Code 中用「从 Word/网页导入年报」转成 Markdown 草稿后再修复`;
}
