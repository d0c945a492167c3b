// A unified diff (as `diff -u` prints it) between two texts, for `--fix-dry-run`.

const CONTEXT_LINES = 3;
/** Above this many cells the line alignment falls back to one block replacement. */
const MAX_LCS_CELLS = 4_000_000;

type Op = { kind: ' ' | '-' | '+'; text: string; oldLine: number; newLine: number };

function splitKeepingLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** Aligns two line lists: common prefix and suffix, then a longest common subsequence of the middle. */
function align(a: string[], b: string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: Op[] = [];
  for (let i = 0; i < start; i++) ops.push({ kind: ' ', text: a[i], oldLine: i, newLine: i });
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_LCS_CELLS) {
    midA.forEach((text, i) => ops.push({ kind: '-', text, oldLine: start + i, newLine: start }));
    midB.forEach((text, j) => ops.push({ kind: '+', text, oldLine: endA, newLine: start + j }));
  } else {
    const n = midA.length;
    const m = midB.length;
    const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[i][j] = midA[i] === midB[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        ops.push({ kind: ' ', text: midA[i], oldLine: start + i, newLine: start + j });
        i++;
        j++;
      } else if (i < n && (j === m || table[i + 1][j] >= table[i][j + 1])) {
        ops.push({ kind: '-', text: midA[i], oldLine: start + i, newLine: start + j });
        i++;
      } else {
        ops.push({ kind: '+', text: midB[j], oldLine: start + i, newLine: start + j });
        j++;
      }
    }
  }
  for (let k = 0; k < a.length - endA; k++) ops.push({ kind: ' ', text: a[endA + k], oldLine: endA + k, newLine: endB + k });
  return ops;
}

/** `--- a/file` / `+++ b/file` and @@ hunks with three lines of context; empty when equal. */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const ops = align(splitKeepingLines(before), splitKeepingLines(after));
  const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  const relative = !file.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(file);
  const out = relative ? [`--- a/${file}`, `+++ b/${file}`] : [`--- ${file}`, `+++ ${file}`];
  let k = 0;
  while (k < changed.length) {
    const from = Math.max(0, changed[k] - CONTEXT_LINES);
    let to = changed[k];
    while (k + 1 < changed.length && changed[k + 1] - to <= 2 * CONTEXT_LINES + 1) to = changed[++k];
    k++;
    const end = Math.min(ops.length - 1, to + CONTEXT_LINES);
    const hunk = ops.slice(from, end + 1);
    const oldCount = hunk.filter((o) => o.kind !== '+').length;
    const newCount = hunk.filter((o) => o.kind !== '-').length;
    const oldStart = hunk[0].oldLine + (oldCount > 0 ? 1 : 0);
    const newStart = hunk[0].newLine + (newCount > 0 ? 1 : 0);
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const op of hunk) out.push(op.kind + op.text);
  }
  return out.join('\n') + '\n';
}
