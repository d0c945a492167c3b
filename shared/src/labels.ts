// Matching the label cells of a table against the template: exact, split over several
// cells, numbered differently, or with a typo. The template is the only source of labels.

import type { Cell } from './model';
import type { GroupTemplate, RowTemplate, TableTemplate } from './template';
import { normalizeLabel, similarity } from './text';

/** Labels longer than this (normalised) are prose, not row labels. */
const MAX_LABEL_LENGTH = 80;
/** Up to this many consecutive cells are joined to rebuild a label split over lines. */
const MAX_LABEL_PARTS = 5;
/** A typo-tolerant match must be at least this similar. */
const FUZZY_THRESHOLD = 0.8;
/** Below this a candidate is no match at all. */
const MATCH_THRESHOLD = 0.72;

const NUMBERING_RE = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,2}\.)/;

function stripNumbering(normalized: string): string {
  return normalized.replace(NUMBERING_RE, '');
}

interface PreparedRow {
  row: RowTemplate;
  index: number;
  /** Each way the row may be written (its label, variants, wordings). */
  forms: LabelForm[];
}

interface LabelForm {
  /** Normalised. */
  key: string;
  /** `key` without its numbering. */
  text: string;
  /** The characters of `text`, sorted (an upper bound of the typo-tolerant similarity). */
  sortedText: Uint16Array;
}

export interface PreparedTable {
  table: TableTemplate;
  rows: PreparedRow[];
  groups: { group: GroupTemplate; key: string; text: string }[];
  headers: Set<string>;
  /**
   * Rows by what scores in the exact pass (a key, a key without numbering, a key's prefix of at least
   * PREFIX_MATCH_LENGTH characters): the rows that can match a label without typos, found without trying all.
   */
  byKey: Map<string, PreparedRow[]>;
  byText: Map<string, PreparedRow[]>;
  byPrefix: Map<string, PreparedRow[]>;
  /** exactCandidates per label (text is a function of the label). */
  candidates: Map<string, PreparedRow[]>;
}

/** A label cut short matches a key it starts from this length on. */
const PREFIX_MATCH_LENGTH = 6;

function addTo(map: Map<string, PreparedRow[]>, key: string, row: PreparedRow): void {
  const list = map.get(key);
  if (!list) map.set(key, [row]);
  else if (list.at(-1) !== row) list.push(row);
}

/** The UTF-16 code units of a text in ascending order (a typed array: sorted natively, without a comparator). */
function sortedChars(s: string): Uint16Array {
  const codes = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) codes[i] = s.charCodeAt(i);
  return codes.sort();
}

/** sortedChars of the last label asked for: the rows of a table are scored against the same label in turn. */
let lastSorted: { text: string; chars: Uint16Array } = { text: '', chars: new Uint16Array(0) };
function sortedCharsOf(text: string): Uint16Array {
  if (lastSorted.text !== text) lastSorted = { text, chars: sortedChars(text) };
  return lastSorted.chars;
}

/** How many characters two sorted character lists share (a multiset intersection; ≥ their LCS). */
function sharedChars(a: Uint16Array, b: Uint16Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

const prepared = new WeakMap<TableTemplate, PreparedTable>();

/** Normalised keys of a template, computed once per template. */
export function prepare(table: TableTemplate): PreparedTable {
  let p = prepared.get(table);
  if (!p) {
    const rows = table.rows.map((row, index) => {
      const forms = [row.label, ...(row.variants ?? []), ...(row.wordings ?? [])].map(normalizeLabel).map((key): LabelForm => {
        const text = stripNumbering(key);
        return { key, text, sortedText: sortedChars(text) };
      });
      return { row, index, forms };
    });
    const byKey = new Map<string, PreparedRow[]>();
    const byText = new Map<string, PreparedRow[]>();
    const byPrefix = new Map<string, PreparedRow[]>();
    for (const r of rows) {
      if (r.row.label === '') continue;
      for (const { key, text } of r.forms) {
        addTo(byKey, key, r);
        addTo(byText, text, r);
        for (let n = PREFIX_MATCH_LENGTH; n <= key.length; n++) addTo(byPrefix, key.slice(0, n), r);
      }
    }
    const groups = table.groups.map((group) => {
      const key = normalizeLabel(group.label);
      return { group, key, text: stripNumbering(key) };
    });
    const headers = new Set(table.headers.map(normalizeLabel));
    for (const row of table.rows) for (const c of row.columns) headers.add(normalizeLabel(c.label));
    p = { table, rows, groups, headers, byKey, byText, byPrefix, candidates: new Map() };
    prepared.set(table, p);
  }
  return p;
}

export interface RowMatch {
  row: RowTemplate;
  index: number;
  score: number;
  /** The cells that form the label. */
  cells: Cell[];
  fuzzy: boolean;
}

/**
 * Score of a normalised label (`text`: the same without its numbering, stripNumbering(label)) against
 * one template row; `fuzzy` also tries typo-tolerant similarity.
 */
function scoreRow(label: string, text: string, row: PreparedRow, fuzzy: boolean): number {
  let best = 0;
  let sortedText: Uint16Array | undefined;
  for (const { key, text: keyText, sortedText: keyChars } of row.forms) {
    if (label === key) return 1;
    if (text.length === 0) continue;
    // Same words, other or no numbering (`予以公开` for `（一）予以公开`). Very short words need the numbering.
    if (text === keyText && keyText.length >= 3) best = Math.max(best, 0.95);
    // A label cut short: `（二）部分公开（区分处理的…` written as `（二）部分公开`.
    else if (label.length >= PREFIX_MATCH_LENGTH && key.startsWith(label)) best = Math.max(best, 0.9);
    else if (fuzzy && Math.abs(text.length - keyText.length) <= Math.max(3, keyText.length / 3)) {
      // The shared characters bound the LCS: skip the quadratic similarity when even they are too few.
      const textChars = (sortedText ??= sortedCharsOf(text));
      const bound = (2 * sharedChars(textChars, keyChars)) / (text.length + keyText.length);
      if (bound < FUZZY_THRESHOLD) continue;
      const s = similarity(text, keyText);
      if (s >= FUZZY_THRESHOLD) best = Math.max(best, 0.85 * s);
    }
  }
  return best;
}

/** Is this (normalised) cell text a column header or a note of the table? */
function isHeader(p: PreparedTable, normalized: string): boolean {
  if (p.headers.has(normalized)) return true;
  return normalized.startsWith('（本列数据的勾稽关系') || normalized.startsWith('本列数据的勾稽关系');
}

/** The group a cell names (`（三）不予公开`, `三、本年度办理结果`, `第二十条第（一）项`), if any. */
export function matchGroup(p: PreparedTable, normalized: string): GroupTemplate | undefined {
  let text: string | undefined;
  for (const g of p.groups) {
    if (normalized === g.key) return g.group;
    if (normalized.length >= 2 && g.text.length >= 4 && (text ??= stripNumbering(normalized)) === g.text) return g.group;
  }
  return undefined;
}

/**
 * Finds the template row named by the trailing label cells of a run (joining up to
 * MAX_LABEL_PARTS cells, for labels split over lines). `after` is the index of the
 * previous row found: rows after it win ties, so repeated sub-row numbers resolve in order.
 */
export function matchRow(p: PreparedTable, labels: Cell[], after: number): RowMatch | undefined {
  // Exact and near-exact matches first; the typo-tolerant pass runs only when they find nothing.
  return matchRowPass(p, labels, after, false) ?? matchRowPass(p, labels, after, true);
}

/**
 * matchRow without its typo-tolerant pass: the rows a label names exactly or nearly (a match that is
 * never `fuzzy`). matchRow's typo-tolerant pass scores every row, so a caller that keeps only exact
 * matches asks this instead (the same answer, without trying all the rows for every line).
 */
export function matchRowExactly(p: PreparedTable, labels: Cell[], after: number): RowMatch | undefined {
  return matchRowPass(p, labels, after, false);
}

function matchRowPass(p: PreparedTable, labels: Cell[], after: number, fuzzy: boolean): RowMatch | undefined {
  // The best match so far, in locals (a RowMatch is built once, for the winner).
  let bestRow: PreparedRow | undefined;
  let bestScore = 0;
  let bestFrom = 0;
  let joined = '';
  for (let j = labels.length - 1, parts = 0; j >= 0 && parts < MAX_LABEL_PARTS; j--, parts++) {
    const norm = normalizeLabel(labels[j]!.text);
    if (parts > 0 && (isHeader(p, norm) || matchGroup(p, norm))) break;
    joined = norm + joined;
    if (joined.length > MAX_LABEL_LENGTH) break;
    const text = stripNumbering(joined);
    for (const row of fuzzy ? p.rows : exactCandidates(p, joined, text)) {
      if (row.row.label === '') continue;
      const score = scoreRow(joined, text, row, fuzzy);
      if (score < MATCH_THRESHOLD) continue;
      const better =
        !bestRow || score > bestScore + 1e-9 || (Math.abs(score - bestScore) <= 1e-9 && preferByPosition(row.index, bestRow.index, after));
      if (better) {
        bestRow = row;
        bestScore = score;
        bestFrom = j;
      }
    }
  }
  if (!bestRow) return undefined;
  return { row: bestRow.row, index: bestRow.index, score: bestScore, cells: labels.slice(bestFrom), fuzzy: bestScore < 0.9 };
}

/** The rows that can score in the exact pass (all others score 0), in template order. */
function exactCandidates(p: PreparedTable, label: string, text: string): PreparedRow[] {
  let rows = p.candidates.get(label);
  if (!rows) {
    rows = findExactCandidates(p, label, text);
    if (p.candidates.size >= MAX_CACHED_CANDIDATES) p.candidates.clear();
    p.candidates.set(label, rows);
  }
  return rows;
}
/** Labels repeat across lines and documents: their candidate rows are kept (bounded). */
const MAX_CACHED_CANDIDATES = 4096;

function findExactCandidates(p: PreparedTable, label: string, text: string): PreparedRow[] {
  const a = p.byKey.get(label);
  const b = text.length > 0 ? p.byText.get(text) : undefined;
  const c = label.length >= PREFIX_MATCH_LENGTH ? p.byPrefix.get(label) : undefined;
  if (!a && !b && !c) return NO_ROWS;
  const only = (a && !b && !c) || (!a && b && !c) || (!a && !b && c) ? (a ?? b ?? c)! : undefined;
  return only ?? [...new Set([...(a ?? []), ...(b ?? []), ...(c ?? [])])].sort((x, y) => x.index - y.index);
}
const NO_ROWS: PreparedRow[] = [];

function preferByPosition(candidate: number, current: number, after: number): boolean {
  const dc = candidate > after ? candidate - after : 1000 + after - candidate;
  const dk = current > after ? current - after : 1000 + after - current;
  return dc < dk;
}

/** Does any table label (row, group or header) match this text well? */
export function isKnownLabel(p: PreparedTable, normalized: string): boolean {
  if (isHeader(p, normalized) || matchGroup(p, normalized)) return true;
  const text = stripNumbering(normalized);
  return p.rows.some((r) => r.row.label !== '' && scoreRow(normalized, text, r, true) >= MATCH_THRESHOLD);
}
