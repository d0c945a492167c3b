// Cross-checks of the report as a whole (DESIGN §1.6): its years, its publication deadline and the
// 信息处理费 statement of section 六.
//
// - year-mismatch: the title's year, the 统计期限 and statements of the year's own work
//   (「2024年，我局…」「2024年制作、获取政府信息…」 in a 2025 report) disagree, or the closing date is not in
//   the year after the report's year. Comparisons with other years, plans for the next year, document
//   titles (《2022年…》) and dates such as 「截至2023年底」 are not statements of the year's own work.
// - deadline (info): 《条例》第四十九条 — a department publishes by 1月31日, a 人民政府 its own report by 3月31日.
// - fee-missing (info): the 2021 format asks section 六 for the 信息处理费 collected (「未收取」 counts).

import type { RuleFinding, Range, RelatedInfo, ReportModel } from '../model';
import { memoOnModel, proseOf, sentenceRange, yearsIn, type Sentence } from '../prose';
import { defineRule, type Msg } from './rule';
import { lineText } from './util';

const PERIOD_RE = /统计(?:期限|时限|时间|区间|周期|范围)/;
/** How far after 统计期限 its years are read (`为2024年1月1日至2024年12月31日`). */
const PERIOD_SPAN = 40;
/** A year that starts a clause: at the start, after punctuation or an item number (（一）, 一是, 1.). */
function startsClause(text: string, index: number): boolean {
  const before = text[index - 1];
  if (index === 0 || (before !== undefined && '。；;：:，,）)'.includes(before))) return true;
  return index <= 4 && /^(?:[一二三四五六七八九十]{1,3}[是、]|\d{1,2}[.．、])$/.test(text.slice(0, index));
}
/** What follows 「YYYY年」 in a statement of that year's work. */
const OWN_WORK_RE =
  /^度?(?:[，,]|全年|共|累计|我|本(?:局|单位|机关|部门|委|办|院|中心)|制作|获取|主动公开|收到|受理|新收|发布|办理|在|通过)/;
/** Comparisons and references to other periods: their years are not a mismatch. */
const OTHER_PERIOD_RE = /同比|环比|相比|相较|[较比与](?:上|去|前|(?:19|20)\d{2})|去年|上一年|上年|同期|以来|增长|下降|增加|减少|持平/;
/** How many years back a leftover of an earlier report is looked for. */
const STALE_YEARS = 3;

interface YearFacts {
  /** The year the report is about: the title's, else the statistics period's. */
  year?: number;
  /** Where that year is written (for related information). */
  source?: { range: Range; what: 'title' | 'period' };
  period?: { sentence: Sentence; years: { year: number; index: number }[] };
}

function periodOf(model: ReportModel): YearFacts['period'] {
  for (const s of proseOf(model)) {
    if (s.section > 1) break;
    const m = PERIOD_RE.exec(s.text);
    if (!m) continue;
    const end = m.index + m[0].length + PERIOD_SPAN;
    const years = yearsIn(s.text).filter((y) => y.index > m.index && y.index < end);
    if (years.length > 0) return { sentence: s, years };
  }
  return undefined;
}

const YEAR_FACTS = Symbol('nianbao.yearFacts');

function yearFacts(model: ReportModel): YearFacts {
  return memoOnModel(model, YEAR_FACTS, readYearFacts);
}

function readYearFacts(model: ReportModel): YearFacts {
  let facts: YearFacts;
  const period = periodOf(model);
  if (model.title?.year !== undefined) facts = { year: model.title.year, source: { range: model.title.range, what: 'title' }, period };
  else if (period?.years[0]) {
    const first = period.years[0];
    facts = { year: first.year, source: { range: sentenceRange(period.sentence, first.index, first.index + 5), what: 'period' }, period };
  } else facts = { period };
  return facts;
}

function yearRelated(facts: YearFacts, msg: Msg): RelatedInfo[] {
  if (!facts.source || facts.year === undefined) return [];
  return [
    {
      range: facts.source.range,
      message: msg(facts.source.what === 'title' ? 'related.titleYear' : 'related.periodYear', { year: facts.year }),
    },
  ];
}

function dateText(d: { year: number; month: number; day: number }): string {
  return `${d.year}年${d.month}月${d.day}日`;
}

export const yearMismatch = defineRule({
  code: 'year-mismatch',
  severity: 'warning',
  description: {
    zh: '标题年份、统计期限、正文所述本年度工作的年份或落款日期的年份不一致',
    en: 'The years of the title, the statistics period, the year’s own statements or the closing date disagree',
  },
  check(model, { msg }) {
    const facts = yearFacts(model);
    const findings: RuleFinding[] = [];
    const year = facts.year;
    if (year === undefined) return findings;
    const related = yearRelated(facts, msg);
    const push = (range: Range, message: string, data: Record<string, unknown>) => findings.push({ range, message, related, data });

    // The statistics period: every year it names is the report's year.
    if (facts.period) {
      for (const y of facts.period.years) {
        if (y.year === year) continue;
        push(sentenceRange(facts.period.sentence, y.index, y.index + 5), msg('year-mismatch.period', { written: y.year, year }), {
          written: y.year,
          year,
        });
      }
    }
    // Statements of the year's own work in the intro and sections 一 to 四.
    for (const s of proseOf(model)) {
      if (s.section > 4 || s === facts.period?.sentence || !s.text.includes('年') || OTHER_PERIOD_RE.test(s.text)) continue;
      for (const y of yearsIn(s.text)) {
        if (y.year >= year || y.year < year - STALE_YEARS) continue;
        if (!startsClause(s.text, y.index) || !OWN_WORK_RE.test(s.text.slice(y.index + 5, y.index + 12))) continue;
        const quote = s.text.slice(y.index, Math.min(s.text.length, y.index + 16)).replace(/[。；;，,]$/, '');
        push(sentenceRange(s, y.index, y.index + 5), msg('year-mismatch.statement', { written: y.year, year, text: quote }), {
          written: y.year,
          year,
        });
      }
    }
    // The closing date: the report on a year is published in the next one.
    const date = model.closing.date;
    if (date && model.closing.dateRange && date.year !== year + 1) {
      push(model.closing.dateRange, msg('year-mismatch.closing', { date: dateText(date), year, next: year + 1 }), {
        written: date.year,
        year,
      });
    }
    return findings;
  },
});

/** The README's line for `year-mismatch` (generated into its table of finding codes). */
export const yearMismatchDoc =
  "the title's year, the 统计期限, a statement of the year's own work (「2024年，我局…」 in a 2025 report) or the closing date's year (not the next year) disagree";

/** A 人民政府's own report (3月31日); a department, 人民政府办公室 included, publishes by 1月31日. */
export function isGovernment(agency: string): boolean {
  const name = agency.replace(/[\s\u3000]+/g, '');
  return /(?:人民政府|政府|管理委员会|管委会)$/.test(name);
}

export const deadline = defineRule({
  code: 'deadline',
  severity: 'info',
  description: {
    zh: '落款日期晚于《条例》第四十九条规定的公布期限（部门1月31日，人民政府3月31日）',
    en: 'The closing date is after the deadline of Regulations art. 49 (31 January for a department, 31 March for a people’s government)',
  },
  check(model, { msg }) {
    const { year } = yearFacts(model);
    const date = model.closing.date;
    if (year === undefined || !date || !model.closing.dateRange || date.year !== year + 1) return [];
    const names = [model.title?.agency, model.closing.agency].filter((n): n is string => !!n);
    const [agency] = names;
    if (agency === undefined) return [];
    const government = names.some(isGovernment);
    const [month, day] = government ? [3, 31] : [1, 31];
    if (date.month < month || (date.month === month && date.day <= day)) return [];
    const agencyRange = model.title?.agency ? model.title.range : model.closing.agencyRange;
    return [
      {
        range: model.closing.dateRange,
        message: msg(government ? 'deadline.government' : 'deadline.department', { date: dateText(date), next: year + 1, year }),
        related: agencyRange
          ? [{ range: agencyRange, message: msg(government ? 'related.government' : 'related.department', { agency }) }]
          : undefined,
        data: { government, limit: `${year + 1}-${month}-${day}` },
      },
    ];
  },
});

/** The README's line for `deadline` (generated into its table of finding codes). */
export const deadlineDoc =
  "the closing date is after the 《条例》第四十九条 deadline: 1月31日 for a department's report (人民政府办公室 included), 3月31日 for a 人民政府's own report";

/** The fee is mentioned: 信息处理费 anywhere in the prose, or any fee wording in section 六. */
const FEE_ANYWHERE_RE = /处理费/;
const FEE_SECTION6_RE = /处理费|收费|收取|费用/;

export const feeMissing = defineRule({
  code: 'fee-missing',
  severity: 'info',
  description: {
    zh: '第六部分没有说明收取信息处理费的情况（2021 年格式）',
    en: 'Section 六 does not state the information processing fees (信息处理费) collected (2021 format)',
  },
  check(model, { msg }) {
    const section6 = model.sections.find((s) => s.heading.section === 6);
    if (!section6) return [];
    // The 2021 format only: a report on the 2019 format (or for a year before 2021) was not asked for it.
    const tables = Object.values(model.tables).filter((t) => t !== undefined);
    if (tables.length === 0 || tables.some((t) => t.format !== '2021' || t.legacyMarkers.length > 0)) return [];
    if (model.year !== undefined && model.year < 2021) return [];
    for (let line = section6.startLine; line <= section6.endLine; line++) if (FEE_SECTION6_RE.test(lineText(model, line))) return [];
    if (proseOf(model).some((s) => FEE_ANYWHERE_RE.test(s.text))) return [];
    return [{ range: section6.heading.range, message: msg('fee-missing') }];
  },
});

/** The README's line for `fee-missing` (generated into its table of finding codes). */
export const feeMissingDoc = 'section 六 says nothing about 信息处理费 (2021 format; 「未收取信息处理费」 counts)';
