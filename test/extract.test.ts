// `nianbao extract`: one row per report. The CSV of the corpus is read back with a CSV parser; its numbers
// are checked against literal numbers read by hand from two reports (005 and 003), and, for every corpus
// report, against the full tables of the JSON output (so a CSV column cannot drift from its cells).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { CSV_HEADERS, EXTRACT_COLUMNS } from '../shared/src/cli/extract';
import { defined, firstOf, nth } from './support/defined';
import { CORPUS_DIR, corpusFile, corpusReports } from './support/corpus';
import { expectedFindings } from './support/expectedCorpus';

const CLI = 'dist/cli.js';
const CORPUS = CORPUS_DIR;
const CORPUS_005 = corpusFile('005_hongze_2023_pdftotext.txt');
const CORPUS_003 = corpusFile('003_558acb648baee211.txt');
const CORPUS_FILES = corpusReports().map((name) => join(CORPUS, name));

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string; bytes: Buffer } {
  const result = spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8'), bytes: result.stdout };
}

type Row = Record<string, string>;

/** The CSV as records keyed by the Chinese headers (the BOM removed by the parser). */
function csvRows(text: string): Row[] {
  return parse(text, { bom: true, columns: true, relax_column_count: false }) as Row[];
}

interface JsonTable {
  found: boolean;
  format: string;
  rows: { id: string; label: string; cells: Record<string, number | null> }[];
}
interface JsonRecord {
  file: string;
  agency: string | null;
  year: number | null;
  format: string | null;
  numbers: Record<string, number | null>;
  errors: number | null;
  warnings: number | null;
  codes: string[];
  reason: string | null;
  tables: Record<'table2' | 'table3' | 'table4', JsonTable> | null;
}

const header = (key: string): string => EXTRACT_COLUMNS.find((c) => c.key === key)!.header;

/** The CSV field of a key number, as a number ('' → null). */
function num(row: Row, key: string): number | null {
  const text = field(row, header(key));
  return text === '' ? null : Number(text);
}

/** The counts and codes of a corpus row are those of EXPECTED.md (which leaves hints out: `hints` are the hint codes). */
function assertCountsAsExpected(row: Row, file: string, hints: string[]): void {
  const expected = expectedFindings(basename(file));
  assert.equal(field(row, '错误数'), String(expected.filter((f) => f.severity === 'error').length), '错误数');
  assert.equal(field(row, '警告数'), String(expected.filter((f) => f.severity === 'warning').length), '警告数');
  assert.deepEqual(field(row, '发现的问题代码').split(' ').sort(), [...new Set([...expected.map((f) => f.code), ...hints])].sort());
}

/** The CSV field under a header, failing the test when the row has no such column. */
function field(row: Row, name: string): string {
  return defined(row[name], `column ${name}`);
}

let tmp: string;
let corpusCsv: Row[];
let corpusJson: JsonRecord[];
before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'nianbao-extract-'));
  const csv = cli('extract', CORPUS);
  corpusCsv = csvRows(csv.stdout);
  corpusJson = JSON.parse(cli('extract', '--format', 'json', CORPUS).stdout) as JsonRecord[];
});
after(() => rmSync(tmp, { recursive: true, force: true }));

const rowOf = (file: string): Row => {
  const row = corpusCsv.find((r) => r['文件'] === file);
  assert.ok(row, `a row for ${file}`);
  return row;
};

describe('nianbao extract (CSV)', () => {
  it('is UTF-8 with a BOM, Chinese headers, CRLF rows, one row per file of the folder', () => {
    const run = cli('extract', CORPUS);
    assert.deepEqual([...run.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM');
    const firstLine = run.stdout.slice(1, run.stdout.indexOf('\r\n'));
    assert.equal(firstLine, CSV_HEADERS.join(','));
    assert.ok(CSV_HEADERS.includes('机关') && CSV_HEADERS.includes('错误数'));
    // every .txt and .md file of the folder (EXPECTED.md too: not a report, so no numbers and a reason)
    assert.deepEqual(
      corpusCsv.map((r) => r['文件']),
      readdirSync(CORPUS)
        .sort()
        .map((name) => join(CORPUS, name)),
    );
    const expected = corpusCsv.find((r) => field(r, '文件').endsWith('EXPECTED.md'))!;
    assert.match(field(expected, '未提取原因'), /不是政府信息公开工作年度报告/);
    for (const c of EXTRACT_COLUMNS) assert.equal(expected[c.header], '', c.header);
  });

  it('005 (pdftotext columns): the numbers read by hand from the report', () => {
    const row = rowOf(CORPUS_005);
    assert.equal(row['机关'], '洪泽区人民政府');
    assert.equal(row['年度'], '2023');
    // Table 3, 总计 column (lines 94–132): 新收 21, 结转 0, （七）总计 21, 结转下年度 0.
    assert.deepEqual(
      ['new', 'carriedIn', 'resultsTotal', 'carriedOut'].map((k) => num(row, k)),
      [21, 0, 21, 0],
    );
    // （一）0; （二）4; （三）1 + 0 + 0 + 0 + 0 + 1 + 1 + 0 = 3; （四）10 + 3 + 0 = 13; （五）1 + 0 + 0 + 0 + 0 = 1;
    // （六）written as one row: 0.
    assert.deepEqual(
      ['granted', 'partly', 'withheld', 'unable', 'notProcessed', 'otherHandling'].map((k) => num(row, k)),
      [0, 4, 3, 13, 1, 0],
    );
    // Table 4 (line 149: 10 1 0 0 0 | 0 0 0 0 0 | 5 0 0 0 0): the totals as written, 0 0 0 (two of them wrong).
    assert.deepEqual(
      ['review', 'direct', 'afterReview'].map((k) => num(row, k)),
      [0, 0, 0],
    );
    // Table 2: 规章 现行有效 0, 行政规范性文件 现行有效 5, 行政许可 550, 行政处罚 4119, 行政强制 195, 收费 7730.28 万元.
    assert.deepEqual(
      ['rules', 'normative', 'licensing', 'penalty', 'enforcement', 'fees'].map((k) => num(row, k)),
      [0, 5, 550, 4119, 195, 7730.28],
    );
    // As EXPECTED.md says: two review-total errors (table 4), one legacy-format warning (（六）as one row),
    // label-wording on the typo 2.其他法律行政止公开 (line 108); and hints on the page footers.
    assertCountsAsExpected(row, CORPUS_005, ['conversion-artifact']);
    assert.equal(row['未提取原因'], '');
  });

  it('003 (pipe rows, 2019 format): the numbers read by hand from the report', () => {
    const row = rowOf(CORPUS_003);
    assert.equal(row['机关'], '盂县卫生健康和体育局');
    assert.equal(row['年度'], '2023');
    assert.equal(row['表格格式'], '2019');
    // 规章 | 0 | 0 | 0 and 规范性文件 | 0 | 0 | 0: 对外公开总数量 0; 行政许可 | 0 | 0 | 0; 行政处罚 | 24 | 10(减) | 14;
    // 行政强制 | 0 | 0 | 0; 行政事业性收费 has no amount on the 2019 format: empty.
    assert.deepEqual(
      ['rules', 'normative', 'licensing', 'penalty', 'enforcement', 'fees'].map((k) => num(row, k)),
      [0, 0, 0, 14, 0, null],
    );
    for (const key of [
      'new',
      'carriedIn',
      'resultsTotal',
      'carriedOut',
      'granted',
      'partly',
      'withheld',
      'unable',
      'notProcessed',
      'otherHandling',
      'review',
      'direct',
      'afterReview',
    ]) {
      assert.equal(num(row, key), 0, key);
    }
    assertCountsAsExpected(row, CORPUS_003, []);
  });
});

describe('nianbao extract --format json', () => {
  it('holds every cell of the three tables, with the 2019 signed changes as numbers (003)', () => {
    const record = corpusJson.find((r) => r.file === CORPUS_003)!;
    const t2 = record.tables!.table2;
    assert.equal(t2.format, '2019');
    const cells = (id: string): Record<string, number | null> => t2.rows.find((r) => r.id === id)!.cells;
    assert.deepEqual(cells('t2.otherServices'), { 上一年项目数量: 269, '本年增/减': -8, 处理决定数量: 261 });
    assert.deepEqual(cells('t2.penalty'), { 上一年项目数量: 24, '本年增/减': -10, 处理决定数量: 14 });
    assert.deepEqual(cells('t2.purchase'), { 采购项目数量: 0, 采购总金额: 0 });
    assert.equal(record.tables!.table3.rows.length, 23, 'every row of the 2019 table 3: 一 二 （一）（二） 8 + 3 + 5 （六） （七） 四');
    assert.deepEqual(firstOf(record.tables!.table4.rows).cells['行政复议·总计'], 0);
  });

  it('writes null for a missing cell (004: the 总计 cells left empty)', () => {
    const record = corpusJson.find((r) => r.file.includes('004_'))!;
    const t3 = record.tables!.table3;
    const newRow = t3.rows.find((r) => r.id === 't3.new')!;
    assert.equal(newRow.cells['总计'], null);
    assert.equal(record.numbers.new, null);
    assert.ok(
      Object.values(newRow.cells)
        .slice(0, 6)
        .every((v) => typeof v === 'number'),
      JSON.stringify(newRow.cells),
    );
  });

  for (const file of CORPUS_FILES) {
    it(`the CSV's numbers are the cells of the tables: ${file}`, () => {
      const record = corpusJson.find((r) => r.file === file)!;
      const row = rowOf(file);
      for (const c of EXTRACT_COLUMNS) assert.equal(num(row, c.key), record.numbers[c.key], c.key);
      if (!record.tables) return;
      const t3 = record.tables.table3;
      const total = (id: string): number | null => t3.rows.find((r) => r.id === id)?.cells['总计'] ?? null;
      const sum = (prefix: string): number | null => {
        const rows = t3.rows.filter((r) => r.id === prefix || r.id.startsWith(prefix + '.'));
        if (rows.length === 0 || rows.some((r) => r.cells['总计'] === null)) return null;
        return rows.reduce((s, r) => s + r.cells['总计']!, 0);
      };
      assert.equal(num(row, 'new'), total('t3.new'));
      assert.equal(num(row, 'carriedOut'), total('t3.carriedOut'));
      assert.equal(num(row, 'resultsTotal'), total('t3.resultsTotal'));
      for (const [key, id] of [
        ['withheld', 't3.withheld'],
        ['unable', 't3.unable'],
        ['notProcessed', 't3.notProcessed'],
        ['otherHandling', 't3.otherHandling'],
      ] as const) {
        assert.equal(num(row, key), sum(id), key);
      }
      const t4 = firstOf(record.tables.table4.rows).cells;
      assert.deepEqual(
        ['review', 'direct', 'afterReview'].map((k) => num(row, k)),
        [t4['行政复议·总计'], t4['行政诉讼·未经复议直接起诉·总计'], t4['行政诉讼·复议后起诉·总计']],
      );
      assert.equal(
        num(row, 'penalty'),
        record.tables.table2.rows.find((r) => r.id === 't2.penalty')!.cells[
          record.tables.table2.format === '2019' ? '处理决定数量' : '本年处理决定数量'
        ],
      );
    });
  }
});

describe('nianbao extract: files that cannot be read', () => {
  it('gives them a row with empty numbers and the reason, names them on stderr, and exits 2', () => {
    const binary = join(tmp, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x61, 0x00, 0x62]));
    const run = cli('extract', binary, 'examples/errors.nianbao.md');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /binary\.txt.*NUL/);
    const rows = csvRows(run.stdout);
    assert.equal(rows.length, 2);
    assert.equal(firstOf(rows)['文件'], binary);
    assert.match(field(firstOf(rows), '未提取原因'), /NUL/);
    for (const c of EXTRACT_COLUMNS) assert.equal(firstOf(rows)[c.header], '');
    assert.equal(firstOf(rows)['错误数'], '');
    // The readable one is extracted: errors.nianbao.md's 新收 is 45 and it has three planted errors.
    assert.equal(nth(rows, 1)['表三·一、本年新收申请（总计）'], '45');
    assert.equal(nth(rows, 1)['错误数'], '3');

    const json = JSON.parse(cli('extract', '--format', 'json', binary).stdout) as JsonRecord[];
    assert.equal(firstOf(json).tables, null);
    assert.match(firstOf(json).reason ?? '', /NUL/);
    assert.ok(Object.values(firstOf(json).numbers).every((v) => v === null));
  });

  it('rejects an unknown format', () => {
    const run = cli('extract', '--format', 'xlsx', CORPUS_003);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /xlsx/);
  });
});
