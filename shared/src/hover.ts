// Hover contents, as Markdown: on a section heading its standard wording and content; on a row label
// what the row counts and the checks it takes part in; on a number its row and column, and on a total
// the computed sum with its terms. Pure: the server only wraps the result in an LSP Hover.

import { COLUMN_EXPLANATIONS, explain, ROW_EXPLANATIONS, SECTION_EXPLANATIONS } from './explanations';
import { cellAt, cellRangeOf, contains, rowTemplateOfRow, templateOfTable, type CellHit } from './locate';
import { localized, type Locale } from './messages';
import type { HeadingModel, Position, Range, ReportModel, RowModel, TableModel } from './model';
import { evaluate, relationsOf as relationsOfTable, type Evaluation } from './relations';
import { SECTIONS, standardHeading, TABLE4_GROUPS, TABLE4_RESULT_COLUMNS, type Relation } from './template';

export interface HoverResult {
  range: Range;
  markdown: string;
}

const TEXT = {
  section: { zh: '第{numeral}部分', en: 'Section {number}' },
  standard: { zh: '标准标题：{heading}', en: 'Standard heading: {heading}' },
  differs: { zh: '（此处的写法与标准表述不同）', en: ' (written differently here)' },
  wrongNumeral: { zh: '序号应为「{numeral}、」。', en: 'The number should be 「{numeral}、」.' },
  title: { zh: '报告标题', en: 'Report title' },
  agency: { zh: '机关：{agency}', en: 'Agency: {agency}' },
  year: { zh: '年度：{year}', en: 'Year: {year}' },
  checks: { zh: '参与的检查：', en: 'Checked by:' },
  noRelation: {
    zh: '表二各项之间没有勾稽关系（现行有效件数取决于上年），只检查是否为数字、是否缺少。',
    en: 'Table 2 has no arithmetic relation (the number in force depends on last year); only missing and non-numeric cells are checked.',
  },
  rowTotal: {
    zh: '`row-total`：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他',
    en: '`row-total`: 总计 = the sum of the six applicant columns',
  },
  resultsTotalPart: { zh: '`results-total`：计入「（七）总计」', en: '`results-total`: counted in 「（七）总计」' },
  resultsTotalSelf: { zh: '`results-total`：（七）总计 = 各项办理结果之和', en: '`results-total`: （七）总计 = the sum of all results' },
  balance: { zh: '`balance`：一 + 二 = （七）总计 + 四', en: '`balance`: 一 + 二 = （七）总计 + 四' },
  narrative: {
    zh: '`narrative-mismatch`：与正文所述的件数对照（收到/受理申请 N 件，新收或新收 + 上年结转均可；未收到申请；全部办结；行政复议、行政诉讼 N 件；予以公开 N 件…）',
    en: '`narrative-mismatch`: compared with the figures the text states (requests received — new, or new + carried over —, none received, all completed, reviews, lawsuits, results)',
  },
  titleChecks: {
    zh: '`year-mismatch`：标题年份 = 统计期限年份 = 正文所述本年度工作的年份，落款在次年；`deadline`：部门1月31日前、人民政府3月31日前公布（《条例》第四十九条）',
    en: '`year-mismatch`: the title’s year = the statistics period’s = the year of the work described, the closing date in the next year; `deadline`: published by 31 January (department) or 31 March (people’s government), Regulations art. 49',
  },
  reviewTotal: {
    zh: '`review-total`：每组总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
    en: '`review-total`: each group total = upheld + corrected + other + pending',
  },
  value: { zh: '所填：{value}', en: 'Written: {value}' },
  notNumber: { zh: '所填「{text}」不是数字', en: '「{text}」 is not a number' },
  empty: { zh: '缺少数字', en: 'The number is missing' },
  computed: { zh: '计算：{formula} = **{sum}**', en: 'Computed: {formula} = **{sum}**' },
  matches: { zh: '✓ 与所填一致', en: '✓ matches the number written' },
  differsFrom: { zh: '✗ 所填为 {actual}，差 {delta}', en: '✗ {actual} is written, off by {delta}' },
  cannot: { zh: '无法计算：{what} 缺少数字或不是数字', en: 'Cannot compute: {what} is missing or not a number' },
  zeros: { zh: '其余 {count} 项为 0', en: '{count} other terms are 0' },
  rowTotalTitle: { zh: '本行总计（六类申请人之和）', en: 'Row total (the six applicant columns)' },
  resultsTitle: { zh: '（七）总计（各项办理结果之和）', en: '（七）总计 (the sum of all results)' },
  balanceTitle: { zh: '结转下年度 = 一 + 二 − （七）', en: 'Carried over = 一 + 二 − （七）' },
  reviewTitle: { zh: '{group}总计（四项之和）', en: '{group} total (the sum of four results)' },
  column: { zh: '列：{column}', en: 'Column: {column}' },
  format2019: { zh: '（2019 年格式）', en: '(2019 format)' },
} as const;

type TextKey = keyof typeof TEXT;

function t(locale: Locale, key: TextKey, args: Record<string, string | number> = {}): string {
  return localized(TEXT[key], locale, args);
}

/** Text from the document inside Markdown: no accidental emphasis, code or links. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
}

export function hoverAt(model: ReportModel, pos: Position, locale: Locale = 'zh-cn'): HoverResult | undefined {
  for (const section of model.sections) {
    if (section.heading.line === pos.line && contains(section.heading.range, pos)) return headingHover(section.heading, locale);
  }
  if (model.title && contains(model.title.range, pos)) return titleHover(model, locale);
  const hit = cellAt(model, pos);
  if (!hit) return undefined;
  return hit.column < 0 ? labelHover(hit, locale) : valueHover(hit, locale);
}

function headingHover(heading: HeadingModel, locale: Locale): HoverResult {
  const section = heading.section;
  const s = SECTIONS[section - 1];
  const standard = standardHeading(section);
  const lines = [
    `**${t(locale, 'section', { numeral: s.numeral, number: section })} · ${s.title}**`,
    '',
    `${t(locale, 'standard', { heading: `\`${standard}\`` })}${heading.text.replace(/[\s\u3000]+/g, '') !== s.title ? t(locale, 'differs') : ''}`,
  ];
  if (heading.numeral !== s.numeral) lines.push('', t(locale, 'wrongNumeral', { numeral: s.numeral }));
  lines.push('', explain(SECTION_EXPLANATIONS[section - 1], locale)!);
  return { range: heading.range, markdown: lines.join('\n') };
}

function titleHover(model: ReportModel, locale: Locale): HoverResult {
  const title = model.title!;
  const facts = [
    title.agency ? t(locale, 'agency', { agency: escapeMarkdown(title.agency) }) : undefined,
    title.year !== undefined ? t(locale, 'year', { year: title.year }) : undefined,
  ].filter(Boolean);
  return { range: title.range, markdown: [`**${t(locale, 'title')}**`, '', facts.join(' · '), '', t(locale, 'titleChecks')].join('\n') };
}

/** A row's name for a heading: 「（七）总计」 rather than 「三、本年度办理结果·（七）总计」. */
function rowName(table: TableModel, row: RowModel): string {
  const name = rowTemplateOfRow(table, row)?.name || templateOfTable(table).name;
  return name.replace(/^三、本年度办理结果·/, '');
}

function rowHeading(table: TableModel, row: RowModel, locale: Locale): string {
  const template = templateOfTable(table);
  const name = rowName(table, row);
  return `**${escapeMarkdown(name)}** — ${escapeMarkdown(template.name)}${table.format === '2019' ? ' ' + t(locale, 'format2019') : ''}`;
}

function relationsOf(table: TableModel, row: RowModel, locale: Locale): string[] {
  const relations = relationsOfTable(table);
  if (relations.length === 0) return [t(locale, 'noRelation')];
  const has = (code: Relation['code'], as: 'total' | 'term' | 'any' = 'any') =>
    relations.some(
      (r) =>
        r.code === code && ((as !== 'term' && r.total.row === row.id) || (as !== 'total' && r.terms.some((x) => x.cell.row === row.id))),
    );
  const lines = [t(locale, 'checks')];
  if (has('row-total')) lines.push(`- ${t(locale, 'rowTotal')}`);
  if (has('results-total', 'term')) lines.push(`- ${t(locale, 'resultsTotalPart')}`);
  if (has('results-total', 'total')) lines.push(`- ${t(locale, 'resultsTotalSelf')}`);
  if (has('balance')) lines.push(`- ${t(locale, 'balance')}`);
  if (has('review-total')) lines.push(`- ${t(locale, 'reviewTotal')}`);
  const rowT = rowTemplateOfRow(table, row);
  if (
    table.id === 'table4' ||
    row.id === 't3.new' ||
    row.id === 't3.carriedIn' ||
    row.id === 't3.carriedOut' ||
    (rowT?.result && row.id !== 't3.resultsTotal')
  )
    lines.push(`- ${t(locale, 'narrative')}`);
  return lines;
}

function labelHover(hit: CellHit, locale: Locale): HoverResult {
  const { table, row, cell } = hit;
  const lines = [
    rowHeading(table, row, locale),
    '',
    explain(ROW_EXPLANATIONS[row.id], locale) ?? '',
    '',
    ...relationsOf(table, row, locale),
  ];
  return { range: cellRangeOf(cell), markdown: lines.join('\n') };
}

/** `a + b − c = sum` from the evaluator, or why it cannot be computed. */
function computation(ev: Evaluation, title: string, locale: Locale, compact: boolean): string[] {
  const lines = [`**${title}**`];
  if (ev.sum === undefined) {
    lines.push('', t(locale, 'cannot', { what: ev.missing.map((m) => `「${escapeMarkdown(m.term.short)}」`).join('、') }));
    return lines;
  }
  const sum = ev.sum;
  const terms = ev.terms.map((x) => ({ name: x.term.short, sign: x.term.sign, value: x.value! }));
  const shown = compact ? terms.filter((x) => x.value !== 0) : terms;
  const formula =
    shown.length === 0 ? '0' : shown.map((x, i) => `${i === 0 ? (x.sign < 0 ? '− ' : '') : x.sign < 0 ? ' − ' : ' + '}${x.value}`).join('');
  lines.push('', t(locale, 'computed', { formula, sum }));
  if (compact || terms.length <= 8) {
    lines.push('');
    for (const x of shown) lines.push(`- ${x.sign < 0 ? '− ' : ''}${escapeMarkdown(x.name)}：${x.value}`);
    if (compact && shown.length < terms.length) lines.push(`- ${t(locale, 'zeros', { count: terms.length - shown.length })}`);
  }
  lines.push('');
  if (ev.actual !== undefined) {
    // The rule's verdict (ev.holds), and the difference to the decimal places written.
    const d = ev.actual - sum;
    const delta = d.toFixed(Math.min(20, decimalPlaces(ev)));
    lines.push(ev.holds ? t(locale, 'matches') : t(locale, 'differsFrom', { actual: ev.actual, delta: d > 0 ? `+${delta}` : delta }));
  }
  return lines;
}

/** The most decimal places written in the cells of an evaluation. */
function decimalPlaces(ev: Evaluation): number {
  let places = 0;
  for (const c of [ev.totalCell, ...ev.terms.map((x) => x.cell)]) places = Math.max(places, /\.(\d+)/.exec(c?.text ?? '')?.[1].length ?? 0);
  return places;
}

const TITLES: Record<Relation['code'], TextKey> = {
  'row-total': 'rowTotalTitle',
  'results-total': 'resultsTitle',
  balance: 'balanceTitle',
  'review-total': 'reviewTitle',
};

function valueHover(hit: CellHit, locale: Locale): HoverResult {
  const { table, row, cell, column } = hit;
  const rowT = rowTemplateOfRow(table, row);
  const columnT = rowT?.columns[column];
  const columnLabel = columnT?.label ?? '';
  const lines = [`**${escapeMarkdown(rowName(table, row))}·${escapeMarkdown(columnLabel)}**`, ''];
  lines.push(
    cell.kind === 'number'
      ? t(locale, 'value', { value: cell.text })
      : cell.kind === 'empty' || cell.kind === 'placeholder'
        ? t(locale, 'empty')
        : t(locale, 'notNumber', { text: escapeMarkdown(cell.text) }),
  );
  const columnHelp = explain(COLUMN_EXPLANATIONS[columnLabel.split('·').pop() ?? ''], locale);
  if (columnHelp) lines.push('', t(locale, 'column', { column: `${escapeMarkdown(columnLabel)} — ${columnHelp}` }));

  // The relations whose total is this cell, evaluated with this row (a repeated row shows its own sums).
  const sections: string[][] = [];
  for (const relation of relationsOfTable(table)) {
    if (relation.total.row !== row.id || relation.total.column !== column) continue;
    const group = TABLE4_GROUPS[Math.floor(column / TABLE4_RESULT_COLUMNS.length)]?.name ?? '';
    const title = t(locale, TITLES[relation.code], { group });
    sections.push(computation(evaluate(table, relation, { row }), title, locale, relation.code === 'results-total'));
  }
  for (const s of sections) lines.push('', '---', '', ...s);
  if (sections.length === 0) lines.push('', ...relationsOf(table, row, locale));
  return { range: cellRangeOf(cell), markdown: lines.join('\n') };
}
