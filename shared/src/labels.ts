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
export const MATCH_THRESHOLD = 0.72;

const NUMBERING_RE = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,2}\.)/;

export function stripNumbering(normalized: string): string {
  return normalized.replace(NUMBERING_RE, '');
}

interface PreparedRow {
  row: RowTemplate;
  index: number;
  keys: string[];
  texts: string[];
}

export interface PreparedTable {
  table: TableTemplate;
  rows: PreparedRow[];
  groups: { group: GroupTemplate; key: string; text: string }[];
  headers: Set<string>;
}

const prepared = new WeakMap<TableTemplate, PreparedTable>();

/** Normalised keys of a template, computed once per template. */
export function prepare(table: TableTemplate): PreparedTable {
  let p = prepared.get(table);
  if (!p) {
    const rows = table.rows.map((row, index) => {
      const keys = [row.label, ...(row.variants ?? [])].map(normalizeLabel);
      return { row, index, keys, texts: keys.map(stripNumbering) };
    });
    const groups = table.groups.map((group) => {
      const key = normalizeLabel(group.label);
      return { group, key, text: stripNumbering(key) };
    });
    const headers = new Set(table.headers.map(normalizeLabel));
    for (const row of table.rows) for (const c of row.columns) headers.add(normalizeLabel(c.label));
    p = { table, rows, groups, headers };
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

/** Score of a normalised label against one template row; `fuzzy` also tries typo-tolerant similarity. */
function scoreRow(label: string, row: PreparedRow, fuzzy: boolean): number {
  const text = stripNumbering(label);
  let best = 0;
  for (let k = 0; k < row.keys.length; k++) {
    const key = row.keys[k];
    const keyText = row.texts[k];
    if (label === key) return 1;
    if (text.length === 0) continue;
    // Same words, other or no numbering (`予以公开` for `（一）予以公开`). Very short words need the numbering.
    if (text === keyText && keyText.length >= 3) best = Math.max(best, 0.95);
    // A label cut short: `（二）部分公开（区分处理的…` written as `（二）部分公开`.
    else if (label.length >= 6 && key.startsWith(label)) best = Math.max(best, 0.9);
    else if (fuzzy && Math.abs(text.length - keyText.length) <= Math.max(3, keyText.length / 3)) {
      const s = similarity(text, keyText);
      if (s >= FUZZY_THRESHOLD) best = Math.max(best, 0.85 * s);
    }
  }
  return best;
}

/** Is this (normalised) cell text a column header or a note of the table? */
export function isHeader(p: PreparedTable, normalized: string): boolean {
  if (p.headers.has(normalized)) return true;
  return normalized.startsWith('（本列数据的勾稽关系') || normalized.startsWith('本列数据的勾稽关系');
}

/** The group a cell names (`（三）不予公开`, `三、本年度办理结果`, `第二十条第（一）项`), if any. */
export function matchGroup(p: PreparedTable, normalized: string): GroupTemplate | undefined {
  for (const g of p.groups) {
    if (normalized === g.key) return g.group;
    if (normalized.length >= 2 && stripNumbering(normalized) === g.text && g.text.length >= 4) return g.group;
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

function matchRowPass(p: PreparedTable, labels: Cell[], after: number, fuzzy: boolean): RowMatch | undefined {
  let best: RowMatch | undefined;
  let joined = '';
  for (let j = labels.length - 1, parts = 0; j >= 0 && parts < MAX_LABEL_PARTS; j--, parts++) {
    const norm = normalizeLabel(labels[j].text);
    if (parts > 0 && (isHeader(p, norm) || matchGroup(p, norm))) break;
    joined = norm + joined;
    if (joined.length > MAX_LABEL_LENGTH) break;
    for (const row of p.rows) {
      if (row.row.label === '') continue;
      const score = scoreRow(joined, row, fuzzy);
      if (score < MATCH_THRESHOLD) continue;
      const better =
        !best ||
        score > best.score + 1e-9 ||
        (Math.abs(score - best.score) <= 1e-9 && preferByPosition(row.index, best.index, after));
      if (better) best = { row: row.row, index: row.index, score, cells: labels.slice(j), fuzzy: score < 0.9 };
    }
  }
  return best;
}

function preferByPosition(candidate: number, current: number, after: number): boolean {
  const dc = candidate > after ? candidate - after : 1000 + after - candidate;
  const dk = current > after ? current - after : 1000 + after - current;
  return dc < dk;
}

/** Does any table label (row, group or header) match this text well? */
export function isKnownLabel(p: PreparedTable, normalized: string): boolean {
  if (isHeader(p, normalized) || matchGroup(p, normalized)) return true;
  return p.rows.some((r) => r.row.label !== '' && scoreRow(normalized, r, true) >= MATCH_THRESHOLD);
}
