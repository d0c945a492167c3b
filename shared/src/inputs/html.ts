// A saved web page → SourceDocument: parsed with htmlparser2, the page's chrome (navigation, header and
// footer bars, share buttons, scripts) dropped, the article taken, paragraphs as paragraphs and `<table>`
// cells with their rowspan/colspan. Tables that hold other tables, or a single row or column, are page
// layout: their cells are read as blocks of the article.

import type { SourceBlock, SourceCell, SourceDocument, SourceTable } from './sourceDocument';
import { attribute, childElements, isElement, parseHtml, type XNode } from './xml';

/** Never text of the report. */
const DROPPED_TAGS = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'aside',
  'form',
  'select',
  'option',
  'button',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'input',
  'textarea',
  'img',
  'video',
  'audio',
  'map',
  'menu',
]);

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** class / id words of page chrome. */
const CHROME_RE =
  /(?:^|[^a-z])(?:nav|navbar|menu|breadcrumbs?|crumbs?|position|location|sidebar|share|toolbar|topbar|header|footer|foot|bottom|copyright|banner|search|login|print|related|fenxiang|dayin)(?:[^a-z]|$)/i;
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar']);
/** The report's own title: a chrome-looking element that holds it (an article header) is kept. */
const TITLE_RE = /政府信息公开.{0,6}年度?报告|年度政府信息公开.{0,4}报告/;

const MAX_SPAN = 64;
const MAX_ROWS = 10_000;

interface Counts {
  text: number;
  link: number;
}

function tagOf(node: XNode): string {
  return (node.name ?? '').toLowerCase();
}

/** An element, or the document itself (a fragment without <body>). */
function isContainer(node: XNode): boolean {
  return isElement(node) || node.type === 'root';
}

function textOf(node: XNode): string {
  if (node.type === 'text') return node.data ?? '';
  if (!isElement(node) || DROPPED_TAGS.has(tagOf(node))) return '';
  return (node.children ?? []).map(textOf).join('');
}

/** Visible characters (no blanks) of every element, and how many of them are link text. */
function countText(root: XNode): Map<XNode, Counts> {
  const counts = new Map<XNode, Counts>();
  const visit = (node: XNode, inLink: boolean): Counts => {
    if (node.type === 'text') {
      const n = (node.data ?? '').replace(/[\s\u00a0\u3000]+/g, '').length;
      return { text: n, link: inLink ? n : 0 };
    }
    if (!isContainer(node) || DROPPED_TAGS.has(tagOf(node))) return { text: 0, link: 0 };
    const link = inLink || tagOf(node) === 'a';
    const total = { text: 0, link: 0 };
    for (const child of node.children ?? []) {
      const c = visit(child, link);
      total.text += c.text;
      total.link += c.link;
    }
    counts.set(node, total);
    return total;
  };
  visit(root, false);
  return counts;
}

function isChrome(node: XNode, counts: Map<XNode, Counts>, pageText: number): boolean {
  const tag = tagOf(node);
  if (DROPPED_TAGS.has(tag)) return true;
  const role = (attribute(node, 'role') ?? '').toLowerCase();
  const named =
    tag === 'header' ||
    tag === 'footer' ||
    CHROME_ROLES.has(role) ||
    CHROME_RE.test(`${attribute(node, 'class') ?? ''} ${attribute(node, 'id') ?? ''}`);
  if (!named) return false;
  const c = counts.get(node) ?? { text: 0, link: 0 };
  // A wrapper named `header` or `top` that holds the article is not chrome; nor is an article header with the title.
  if (c.text - c.link >= 0.3 * pageText) return false;
  if (c.link < 0.5 * c.text && TITLE_RE.test(textOf(node))) return false;
  return true;
}

/** The element holding the article: the deepest one with most of the page's non-link text, widened to include the title. */
function articleRoot(body: XNode, counts: Map<XNode, Counts>, chrome: Set<XNode>): XNode {
  const own = (n: XNode) => {
    const c = counts.get(n);
    return c ? c.text - c.link : 0;
  };
  const total = own(body);
  let root = body;
  for (;;) {
    const next = childElements(root).find((c) => !chrome.has(c) && own(c) >= 0.8 * total);
    if (!next || tagOf(next) === 'table' || tagOf(next) === 'tr' || tagOf(next) === 'tbody') break;
    root = next;
  }
  const title = findTitle(body, counts, chrome);
  if (!title || contains(root, title)) return root;
  // The lowest ancestor of the article that also holds the title.
  let ancestor: XNode | undefined = root;
  while (ancestor && !contains(ancestor, title)) ancestor = parentOf(ancestor);
  return ancestor ?? body;
}

function parentOf(node: XNode): XNode | undefined {
  return (node as XNode & { parent?: XNode | null }).parent ?? undefined;
}

function contains(ancestor: XNode, node: XNode): boolean {
  for (let n: XNode | undefined = node; n; n = parentOf(n)) if (n === ancestor) return true;
  return false;
}

/** The first short element outside the chrome, not a link, whose text is the report's title. */
function findTitle(root: XNode, counts: Map<XNode, Counts>, chrome: Set<XNode>): XNode | undefined {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.shift()!;
    if (chrome.has(node)) continue;
    const c = counts.get(node);
    if (!c || c.text === 0) continue;
    const elements = childElements(node);
    const isLeafBlock = !elements.some((e) => BLOCK_TAGS.has(tagOf(e)));
    if (isLeafBlock && c.text <= 80 && c.link < 0.5 * c.text && TITLE_RE.test(textOf(node))) return node;
    stack.unshift(...elements);
  }
  return undefined;
}

function rowsOf(table: XNode): XNode[] {
  const rows: XNode[] = [];
  for (const child of childElements(table)) {
    const tag = tagOf(child);
    if (tag === 'tr') rows.push(child);
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') rows.push(...childElements(child).filter((r) => tagOf(r) === 'tr'));
  }
  return rows.slice(0, MAX_ROWS);
}

function cellsOf(row: XNode): XNode[] {
  return childElements(row).filter((c) => tagOf(c) === 'td' || tagOf(c) === 'th');
}

function hasNestedTable(node: XNode): boolean {
  return childElements(node).some((c) => tagOf(c) === 'table' || hasNestedTable(c));
}

/** A table that lays out the page rather than holding data. */
function isLayoutTable(table: XNode): boolean {
  const rows = rowsOf(table);
  if (rows.length < 2 || rows.every((r) => cellsOf(r).length <= 1)) return true;
  return hasNestedTable(table);
}

function spanOf(cell: XNode, name: string, max: number): number {
  const value = Number.parseInt(attribute(cell, name) ?? '', 10);
  return Number.isFinite(value) && value >= 1 ? Math.min(value, max) : 1;
}

class Reader {
  readonly blocks: SourceBlock[] = [];
  private paragraphs = 0;
  private tables = 0;
  private line = '';

  constructor(private readonly chrome: Set<XNode>) {}

  read(node: XNode, pre = false): void {
    if (node.type === 'text') {
      const data = node.data ?? '';
      this.line += pre ? data : data.replace(/[ \t\n\r\f]+/g, ' ');
      return;
    }
    if (!isContainer(node) || this.chrome.has(node)) return;
    const tag = tagOf(node);
    if (DROPPED_TAGS.has(tag)) return;
    if (tag === 'br') {
      this.line += '\n';
      return;
    }
    if (tag === 'table' && !isLayoutTable(node)) {
      this.flush();
      this.blocks.push({ kind: 'table', table: this.readTable(node) });
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) this.flush();
    for (const child of node.children ?? []) this.read(child, pre || tag === 'pre');
    if (block) this.flush();
  }

  /** Ends the paragraph being read. */
  flush(): void {
    const text = this.line;
    this.line = '';
    if (text.trim().length > 0) this.blocks.push({ kind: 'paragraph', index: ++this.paragraphs, text });
  }

  private readTable(table: XNode): SourceTable {
    const index = ++this.tables;
    const rows = rowsOf(table);
    const cells: SourceCell[] = [];
    const taken: boolean[][] = rows.map(() => []);
    rows.forEach((tr, r) => {
      let column = 0;
      for (const td of cellsOf(tr)) {
        while (taken[r]?.[column]) column++;
        const rowSpan = Math.min(spanOf(td, 'rowspan', MAX_ROWS), rows.length - r);
        const colSpan = spanOf(td, 'colspan', MAX_SPAN);
        cells.push({ text: this.cellText(td), row: r, column, rowSpan, colSpan });
        for (const below of taken.slice(r, r + rowSpan)) for (let k = column; k < column + colSpan; k++) below[k] = true;
        column += colSpan;
      }
    });
    return { index, cells };
  }

  /** A cell's text: its blocks and line breaks as lines (joined by the Markdown writer). */
  private cellText(td: XNode): string {
    const inner = new Reader(this.chrome);
    for (const child of td.children ?? []) inner.read(child);
    inner.flush();
    return inner.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.table.cells.map((c) => c.text).join(' '))).join('\n');
  }
}

function findBody(root: XNode): XNode {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.shift()!;
    if (tagOf(node) === 'body') return node;
    stack.push(...childElements(node));
  }
  return root;
}

/** Reads the article of a web page (already decoded to text). */
export function readHtml(html: string): SourceDocument {
  const body = findBody(parseHtml(html));
  const counts = countText(body);
  const total = counts.get(body) ?? { text: 0, link: 0 };
  const chrome = new Set<XNode>();
  const mark = (node: XNode) => {
    for (const child of childElements(node)) {
      if (isChrome(child, counts, total.text - total.link)) chrome.add(child);
      else mark(child);
    }
  };
  mark(body);
  const reader = new Reader(chrome);
  reader.read(articleRoot(body, counts, chrome));
  reader.flush();
  return { blocks: reader.blocks };
}
