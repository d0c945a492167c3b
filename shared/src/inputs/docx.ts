// .docx → SourceDocument: the main part's XML read directly (unzipped with fflate, parsed with htmlparser2
// in XML mode). Paragraphs become paragraphs (a line break inside one, a line of its own); tables keep their
// cells with `w:gridSpan` (columns) and `w:vMerge` (rows) as spans. Deleted revisions, field codes,
// drawings and text boxes are not text of the report.

import { unzipSync } from 'fflate';
import type { SourceBlock, SourceCell, SourceDocument, SourceTable } from './sourceDocument';
import { attribute, childElements, isElement, localName, parseXml, type XNode } from './xml';

export type DocxResult = { ok: true; document: SourceDocument } | { ok: false; reason: string };

/** The uncompressed main part may be this large (XML is some 20 times the text it holds). */
const MAX_DOCX_XML_BYTES = 64 * 1024 * 1024;
/** Wider spans than this are not a report table (and would make the grid huge). */
const MAX_SPAN = 64;
const MAX_ROWS = 10_000;

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** `EncryptionInfo` in UTF-16LE: the stream name of an encrypted OOXML package inside a compound file. */
function hasEncryptionInfo(bytes: Uint8Array): boolean {
  const name = Buffer.from('EncryptionInfo', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name);
}

const SKIPPED = new Set([
  'del', // a deleted revision
  'moveFrom',
  'delText',
  'instrText', // field code (PAGE, HYPERLINK …); its result is ordinary runs
  'delInstrText',
  'drawing', // pictures, charts, text boxes
  'pict',
  'object',
  'Fallback', // mc:AlternateContent's second copy
  'footnoteReference',
  'endnoteReference',
  'commentReference',
  'pPr',
  'rPr',
  'tcPr',
  'tblPr',
  'trPr',
  'sectPr',
]);

/** The text of a paragraph (or of any run container): tabs as tabs, line breaks as \n. */
function paragraphText(node: XNode): string {
  let out = '';
  const walk = (n: XNode) => {
    for (const child of n.children ?? []) {
      if (!isElement(child)) continue;
      const name = localName(child);
      if (SKIPPED.has(name)) continue;
      switch (name) {
        case 't':
          for (const c of child.children ?? []) if (c.type === 'text') out += c.data ?? '';
          break;
        case 'tab':
        case 'ptab':
          out += '\t';
          break;
        case 'br':
        case 'cr':
          out += '\n';
          break;
        case 'noBreakHyphen':
          out += '-';
          break;
        default:
          walk(child);
      }
    }
  };
  walk(node);
  return out;
}

/** The text of a table cell: its paragraphs (and any nested table's cells), one per line. */
function tableCellText(tc: XNode): string {
  const parts: string[] = [];
  const walk = (n: XNode) => {
    for (const child of childElements(n)) {
      const name = localName(child);
      if (name === 'p') parts.push(paragraphText(child));
      else if (!SKIPPED.has(name)) walk(child);
    }
  };
  walk(tc);
  return parts.join('\n');
}

/** Children with this local name, looking through content controls (`w:sdt` → `w:sdtContent`) and custom XML. */
function elementsThrough(node: XNode, name: string): XNode[] {
  const out: XNode[] = [];
  for (const child of childElements(node)) {
    const local = localName(child);
    if (local === name) out.push(child);
    else if (local === 'sdt' || local === 'sdtContent' || local === 'customXml') out.push(...elementsThrough(child, name));
  }
  return out;
}

function childNamed(node: XNode, name: string): XNode | undefined {
  return childElements(node).find((c) => localName(c) === name);
}

function intAttribute(node: XNode | undefined, fallback: number): number {
  const value = node ? Number.parseInt(attribute(node, 'val') ?? '', 10) : NaN;
  return Number.isFinite(value) && value >= 1 ? Math.min(value, MAX_SPAN) : fallback;
}

function readTable(tbl: XNode, index: number): SourceTable {
  const cells: SourceCell[] = [];
  /** Per row, which cell covers each grid column. */
  const owners: (SourceCell | undefined)[][] = [];
  const rows = elementsThrough(tbl, 'tr').slice(0, MAX_ROWS);
  rows.forEach((tr, r) => {
    const rowOwners: (SourceCell | undefined)[] = [];
    owners.push(rowOwners);
    const trPr = childNamed(tr, 'trPr');
    let column = trPr ? intAttribute(childNamed(trPr, 'gridBefore'), 0) : 0;
    for (const tc of elementsThrough(tr, 'tc')) {
      const tcPr = childNamed(tc, 'tcPr');
      const span = intAttribute(tcPr && childNamed(tcPr, 'gridSpan'), 1);
      const vMerge = tcPr && childNamed(tcPr, 'vMerge');
      const continues = vMerge !== undefined && (attribute(vMerge, 'val') ?? 'continue') === 'continue';
      const above = owners[r - 1]?.[column];
      let owner: SourceCell;
      if (continues && above && above.column === column) {
        owner = above;
        owner.rowSpan = r - owner.row + 1;
      } else {
        owner = { text: tableCellText(tc), row: r, column, rowSpan: 1, colSpan: span };
        cells.push(owner);
      }
      for (let k = column; k < column + span; k++) rowOwners[k] = owner;
      column += span;
    }
  });
  return { index, cells };
}

function readBody(body: XNode): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let paragraphs = 0;
  let tables = 0;
  const walk = (container: XNode) => {
    for (const child of childElements(container)) {
      switch (localName(child)) {
        case 'p':
          blocks.push({ kind: 'paragraph', index: ++paragraphs, text: paragraphText(child) });
          break;
        case 'tbl':
          blocks.push({ kind: 'table', table: readTable(child, ++tables) });
          break;
        case 'sdt':
        case 'sdtContent':
        case 'customXml':
        case 'ins':
        case 'moveTo':
          walk(child);
          break;
      }
    }
  };
  walk(body);
  return blocks;
}

function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** The main document part's name: the officeDocument relationship of `_rels/.rels`, else `word/document.xml`. */
function mainPartName(rels: Uint8Array | undefined): string {
  if (rels) {
    const root = parseXml(decodeXml(rels));
    const stack = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (localName(node) === 'Relationship' && (attribute(node, 'Type') ?? '').endsWith('/officeDocument')) {
        const target = (attribute(node, 'Target') ?? '').replace(/^\//, '');
        if (target) return target;
      }
      stack.push(...childElements(node));
    }
  }
  return 'word/document.xml';
}

function unzipParts(bytes: Uint8Array, wanted: (name: string) => boolean): Record<string, Uint8Array> | string {
  let tooLarge = '';
  try {
    const files = unzipSync(bytes, {
      filter: (file) => {
        if (!wanted(file.name)) return false;
        if (file.originalSize > MAX_DOCX_XML_BYTES) {
          tooLarge = file.name;
          return false;
        }
        return true;
      },
    });
    return tooLarge ? `文档内容过大（${tooLarge} 超过 ${MAX_DOCX_XML_BYTES / 1024 / 1024} MB）` : files;
  } catch (error) {
    return `文件已损坏，无法解压（${error instanceof Error ? error.message : String(error)}）`;
  }
}

/** Reads a .docx; a file that is not one comes back with the reason in one Chinese phrase. */
export function readDocx(bytes: Uint8Array): DocxResult {
  if (startsWith(bytes, CFB_MAGIC)) {
    return hasEncryptionInfo(bytes)
      ? { ok: false, reason: '文档受密码保护（已加密），无法读取；请在 Word 中取消密码后另存为 .docx' }
      : { ok: false, reason: '是旧版 Word 97-2003 文档（.doc），不是 .docx；请在 Word 或 WPS 中另存为 .docx' };
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return { ok: false, reason: '不是 .docx 文档（不是 ZIP 格式）' };
  const rels = unzipParts(bytes, (name) => name === '_rels/.rels');
  if (typeof rels === 'string') return { ok: false, reason: rels };
  const main = mainPartName(rels['_rels/.rels']);
  const parts = unzipParts(bytes, (name) => name === main);
  if (typeof parts === 'string') return { ok: false, reason: parts };
  const xml = parts[main];
  if (!xml) return { ok: false, reason: `不是 Word 文档：缺少正文部分 ${main}` };
  const root = parseXml(decodeXml(xml));
  const document = childElements(root).find((n) => localName(n) === 'document');
  const body = document && childNamed(document, 'body');
  if (!body) return { ok: false, reason: `不是 Word 文档：${main} 中没有正文（w:body）` };
  return { ok: true, document: { blocks: readBody(body) } };
}
