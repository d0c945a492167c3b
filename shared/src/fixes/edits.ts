// Applying text edits given in LSP positions, and reducing a change to one edit.

import type { Position, Range, TextEdit } from '../model';

/** Offsets of the start of every line (LSP line breaks: \r\n, \n, \r). */
export function lineOffsets(text: string): number[] {
  const offsets = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) {
      offsets.push(i + 2);
      i++;
    } else if (c === 10 || c === 13) offsets.push(i + 1);
  }
  return offsets;
}

export function offsetAt(offsets: number[], text: string, p: Position): number {
  const start = offsets[p.line];
  if (start === undefined) return text.length; // past the last line
  const next = offsets[p.line + 1];
  let end = text.length;
  if (next !== undefined) {
    end = next >= 2 && text.charCodeAt(next - 2) === 13 && text.charCodeAt(next - 1) === 10 ? next - 2 : next - 1;
  }
  return Math.min(start + Math.max(0, p.character), end);
}

export function positionAt(offsets: number[], offset: number): Position {
  let lo = 0;
  let hi = offsets.length - 1;
  // lo ≤ mid ≤ hi stay within the offsets; lineOffsets always holds the first line's 0.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - (offsets[lo] ?? 0) };
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Do two ranges overlap (touching insertions at the same point count as overlapping)? */
export function overlaps(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) < 0 && comparePositions(b.start, a.end) < 0
    ? true
    : comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}

/** Applies non-overlapping edits (in any order) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const offsets = lineOffsets(text);
  const resolved = edits
    .map((e) => ({ start: offsetAt(offsets, text, e.range.start), end: offsetAt(offsets, text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of resolved) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The smallest single edit that turns `before` into `after` (common prefix and suffix kept). */
export function singleEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // Never split a \r\n pair or a surrogate pair.
  while (start > 0 && (before.charCodeAt(start) === 10 || isLowSurrogate(before.charCodeAt(start)))) start--;
  const offsets = lineOffsets(before);
  return {
    range: { start: positionAt(offsets, start), end: positionAt(offsets, endBefore) },
    newText: after.slice(start, endAfter),
  };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
