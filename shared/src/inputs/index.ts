// Word documents (.docx) and saved web pages (.html/.htm) → the Markdown report text the checker reads,
// with a map back to the original. Used by the CLI (check a .docx as it is) and the language server (the
// import command). A file that cannot be read comes back with the reason in one Chinese phrase.

import type { ReportModel } from '../model';
import { readReport } from '../reader';
import { readDocx } from './docx';
import { readHtml } from './html';
import { decodeHtmlBytes } from './htmlCharset';
import { documentKindOf, type DocumentKind } from './kinds';
import { toMarkdown, type ConvertedDocument, type SourceDocument } from './sourceDocument';

/** Larger files are not opened at all (a report with pictures is a few MB). */
export const MAX_DOCUMENT_FILE_BYTES = 64 * 1024 * 1024;

export interface ConvertOptions {
  /** The converted text may be this many UTF-8 bytes (the limit a text file has: `maxDocumentSize`). */
  maxTextBytes?: number;
}

/** `notReport`: the file was read, but holds no annual report. */
export type ConvertResult =
  { ok: true; converted: ConvertedDocument; model: ReportModel } | { ok: false; reason: string; notReport?: boolean };

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? mb.toFixed(0) : mb.toFixed(1)} MB`;
}

function sourceOf(kind: DocumentKind, bytes: Uint8Array): { ok: true; document: SourceDocument } | { ok: false; reason: string } {
  if (kind === 'docx') return readDocx(bytes);
  const page = decodeHtmlBytes(bytes);
  if (!page.ok) return page;
  return { ok: true, document: readHtml(page.text) };
}

/** Reads a .docx or .html file's bytes into a checkable Markdown report; `kind` is taken from the name. */
export function convertDocument(name: string, bytes: Uint8Array, options: ConvertOptions = {}): ConvertResult {
  const kind = documentKindOf(name);
  if (!kind) return { ok: false, reason: '只能导入 .docx、.html 或 .htm 文件' };
  if (bytes.byteLength > MAX_DOCUMENT_FILE_BYTES)
    return { ok: false, reason: `文件过大（${megabytes(bytes.byteLength)}，上限 ${megabytes(MAX_DOCUMENT_FILE_BYTES)}）` };
  let source;
  try {
    source = sourceOf(kind, bytes);
  } catch (error) {
    return { ok: false, reason: `无法解析（${error instanceof Error ? error.message : String(error)}）` };
  }
  if (!source.ok) return source;
  const converted = toMarkdown(source.document);
  const size = Buffer.byteLength(converted.text, 'utf8');
  if (options.maxTextBytes !== undefined && size > options.maxTextBytes) {
    return { ok: false, reason: `其中的文本有 ${megabytes(size)}，超过上限 ${megabytes(options.maxTextBytes)}（maxDocumentSize）` };
  }
  const model = readReport(converted.text);
  if (!model.isReport) {
    const where = kind === 'docx' ? '文档' : '网页';
    return { ok: false, reason: `${where}中没有找到政府信息公开工作年度报告（没有六个部分的标题和统计表）`, notReport: true };
  }
  return { ok: true, converted, model };
}

export { DOCUMENT_EXTENSIONS, documentKindOf, type DocumentKind } from './kinds';
// Text files in GB18030 or UTF-16: the server's workspace check decodes them with this (loaded on first use).
export { decodeBytes } from './encoding';
export { describeLocation, locationAt, type ConvertedDocument, type SourceLocation } from './sourceDocument';
