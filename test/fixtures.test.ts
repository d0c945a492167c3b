// Generated reports in every table encoding: a consistent report has no error or warning,
// and one changed number is reported exactly once, on exactly that number.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { checkText } from '../shared/src/engine';
import type { Finding, FindingCode, Range } from '../shared/src/model';
import { describeFinding, describeFindings, documentLines, formatRange, textAt } from './support/findings';
import {
  ENCODINGS,
  TABLE3_TOTAL_COLUMN,
  TABLE4_ROW_ID,
  cellKey,
  consistentData,
  renderReport,
  rowValues,
  withFault,
  type Encoding,
  type Eol,
  type Fault,
  type RenderedReport,
  type ReportData,
} from './support/reportFixture';
import { firstOf, nth, rowOf } from './support/defined';

// ---------------------------------------------------------------------------
// The generator itself (independent of the core)

const numbered = (prefix: string, count: number): string[] => Array.from({ length: count }, (_, i) => `${prefix}.${i + 1}`);

/** Written out here rather than read from the template, so the generator is checked against the design, not itself. */
const RESULT_ROWS = [
  't3.granted',
  't3.partly',
  ...numbered('t3.withheld', 8),
  ...numbered('t3.unable', 3),
  ...numbered('t3.notProcessed', 5),
  ...numbered('t3.otherHandling', 3),
];
const TABLE3_ROWS = ['t3.new', 't3.carriedIn', ...RESULT_ROWS, 't3.resultsTotal', 't3.carriedOut'];
const TABLE2_COLUMN_COUNTS: Record<string, number> = {
  't2.rules': 3,
  't2.normative': 3,
  't2.licensing': 1,
  't2.penalty': 1,
  't2.enforcement': 1,
  't2.fees': 1,
};

const total = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** Every relation of DESIGN §1.3/§1.4 that does not hold, as readable strings. */
function arithmeticViolations(data: ReportData): string[] {
  const violations: string[] = [];
  const t3 = data.table3;
  for (const rowId of TABLE3_ROWS) {
    const row = t3[rowId];
    if (row?.length !== 7) {
      violations.push(`${rowId}: expected 7 numbers, got ${JSON.stringify(row)}`);
      continue;
    }
    if (row[6] !== total(row.slice(0, 6))) violations.push(`${rowId}: 总计 ${row[6]} ≠ ${total(row.slice(0, 6))}`);
  }
  if (violations.length > 0) return violations;
  for (let column = 0; column < 7; column++) {
    const results = total(RESULT_ROWS.map((id) => nth(rowOf(t3, id), column)));
    const resultsTotal = nth(rowOf(t3, 't3.resultsTotal'), column);
    if (resultsTotal !== results) violations.push(`column ${column}: （七）${resultsTotal} ≠ ${results}`);
    const incoming = nth(rowOf(t3, 't3.new'), column) + nth(rowOf(t3, 't3.carriedIn'), column);
    const outgoing = nth(rowOf(t3, 't3.resultsTotal'), column) + nth(rowOf(t3, 't3.carriedOut'), column);
    if (incoming !== outgoing) violations.push(`column ${column}: 一+二 ${incoming} ≠ （七）+四 ${outgoing}`);
  }
  if (data.table4.length !== 15) return [...violations, `table 4 has ${data.table4.length} numbers`];
  for (let group = 0; group < 3; group++) {
    const five = data.table4.slice(group * 5, group * 5 + 5);
    if (five[4] !== total(five.slice(0, 4))) violations.push(`table 4 group ${group}: 总计 ${five[4]} ≠ ${total(five.slice(0, 4))}`);
  }
  return violations;
}

function allNumbers(data: ReportData): { key: string; value: number }[] {
  const rows: [string, number[]][] = [...Object.entries(data.table2), ...Object.entries(data.table3), [TABLE4_ROW_ID, data.table4]];
  return rows.flatMap(([rowId, values]) => values.map((value, column) => ({ key: cellKey(rowId, column), value })));
}

function formatNumber(key: string, value: number): string {
  return key.startsWith('t2.fees#') ? value.toFixed(2) : String(value);
}

describe('report fixture generator', () => {
  test('consistentData satisfies every relation of tables 3 and 4', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const data = consistentData(seed);
      assert.deepEqual(arithmeticViolations(data), [], `seed ${seed}`);
    }
  });

  test('consistentData writes non-negative counts, mostly non-zero, of the right shape', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const data = consistentData(seed);
      assert.deepEqual(Object.keys(data.table3).sort(), [...TABLE3_ROWS].sort(), `seed ${seed}: table 3 rows`);
      for (const [rowId, count] of Object.entries(TABLE2_COLUMN_COUNTS)) {
        assert.equal(data.table2[rowId]?.length, count, `seed ${seed}: ${rowId}`);
      }
      const numbers = allNumbers(data);
      for (const { key, value } of numbers) {
        assert.ok(value >= 0, `seed ${seed}: ${key} = ${value} is negative`);
        if (!key.startsWith('t2.fees#')) assert.ok(Number.isInteger(value), `seed ${seed}: ${key} = ${value} is not an integer`);
      }
      const zeros = numbers.filter((n) => n.value === 0).length;
      assert.ok(zeros < numbers.length / 3, `seed ${seed}: ${zeros} of ${numbers.length} numbers are zero`);
      assert.ok(nth(rowOf(data.table3, 't3.new'), TABLE3_TOTAL_COLUMN) > 0, `seed ${seed}: no new applications`);
    }
  });

  test('consistentData is deterministic per seed', () => {
    assert.deepEqual(consistentData(7), consistentData(7));
    assert.notDeepEqual(consistentData(7), consistentData(8));
  });

  test('withFault changes exactly one number, on a copy', () => {
    const data = consistentData(4);
    const before = JSON.stringify(data);
    const faulty = withFault(data, { rowId: 't3.partly', column: 3, delta: 2 });
    assert.equal(JSON.stringify(data), before, 'the original is unchanged');
    const original = new Map(allNumbers(data).map((n) => [n.key, n.value]));
    const changed = allNumbers(faulty).filter((n) => original.get(n.key) !== n.value);
    assert.deepEqual(changed, [{ key: 't3.partly#3', value: (original.get('t3.partly#3') ?? NaN) + 2 }]);
    assert.equal(
      rowValues(withFault(data, { rowId: 't2.fees', column: 0, delta: 1 }), 't2.fees')[0],
      Math.round((firstOf(rowOf(data.table2, 't2.fees')) + 1) * 100) / 100,
    );
    assert.throws(() => withFault(data, { rowId: 't3.nope', column: 0, delta: 1 }));
    assert.throws(() => withFault(data, { rowId: 't4.cases', column: 15, delta: 1 }));
  });

  for (const encoding of ENCODINGS) {
    for (const eol of ['\n', '\r\n'] as const) {
      test(`renderReport(${encoding}, ${JSON.stringify(eol)}) records the range of every number it wrote`, () => {
        const data = consistentData(2);
        const rendered = renderReport(data, encoding, eol);
        const lines = documentLines(rendered.text);
        const numbers = allNumbers(data);
        assert.equal(rendered.cells.size, numbers.length);
        for (const { key, value } of numbers) {
          const range = rendered.cells.get(key);
          assert.ok(range, `no range for ${key}`);
          assert.equal(range.start.line, range.end.line, `${key} spans lines`);
          assert.equal(textAt(lines, range), formatNumber(key, value), `${key} @${formatRange(range)}`);
          const line = nth(lines, range.start.line, 'line');
          const before = line.slice(0, range.start.character);
          const after = line.slice(range.end.character);
          assert.match(before, /(^|[\s|])$/, `${key}: number not separated from what precedes it`);
          assert.match(after, /^($|[\s|])/, `${key}: number not separated from what follows it`);
        }
        assert.equal(rendered.text.includes('\r'), eol === '\r\n');
        if (eol === '\r\n') assert.ok(!/[^\r]\n/.test(rendered.text), 'every line ends with CRLF');
      });
    }
  }

  test('renderReport writes the title, the six standard headings, the agency and the date', () => {
    const data = consistentData(3);
    for (const encoding of ENCODINGS) {
      const lines = documentLines(renderReport(data, encoding).text).map((l) => l.replace(/^#+\s*/, ''));
      assert.equal(lines[0], `${data.agency}${data.year}年政府信息公开工作年度报告`, encoding);
      const headingLines = [
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ].map((h) => lines.indexOf(h));
      assert.ok(
        headingLines.every((line, i) => line > 0 && (i === 0 || line > nth(headingLines, i - 1, 'line'))),
        `${encoding}: headings in order ${headingLines}`,
      );
      assert.ok(
        lines.some((l) => l.includes('统计期限')),
        `${encoding}: 统计期限`,
      );
      assert.ok(
        lines.slice(headingLines[5]).some((l) => l.includes('信息处理费')),
        `${encoding}: 信息处理费 under 六`,
      );
      const tail = lines.filter((l) => l.length > 0).slice(-2);
      assert.deepEqual(tail, [data.agency, `${data.year + 1}年1月15日`], encoding);
    }
  });
});

// ---------------------------------------------------------------------------
// The core on generated reports

const SEEDS = [1, 2, 3];

function check(text: string): Finding[] {
  const ruleErrors: string[] = [];
  const { findings } = checkText(text, { onRuleError: (code, error) => ruleErrors.push(`${code}: ${String(error)}`) });
  assert.deepEqual(ruleErrors, [], 'a rule threw');
  return findings;
}

const isErrorOrWarning = (f: Finding): boolean => f.severity === 'error' || f.severity === 'warning';
const sameRange = (a: Range, b: Range): boolean =>
  a.start.line === b.start.line &&
  a.start.character === b.start.character &&
  a.end.line === b.end.line &&
  a.end.character === b.end.character;

describe('consistent generated reports', () => {
  for (const encoding of ENCODINGS) {
    for (const seed of SEEDS) {
      test(`${encoding}, seed ${seed}: no error or warning`, () => {
        const { text } = renderReport(consistentData(seed), encoding);
        const findings = check(text);
        assert.deepEqual(
          findings.filter(isErrorOrWarning).map((f) => f.code),
          [],
          `findings on a consistent ${encoding} report (seed ${seed}):\n${describeFindings(findings, text)}`,
        );
      });
    }
  }
});

interface FaultCase {
  code: FindingCode;
  fault: Fault;
}

const FAULT_CASES: readonly FaultCase[] = [
  { code: 'row-total', fault: { rowId: 't3.new', column: TABLE3_TOTAL_COLUMN, delta: 1 } },
  { code: 'results-total', fault: { rowId: 't3.resultsTotal', column: 0, delta: 1 } },
  { code: 'balance', fault: { rowId: 't3.carriedOut', column: 0, delta: 1 } },
  { code: 'review-total', fault: { rowId: TABLE4_ROW_ID, column: 4, delta: 1 } },
];

function renderFaulty(seed: number, encoding: Encoding, fault: Fault, eol: Eol = '\n'): RenderedReport {
  return renderReport(withFault(consistentData(seed), fault), encoding, eol);
}

/** The finding of `code` on exactly the changed cell must exist and be the only error. */
function assertSingleErrorOnCell(label: string, rendered: RenderedReport, code: FindingCode, fault: Fault): void {
  const key = cellKey(fault.rowId, fault.column);
  const expected = rendered.cells.get(key);
  assert.ok(expected, `the fixture recorded no range for ${key}`);
  const findings = check(rendered.text);
  const lines = documentLines(rendered.text);
  const context = `${label}: expected ${code} @${formatRange(expected)} «${textAt(lines, expected)}» (${key}); findings:\n${describeFindings(findings, rendered.text)}`;
  const hit = findings.find((f) => f.code === code && sameRange(f.range, expected));
  assert.ok(hit, `no ${code} finding on the changed cell; ${context}`);
  const errors = findings.filter((f) => f.severity === 'error');
  assert.deepEqual(
    errors.map((f) => describeFinding(f, lines)),
    [describeFinding(hit, lines)],
    `not the only error; ${context}`,
  );
}

describe('one changed number is reported once, on that number', () => {
  for (const encoding of ENCODINGS) {
    for (const { code, fault } of FAULT_CASES) {
      test(`${encoding}: ${code} (${fault.rowId}#${fault.column} +${fault.delta})`, () => {
        for (const seed of SEEDS) assertSingleErrorOnCell(`seed ${seed}`, renderFaulty(seed, encoding, fault), code, fault);
      });
    }
  }

  test('markdown with CRLF line endings: row-total', () => {
    const { code, fault } = firstOf(FAULT_CASES);
    for (const seed of SEEDS) {
      const rendered = renderFaulty(seed, 'markdown', fault, '\r\n');
      assert.ok(rendered.text.includes('\r\n'));
      assertSingleErrorOnCell(`seed ${seed}, CRLF`, rendered, code, fault);
    }
  });
});

describe('a BOM is not content', () => {
  for (const encoding of ENCODINGS) {
    test(`${encoding}: positions are the same with a BOM`, () => {
      const { code, fault } = firstOf(FAULT_CASES);
      const rendered = renderFaulty(1, encoding, fault);
      const expected = rendered.cells.get(cellKey(fault.rowId, fault.column));
      assert.ok(expected);
      const withoutBom = check(rendered.text);
      const bomText = `\ufeff${rendered.text}`;
      const withBom = check(bomText);
      const rangeOf = (findings: Finding[]): Range | undefined => findings.find((f) => f.code === code)?.range;
      const context = `\nwithout BOM:\n${describeFindings(withoutBom, rendered.text)}\nwith BOM:\n${describeFindings(withBom, bomText)}`;
      assert.deepEqual(rangeOf(withBom), expected, `${code} with a BOM is not on the changed cell${context}`);
      assert.deepEqual(rangeOf(withBom), rangeOf(withoutBom), context);
      const summary = (findings: Finding[]): string[] => findings.filter(isErrorOrWarning).map((f) => `${f.code} ${formatRange(f.range)}`);
      assert.deepEqual(summary(withBom), summary(withoutBom), `errors and warnings differ with a BOM${context}`);
    });
  }
});
