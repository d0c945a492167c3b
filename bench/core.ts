// What the benchmark needs from the sources, bundled on the fly by bench/bench.mjs (esbuild).
// The core is the same code the server and the CLI bundle; the fixture generator is the tests' own.

export { checkText, runRules } from '../shared/src/engine';
export { readReport } from '../shared/src/reader';
export { RULES } from '../shared/src/rules';
export { SERVER_EXEC_ARGV } from '../shared/src/serverProcess';
export { ENCODINGS, consistentData, mulberry32, renderReport } from '../test/support/reportFixture';
export { CORPUS_DIR } from '../test/support/corpus';
