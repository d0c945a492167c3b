// The cross-checks of issue 13 on one report: narrative-mismatch, year-mismatch, deadline, fee-missing.
// Each fires on a generated report with one sentence changed, at the exact range of what is wrong, and
// stays silent on near-misses (comparisons with other years, the inclusive reading of 受理, a 人民政府
// report dated 3月20日, prose without numbers), in Markdown and in plain text.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkText, type CheckOptions } from '../shared/src/engine';
import type { Finding, FindingCode, Range } from '../shared/src/model';
import { parseNumber, proseOf, sentenceRange } from '../shared/src/prose';
import { readReport } from '../shared/src/reader';
import { isGovernment } from '../shared/src/rules/crossChecks';
import { firstOf, nth, numberAt, rowOf } from './support/defined';
import { describeFindings } from './support/findings';
import { closingDate, consistentData, renderReport, reportTitle, type Encoding, type ReportData } from './support/reportFixture';

const TOTAL = 6;
const CROSS_CODES: FindingCode[] = ['narrative-mismatch', 'year-mismatch', 'deadline', 'fee-missing'];

/** The first seed whose numbers make every case below meaningful (carried-in, carried-out, reviews and lawsuits not 0). */
function interestingData(): ReportData {
  for (let seed = 1; ; seed++) {
    const d = consistentData(seed);
    const t4 = (i: number) => nth(d.table4, i, 't4.cases column');
    if (numberAt(d.table3, 't3.carriedIn', TOTAL) > 0 && numberAt(d.table3, 't3.carriedOut', TOTAL) > 0 && t4(4) > 0 && t4(9) + t4(14) > 0)
      return d;
  }
}

const DATA = interestingData();
const YEAR = DATA.year;
const NEW = numberAt(DATA.table3, 't3.new', TOTAL);
const CARRIED_IN = numberAt(DATA.table3, 't3.carriedIn', TOTAL);
const CARRIED_OUT = numberAt(DATA.table3, 't3.carriedOut', TOTAL);
const REVIEWS = nth(DATA.table4, 4);
const LAWSUITS = nth(DATA.table4, 9) + nth(DATA.table4, 14);
const GRANTED = numberAt(DATA.table3, 't3.granted', TOTAL);

interface Checked {
  text: string;
  lines: string[];
  findings: Finding[];
}

function check(text: string, options: CheckOptions = {}): Checked {
  const errors: string[] = [];
  const { findings, model } = checkText(text, { ...options, onRuleError: (code, e) => errors.push(`${code}: ${String(e)}`) });
  assert.deepEqual(errors, []);
  return { text, lines: model.lines, findings };
}

function ofCode(c: Checked, code: FindingCode): Finding[] {
  return c.findings.filter((f) => f.code === code);
}

function assertSilent(c: Checked, ...codes: FindingCode[]): void {
  for (const code of codes.length > 0 ? codes : CROSS_CODES)
    assert.deepEqual(ofCode(c, code), [], `${code}:\n${describeFindings(c.findings, c.text)}`);
}

/** The one finding of `code`, at `range`. */
function assertOne(c: Checked, code: FindingCode, range: Range): Finding {
  const found = ofCode(c, code);
  assert.equal(found.length, 1, describeFindings(c.findings, c.text));
  const [f] = found;
  assert.ok(f, describeFindings(c.findings, c.text));
  assert.deepEqual(f.range, range, describeFindings(c.findings, c.text));
  return f;
}

/** Range of `needle` (its `part`, when given) on the first line that contains it. */
function rangeOf(lines: string[], needle: string, part = needle): Range {
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `no line contains ${needle}`);
  const character = nth(lines, line, 'line').indexOf(needle) + needle.indexOf(part);
  return { start: { line, character }, end: { line, character: character + part.length } };
}

/** The report with the line containing `marker` replaced by `text` (same indentation). */
function withLine(encoding: Encoding, marker: string, text: string, data: ReportData = DATA): string {
  const lines = renderReport(data, encoding).text.split('\n');
  const i = lines.findIndex((l) => l.includes(marker));
  assert.ok(i >= 0, `no line contains ${marker}`);
  const indent = /^[\s\u3000]*/.exec(nth(lines, i, 'line'))![0];
  lines[i] = indent + text;
  return lines.join('\n');
}

const REQUESTS = '（二）依申请公开。';
const OVERSIGHT = '（五）监督保障。';

/** Chinese numerals for a count below 10,000 (十二, 一百零三, 两千). */
function chinese(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n === 0) return '零';
  const units = ['千', '百', '十', ''];
  const parts = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  parts.forEach((d, i) => {
    if (d === 0) {
      zero = out.length > 0;
      return;
    }
    if (zero) out += '零';
    zero = false;
    const unit = nth(units, i, 'unit');
    out += (d === 1 && unit === '十' && out.length === 0 ? '' : digits.charAt(d)) + unit;
  });
  return out;
}

describe('prose numbers', () => {
  test('digits, thousands separators and Chinese numerals', () => {
    assert.equal(parseNumber('21'), 21);
    assert.equal(parseNumber('1,234'), 1234);
    assert.equal(parseNumber('一'), 1);
    assert.equal(parseNumber('两'), 2);
    assert.equal(parseNumber('十二'), 12);
    assert.equal(parseNumber('二十'), 20);
    assert.equal(parseNumber('一百零三'), 103);
    assert.equal(parseNumber('两千'), 2000);
    assert.equal(parseNumber('一万二千'), 12000);
    assert.equal(parseNumber('一二'), undefined);
    for (const n of [1, 7, 10, 12, 20, 45, 103, 110, 461, 999, 1005]) assert.equal(parseNumber(chinese(n)), n, chinese(n));
  });
});

for (const encoding of ['markdown', 'pipe'] as const) {
  describe(`cross-checks, ${encoding === 'pipe' ? 'plain text' : encoding}`, () => {
    test('a consistent report: no cross-check finding', () => {
      assertSilent(check(renderReport(DATA, encoding).text));
    });

    describe('narrative-mismatch', () => {
      test('收到…申请N件 matching neither reading: at the number, naming both readings, related to both cells, no fix (which reading is meant is unknown)', () => {
        const wrong = NEW + CARRIED_IN + 5;
        const c = check(withLine(encoding, REQUESTS, `${REQUESTS}全年共收到政府信息公开申请${wrong}件，均在法定期限内答复。`));
        const f = assertOne(c, 'narrative-mismatch', rangeOf(c.lines, `申请${wrong}件`, String(wrong)));
        assert.equal(f.severity, 'warning');
        assert.match(f.message, new RegExp(`${wrong}.*${NEW}.*${CARRIED_IN}.*${NEW + CARRIED_IN}`));
        assert.equal(f.related?.length, 2);
        assert.ok(
          f.related!.every((r) => r.range.start.line > f.range.start.line),
          'the related cells are in table 3',
        );
        assert.equal(f.fix, undefined);
      });

      test('新收…申请N件: the table is the reference, fix 「改为 N」 on the prose number', () => {
        const c = check(withLine(encoding, REQUESTS, `${REQUESTS}全年新收政府信息公开申请${NEW + 1}件，上年结转${CARRIED_IN}件。`));
        const f = assertOne(c, 'narrative-mismatch', rangeOf(c.lines, `申请${NEW + 1}件`, String(NEW + 1)));
        assert.equal(f.fix?.title, `改为 ${NEW}`);
        assert.deepEqual(f.fix?.edits, [{ range: f.range, newText: String(NEW) }]);
        // Applying it leaves nothing to report.
        const lines = c.text.split('\n');
        const l = nth(lines, f.range.start.line, 'line');
        lines[f.range.start.line] = l.slice(0, f.range.start.character) + String(NEW) + l.slice(f.range.end.character);
        assertSilent(check(lines.join('\n')), 'narrative-mismatch');
      });

      test('both readings of 受理 are accepted: 新收 alone, and 新收 + 上年结转', () => {
        assertSilent(check(withLine(encoding, REQUESTS, `${REQUESTS}全年受理政府信息公开申请${NEW}件。`)), 'narrative-mismatch');
        assertSilent(
          check(withLine(encoding, REQUESTS, `${REQUESTS}全年共受理政府信息公开申请${NEW + CARRIED_IN}件（含上年结转${CARRIED_IN}件）。`)),
          'narrative-mismatch',
        );
      });

      test('Chinese numerals: 「收到申请${chinese}件」 is read as the number', () => {
        assertSilent(check(withLine(encoding, REQUESTS, `${REQUESTS}本年度收到政府信息公开申请${chinese(NEW)}件。`)), 'narrative-mismatch');
        const wrong = chinese(NEW + CARRIED_IN + 12);
        const c = check(withLine(encoding, REQUESTS, `${REQUESTS}本年度收到政府信息公开申请${wrong}件。`));
        assertOne(c, 'narrative-mismatch', rangeOf(c.lines, `${wrong}件`, wrong));
      });

      test('near-misses: other years, comparisons, other agencies, channels, other kinds of requests, prose without numbers', () => {
        const sentences = [
          `与上年相比，收到政府信息公开申请${NEW + 50}件，增长明显。`,
          `较${YEAR - 1}年，受理政府信息公开申请数量${NEW + 7}件。`,
          `受理政府信息公开申请${NEW + 9}件，同比持平。`,
          `全县各部门共受理政府信息公开申请${NEW + 100}件。`,
          `其中，通过网络平台收到申请${NEW + 3}件。`,
          `全年受理网络问政${NEW + 11}件，收到人大代表建议申请${NEW + 13}件。`,
          '依法受理政府信息公开申请，均在法定期限内答复。',
          '未收到该申请人提交的补正材料。',
        ];
        for (const s of sentences) assertSilent(check(withLine(encoding, REQUESTS, REQUESTS + s)), 'narrative-mismatch');
      });

      test('「未收到…申请」 against a non-zero 一: at the words', () => {
        const c = check(withLine(encoding, REQUESTS, `${REQUESTS}本年度未收到政府信息公开申请。`));
        const f = assertOne(c, 'narrative-mismatch', rangeOf(c.lines, '未收到政府信息公开申请'));
        assert.match(f.message, new RegExp(String(NEW)));
        assert.equal(f.fix, undefined);
      });

      test('「所有申请均已办结」 against a non-zero 四; 「其余均已办结」 is not every request', () => {
        const c = check(withLine(encoding, REQUESTS, `${REQUESTS}所有申请均已办结，无逾期答复。`));
        const f = assertOne(c, 'narrative-mismatch', rangeOf(c.lines, '均已办结'));
        assert.match(f.message, new RegExp(String(CARRIED_OUT)));
        assertSilent(
          check(withLine(encoding, REQUESTS, `${REQUESTS}除${CARRIED_OUT}件结转下年度外，其余申请均已办结。`)),
          'narrative-mismatch',
        );
      });

      test('行政复议N件 and 行政诉讼N件 against table 4 (诉讼 = 直接起诉 + 复议后起诉), with 「改为 N」', () => {
        const c = check(
          withLine(encoding, OVERSIGHT, `${OVERSIGHT}全年发生政府信息公开行政复议${REVIEWS + 1}件、行政诉讼${LAWSUITS + 2}件。`),
        );
        const found = ofCode(c, 'narrative-mismatch');
        assert.equal(found.length, 2, describeFindings(c.findings, c.text));
        const [reviews, lawsuits] = [nth(found, 0), nth(found, 1)];
        assert.deepEqual(reviews.range, rangeOf(c.lines, `复议${REVIEWS + 1}件`, String(REVIEWS + 1)));
        assert.equal(reviews.fix?.title, `改为 ${REVIEWS}`);
        assert.deepEqual(lawsuits.range, rangeOf(c.lines, `诉讼${LAWSUITS + 2}件`, String(LAWSUITS + 2)));
        assert.equal(lawsuits.fix?.title, `改为 ${LAWSUITS}`);
        assert.equal(lawsuits.related?.length, 2);
        assertSilent(
          check(withLine(encoding, OVERSIGHT, `${OVERSIGHT}全年发生行政复议${REVIEWS}件、行政诉讼${LAWSUITS}件。`)),
          'narrative-mismatch',
        );
      });

      test('a breakdown (予以公开N件) against its row', () => {
        const c = check(withLine(encoding, REQUESTS, `${REQUESTS}办结的申请中，予以公开${GRANTED + 4}件。`));
        const f = assertOne(c, 'narrative-mismatch', rangeOf(c.lines, `公开${GRANTED + 4}件`, String(GRANTED + 4)));
        assert.equal(f.fix?.title, `改为 ${GRANTED}`);
        assertSilent(check(withLine(encoding, REQUESTS, `${REQUESTS}办结的申请中，予以公开${GRANTED}件。`)), 'narrative-mismatch');
      });

      test('a table whose own total does not add up is no reference (the arithmetic rule reports it)', () => {
        const data = structuredClone(DATA);
        rowOf(data.table3, 't3.new')[TOTAL] = NEW + 3; // 总计 ≠ the six columns: row-total, not narrative-mismatch
        const c = check(withLine(encoding, REQUESTS, `${REQUESTS}全年新收政府信息公开申请${NEW}件。`, data));
        assertSilent(c, 'narrative-mismatch');
        assert.ok(ofCode(c, 'row-total').length > 0);
      });

      test('suppressed by a disable comment, and by a severity of off', () => {
        const text = withLine(encoding, REQUESTS, `${REQUESTS}全年新收政府信息公开申请${NEW + 1}件。`);
        const lines = text.split('\n');
        const i = lines.findIndex((l) => l.includes(REQUESTS));
        lines.splice(
          i,
          0,
          encoding === 'markdown'
            ? '<!-- nianbao-disable-next-line narrative-mismatch -->'
            : '// nianbao-disable-next-line narrative-mismatch',
        );
        assertSilent(check(lines.join('\n')), 'narrative-mismatch');
        assertSilent(check(text, { severities: { 'narrative-mismatch': 'off' } }), 'narrative-mismatch');
        assert.equal(
          firstOf(ofCode(check(text, { severities: { 'narrative-mismatch': 'error' } }), 'narrative-mismatch')).severity,
          'error',
        );
      });
    });

    describe('year-mismatch', () => {
      test('the 统计期限 of another year: each year of the period, related to the title', () => {
        const text = renderReport(DATA, encoding).text.replace(
          `统计期限自${YEAR}年1月1日起至${YEAR}年12月31日止`,
          `统计期限自${YEAR - 1}年1月1日起至${YEAR - 1}年12月31日止`,
        );
        const c = check(text);
        const found = ofCode(c, 'year-mismatch');
        assert.equal(found.length, 2, describeFindings(c.findings, c.text));
        const f = nth(found, 0);
        assert.deepEqual(f.range, rangeOf(c.lines, `自${YEAR - 1}年`, `${YEAR - 1}年`));
        assert.match(f.message, new RegExp(`${YEAR - 1}.*${YEAR}`));
        assert.deepEqual(f.related?.[0]?.range.start.line, 0, 'the title');
        assert.equal(f.fix, undefined);
      });

      test('a statement of last year’s work left in the report, at its year', () => {
        const c = check(withLine(encoding, REQUESTS, `${YEAR - 1}年制作、获取政府信息总数467条。`));
        const f = assertOne(c, 'year-mismatch', rangeOf(c.lines, `${YEAR - 1}年制作`, `${YEAR - 1}年`));
        assert.match(f.message, new RegExp(`${YEAR - 1}.*${YEAR}`));
        const c2 = check(withLine(encoding, REQUESTS, `${REQUESTS}${YEAR - 1}年，我局共收到政府信息公开申请3件。`));
        assertOne(c2, 'year-mismatch', rangeOf(c2.lines, `${YEAR - 1}年，我局`, `${YEAR - 1}年`));
      });

      test('near-misses: comparisons with earlier years, dates, titles of documents, plans for next year, last year’s problems', () => {
        const sentences = [
          `与${YEAR - 1}年相比，主动公开信息数量增加了10%。`,
          `较${YEAR - 1}年，政务新媒体账号减少2个。`,
          `截至${YEAR - 1}年底，正在运维的政务新媒体共计4个。`,
          `在网站公开了《${YEAR - 1}年法治政府建设工作情况报告》等信息。`,
          `${YEAR + 1}年，我局将继续深化政务公开。`,
          `${YEAR - 1}年度报告发布后，我局及时整改。`,
        ];
        for (const s of sentences) assertSilent(check(withLine(encoding, REQUESTS, REQUESTS + s)), 'year-mismatch');
        // Section 五 speaks of last year's problems.
        assertSilent(check(withLine(encoding, '针对上年度存在的问题', `${YEAR - 1}年，我单位存在的问题已整改完毕。`)), 'year-mismatch');
      });

      test('a closing date not in the year after the report’s year', () => {
        for (const date of [`${YEAR}年12月30日`, `${YEAR + 2}年1月5日`]) {
          const c = check(renderReport(DATA, encoding).text.replace(closingDate(DATA), date));
          const f = assertOne(c, 'year-mismatch', rangeOf(c.lines, date));
          assert.match(f.message, new RegExp(date));
          assertSilent(c, 'deadline');
        }
      });
    });

    describe('deadline', () => {
      const dated = (date: string, agency = DATA.agency) => {
        const data = { ...DATA, agency };
        return check(renderReport(data, encoding).text.replace(closingDate(data), date));
      };

      test('a department after 1月31日: information at the date, related to the title', () => {
        const c = dated(`${YEAR + 1}年2月5日`);
        const f = assertOne(c, 'deadline', rangeOf(c.lines, `${YEAR + 1}年2月5日`));
        assert.equal(f.severity, 'info');
        assert.match(f.message, /1月31日/);
        assert.match(f.message, /第四十九条/);
        assert.equal(f.related?.[0]?.range.start.line, 0);
        assertSilent(dated(`${YEAR + 1}年1月31日`), 'deadline');
      });

      test('a 人民政府’s own report dated 3月20日 is on time; after 3月31日 it is not', () => {
        assertSilent(dated(`${YEAR + 1}年3月20日`, '青山县人民政府'), 'deadline', 'year-mismatch');
        const c = dated(`${YEAR + 1}年4月2日`, '青山县人民政府');
        const f = assertOne(c, 'deadline', rangeOf(c.lines, `${YEAR + 1}年4月2日`));
        assert.match(f.message, /3月31日/);
      });

      test('a 人民政府办公室 is a department', () => {
        assert.equal(isGovernment('青山县人民政府'), true);
        assert.equal(isGovernment('青山县人民政府办公室'), false);
        assert.equal(isGovernment('青山县自然资源局'), false);
        assertOne(
          dated(`${YEAR + 1}年2月20日`, '青山县人民政府办公室'),
          'deadline',
          rangeOf(dated(`${YEAR + 1}年2月20日`, '青山县人民政府办公室').lines, `${YEAR + 1}年2月20日`),
        );
      });
    });

    describe('fee-missing', () => {
      const FEE = '未收取信息处理费';

      test('section 六 without a word on 信息处理费: information at its heading', () => {
        const c = check(withLine(encoding, FEE, '本年度无其他需要报告的事项。'));
        const f = assertOne(c, 'fee-missing', rangeOf(c.lines, '六、其他需要报告的事项'));
        assert.equal(f.severity, 'info');
      });

      test('「未收取信息处理费」, 「未发生收费情况」 and a fee stated elsewhere in the prose count', () => {
        assertSilent(check(renderReport(DATA, encoding).text), 'fee-missing');
        assertSilent(check(withLine(encoding, FEE, '本年度政府信息公开未发生收费情况。')), 'fee-missing');
        const elsewhere = withLine(encoding, FEE, '无。').replace(`${REQUESTS}`, `${REQUESTS}本年度未收取信息处理费。`);
        assertSilent(check(elsewhere), 'fee-missing');
      });
    });
  });
}

test('the title, the fixture and the checks agree on the year (sanity of the fixture used above)', () => {
  assert.match(reportTitle(DATA), new RegExp(String(YEAR)));
  assert.ok(NEW > 0 && CARRIED_IN > 0 && CARRIED_OUT > 0 && REVIEWS > 0 && LAWSUITS > 0);
});

describe('the prose the cross-checks read', () => {
  const sentencesOf = (body: string[]) => {
    const model = readReport(['XX局2024年政府信息公开工作年度报告', '一、总体情况', ...body, '二、主动公开政府信息情况'].join('\n'));
    return { model, sentences: proseOf(model) };
  };

  test('only sentences with a word a check reads are kept, each with its exact source range across a wrapped line', () => {
    const wrapped = '本机关认真贯彻落实条例各项规定，进一步完善工作机制，全年共收到政府信息公开';
    const { sentences } = sentencesOf(['我局高度重视政务公开工作。', wrapped, '申请12件。其余工作按计划推进。']);
    assert.deepEqual(
      sentences.map((s) => s.text),
      [`${wrapped}申请12件。`],
    );
    const s = firstOf(sentences);
    const at = s.text.indexOf('12');
    assert.deepEqual(sentenceRange(s, at, at + 2), { start: { line: 4, character: 2 }, end: { line: 4, character: 4 } });
  });

  test('a year that starts a clause is a statement of that year, also right after ！ or ？; one inside a clause is not', () => {
    const { sentences } = sentencesOf(['工作成效明显！2023年，我局完善制度。', '截至2023年底制度已完善。何以如此？２０２３年起步。']);
    assert.deepEqual(
      sentences.map((s) => s.text),
      ['2023年，我局完善制度。', '2023年起步。'],
    );
  });

  test('a paragraph longer than a sentence may be is cut every 2,000 characters, and its words are still found', () => {
    const { sentences } = sentencesOf(['某'.repeat(2500) + '收到申请3件' + '某'.repeat(10)]);
    assert.equal(sentences.length, 1);
    assert.equal(firstOf(sentences).text, '某'.repeat(500) + '收到申请3件' + '某'.repeat(10));
  });
});
