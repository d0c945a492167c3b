// How the language server process is started: shared by the VS Code client and the benchmark, so that
// what is measured is what runs.

/**
 * Node options of the server process, measured by `npm run bench` (bench/RESULTS.md):
 * - one V8 worker thread (background compilation, GC helpers) instead of four: the server's work is a
 *   few tenths of a millisecond per keystroke, and on a 2-core machine four helper threads competing
 *   with the editor cost more than they save (p99 edit → diagnostics 6–7 ms → 2.5–4 ms);
 * - a young generation of at most 2 MB per semi-space (V8's default grows to 16 MB): the server's working
 *   set is a few hundred KB per document, and the larger nursery only holds garbage longer (RSS after
 *   1,000 edits ≈ 80–85 MB → ≈ 70 MB).
 * Both are options every Node accepts; where Electron sizes V8's thread pool itself, the first is ignored.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--v8-pool-size=1', '--max-semi-space-size=2'];
