#!/usr/bin/env node
// `npm run bench`: how fast the checker is, every figure measured in this run, with PASS/FAIL
// against the budgets of DESIGN.md §7 / issue 6. A benchmark, not a test: it never fails CI
// (exit code 0 whatever the figures; non-zero only when it cannot run at all).
//
//   node bench/bench.mjs [--quick] [--only analysis|fresh|server|cli] [--json FILE] [--core ENTRY.ts] [--server SERVER.js]
//     [--runs N]
//
// What it measures (bench/RESULTS.md explains each figure and keeps the history):
//   - analysis as the issue defines it, read + every rule (readReport, runRules with force), of typical
//     reports: the corpus files and a generated report in each of the five table encodings; of 10× and
//     100× documents made of whole reports concatenated (every copy has its tables: generated reports with
//     different numbers, the corpus files one after the other, corpus 001 repeated); of a 5 MB Markdown
//     text that is no report. checkText, which the server and the CLI run and which also builds every
//     finding's quick fix, is timed beside it ("with fixes"). Every document is timed in one process after
//     warming up on all of them (the compiler has seen every shape, as in a long-running server or a CLI
//     run over a folder), not each alone in a process of its own;
//   - the same documents through a baseline that splits the text with split('\n') (what the checker's
//     splitLines does when there is no \r) and runs one regular expression (/\d+/g, every number on the
//     line) over each line: the floor a reader cannot beat; the ratio is the median of the ratios of
//     batches timed one right after the other;
//   - the Markdown documents through markdownlint's default rules (a peer users already run);
//   - the growth exponent: least-squares slope of log(time) over log(size) for 1×, 10×, 100× of the
//     concatenated families, the three sizes measured together (interleaved batches);
//   - a fresh process (issue 16): the first report's analysis right after the core is loaded (the JIT
//     cold), then files 2–100 (the corpus reports in turn), in several processes;
//   - incremental editing: 1,000 single-character didChange edits sent to `node dist/server.js --stdio`
//     (started with the client's execArgv) with the debounce set to 0 (setting nianbao.debounceMs),
//     edit → publishDiagnostics of that version, median and p99, on three documents: the generated
//     Markdown report, a real report with findings (corpus 004) and a 10× real report (corpus 000 with
//     its prose and table rows repeated, about 2,500 lines); then the server's memory (request
//     nianbao/stats, /proc/<pid>/status);
//   - the CLI on real reports (see cliReportSet: the corpus files and faulty variants of them — a wrong
//     number, a table row or a section heading removed, last year's report, GB18030, UTF-16, CRLF, BOM):
//     one report through `dist/cli.js check` against a bare `node` that reads and splits the same file
//     (runs interleaved, median of the paired ratios); 10,000 files on one core (taskset -c 0 when
//     available): files per second beyond start-up (the wall clock of the run less that of a one-file
//     run) and peak RSS; the peak RSS again at 100,000 files (--quick: 2,000 and 10,000, and says so).
// --runs N runs the whole benchmark N times (each in a process of its own) and prints the median of every
// summary figure over the runs (what bench/RESULTS.md records).

import * as esbuild from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const CLI = join(ROOT, 'dist/cli.js');
/** Extra Node options for the server process, for experiments (NIANBAO_BENCH_SERVER_NODE_ARGS="--max-semi-space-size=2"). */
const SERVER_NODE_ARGS = (process.env.NIANBAO_BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const JSON_OUT = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
/** Another core to measure (an entry like bench/core.ts over an older checkout), for before/after figures. */
const CORE_ENTRY = args.includes('--core') ? resolve(args[args.indexOf('--core') + 1]) : join(ROOT, 'bench/core.ts');
/** Another bundled server to type in (a dist/server.js built from an older checkout), for before/after figures. */
const SERVER = args.includes('--server') ? resolve(args[args.indexOf('--server') + 1]) : join(ROOT, 'dist/server.js');
const RUNS = args.includes('--runs') ? Math.max(1, Number(args[args.indexOf('--runs') + 1]) || 1) : 1;
const runs = (part) => ONLY === undefined || ONLY === part;

const BUDGET = {
  typicalMedianMs: 1,
  baselineRatio: 10,
  growthExponent: 1.1,
  editP99Ms: 5,
  /** Issue 16: files per second beyond start-up, 10,000 real reports on one core. */
  cliFilesPerSecond: 4000,
  /** Issue 16: peak RSS of the CLI over 10,000 files, and the same at 100,000 (streaming). */
  cliPeakRssMB: 150,
  /** Issue 16: one report through the CLI against a bare node that reads and splits the file. */
  cliOneReportRatio: 1.3,
  serverMemoryMB: 80,
  /** Issue 13: all cross-checks together add at most 20% to the analysis of a typical report. */
  crossCheckRatio: 1.2,
  /** Issue 16: edit → diagnostics p99 on a real report (with findings) and on a 10× real report. */
  editP99RealMs: 5,
  editP99LargeMs: 16,
  /** Issue 16: the first report analysed in a fresh process, and each of the files 2–100 after it. */
  freshFirstMs: 5,
  freshNextMs: 1,
};
const EDITS = QUICK ? 200 : 1000;
/** Files of the CLI's throughput run and of its memory run (issue 16: 10,000 and 100,000). */
const CLI_FILES = QUICK ? 2000 : 10_000;
const CLI_MANY_FILES = QUICK ? 10_000 : 100_000;
/** Pairs of one-report runs (CLI, bare node), interleaved. */
const CLI_ONE_REPORT_PAIRS = QUICK ? 10 : 30;
const NON_REPORT_BYTES = 5 * 1024 * 1024;
const WARM_UP_MS = QUICK ? 100 : 500;
/** The warm-up on every document before any is timed: characters of each document's text analysed. */
const WARM_BYTES = QUICK ? 500_000 : 2_000_000;

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
/** The bundled core (for the child processes of the fresh-process figures). */
let coreFile;
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

// ---------------------------------------------------------------------------
// The core, bundled the way dist/ bundles it (esbuild, minified)

async function loadCore() {
  const outfile = join(tmp, 'core.mjs');
  coreFile = outfile;
  await esbuild.build({
    entryPoints: [CORE_ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node18',
    minify: true,
    outfile,
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

// ---------------------------------------------------------------------------
// Timing

const now = () => process.hrtime.bigint();
const msSince = (t0) => Number(now() - t0) / 1e6;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Mean time of one call over a batch of n calls, in ms. */
function batch(fn, n) {
  const t0 = now();
  for (let i = 0; i < n; i++) fn();
  return msSince(t0) / n;
}

/**
 * Median time per call of each function, measured in alternating batches (so that noise from
 * other processes hits all of them alike). Batches last about `batchMs`; the whole measurement
 * about `totalMs`, at least `minBatches` batches.
 */
function measureSamples(fns, { batchMs = 4, totalMs = QUICK ? 300 : 1500, minBatches = QUICK ? 5 : 11, warmUpMs = WARM_UP_MS } = {}) {
  // Warm-up (JIT tiers, caches): each function for about warmUpMs, at least 3 calls.
  const single = fns.map((fn) => {
    const t0 = now();
    let calls = 0;
    while (calls < 3 || msSince(t0) < warmUpMs) {
      fn();
      calls++;
    }
    const t1 = now();
    fn();
    return Math.max(msSince(t1), 1e-4);
  });
  const sizes = single.map((t) => Math.max(1, Math.round(batchMs / t)));
  const perRound = single.reduce((a, t, i) => a + t * sizes[i], 0);
  const rounds = Math.max(minBatches, Math.min(101, Math.floor(totalMs / perRound)));
  const samples = fns.map(() => []);
  for (let r = 0; r < rounds; r++) fns.forEach((fn, i) => samples[i].push(batch(fn, sizes[i])));
  return samples;
}

/** The median time per call of each function (see measureSamples). */
function measure(fns, options) {
  return measureSamples(fns, options).map(median);
}

/**
 * The ratio of two functions' times, robust to load from other processes: the median of the ratios
 * of batches measured one right after the other (a burst of load slows both).
 */
function pairedRatio(a, b) {
  return median(a.map((x, i) => x / b[i]));
}

// ---------------------------------------------------------------------------
// Documents

const HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

/**
 * A generated report made k times larger with honest work in it: the prose of section 一, the rows
 * of table 2 and the result rows of table 3 (all read: they come before 四、结转下年度继续办理) each
 * repeated k times, and sections 五 and 六 repeated k times (duplicate sections).
 */
function scaleReport(text, k) {
  if (k === 1) return text;
  const lines = text.split('\n');
  const find = (predicate, from = 0) => {
    for (let i = from; i < lines.length; i++) if (predicate(lines[i])) return i;
    throw new Error('scaleReport: a landmark is missing from the generated report');
  };
  const heading = (n) => find((l) => l.replace(/^#+\s*/, '').trim() === HEADINGS[n - 1]);
  const [h1, h2, h3, , h5] = [1, 2, 3, 4, 5].map(heading);
  const t3Start = find((l) => l.includes('（一）予以公开'), h3);
  const t3End = find((l) => l.includes('（七）总计'), t3Start);
  let closing = lines.length - 1;
  while (closing > 0 && lines[closing].trim() === '') closing--;
  closing--; // the agency line above the date
  const repeat = (from, to) => Array.from({ length: k }, () => lines.slice(from, to)).flat();
  return [
    ...lines.slice(0, h1 + 1),
    ...repeat(h1 + 1, h2),
    lines[h2],
    ...repeat(h2 + 1, h3),
    ...lines.slice(h3, t3Start),
    ...repeat(t3Start, t3End),
    ...lines.slice(t3End, h5),
    ...repeat(h5, closing),
    ...lines.slice(closing),
  ].join('\n');
}

/** About `bytes` of Markdown that is no report: headings, prose, lists, code, tables of numbers. */
function nonReport(core, bytes) {
  const random = core.mulberry32(20250115);
  const pick = (items) => items[Math.floor(random() * items.length)];
  const int = (max) => Math.floor(random() * max);
  const words = [
    '城市',
    '交通',
    '天气',
    '项目',
    '数据',
    '会议',
    '系统',
    '版本',
    '用户',
    '测试',
    '学校',
    '医院',
    '季度',
    '销售',
    '增长',
    '计划',
    '模块',
    '接口',
    '文档',
    '发布',
    '构建',
    'release',
    'build',
    'the',
    'server',
    'cache',
    'index',
    '，',
    '。',
    '、',
    '（',
    '）',
    '2024',
    '3.5',
    '100%',
    'v1.2.0',
    '`npm test`',
    '[链接](https://example.com)',
  ];
  const sentence = (n) => Array.from({ length: n }, () => pick(words)).join(random() < 0.3 ? ' ' : '');
  const out = [];
  let size = 0;
  const push = (line) => {
    out.push(line);
    size += Buffer.byteLength(line) + 1;
  };
  let chapter = 0;
  while (size < bytes) {
    const kind = random();
    if (kind < 0.05) {
      push('');
      push(`${'#'.repeat(1 + int(3))} 第${++chapter}节 ${sentence(3)}`);
      push('');
    } else if (kind < 0.55) {
      push(sentence(8 + int(60)));
    } else if (kind < 0.7) {
      push(`${random() < 0.5 ? '-' : `${1 + int(9)}.`} ${sentence(3 + int(12))}`);
    } else if (kind < 0.8) {
      push('```js');
      for (let i = int(6); i >= 0; i--) push(`const x${i} = ${int(1000)}; // ${sentence(3)}`);
      push('```');
    } else if (kind < 0.95) {
      push('');
      push('| 月份 | 数量 | 金额 | 合计 |');
      push('|---|---:|---:|---:|');
      for (let i = 2 + int(10); i >= 0; i--) push(`| ${1 + int(12)}月 | ${int(500)} | ${int(99999) / 100} | ${int(10000)} |`);
      push('');
    } else {
      push('');
    }
  }
  return out.join('\n');
}

/**
 * Every measured document, its text made on demand (`make()`). The larger documents are whole reports
 * one after the other, so that every copy has its three tables (issue 16): k generated reports of one
 * encoding with different numbers, the corpus files in turn, and corpus 001 repeated.
 */
function documentList(core) {
  const corpusDir = resolve(ROOT, core.CORPUS_DIR); // the tests' constant, relative to the repository root
  const corpusText = (file) => readFileSync(join(corpusDir, file), 'utf8');
  const fixtureText = (encoding, copy = 0) =>
    core.renderReport(core.consistentData(101 + core.ENCODINGS.indexOf(encoding) + 1000 * copy), encoding).text;
  const typical = [];
  const corpusFiles = readdirSync(corpusDir)
    .filter((n) => n.endsWith('.txt'))
    .sort();
  for (const file of corpusFiles)
    typical.push({ name: `corpus ${file.replace(/_.*$/, '')}`, markdown: false, make: () => corpusText(file) });
  for (const encoding of core.ENCODINGS)
    typical.push({ name: `fixture ${encoding}`, markdown: encoding === 'markdown', make: () => fixtureText(encoding) });

  const family = (name, markdown, copy) => ({
    name,
    docs: [1, 10, 100].map((k) => ({
      k,
      name: k === 1 ? `${name} 1×` : `${name} ${k}×`,
      markdown,
      make: () => Array.from({ length: k }, (_, i) => copy(i)).join('\n'),
    })),
  });
  const families = ['cell-per-line', 'markdown', 'spaces'].map((encoding) =>
    family(`fixture ${encoding} reports`, encoding === 'markdown', (i) => fixtureText(encoding, i)),
  );
  families.push(family('corpus files in turn', false, (i) => corpusText(corpusFiles[i % corpusFiles.length])));
  const file001 = corpusFiles.find((f) => f.startsWith('001'));
  if (file001) families.push(family('corpus 001 repeated', false, () => corpusText(file001)));
  const big = { name: '5 MB Markdown, no report', markdown: true, make: () => nonReport(core, NON_REPORT_BYTES) };
  const all = [...typical, ...families.flatMap((f) => f.docs.filter((d) => d.k !== 1)), big];
  return { typical, families, big, all, corpusDir, corpusFiles };
}

// ---------------------------------------------------------------------------
// Analysis, baseline, markdownlint

/** The rules of issue 13 that compare the prose, the years and last year's report with the tables. */
const CROSS_CHECK_CODES = ['narrative-mismatch', 'year-mismatch', 'deadline', 'fee-missing', 'carry-over'];

/**
 * What the cross-checks add to the analysis of the typical reports: read + every rule against read + every
 * rule but the cross-checks, all typical documents per call, batches interleaved (paired ratio).
 */
function crossCheckCost(core, typical) {
  const texts = typical.map((d) => d.make());
  const others = core.RULES.filter((r) => !CROSS_CHECK_CODES.includes(r.code));
  const all = () => {
    for (const text of texts) core.runRules(core.readReport(text), { force: true });
  };
  const without = () => {
    for (const text of texts) core.runRules(core.readReport(text), { force: true }, others);
  };
  const [withCross, withoutCross] = measureSamples([all, without], { totalMs: QUICK ? 1000 : 4000 });
  return {
    ratio: pairedRatio(withCross, withoutCross),
    documents: texts.length,
    allMs: median(withCross),
    withoutMs: median(withoutCross),
  };
}

const BASELINE_RE = /\d+/g;

/**
 * The floor: split into lines as the checker's splitLines does without a \r (the native split on \n), one
 * regular expression over each line (finds every number).
 */
function baseline(text) {
  let found = 0;
  for (const line of text.split('\n')) {
    BASELINE_RE.lastIndex = 0;
    while (BASELINE_RE.exec(line) !== null) found++;
  }
  return found;
}

async function loadMarkdownlint() {
  try {
    const { lint } = await import('markdownlint/sync');
    return (text) => lint({ strings: { doc: text } });
  } catch (error) {
    console.error(`markdownlint not available (${error.message}); its column stays empty`);
    return undefined;
  }
}

/**
 * Every document through the analysis, checkText and the baseline, in rounds over all of them until each
 * has been through about WARM_BYTES of its text (a typical report a few hundred times, a 100× document a
 * few times, the 5 MB text once): the documents are then timed with a compiler that has seen them all.
 */
function warmUpOnAll(core, texts) {
  const calls = texts.map((text) => Math.max(1, Math.ceil(WARM_BYTES / Math.max(1, text.length))));
  const most = Math.max(...calls);
  for (let round = 0; round < most; round++) {
    texts.forEach((text, i) => {
      // Spread each document's calls evenly over the rounds.
      if (Math.floor(((round + 1) * calls[i]) / most) === Math.floor((round * calls[i]) / most)) return;
      analysis(core, text);
      core.checkText(text, { force: true });
      baseline(text);
    });
  }
}

/** One document, timed after warmUpOnAll (its own warm-up is the three calls that size the batches). */
function measureDocument(core, markdownlint, doc, text) {
  doc = { ...doc, text };
  const analyse = () => analysis(core, text);
  const [analysisSamples, baselineSamples, checkSamples] = measureSamples(
    [analyse, () => baseline(text), () => core.checkText(text, { force: true })],
    { warmUpMs: 0 },
  );
  const analysisMs = median(analysisSamples);
  const baselineMs = median(baselineSamples);
  const checkMs = median(checkSamples);
  const ratio = pairedRatio(analysisSamples, baselineSamples);
  let markdownlintMs;
  if (markdownlint && doc.markdown) {
    // markdownlint takes seconds on the large documents: those are timed once, the others like the analysis.
    const t0 = now();
    markdownlint(doc.text);
    markdownlintMs = msSince(t0);
    if (markdownlintMs < 200) [markdownlintMs] = measure([() => markdownlint(doc.text)], { totalMs: QUICK ? 300 : 1500, minBatches: 3 });
  }
  const lines = doc.text.split(/\r\n|\n|\r/).length;
  return {
    name: doc.name,
    bytes: Buffer.byteLength(doc.text),
    lines,
    analysisMs,
    baselineMs,
    ratio,
    checkMs,
    markdownlintMs,
    findings: analyse().length,
  };
}

/**
 * The analysis as the issue defines it: read + all rules (readReport, runRules). checkText, what the
 * server and the CLI run, also builds every finding's quick fix: timed apart ("with fixes").
 */
function analysis(core, text) {
  return core.runRules(core.readReport(text), { force: true });
}

/**
 * The documents of one size family (1×, 10×, 100×) measured together, their batches interleaved, so
 * that load from other processes affects the three sizes alike: their times give the growth exponent.
 */
function measureFamily(core, docs, texts) {
  const samples = measureSamples(
    texts.map((text) => () => analysis(core, text)),
    { totalMs: QUICK ? 1000 : 4000, warmUpMs: 0 },
  );
  return docs.map((d, i) => ({ name: d.name, bytes: Buffer.byteLength(texts[i]), analysisMs: median(samples[i]) }));
}

/** Least-squares slope of log(time) over log(size). */
function growthExponent(points) {
  const xs = points.map((p) => Math.log(p.bytes));
  const ys = points.map((p) => Math.log(p.analysisMs));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i] - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

// ---------------------------------------------------------------------------
// A fresh process (issue 16): the first report with the JIT cold, then files 2–100

const FRESH_FILES = 100;
const FRESH_PROCESSES = QUICK ? 3 : 7;

/** In a child process of its own: loads the core, then analyses the corpus reports in turn, each timed. */
async function measureFreshMode() {
  const t0 = now();
  const core = await import(pathToFileURL(process.env.NIANBAO_BENCH_CORE).href);
  const loadMs = msSince(t0);
  const corpusDir = resolve(ROOT, core.CORPUS_DIR);
  const texts = readdirSync(corpusDir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((file) => readFileSync(join(corpusDir, file), 'utf8'));
  const times = [];
  for (let i = 0; i < FRESH_FILES; i++) {
    const text = texts[i % texts.length];
    const t = now();
    analysis(core, text);
    times.push(msSince(t));
  }
  console.log(`RESULT ${JSON.stringify({ loadMs, times })}`);
}

/** --measure-server NAME: type in one of serverDocuments in this process, the client of a server of its own. */
async function measureServerMode() {
  const core = await import(pathToFileURL(process.env.NIANBAO_BENCH_CORE).href);
  const name = args[args.indexOf('--measure-server') + 1];
  const doc = serverDocuments(core).find((d) => d.name === name);
  if (!doc) throw new Error(`no server document named ${name}`);
  console.log(`RESULT ${JSON.stringify(await benchServer(core, doc))}`);
}

/** The first report and files 2–100 of fresh processes: medians over the processes. */
function benchFresh(coreFile) {
  const results = [];
  for (let i = 0; i < FRESH_PROCESSES; i++) results.push(measureInChild(coreFile, 'corpus', '--measure-fresh'));
  const next = results.map((r) => r.times.slice(1));
  return {
    processes: results.length,
    files: FRESH_FILES,
    loadMs: median(results.map((r) => r.loadMs)),
    firstMs: median(results.map((r) => r.times[0])),
    nextMedianMs: median(next.map(median)),
    nextP90Ms: median(next.map((t) => percentile(t, 90))),
    nextMaxMs: median(next.map((t) => Math.max(...t))),
    nextTotalMs: median(next.map((t) => t.reduce((a, b) => a + b, 0))),
  };
}

// ---------------------------------------------------------------------------
// The language server over stdio: a minimal LSP client (Content-Length framing, JSON-RPC 2.0)

class LspClient {
  constructor(child) {
    this.child = child;
    this.nextId = 1;
    this.pending = new Map();
    this.notificationHandlers = new Map();
    this.buffer = Buffer.alloc(0);
    child.stdout.on('data', (chunk) => this.receive(chunk));
  }

  receive(chunk) {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const match = /Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'));
      if (!match) throw new Error('LSP message without Content-Length');
      const length = Number(match[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const message = JSON.parse(this.buffer.subarray(start, start + length).toString('utf8'));
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(message);
    }
  }

  dispatch(message) {
    if (message.id !== undefined && message.method === undefined) {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) pending?.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
      else pending?.resolve(message.result);
    } else if (message.id !== undefined) {
      // A request from the server: settings are the defaults, everything else gets null.
      // Settings: the defaults, but no debounce (the benchmark measures edit → diagnostics without it).
      const result = message.method === 'workspace/configuration' ? message.params.items.map(() => ({ debounceMs: 0 })) : null;
      this.write({ jsonrpc: '2.0', id: message.id, result });
    } else {
      this.notificationHandlers.get(message.method)?.(message.params);
    }
  }

  write(message) {
    const json = JSON.stringify(message);
    this.child.stdin.write(`Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`);
  }

  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolvePromise, reject) => {
      this.pending.set(id, { resolve: resolvePromise, reject });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.write({ jsonrpc: '2.0', method, params });
  }

  onNotification(method, handler) {
    this.notificationHandlers.set(method, handler);
  }
}

/** CPU time (user + system, all threads) a process has used so far, in ms; undefined off Linux. */
function cpuMsOf(pid) {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, after the command name in parentheses; in clock ticks (100 per second).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

function procStatusKB(pid, field) {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The documents typed in: the generated Markdown report, a real report with findings, a 10× real report
 * (corpus 000 with its prose and table rows repeated: about 2,500 lines, every copy of a row read).
 */
function serverDocuments(core) {
  const corpusDir = resolve(ROOT, core.CORPUS_DIR);
  const corpusText = (prefix) => {
    const file = readdirSync(corpusDir).find((n) => n.startsWith(prefix) && n.endsWith('.txt'));
    return file ? readFileSync(join(corpusDir, file), 'utf8') : undefined;
  };
  const docs = [
    {
      name: 'generated Markdown report',
      uri: 'file:///bench/report.md',
      languageId: 'markdown',
      budgetMs: BUDGET.editP99Ms,
      text: core.renderReport(core.consistentData(101 + core.ENCODINGS.indexOf('markdown')), 'markdown').text,
    },
  ];
  const plainText = (name, file, budgetMs, text) => ({ name, uri: `file:///bench/${file}`, languageId: 'plaintext', budgetMs, text });
  const real = corpusText('004');
  if (real) docs.push(plainText('real report with findings (corpus 004)', '004.txt', BUDGET.editP99RealMs, real));
  const large = corpusText('000');
  if (large)
    docs.push(
      plainText('10× real report (corpus 000, prose and table rows ×8)', '000x8.txt', BUDGET.editP99LargeMs, scaleReport(large, 8)),
    );
  return docs;
}

async function benchServer(core, doc) {
  const { text, uri, languageId } = doc;
  const execArgv = core.SERVER_EXEC_ARGV;
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
  // Started the way the VS Code client starts it (its execArgv), over stdio instead of IPC.
  const child = spawn(process.execPath, [...execArgv, ...SERVER_NODE_ARGS, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const client = new LspClient(child);
  const waiting = new Map();
  const errors = [];
  client.onNotification('window/logMessage', (p) => p.type === 1 && errors.push(p.message));
  client.onNotification('textDocument/publishDiagnostics', (p) => {
    const w = waiting.get(p.version);
    if (w) {
      waiting.delete(p.version);
      w(p);
    }
  });
  const published = (version) =>
    new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version} within 10 s; stderr: ${stderr}`)), 10_000);
      waiting.set(version, (p) => {
        clearTimeout(timer);
        resolvePromise(p);
      });
    });

  await client.request('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      workspace: { configuration: true },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
    },
  });
  client.notify('initialized', {});

  let version = 1;
  const opened = published(version);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  const first = await opened;
  const startDiagnostics = first.diagnostics.length;

  // Edits in pairs: type one character somewhere, then delete it again (the text stays a report).
  const lines = text.split('\n');
  const random = core.mulberry32(4242);
  const latencies = [];
  const cpuBefore = cpuMsOf(child.pid);
  let at;
  for (let i = 0; i < EDITS; i++) {
    let change;
    if (i % 2 === 0) {
      let line;
      do line = Math.floor(random() * lines.length);
      while (lines[line].length === 0);
      const character = Math.floor(random() * (lines[line].length + 1));
      at = { line, character };
      change = { range: { start: at, end: at }, text: random() < 0.6 ? String(Math.floor(random() * 10)) : '字' };
    } else {
      change = { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
    }
    version++;
    const done = published(version);
    const t0 = now();
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await done;
    latencies.push(msSince(t0));
  }
  const cpuAfter = cpuMsOf(child.pid);
  if (process.env.NIANBAO_BENCH_DUMP_LATENCIES) writeFileSync(process.env.NIANBAO_BENCH_DUMP_LATENCIES, JSON.stringify(latencies));
  // Every edit counts, the first ones too (the server's JIT warms up during them): their share is shown apart.
  const firstEdits = latencies.slice(0, 100);

  let stats;
  try {
    stats = await client.request('nianbao/stats', {});
  } catch {
    stats = undefined;
  }
  const rssKB = procStatusKB(child.pid, 'VmRSS');
  const hwmKB = procStatusKB(child.pid, 'VmHWM');
  const anonKB = procStatusKB(child.pid, 'RssAnon');
  await client.request('shutdown', null);
  client.notify('exit', null);
  await new Promise((r) => child.on('exit', r));
  if (SERVER_NODE_ARGS.length > 0 && stderr) console.error(`server stderr: ${stderr.trim()}`);
  return {
    name: doc.name,
    budgetMs: doc.budgetMs,
    edits: latencies.length,
    lines: lines.length,
    startDiagnostics,
    medianMs: median(latencies),
    p99Ms: percentile(latencies, 99),
    maxMs: Math.max(...latencies),
    firstMedianMs: median(firstEdits),
    firstMaxMs: Math.max(...firstEdits),
    // The server's own CPU time per edit: what load from other processes changes least.
    cpuMsPerEdit: cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / latencies.length : undefined,
    anonMB: anonKB !== undefined ? anonKB / 1024 : undefined,
    rssMB: (stats?.rss ?? (rssKB ?? NaN) * 1024) / 2 ** 20,
    heapUsedMB: stats ? stats.heapUsed / 2 ** 20 : undefined,
    peakRssMB: hwmKB !== undefined ? hwmKB / 1024 : undefined,
    statsFrom: stats ? 'nianbao/stats' : '/proc/<pid>/status',
    loggedErrors: errors.length,
  };
}

// ---------------------------------------------------------------------------
// The CLI on many files, one core

function hasTaskset() {
  return spawnSync('taskset', ['-c', '0', 'true']).status === 0;
}

/** `text` with one number of table 3 (the middle one between 予以公开 and 结转下年度) one larger. */
function wrongNumber(text) {
  const from = text.indexOf('予以公开');
  const to = text.indexOf('结转下年度', from);
  const numbers = [...text.matchAll(/\d+/g)].filter((m) => m.index > from && (to < 0 || m.index < to));
  const m = numbers[numbers.length >> 1] ?? [...text.matchAll(/\d+/g)][0];
  if (!m) return text;
  return text.slice(0, m.index) + String(Number(m[0]) + 1) + text.slice(m.index + m[0].length);
}

/** `text` without the first line that holds `needle` (and is short, i.e. a label or a heading). */
function withoutLine(text, needle) {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(needle) && l.trim().length <= 40);
  return i < 0 ? text : [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
}

/**
 * The real reports the CLI is timed on: each corpus file as it is and faulty or re-encoded variants of
 * it — a table-3 number one larger (arithmetic findings), the （一）予以公开 row label or the section 五
 * heading removed, the same report one year earlier (every year before 年 less one: last year's report,
 * which this year's carry-over check finds and compares), GB18030, UTF-16 LE with BOM, CRLF line ends,
 * a UTF-8 BOM, and two combinations. Returns [{ name, bytes }].
 */
async function cliReportSet(corpusDir, corpusFiles) {
  const { default: iconv } = await import('iconv-lite');
  const utf8 = (t) => Buffer.from(t, 'utf8');
  const variants = {
    original: (t) => utf8(t),
    'wrong-number': (t) => utf8(wrongNumber(t)),
    'row-removed': (t) => utf8(withoutLine(t, '予以公开')),
    'section-removed': (t) => utf8(withoutLine(t, '存在的主要问题')),
    'last-year': (t) => utf8(t.replace(/(20\d\d)(?=\s*年)/g, (y) => String(Number(y) - 1))),
    gb18030: (t) => iconv.encode(t, 'gb18030'),
    'utf-16le': (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]),
    crlf: (t) => utf8(t.replace(/\r?\n/g, '\r\n')),
    bom: (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(t)]),
    'wrong-number-gb18030': (t) => iconv.encode(wrongNumber(t), 'gb18030'),
    'row-removed-crlf': (t) => utf8(withoutLine(t, '予以公开').replace(/\r?\n/g, '\r\n')),
  };
  const set = [];
  for (const file of corpusFiles) {
    const text = readFileSync(join(corpusDir, file), 'utf8');
    for (const [variant, make] of Object.entries(variants)) set.push({ name: `${file.slice(0, 3)}-${variant}.txt`, bytes: make(text) });
  }
  return set;
}

/**
 * `count` report files in folders of 500, hard links to the files of `set` in turn (no disk space for
 * 100,000 copies; each file still opened, read and decoded). Returns the folder.
 */
function writeReportFolder(name, set, count) {
  const sources = join(tmp, 'report-set');
  if (!existsSync(sources)) {
    mkdirSync(sources);
    for (const r of set) writeFileSync(join(sources, r.name), r.bytes);
  }
  const dir = join(tmp, name);
  rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `d${String(Math.floor(i / 500)).padStart(3, '0')}`);
    if (i % 500 === 0) mkdirSync(sub, { recursive: true });
    const r = set[i % set.length];
    linkSync(join(sources, r.name), join(sub, `${String(i).padStart(6, '0')}-${r.name}`));
  }
  return dir;
}

/** Runs a command to its end; its wall clock in ms, exit code, stdout length and stderr. */
function timedRun(command, commandArgs) {
  return new Promise((resolvePromise) => {
    const t0 = now();
    const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let err = '';
    child.stdout.on('data', (d) => (bytes += d.length));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolvePromise({ wallMs: msSince(t0), code, stdoutBytes: bytes, stderr: err }));
  });
}

async function benchCli(corpusDir, corpusFiles) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const set = await cliReportSet(corpusDir, corpusFiles);
  // Peak RSS of the CLI process itself, reported by the process at exit (no GNU time needed).
  const preload = join(tmp, 'maxrss.cjs');
  writeFileSync(
    preload,
    "process.on('exit', () => require('fs').writeSync(2, '\\nNIANBAO_BENCH_MAXRSS_KB=' + process.resourceUsage().maxRSS + '\\n'));\n",
  );
  const oneCore = hasTaskset();
  const pinned = (nodeArgs) => (oneCore ? ['taskset', ['-c', '0', process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs]);
  const runCli = async (path) => {
    const r = await timedRun(...pinned(['--require', preload, CLI, 'check', '--format', 'json', path]));
    if (r.code !== 0 && r.code !== 1) throw new Error(`the CLI exited with ${r.code}: ${r.stderr.slice(0, 500)}`);
    const rss = /NIANBAO_BENCH_MAXRSS_KB=(\d+)/.exec(r.stderr);
    return { wallMs: r.wallMs, peakRssMB: rss ? Number(rss[1]) / 1024 : NaN };
  };

  // One report: the CLI (default text output) and a bare node reading and splitting the same file, interleaved.
  const one = join(corpusDir, corpusFiles.find((f) => f.startsWith('001')) ?? corpusFiles[0]);
  const bare = "require('fs').readFileSync(process.argv[1], 'utf8').split('\\n')";
  const pairs = [];
  const startUps = [];
  for (let i = 0; i < CLI_ONE_REPORT_PAIRS; i++) {
    const cli = await timedRun(...pinned([CLI, 'check', one]));
    const node = await timedRun(...pinned(['-e', bare, one]));
    pairs.push({ cli: cli.wallMs, node: node.wallMs });
    // Start-up as the throughput run has it: the same command on one file.
    startUps.push((await runCli(one)).wallMs);
  }
  const startUpMs = median(startUps);

  const dir = writeReportFolder('reports', set, CLI_FILES);
  const rounds = [];
  for (let round = 0; round < (QUICK ? 1 : 3); round++) rounds.push(await runCli(dir));
  const wallMs = median(rounds.map((r) => r.wallMs));
  rmSync(dir, { recursive: true, force: true });

  const manyDir = writeReportFolder('many-reports', set, CLI_MANY_FILES);
  const many = await runCli(manyDir);
  rmSync(manyDir, { recursive: true, force: true });

  return {
    kinds: set.length,
    oneCore,
    oneReport: {
      file: one,
      pairs: pairs.length,
      cliMs: median(pairs.map((p) => p.cli)),
      nodeMs: median(pairs.map((p) => p.node)),
      ratio: median(pairs.map((p) => p.cli / p.node)),
    },
    startUpMs,
    files: CLI_FILES,
    wallMs,
    filesPerSecond: CLI_FILES / (Math.max(wallMs - startUpMs, 1) / 1000),
    peakRssMB: Math.max(...rounds.map((r) => r.peakRssMB)),
    manyFiles: CLI_MANY_FILES,
    manyWallMs: many.wallMs,
    manyFilesPerSecond: CLI_MANY_FILES / (Math.max(many.wallMs - startUpMs, 1) / 1000),
    manyPeakRssMB: many.peakRssMB,
  };
}

// ---------------------------------------------------------------------------
// Output

const pass = (ok) => (ok ? 'PASS' : 'FAIL');
const fmtMs = (ms) =>
  ms === undefined ? '—' : ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3);
const fmtSize = (bytes) => (bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`);

function machine() {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {
    // not Linux
  }
  const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout?.trim() || String(cpus().length);
  return {
    nproc,
    cpu,
    node: process.version,
    memoryGB: (totalmem() / 2 ** 30).toFixed(1),
    platform: `${process.platform} ${process.arch}`,
  };
}

/** A measurement in a child process of its own (the same bundled core), its RESULT line parsed. */
function measureInChild(coreFile, name, mode) {
  const args = [fileURLToPath(import.meta.url), mode, name, ...(QUICK ? ['--quick'] : [])];
  const child = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, NIANBAO_BENCH_CORE: coreFile },
    maxBuffer: 1 << 24,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`measuring ${name} failed (exit ${child.status}): ${child.stderr.slice(0, 800)}`);
  // What the child said beside its result (the server's stderr under NIANBAO_BENCH_SERVER_NODE_ARGS, a warning).
  if (child.stderr) process.stderr.write(child.stderr);
  return JSON.parse(line.slice('RESULT '.length));
}

/** A summary figure as a number with its limit, for the median over several runs (--runs). */
function figure(number, limit, atLeast = false) {
  return { number, limit, atLeast };
}

/**
 * --runs N: the benchmark N times, each run a process of its own with the same options, then every
 * summary figure's median over the runs (PASS/FAIL judged on the median). Each run's tables are printed too.
 */
async function severalRuns() {
  const passed = args.filter((a, i) => a !== '--runs' && args[i - 1] !== '--runs' && a !== '--json' && args[i - 1] !== '--json');
  const results = [];
  for (let run = 1; run <= RUNS; run++) {
    console.log(`## Run ${run} of ${RUNS}\n`);
    const file = join(tmp, `run-${run}.json`);
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...passed, '--json', file], { stdio: 'inherit' });
    if (child.status !== 0 || !existsSync(file)) throw new Error(`run ${run} failed (exit ${child.status})`);
    results.push(JSON.parse(readFileSync(file, 'utf8')));
    console.log();
  }
  const first = results[0];
  const m = first.machine;
  console.log(
    `## Median of ${RUNS} runs — node ${m.node}, ${m.platform}, nproc ${m.nproc}, ${m.cpu}, ${m.memoryGB} GB${QUICK ? ' — QUICK runs' : ''}\n`,
  );
  console.log('| budget (as in the last run) | each run | median | budget | result |');
  console.log('|---|---|---|---|---|');
  const medians = first.summary.map((line, i) => {
    const entries = results.map((r) => r.summary[i]).filter((e) => e?.number !== undefined);
    const last = results[results.length - 1].summary[i] ?? line;
    if (entries.length === 0) {
      console.log(`| ${last.what} | ${results.map((r) => r.summary[i]?.value ?? '—').join(' / ')} | — | ${last.budget} | — |`);
      return { what: last.what };
    }
    const mid = median(entries.map((e) => e.number));
    const ok = line.atLeast ? mid >= line.limit : mid <= line.limit;
    const shown = (x) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2));
    console.log(`| ${last.what} | ${entries.map((e) => shown(e.number)).join(' / ')} | ${shown(mid)} | ${last.budget} | ${pass(ok)} |`);
    return { what: last.what, runs: entries.map((e) => e.number), median: mid, budget: last.budget, pass: ok };
  });
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ machine: m, runs: results, medians }, null, 1));
}

async function main() {
  if (RUNS > 1) return severalRuns();
  if (args.includes('--measure-fresh')) return measureFreshMode();
  if (args.includes('--measure-server')) return measureServerMode();
  const started = now();
  const m = machine();
  const out = [];
  const print = (line = '') => {
    out.push(line);
    console.log(line);
  };
  print(
    `nianbao benchmark — ${new Date().toISOString().slice(0, 10)} — node ${m.node}, ${m.platform}, nproc ${m.nproc}, ${m.cpu}, ${m.memoryGB} GB${QUICK ? ' — QUICK run' : ''}`,
  );
  print();

  const core = await loadCore();
  const result = { machine: m };
  const summary = [];

  if (runs('analysis')) {
    const { typical, families, all } = documentList(core);
    const texts = new Map([...typical, ...all, ...families.flatMap((f) => f.docs)].map((d) => [d.name, d.make()]));
    process.stderr.write(`warming up on all ${texts.size} documents\n`);
    warmUpOnAll(core, [...texts.values()]);
    const markdownlint = await loadMarkdownlint();
    const measured = new Map();
    for (const doc of [...typical, ...all]) {
      if (measured.has(doc.name)) continue;
      process.stderr.write(`measuring ${doc.name}\n`);
      measured.set(doc.name, measureDocument(core, markdownlint, doc, texts.get(doc.name)));
    }
    const rows = [...measured.values()];
    const typicalRows = typical.map((d) => measured.get(d.name));
    const exponents = families.map((family) => {
      process.stderr.write(`measuring the growth of ${family.name}\n`);
      const points = measureFamily(
        core,
        family.docs,
        family.docs.map((d) => texts.get(d.name)),
      );
      return { family: family.name, exponent: growthExponent(points), points };
    });

    print(
      '| document | size | lines | findings | analysis ms (read + rules) | with fixes ms (checkText) | baseline ms | analysis/baseline (≤ 10) | markdownlint ms | analysis/markdownlint |',
    );
    print('|---|---:|---:|---:|---:|---:|---:|---|---:|---:|');
    for (const r of rows) {
      const ratio = r.ratio;
      const ml = r.markdownlintMs !== undefined ? (r.analysisMs / r.markdownlintMs).toFixed(3) : '—';
      print(
        `| ${r.name} | ${fmtSize(r.bytes)} | ${r.lines} | ${r.findings} | ${fmtMs(r.analysisMs)} | ${fmtMs(r.checkMs)} | ${fmtMs(r.baselineMs)} | ${ratio.toFixed(1)} ${pass(ratio <= BUDGET.baselineRatio)} | ${fmtMs(r.markdownlintMs)} | ${ml} |`,
      );
    }
    print();
    print('| growth (1×, 10×, 100×, measured together) | sizes | analysis ms | exponent (≤ 1.1) |');
    print('|---|---|---|---|');
    for (const e of exponents) {
      print(
        `| ${e.family} | ${e.points.map((p) => fmtSize(p.bytes)).join(' / ')} | ${e.points.map((p) => fmtMs(p.analysisMs)).join(' / ')} | ${e.exponent.toFixed(2)} ${pass(e.exponent <= BUDGET.growthExponent)} |`,
      );
    }
    print();

    const typicalMedian = median(typicalRows.map((r) => r.analysisMs));
    const typicalMax = Math.max(...typicalRows.map((r) => r.analysisMs));
    const worstRatio = rows.reduce((w, r) => (r.ratio > w.ratio ? { ratio: r.ratio, name: r.name } : w), { ratio: 0, name: '' });
    const worstExponent = exponents.reduce((w, e) => (e.exponent > w.exponent ? e : w), { exponent: -Infinity, family: '' });
    summary.push([
      `typical report analysis, median of ${typicalRows.length} documents (max ${fmtMs(typicalMax)} ms)`,
      `${fmtMs(typicalMedian)} ms`,
      `≤ ${BUDGET.typicalMedianMs} ms`,
      typicalMedian <= BUDGET.typicalMedianMs,
      figure(typicalMedian, BUDGET.typicalMedianMs),
    ]);
    summary.push([
      `analysis/baseline, worst of ${rows.length} documents (${worstRatio.name})`,
      worstRatio.ratio.toFixed(1),
      `≤ ${BUDGET.baselineRatio}`,
      worstRatio.ratio <= BUDGET.baselineRatio,
      figure(worstRatio.ratio, BUDGET.baselineRatio),
    ]);
    summary.push([
      `growth exponent, worst of ${exponents.length} families (${worstExponent.family})`,
      worstExponent.exponent.toFixed(2),
      `≤ ${BUDGET.growthExponent}`,
      worstExponent.exponent <= BUDGET.growthExponent,
      figure(worstExponent.exponent, BUDGET.growthExponent),
    ]);
    process.stderr.write('measuring the cost of the cross-checks\n');
    const cross = crossCheckCost(core, typical);
    summary.push([
      `cross-checks (${CROSS_CHECK_CODES.join(', ')}): analysis of the ${cross.documents} typical documents with them ${fmtMs(cross.allMs)} ms, without ${fmtMs(cross.withoutMs)} ms`,
      `×${cross.ratio.toFixed(2)}`,
      `≤ ×${BUDGET.crossCheckRatio}`,
      cross.ratio <= BUDGET.crossCheckRatio,
      figure(cross.ratio, BUDGET.crossCheckRatio),
    ]);
    result.analysis = {
      rows,
      exponents: exponents.map(({ family, exponent }) => ({ family, exponent })),
      typicalMedian,
      crossCheckRatio: cross.ratio,
    };
  }

  if (runs('fresh')) {
    process.stderr.write('measuring fresh processes\n');
    try {
      const f = benchFresh(coreFile);
      result.fresh = f;
      summary.push([
        `first report in a fresh process (corpus 000, read + every rule, right after loading the core in ${fmtMs(f.loadMs)} ms), median of ${f.processes} processes`,
        `${fmtMs(f.firstMs)} ms`,
        `≤ ${BUDGET.freshFirstMs} ms`,
        f.firstMs <= BUDGET.freshFirstMs,
        figure(f.firstMs, BUDGET.freshFirstMs),
      ]);
      summary.push([
        `files 2–${f.files} of that process (the corpus reports in turn): median ${fmtMs(f.nextMedianMs)} ms, p90 ${fmtMs(f.nextP90Ms)} ms, all ${f.files - 1} together ${fmtMs(f.nextTotalMs)} ms; the slowest of them, median of ${f.processes} processes`,
        `max ${fmtMs(f.nextMaxMs)} ms`,
        `≤ ${BUDGET.freshNextMs} ms each`,
        f.nextMaxMs <= BUDGET.freshNextMs,
        figure(f.nextMaxMs, BUDGET.freshNextMs),
      ]);
    } catch (error) {
      summary.push(['fresh process', `not measured: ${error.message}`, `≤ ${BUDGET.freshFirstMs} ms`, false]);
    }
  }

  if (runs('server')) {
    result.server = [];
    for (const doc of serverDocuments(core)) {
      process.stderr.write(`typing in ${doc.name}\n`);
      try {
        // The client is a process of its own that holds nothing else: this one holds the analysis part's
        // documents and results (about 1.9 GB of heap after a whole run), and its garbage collector then
        // competes with the server for the machine's cores, which showed as the server's latency.
        const s = measureInChild(coreFile, doc.name, '--measure-server');
        result.server.push(s);
        summary.push([
          `edit → diagnostics, ${s.edits} one-character edits of the ${s.name}, ${s.lines} lines, ${s.startDiagnostics} diagnostics (debounce 0): median ${fmtMs(s.medianMs)} ms, max ${fmtMs(s.maxMs)} ms (the first 100: median ${fmtMs(s.firstMedianMs)} ms, max ${fmtMs(s.firstMaxMs)} ms); the server's CPU time per edit ${fmtMs(s.cpuMsPerEdit)} ms`,
          `p50 ${fmtMs(s.medianMs)} ms, p99 ${fmtMs(s.p99Ms)} ms`,
          `p99 ≤ ${s.budgetMs} ms`,
          s.p99Ms <= s.budgetMs,
          figure(s.p99Ms, s.budgetMs),
        ]);
        // The memory budget is about the typical document (the first one).
        if (result.server.length === 1)
          summary.push([
            `server memory after the edits of the ${s.name}: RSS (of which anonymous ${s.anonMB?.toFixed(1) ?? '?'} MB, V8 heap used ${s.heapUsedMB?.toFixed(1) ?? '?'} MB; peak RSS ${s.peakRssMB?.toFixed(1) ?? '?'} MB)`,
            `${s.rssMB.toFixed(1)} MB`,
            `≤ ${BUDGET.serverMemoryMB} MB`,
            s.rssMB <= BUDGET.serverMemoryMB,
            figure(s.rssMB, BUDGET.serverMemoryMB),
          ]);
      } catch (error) {
        summary.push([`edit → diagnostics, ${doc.name}`, `not measured: ${error.message}`, `p99 ≤ ${doc.budgetMs} ms`, false]);
      }
    }
  }

  if (runs('cli')) {
    try {
      const { corpusDir, corpusFiles } = documentList(core);
      const c = await benchCli(corpusDir, corpusFiles);
      result.cli = c;
      const where = c.oneCore ? 'one core (taskset -c 0)' : 'all cores (taskset unavailable)';
      const fewer = QUICK ? " (--quick: fewer files than the budget's 10,000 and 100,000)" : '';
      const o = c.oneReport;
      summary.push([
        `one report through the CLI (${o.file.split('/').pop()}, text output) against a bare node that reads and splits it, ${where}: median of ${o.pairs} interleaved pairs, CLI ${fmtMs(o.cliMs)} ms, node ${fmtMs(o.nodeMs)} ms`,
        `×${o.ratio.toFixed(2)}`,
        `≤ ×${BUDGET.cliOneReportRatio}`,
        o.ratio <= BUDGET.cliOneReportRatio,
        figure(o.ratio, BUDGET.cliOneReportRatio),
      ]);
      summary.push([
        `CLI on ${c.files.toLocaleString('en')} real report files (${c.kinds} kinds: corpus and faulty variants), JSON, ${where}${fewer}: ${(c.wallMs / 1000).toFixed(2)} s wall, less a one-file run's ${fmtMs(c.startUpMs)} ms`,
        `${c.filesPerSecond.toFixed(0)} files/s beyond start-up`,
        `≥ ${BUDGET.cliFilesPerSecond} files/s`,
        c.filesPerSecond >= BUDGET.cliFilesPerSecond,
        figure(c.filesPerSecond, BUDGET.cliFilesPerSecond, true),
      ]);
      summary.push([
        `CLI peak RSS over ${c.files.toLocaleString('en')} files${fewer}`,
        `${c.peakRssMB.toFixed(0)} MB`,
        `≤ ${BUDGET.cliPeakRssMB} MB`,
        c.peakRssMB <= BUDGET.cliPeakRssMB,
        figure(c.peakRssMB, BUDGET.cliPeakRssMB),
      ]);
      summary.push([
        `CLI peak RSS over ${c.manyFiles.toLocaleString('en')} files (${(c.manyWallMs / 1000).toFixed(1)} s wall, ${c.manyFilesPerSecond.toFixed(0)} files/s beyond start-up)${fewer}`,
        `${c.manyPeakRssMB.toFixed(0)} MB (×${(c.manyPeakRssMB / c.peakRssMB).toFixed(2)} the ${c.files.toLocaleString('en')}-file peak)`,
        `≤ ${BUDGET.cliPeakRssMB} MB`,
        c.manyPeakRssMB <= BUDGET.cliPeakRssMB,
        figure(c.manyPeakRssMB, BUDGET.cliPeakRssMB),
      ]);
    } catch (error) {
      summary.push(['CLI', `not measured: ${error.message}`, `≥ ${BUDGET.cliFilesPerSecond} files/s`, false]);
    }
  }

  print('| budget | measured | budget | result |');
  print('|---|---|---|---|');
  for (const [what, value, budget, ok] of summary) print(`| ${what} | ${value} | ${budget} | ${pass(ok)} |`);
  print();
  print(`(${(Number(now() - started) / 1e9).toFixed(1)} s)`);
  result.summary = summary.map(([what, value, budget, ok, fig]) => ({ what, value, budget, pass: ok, ...fig }));
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(result, null, 1));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
