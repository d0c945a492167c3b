// narrative-mismatch: numbers stated in the prose against the tables. Only sentences about the report's
// own year and agency are read (prose.ts: no comparison with another period, no other year, no other
// agencies); a sentence without a number says nothing checkable.
//
// - 「收到/受理/新收…申请N件」 vs table 3 row 一 总计: both readings are accepted, 新收 and 新收 + 上年结转;
// - 「未收到…申请」 vs a non-zero 一;
// - 「所有申请均已办结」/「全部办结」 vs a non-zero 四、结转下年度继续办理;
// - 「行政复议N件」 vs table 4's 行政复议 总计, 「行政诉讼N件」 vs 未经复议直接起诉 + 复议后起诉;
// - 「予以公开N件」「部分公开N件」「不予公开N件」「无法提供N件」「不予处理N件」「其他处理N件」 vs those rows.

import type { Cell, RuleFinding, Range, RelatedInfo, RowModel, TableModel } from '../model';
import { aboutOwnYear, NUMBER_SOURCE, parseNumber, proseOf, sentenceRange, type Sentence } from '../prose';
import { evaluate, relationsOf, relationWithTotal, type Evaluation } from '../relations';
import { TABLE3_COLUMNS, TABLE4_GROUPS, type TableTemplate } from '../template';
import { defineRule, type Msg } from './rule';
import { cellRange, quoteRow, rowsById, templateOf } from './util';

const TOTAL = TABLE3_COLUMNS.length - 1;

/** Sections whose prose states this year's figures: the intro (0), 一, 三, 四. */
const FIGURE_SECTIONS = new Set([0, 1, 3, 4]);

/** Requests that are not disclosure requests: proposals, petitions, complaints, online questions. */
const NOT_REQUESTS_RE = /建议|提案|信访|投诉|举报|问政|咨询|留言|来件|诉求|转办|来信/;
/** A part of the requests (by channel, a subset): 「其中通过网络收到申请10件」. */
const SUBSET_RE = /其中|通过|网上|网络|当面|现场|信函|邮寄|传真|电话|邮件|平台/;

/** A cheap first look: a sentence without any of these words states nothing this rule reads. */
const MAY_STATE_FIGURES_RE = /申请|复议|诉讼|予以?公开|部分公开|无法提供|不予处理|其他处理/;
const RECEIVED_RE = new RegExp(
  String.raw`(收到|受理|新收|接收|接到)([^。；;，,：:！？!?\d件]{0,24}?)申请(?!人)[^。；;，,！？!?\d件人]{0,8}?` + NUMBER_SOURCE + '件',
  'g',
);
const NONE_RE = /(?:未|没有|无)(?:收到|受理|接到|接收|新收)[^。；;！？!?\d]{0,20}?申请(?!人)/g;
const ALL_DONE_RE = /(?:均已|都已|已全部|均已全部|全部|均)(?:按时|按期|依法依规|依法|依规|在法定期限内)?(?:办结|办理完毕|办理完结)/g;
/** 「其余均已办结」「除1件结转外」: not every request. */
const EXCEPT_RE = /其余|其他均|除|结转|剩余|尚有|尚未|正在/;
const REVIEW_RE = new RegExp(String.raw`行政复议(?:案件|申请|案)?(?:共计为|共计|合计|共|为)?` + NUMBER_SOURCE + '(?:件|起|宗)', 'g');
const LAWSUIT_RE = new RegExp(String.raw`行政诉讼(?:案件|案)?(?:共计为|共计|合计|共|为)?` + NUMBER_SOURCE + '(?:件|起|宗)', 'g');
const RESULT_RE = new RegExp(
  String.raw`(不?予以?公开|部分公开|无法提供|不予处理|其他处理)(?:的申请|申请|共计|共|为|了)?` + NUMBER_SOURCE + '件',
  'g',
);

/** Table-3 rows a result word of the prose sums: the template rows with this id or under it. */
const RESULT_ROWS: Record<string, string> = {
  予以公开: 't3.granted',
  部分公开: 't3.partly',
  不予公开: 't3.withheld',
  无法提供: 't3.unable',
  不予处理: 't3.notProcessed',
  其他处理: 't3.otherHandling',
};

/** The clause a match is in: from the last comma or colon before it. */
function clauseBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && !'，,：:。；;'.includes(text.charAt(start - 1))) start--;
  return text.slice(start, index);
}

interface Reference {
  value: number;
  /** The cells summed, for the finding's related information (built only when there is a finding). */
  terms: { cell: Cell; name: string; value: number }[];
}

function relatedOf(ref: Reference, msg: Msg): RelatedInfo[] {
  return ref.terms.map((t) => ({ range: cellRange(t.cell), message: msg('related.term', { name: t.name, value: t.value }) }));
}

/** A total the prose is compared with, and the relation that sums it (its row's 总计, a table-4 group). */
interface TotalCell {
  name: string;
  /** The evaluator's answer: when the total's parts are all numbers and do not add up to it, the table is no reference. */
  ev: Evaluation;
}

/** The sum of some totals, with one related entry per cell; undefined when one is not a number or does not add up. */
function reference(cells: TotalCell[]): Reference | undefined {
  let value = 0;
  const terms: Reference['terms'] = [];
  for (const { ev, name } of cells) {
    const n = ev.actual;
    if (n === undefined || ev.holds === false) return undefined;
    value += n;
    terms.push({ cell: ev.totalCell!, name, value: n });
  }
  return { value, terms };
}

/** Per template and row id: the rows whose totals make that figure, with their names (computed once: templates are constant). */
const figureRows = new WeakMap<TableTemplate, Map<string, { id: string; name: string }[]>>();

function rowsOfFigure(template: TableTemplate, id: string): { id: string; name: string }[] {
  let byId = figureRows.get(template);
  if (!byId) figureRows.set(template, (byId = new Map()));
  let rows = byId.get(id);
  if (!rows) {
    const under = template.rows.filter((r) => r.id === id || r.id.startsWith(id + '.'));
    // 2021's （六） has sub-rows; a 2019 table has it as one row.
    const own = under.some((r) => r.id === id) ? under.filter((r) => r.id === id) : under;
    rows = own.map((r) => ({ id: r.id, name: `${quoteRow(r.name.replace(/^三、本年度办理结果·/, ''))}·总计` }));
    byId.set(id, rows);
  }
  return rows;
}

function table3Total(table: TableModel, rows: Map<string, RowModel>, id: string): TotalCell[] | undefined {
  const own = rowsOfFigure(templateOf(table), id);
  if (own.length === 0) return undefined;
  const out: TotalCell[] = [];
  for (const { id: rowId, name } of own) {
    const relation = rows.has(rowId) && relationWithTotal(table, rowId, TOTAL, 'row');
    if (!relation) return undefined;
    out.push({ ev: evaluate(table, relation), name });
  }
  return out;
}

function mismatch(
  msg: Msg,
  sentence: Sentence,
  start: number,
  end: number,
  message: string,
  ref: Reference,
  kind: string,
  fixValue?: number,
): RuleFinding {
  const range = sentenceRange(sentence, start, end);
  return {
    range,
    message,
    related: relatedOf(ref, msg),
    fix:
      fixValue === undefined || range.start.line !== range.end.line
        ? undefined
        : { title: msg('fix.setTo', { value: fixValue }), edits: [{ range, newText: String(fixValue) }] },
    data: { kind, expected: fixValue, replaced: writtenAt(sentence, range) },
  };
}

/** The text the sentence's source has at `range` (one line), as written: what 「改为 N」 replaces. */
function writtenAt(sentence: Sentence, range: Range): string | undefined {
  if (range.start.line !== range.end.line) return undefined;
  const seg = sentence.segments.find(
    (s) => s.line === range.start.line && s.start <= range.start.character && range.end.character <= s.start + s.raw.length,
  );
  return seg?.raw.slice(range.start.character - seg.start, range.end.character - seg.start);
}

/** Table 4's figures: 行政复议's total, the lawsuits' (直接起诉 + 复议后起诉) and its two parts. */
interface Table4Figures {
  reviewRef?: Reference;
  lawsuitRef?: Reference;
  direct?: number;
  after?: number;
}

/**
 * The table figures the prose is compared with, each read when a sentence first asks for it (most
 * sentences ask for none): undefined where the table does not give it.
 */
class Figures {
  private rows: Map<string, RowModel> | undefined;
  private readonly totals = new Map<string, Reference | undefined>();
  private groups: Table4Figures | undefined;

  constructor(
    readonly t3: TableModel | undefined,
    readonly t4: TableModel | undefined,
  ) {}

  /** The table-3 figure of the rows `id` (their 总计 cells summed). */
  table3(id: string): Reference | undefined {
    if (!this.t3) return undefined;
    if (this.totals.has(id)) return this.totals.get(id);
    const cells = table3Total(this.t3, (this.rows ??= rowsById(this.t3)), id);
    const ref = cells && reference(cells);
    this.totals.set(id, ref);
    return ref;
  }

  /** The table-3 figure of a result word of the prose (予以公开…). */
  result(word: string): Reference | undefined {
    const id = RESULT_ROWS[word];
    return id === undefined ? undefined : this.table3(id);
  }

  /** The three groups' totals of table 4 (行政复议, 未经复议直接起诉, 复议后起诉), each with the relation that sums it. */
  table4(): Table4Figures {
    if (this.groups) return this.groups;
    const t4 = this.t4;
    this.groups = {};
    if (t4?.rows.some((r) => r.id === 't4.cases')) {
      // One relation per group, in the order of TABLE4_GROUPS.
      const [review, direct, after] = TABLE4_GROUPS.map((group, g): TotalCell | undefined => {
        const relation = relationsOf(t4)[g];
        return relation && { ev: evaluate(t4, relation), name: `${group.name}·总计` };
      });
      if (!review || !direct || !after) return this.groups;
      this.groups = {
        reviewRef: reference([review]),
        lawsuitRef: reference([direct, after]),
        direct: direct.ev.actual,
        after: after.ev.actual,
      };
    }
    return this.groups;
  }
}

/**
 * The statements of one sentence against the tables. Each kind of statement is looked for only when the
 * sentence has its words (most sentences have none), and a table figure is read only when a statement asks.
 */
function checkSentence(figures: Figures, s: Sentence, out: RuleFinding[], msg: Msg): void {
  const text = s.text;
  // Every count this rule reads is written 「N件」 (reviews and lawsuits also 起, 宗).
  const counts = text.includes('件');
  const cases = counts || text.includes('起') || text.includes('宗');
  if (figures.t3 && text.includes('申请') && !NOT_REQUESTS_RE.test(text)) {
    if (counts) checkReceived(figures, s, out, msg);
    checkNone(figures, s, out, msg);
    checkAllDone(figures, s, out, msg);
    if (counts) checkResults(figures, s, out, msg);
  } else if (figures.t3 && counts && !NOT_REQUESTS_RE.test(text)) checkResults(figures, s, out, msg);
  if (figures.t4 && cases && text.includes('行政复议')) checkReview(figures, s, out, msg);
  if (figures.t4 && cases && text.includes('行政诉讼')) checkLawsuit(figures, s, out, msg);
}

/** 「收到/受理/新收…申请N件」 vs table 3 一 (新收, or 新收 + 上年结转). */
function checkReceived(figures: Figures, s: Sentence, out: RuleFinding[], msg: Msg): void {
  const text = s.text;
  RECEIVED_RE.lastIndex = 0;
  for (let m = RECEIVED_RE.exec(text); m; m = RECEIVED_RE.exec(text)) {
    const [whole, verb = '', between = '', number = ''] = m;
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    if (/[未没无不]/.test(before) || SUBSET_RE.test(clauseBefore(text, m.index) + between)) continue;
    const written = parseNumber(number);
    if (written === undefined) continue;
    const newRef = figures.table3('t3.new');
    if (!newRef) return;
    const carriedRef = figures.table3('t3.carriedIn');
    const inclusive = carriedRef ? newRef.value + carriedRef.value : undefined;
    if (written === newRef.value || written === inclusive) continue;
    const numberStart = m.index + whole.length - 1 - number.length;
    const onlyNew = verb === '新收' || carriedRef?.value === 0;
    const message =
      carriedRef && inclusive !== undefined && carriedRef.value !== 0
        ? msg('narrative-mismatch.received.carried', { written, new: newRef.value, carriedIn: carriedRef.value, inclusive })
        : msg('narrative-mismatch.received', { written, new: newRef.value });
    const ref = carriedRef ? { value: newRef.value, terms: [...newRef.terms, ...carriedRef.terms] } : newRef;
    out.push(mismatch(msg, s, numberStart, numberStart + number.length, message, ref, 'received', onlyNew ? newRef.value : undefined));
  }
}

/** 「未收到…申请」 vs a non-zero table 3 一. */
function checkNone(figures: Figures, s: Sentence, out: RuleFinding[], msg: Msg): void {
  const text = s.text;
  NONE_RE.lastIndex = 0;
  for (let m = NONE_RE.exec(text); m; m = NONE_RE.exec(text)) {
    const newRef = figures.table3('t3.new');
    if (!newRef || newRef.value === 0) return;
    const message = msg('narrative-mismatch.none', { text: m[0], new: newRef.value });
    out.push(mismatch(msg, s, m.index, m.index + m[0].length, message, newRef, 'none'));
  }
}

/** 「所有申请均已办结」 vs a non-zero 四、结转下年度继续办理. */
function checkAllDone(figures: Figures, s: Sentence, out: RuleFinding[], msg: Msg): void {
  const text = s.text;
  if (!/申请(?!人)/.test(text) || EXCEPT_RE.test(text)) return;
  ALL_DONE_RE.lastIndex = 0;
  const m = ALL_DONE_RE.exec(text);
  const outRef = m && figures.table3('t3.carriedOut');
  if (!m || !outRef || outRef.value === 0) return;
  const message = msg('narrative-mismatch.allDone', { text: m[0], carriedOut: outRef.value });
  out.push(mismatch(msg, s, m.index, m.index + m[0].length, message, outRef, 'allDone'));
}

/** 「行政复议N件」 vs table 4's 行政复议 总计. */
function checkReview(figures: Figures, s: Sentence, out: RuleFinding[], msg: Msg): void {
  const text = s.text;
  REVIEW_RE.lastIndex = 0;
  for (let m = REVIEW_RE.exec(text); m; m = REVIEW_RE.exec(text)) {
    const { reviewRef } = figures.table4();
    if (!reviewRef) return;
    const [whole, number = ''] = m;
    const written = parseNumber(number);
    if (written === undefined || written === reviewRef.value) continue;
    const start = m.index + whole.length - 1 - number.length;
    const message = msg('narrative-mismatch.review', { written, table: reviewRef.value });
    out.push(mismatch(msg, s, start, start + number.length, message, reviewRef, 'review', reviewRef.value));
  }
}

/** 「行政诉讼N件」 vs 未经复议直接起诉 + 复议后起诉 of table 4. */
function checkLawsuit(figures: Figures, s: Sentence, out: RuleFinding[], msg: Msg): void {
  const text = s.text;
  LAWSUIT_RE.lastIndex = 0;
  for (let m = LAWSUIT_RE.exec(text); m; m = LAWSUIT_RE.exec(text)) {
    const { lawsuitRef, direct, after } = figures.table4();
    if (!lawsuitRef || direct === undefined || after === undefined) return;
    const clause = clauseBefore(text, m.index);
    // A part of the lawsuits (直接起诉, 复议后起诉), or one number for 「行政复议、行政诉讼」 together.
    if (/直接|复议后|未经复议/.test(clause) || /复议[、和及与或]?$/.test(clause)) continue;
    const [whole, number = ''] = m;
    const written = parseNumber(number);
    if (written === undefined || written === lawsuitRef.value) continue;
    const start = m.index + whole.length - 1 - number.length;
    const message = msg('narrative-mismatch.lawsuit', { written, table: lawsuitRef.value, direct, after });
    out.push(mismatch(msg, s, start, start + number.length, message, lawsuitRef, 'lawsuit', lawsuitRef.value));
  }
}

/** 「予以公开N件」「不予公开N件」… vs those rows of table 3. */
function checkResults(figures: Figures, s: Sentence, out: RuleFinding[], msg: Msg): void {
  const text = s.text;
  RESULT_RE.lastIndex = 0;
  for (let m = RESULT_RE.exec(text); m; m = RESULT_RE.exec(text)) {
    const [whole, word = '', number = ''] = m;
    const key = /^不予以?公开$/.test(word) ? '不予公开' : /^予以?公开$/.test(word) ? '予以公开' : word;
    const ref = figures.result(key);
    const written = parseNumber(number);
    if (!ref || written === undefined || written === ref.value) continue;
    const start = m.index + whole.length - 1 - number.length;
    const message = msg('narrative-mismatch.result', { result: key, written, table: ref.value });
    out.push(mismatch(msg, s, start, start + number.length, message, ref, 'result', ref.value));
  }
}

export const narrativeMismatch = defineRule({
  code: 'narrative-mismatch',
  severity: 'warning',
  description: {
    zh: '正文中的数字与统计表不符（收到申请数、未收到申请、全部办结、行政复议和行政诉讼件数、各项办理结果）',
    en: 'A number in the text contradicts a table (requests received, none received, all completed, reviews and lawsuits, results)',
  },
  check(model, { msg }) {
    if (!model.tables.table3 && !model.tables.table4) return [];
    const findings: RuleFinding[] = [];
    let figures: Figures | undefined;
    for (const s of proseOf(model)) {
      if (!FIGURE_SECTIONS.has(s.section) || !MAY_STATE_FIGURES_RE.test(s.text) || !aboutOwnYear(s, model.year)) continue;
      checkSentence((figures ??= new Figures(model.tables.table3, model.tables.table4)), s, findings, msg);
    }
    return findings;
  },
});

/** The README's line for `narrative-mismatch` (generated into its table of finding codes). */
export const narrativeMismatchDoc =
  "a number in the text contradicts a table: 「收到/受理…申请N件」 vs table 3 一 (新收, or 新收 + 上年结转: both readings accepted), 「未收到…申请」 vs a non-zero 一, 「所有申请均已办结」 vs a non-zero 四, 「行政复议N件」「行政诉讼N件」 vs table 4, 「予以公开N件」… vs those rows; fix 「改为 N」 on the text's number where the table is the reference";
