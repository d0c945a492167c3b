// The official report format as data (国办公开办函〔2021〕30号 and the 2019 format 国办公开办函〔2019〕60号).
// Rules and the reader read these tables; no label is written anywhere else.

import type { FormatVersion, TableId } from './model';

export interface SectionTemplate {
  /** 1..6 */
  number: number;
  numeral: string;
  /** Standard heading words (2021 format). */
  title: string;
  /** Known wordings that are still this section (flagged only as heading-wording). */
  variants: string[];
  /** Words that identify the section when the heading is worded freely; all must occur. */
  keywords: string[][];
  /**
   * When the heading line is lost: its first two sub-headings (`（一）…`, `（二）…`) each hold one of these
   * words, in this order, between the sections before and after it.
   */
  content?: string[][];
  /**
   * When the heading line is lost: the first line after the section before it that names one of these
   * words starts its content (section 六: 信息处理费, 人大代表建议…).
   */
  contentWords?: string[];
  table?: TableId;
}

export const SECTION_NUMERALS = ['一', '二', '三', '四', '五', '六'] as const;

export const SECTIONS: readonly SectionTemplate[] = [
  {
    number: 1,
    numeral: '一',
    title: '总体情况',
    variants: ['总体情况'],
    keywords: [['总体情况']],
    // The template's own sub-headings of 一: （一）主动公开 （二）依申请公开.
    content: [['主动公开'], ['依申请公开']],
  },
  {
    number: 2,
    numeral: '二',
    title: '主动公开政府信息情况',
    variants: ['主动公开政务信息情况'],
    keywords: [['主动公开', '信息']],
    table: 'table2',
  },
  {
    number: 3,
    numeral: '三',
    title: '收到和处理政府信息公开申请情况',
    variants: ['收到和处理政务信息公开申请情况'],
    keywords: [
      ['收到', '处理', '申请'],
      ['依申请公开', '情况'],
    ],
    table: 'table3',
  },
  {
    number: 4,
    numeral: '四',
    title: '政府信息公开行政复议、行政诉讼情况',
    variants: [
      '政务信息公开行政复议、行政诉讼情况',
      '因政府信息公开工作被申请行政复议、提起行政诉讼情况统计表',
      '政府信息公开行政法复议、行政诉讼情况',
    ],
    keywords: [['行政复议'], ['行政诉讼']],
    table: 'table4',
  },
  {
    number: 5,
    numeral: '五',
    title: '存在的主要问题及改进情况',
    variants: [
      '存在的主要问题和改进情况',
      '存在的主要问题及整改措施',
      '存在的主要问题及整改情况',
      '存在的主要问题及改进措施',
      '存在的主要问题及明年工作计划',
      '存在的主要问题及改进情况及明年工作计划',
    ],
    keywords: [
      ['问题', '改进'],
      ['问题', '整改'],
      ['问题', '措施'],
      ['问题', '工作计划'],
    ],
    content: [['问题'], ['改进', '整改', '措施', '计划']],
  },
  {
    number: 6,
    numeral: '六',
    title: '其他需要报告的事项',
    variants: [],
    keywords: [
      ['其他', '报告', '事项'],
      ['其他', '需要报告'],
    ],
    contentWords: ['信息处理费', '其他需要报告的事项', '人大代表建议', '政协委员提案'],
  },
];

/** Section `number` (1–6) of the template; undefined for any other number. */
export function sectionTemplate(number: number): SectionTemplate | undefined {
  return SECTIONS[number - 1];
}

/**
 * Section `number` of the template, for a number known to be one: a template's section or a heading the
 * reader matched to one (1–6). Any other number is a bug, thrown.
 */
export function readSection(number: number): SectionTemplate {
  const s = sectionTemplate(number);
  if (!s) throw new RangeError(`no section ${number} in the template`);
  return s;
}

/** The heading of section `section` as the template words it: `二、主动公开政府信息情况`. */
export function standardHeading(section: number): string {
  const s = readSection(section);
  return `${s.numeral}、${s.title}`;
}

// ---------------------------------------------------------------------------
// Tables

export interface ColumnTemplate {
  id: string;
  label: string;
  /** The column is the sum of others (row total). */
  total?: boolean;
  /** Decimal amounts allowed (收费金额). */
  decimal?: boolean;
  /** Signed change column (2019 本年增/减): negative values are legal. */
  signed?: boolean;
}

export interface RowTemplate {
  id: string;
  /** Standard label as printed in the template. */
  label: string;
  /** Short name used in messages, e.g. 「（三）不予公开·1.属于国家秘密」. */
  name: string;
  /** Other accepted labels (normalised comparison). */
  variants?: string[];
  /** Other wordings read as this row but reported (label-wording), e.g. the 2019 label in a 2021 table. */
  wordings?: string[];
  columns: readonly ColumnTemplate[];
  /** Block header in table 2 (第二十条第（X）项) or group in table 3 (（三）不予公开…). */
  group?: string;
  /** Table-3 result rows take part in （七）总计. */
  result?: boolean;
}

export interface GroupTemplate {
  id: string;
  label: string;
  /** Rows of the group, in order. */
  rows: string[];
}

export interface TableTemplate {
  id: TableId;
  format: FormatVersion;
  /** Printed name, e.g. 「表三（收到和处理政府信息公开申请情况）」. */
  name: string;
  section: number;
  rows: readonly RowTemplate[];
  groups: readonly GroupTemplate[];
  /** Header and note cells that are neither rows nor groups (ignored while reading). */
  headers: readonly string[];
  /** The arithmetic relations between its cells (none in table 2): see Relation below. */
  relations: readonly Relation[];
}

// ---------------------------------------------------------------------------
// Relations: every arithmetic fact of the tables, once, as data. shared/src/relations.ts evaluates them
// for the rules, the hover, the fills and the cross-checks.

/** A cell of a table template: a row id and a column index. */
export interface CellRef {
  row: string;
  column: number;
}

export interface RelationTerm {
  cell: CellRef;
  sign: 1 | -1;
  /** The term's name in messages, e.g. 「（三）不予公开·1.属于国家秘密」, 「行政复议·结果维持」. */
  name: string;
  /** The name under a heading that already says the row or group (hover): 「自然人」, 「结果维持」. */
  short: string;
}

/**
 * total = Σ sign × term. `code` is the finding that reports a broken one; `axis` says whether the terms
 * are cells of the total's own row (a row's 总计, a table-4 group) or of its column (（七）总计, the balance).
 */
export interface Relation {
  code: 'row-total' | 'results-total' | 'balance' | 'review-total';
  table: TableId;
  axis: 'row' | 'column';
  total: CellRef;
  terms: readonly RelationTerm[];
}

const col = (id: string, label: string, extra: Partial<ColumnTemplate> = {}): ColumnTemplate => ({ id, label, ...extra });

// Table 2, 2021 format
const T2_DOCS_2021 = [col('issued', '本年制发件数'), col('repealed', '本年废止件数'), col('valid', '现行有效件数')];
const T2_DECISIONS = [col('decisions', '本年处理决定数量')];
const T2_FEES_2021 = [col('amount', '本年收费金额（单位：万元）', { decimal: true })];

export const TABLE2_2021: TableTemplate = {
  id: 'table2',
  format: '2021',
  name: '表二（主动公开政府信息情况）',
  section: 2,
  rows: [
    { id: 't2.rules', label: '规章', name: '规章', columns: T2_DOCS_2021, group: 't2.item1' },
    {
      id: 't2.normative',
      label: '行政规范性文件',
      name: '行政规范性文件',
      wordings: ['规范性文件'],
      columns: T2_DOCS_2021,
      group: 't2.item1',
    },
    { id: 't2.licensing', label: '行政许可', name: '行政许可', columns: T2_DECISIONS, group: 't2.item5' },
    { id: 't2.penalty', label: '行政处罚', name: '行政处罚', columns: T2_DECISIONS, group: 't2.item6' },
    { id: 't2.enforcement', label: '行政强制', name: '行政强制', columns: T2_DECISIONS, group: 't2.item6' },
    { id: 't2.fees', label: '行政事业性收费', name: '行政事业性收费', columns: T2_FEES_2021, group: 't2.item8' },
  ],
  groups: [
    { id: 't2.item1', label: '第二十条第（一）项', rows: ['t2.rules', 't2.normative'] },
    { id: 't2.item5', label: '第二十条第（五）项', rows: ['t2.licensing'] },
    { id: 't2.item6', label: '第二十条第（六）项', rows: ['t2.penalty', 't2.enforcement'] },
    { id: 't2.item8', label: '第二十条第（八）项', rows: ['t2.fees'] },
  ],
  headers: [
    '信息内容',
    '本年制发件数',
    '本年废止件数',
    '现行有效件数',
    '现行有效件',
    '本年处理决定数量',
    '本年收费金额（单位：万元）',
    '本年收费金额',
  ],
  relations: [], // 现行有效 depends on last year: no relation holds inside table 2 (DESIGN §1.2)
};

/** Column headers only the 2021 table 2 has: with them, a `规范性文件` row is a wording matter, not the 2019 format. */
export const TABLE2_2021_COLUMN_MARKERS = ['本年制发件数', '本年废止件数', '现行有效件数', '现行有效件'];

// Table 2, 2019 format
const T2_DOCS_2019 = [col('made', '本年新制作数量'), col('published', '本年新公开数量'), col('total', '对外公开总数量')];
const T2_ITEMS_2019 = [col('lastYear', '上一年项目数量'), col('change', '本年增/减', { signed: true }), col('decisions', '处理决定数量')];
const T2_FEES_2019 = [col('lastYear', '上一年项目数量'), col('change', '本年增/减', { signed: true })];
const T2_PURCHASE_2019 = [col('projects', '采购项目数量'), col('amount', '采购总金额', { decimal: true })];

export const TABLE2_2019: TableTemplate = {
  id: 'table2',
  format: '2019',
  name: '表二（主动公开政府信息情况，2019 年格式）',
  section: 2,
  rows: [
    { id: 't2.rules', label: '规章', name: '规章', columns: T2_DOCS_2019, group: 't2.item1' },
    { id: 't2.normative', label: '规范性文件', name: '规范性文件', variants: ['行政规范性文件'], columns: T2_DOCS_2019, group: 't2.item1' },
    { id: 't2.licensing', label: '行政许可', name: '行政许可', columns: T2_ITEMS_2019, group: 't2.item5' },
    { id: 't2.otherServices', label: '其他对外管理服务事项', name: '其他对外管理服务事项', columns: T2_ITEMS_2019, group: 't2.item5' },
    { id: 't2.penalty', label: '行政处罚', name: '行政处罚', columns: T2_ITEMS_2019, group: 't2.item6' },
    { id: 't2.enforcement', label: '行政强制', name: '行政强制', columns: T2_ITEMS_2019, group: 't2.item6' },
    { id: 't2.fees', label: '行政事业性收费', name: '行政事业性收费', columns: T2_FEES_2019, group: 't2.item8' },
    { id: 't2.purchase', label: '政府集中采购', name: '政府集中采购', columns: T2_PURCHASE_2019, group: 't2.item9' },
  ],
  groups: [
    { id: 't2.item1', label: '第二十条第（一）项', rows: ['t2.rules', 't2.normative'] },
    { id: 't2.item5', label: '第二十条第（五）项', rows: ['t2.licensing', 't2.otherServices'] },
    { id: 't2.item6', label: '第二十条第（六）项', rows: ['t2.penalty', 't2.enforcement'] },
    { id: 't2.item8', label: '第二十条第（八）项', rows: ['t2.fees'] },
    { id: 't2.item9', label: '第二十条第（九）项', rows: ['t2.purchase'] },
  ],
  headers: [
    '信息内容',
    '本年新制作数量',
    '本年新公开数量',
    '对外公开总数量',
    '上一年项目数量',
    '本年增/减',
    '处理决定数量',
    '采购项目数量',
    '采购总金额',
  ],
  relations: [], // neither does 上一年项目数量 / 本年增/减 / 处理决定数量 add up (DESIGN §1.7)
};

/** Labels that appear only in the 2019 table 2. */
export const TABLE2_2019_MARKERS = [
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '上一年项目数量',
  '本年增/减',
  '第二十条第（九）项',
  '政府集中采购',
  '其他对外管理服务事项',
  '采购项目数量',
  '采购总金额',
];

// Table 3 (the same rows in 2019 and 2021, except （六）其他处理)
export const TABLE3_COLUMNS: readonly ColumnTemplate[] = [
  col('natural', '自然人'),
  col('business', '商业企业'),
  col('research', '科研机构'),
  col('nonprofit', '社会公益组织'),
  col('legal', '法律服务机构'),
  col('other', '其他'),
  col('total', '总计', { total: true }),
];

interface T3RowSpec {
  id: string;
  label: string;
  variants?: string[];
  group?: string;
  result?: boolean;
}

const t3 = (spec: T3RowSpec): RowTemplate => {
  const group = spec.group ? T3_GROUP_LABELS[spec.group] : undefined;
  return {
    id: spec.id,
    label: spec.label,
    name: group ? `${group}·${spec.label}` : spec.label,
    variants: spec.variants,
    columns: TABLE3_COLUMNS,
    group: spec.group,
    result: spec.result,
  };
};

const T3_GROUP_LABELS: Record<string, string> = {
  't3.results': '三、本年度办理结果',
  't3.withheld': '（三）不予公开',
  't3.unable': '（四）无法提供',
  't3.notProcessed': '（五）不予处理',
  't3.otherHandling': '（六）其他处理',
};

const T3_ROWS_COMMON_HEAD: RowTemplate[] = [
  t3({ id: 't3.new', label: '一、本年新收政府信息公开申请数量' }),
  t3({ id: 't3.carriedIn', label: '二、上年结转政府信息公开申请数量' }),
  t3({ id: 't3.granted', label: '（一）予以公开', group: 't3.results', result: true }),
  t3({
    id: 't3.partly',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    variants: ['（二）部分公开'],
    group: 't3.results',
    result: true,
  }),
  t3({ id: 't3.withheld.1', label: '1.属于国家秘密', group: 't3.withheld', result: true }),
  t3({ id: 't3.withheld.2', label: '2.其他法律行政法规禁止公开', group: 't3.withheld', result: true }),
  t3({ id: 't3.withheld.3', label: '3.危及“三安全一稳定”', group: 't3.withheld', result: true }),
  t3({ id: 't3.withheld.4', label: '4.保护第三方合法权益', group: 't3.withheld', result: true }),
  t3({ id: 't3.withheld.5', label: '5.属于三类内部事务信息', group: 't3.withheld', result: true }),
  t3({ id: 't3.withheld.6', label: '6.属于四类过程性信息', group: 't3.withheld', result: true }),
  t3({ id: 't3.withheld.7', label: '7.属于行政执法案卷', group: 't3.withheld', result: true }),
  t3({ id: 't3.withheld.8', label: '8.属于行政查询事项', group: 't3.withheld', result: true }),
  t3({ id: 't3.unable.1', label: '1.本机关不掌握相关政府信息', group: 't3.unable', result: true }),
  t3({ id: 't3.unable.2', label: '2.没有现成信息需要另行制作', group: 't3.unable', result: true }),
  t3({ id: 't3.unable.3', label: '3.补正后申请内容仍不明确', group: 't3.unable', result: true }),
  t3({ id: 't3.notProcessed.1', label: '1.信访举报投诉类申请', group: 't3.notProcessed', result: true }),
  t3({ id: 't3.notProcessed.2', label: '2.重复申请', group: 't3.notProcessed', result: true }),
  t3({ id: 't3.notProcessed.3', label: '3.要求提供公开出版物', group: 't3.notProcessed', result: true }),
  t3({ id: 't3.notProcessed.4', label: '4.无正当理由大量反复申请', group: 't3.notProcessed', result: true }),
  t3({ id: 't3.notProcessed.5', label: '5.要求行政机关确认或重新出具已获取信息', group: 't3.notProcessed', result: true }),
];

const T3_ROWS_COMMON_TAIL: RowTemplate[] = [
  t3({ id: 't3.resultsTotal', label: '（七）总计', group: 't3.results' }),
  t3({ id: 't3.carriedOut', label: '四、结转下年度继续办理' }),
];

export const TABLE3_2021: TableTemplate = {
  id: 'table3',
  format: '2021',
  name: '表三（收到和处理政府信息公开申请情况）',
  section: 3,
  rows: [
    ...T3_ROWS_COMMON_HEAD,
    t3({
      id: 't3.otherHandling.1',
      label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      group: 't3.otherHandling',
      result: true,
    }),
    t3({
      id: 't3.otherHandling.2',
      label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      group: 't3.otherHandling',
      result: true,
    }),
    t3({ id: 't3.otherHandling.3', label: '3.其他', group: 't3.otherHandling', result: true }),
    ...T3_ROWS_COMMON_TAIL,
  ],
  groups: [
    {
      id: 't3.results',
      label: '三、本年度办理结果',
      rows: [], // filled below
    },
    { id: 't3.withheld', label: '（三）不予公开', rows: [] },
    { id: 't3.unable', label: '（四）无法提供', rows: [] },
    { id: 't3.notProcessed', label: '（五）不予处理', rows: [] },
    { id: 't3.otherHandling', label: '（六）其他处理', rows: [] },
  ],
  headers: [
    '申请人情况',
    '自然人',
    '法人或其他组织',
    '商业企业',
    '科研机构',
    '社会公益组织',
    '法律服务机构',
    '其他',
    '总计',
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  ],
  relations: [], // filled below
};

export const TABLE3_2019: TableTemplate = {
  ...TABLE3_2021,
  groups: TABLE3_2021.groups.map((g) => ({ ...g, rows: [] })),
  format: '2019',
  name: '表三（收到和处理政府信息公开申请情况，2019 年格式）',
  rows: [
    ...T3_ROWS_COMMON_HEAD,
    t3({ id: 't3.otherHandling', label: '（六）其他处理', group: 't3.results', result: true }),
    ...T3_ROWS_COMMON_TAIL,
  ],
};

/**
 * Table 3's relations, in the order the rules explain them: each row's 总计 = the six applicant columns;
 * then per column, （七）总计 = every result row, and the balance 一 + 二 = （七）+ 四 written as
 * 四 = 一 + 二 − （七）.
 */
function table3Relations(rows: readonly RowTemplate[]): Relation[] {
  const total = TABLE3_COLUMNS.findIndex((c) => c.total);
  const parts = TABLE3_COLUMNS.slice(0, total);
  const shortName = (r: RowTemplate) => r.name.replace(/^三、本年度办理结果·/, '');
  const term = (row: string, column: number, name: string, short = name, sign: 1 | -1 = 1): RelationTerm => ({
    cell: { row, column },
    sign,
    name,
    short,
  });
  const relations: Relation[] = rows.map((r) => ({
    code: 'row-total',
    table: 'table3',
    axis: 'row',
    total: { row: r.id, column: total },
    terms: parts.map((c, i) => term(r.id, i, c.label)),
  }));
  const results = rows.filter((r) => r.result);
  TABLE3_COLUMNS.forEach((_, c) => {
    relations.push({
      code: 'results-total',
      table: 'table3',
      axis: 'column',
      total: { row: 't3.resultsTotal', column: c },
      terms: results.map((r) => term(r.id, c, r.name, shortName(r))),
    });
    relations.push({
      code: 'balance',
      table: 'table3',
      axis: 'column',
      total: { row: 't3.carriedOut', column: c },
      terms: [
        term('t3.new', c, '一、本年新收'),
        term('t3.carriedIn', c, '二、上年结转'),
        term('t3.resultsTotal', c, '（七）总计', '（七）总计', -1),
      ],
    });
  });
  return relations;
}

for (const table of [TABLE3_2021, TABLE3_2019]) {
  for (const g of table.groups as GroupTemplate[]) {
    g.rows = table.rows.filter((r) => r.group === g.id).map((r) => r.id);
  }
  table.relations = table3Relations(table.rows);
}

// Table 4
/** The three groups of table 4: `name` in full, `short` as the table's header writes it. */
export const TABLE4_GROUPS = [
  { id: 'review', name: '行政复议', short: '行政复议' },
  { id: 'direct', name: '行政诉讼·未经复议直接起诉', short: '未经复议直接起诉' },
  { id: 'afterReview', name: '行政诉讼·复议后起诉', short: '复议后起诉' },
] as const;

export const TABLE4_RESULT_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;

export const TABLE4_COLUMNS: readonly ColumnTemplate[] = TABLE4_GROUPS.flatMap((g) =>
  TABLE4_RESULT_COLUMNS.map((c, i) => col(`${g.id}.${i}`, `${g.name}·${c}`, i === 4 ? { total: true } : {})),
);

/** Table 4's one row: the fifteen numbers. */
export const TABLE4_ROW: RowTemplate = { id: 't4.cases', label: '', name: '行政复议、行政诉讼', columns: TABLE4_COLUMNS };

export const TABLE4: TableTemplate = {
  id: 'table4',
  format: '2021',
  name: '表四（政府信息公开行政复议、行政诉讼情况）',
  section: 4,
  rows: [TABLE4_ROW],
  groups: [],
  headers: ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', ...TABLE4_RESULT_COLUMNS],
  // In each group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
  relations: TABLE4_GROUPS.map((g, k): Relation => {
    const base = k * TABLE4_RESULT_COLUMNS.length;
    const total = TABLE4_RESULT_COLUMNS.length - 1;
    return {
      code: 'review-total',
      table: 'table4',
      axis: 'row',
      total: { row: 't4.cases', column: base + total },
      terms: TABLE4_RESULT_COLUMNS.slice(0, total).map((c, i) => ({
        cell: { row: 't4.cases', column: base + i },
        sign: 1,
        name: `${g.name}·${c}`,
        short: c,
      })),
    };
  }),
};

export function tableTemplate(id: TableId, format: FormatVersion): TableTemplate {
  switch (id) {
    case 'table2':
      return format === '2019' ? TABLE2_2019 : TABLE2_2021;
    case 'table3':
      return format === '2019' ? TABLE3_2019 : TABLE3_2021;
    case 'table4':
      return TABLE4;
  }
}

export function rowTemplate(table: TableTemplate, id: string): RowTemplate | undefined {
  return table.rows.find((r) => r.id === id);
}

/** Placeholders that mean "no value written" (missing, not zero). */
export const PLACEHOLDERS = ['/', '-', '—', '--', '——', '－', '無', '无', '不适用', '—/—'];

/** The agency and the year where the template (new report, snippets, the title fix) cannot know them. */
export const AGENCY_PROMPT = '【机关名称】';
export const YEAR_PROMPT = '【年份】';

/** The template's prose prompts: what the clerk is asked to write, in 【】 so that nothing looks finished. */
export const PROSE_PROMPTS = {
  overview: [
    ['（一）主动公开。', '【本年度主动公开政府信息的数量、渠道和重点领域。】'],
    ['（二）依申请公开。', '【本年度收到和办理政府信息公开申请的情况。】'],
    ['（三）政府信息管理。', '【公开属性认定、保密审查、规范性文件清理等。】'],
    ['（四）平台建设。', '【政府网站、政务新媒体等公开平台的建设情况。】'],
    ['（五）监督保障。', '【组织领导、培训、考核和社会评议等。】'],
  ],
  problems: '【本年度存在的主要问题，上年度问题的整改情况，以及下一步的改进措施。】',
  other:
    '【收取信息处理费的情况（如：本机关本年度未收取信息处理费），人大代表建议和政协委员提案的办理情况，年度政务公开工作要点落实情况等。】',
} as const;

/** Every 【…】 prompt the template writes: left in a report, it is a finding (placeholder). */
export const TEMPLATE_PROMPTS: readonly string[] = [
  AGENCY_PROMPT,
  YEAR_PROMPT,
  ...PROSE_PROMPTS.overview.map(([, prompt]) => prompt),
  PROSE_PROMPTS.problems,
  PROSE_PROMPTS.other,
];
