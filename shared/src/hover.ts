// Hover contents, as Markdown: on a section heading its standard wording and content; on a row label
// what the row counts and the checks it takes part in; on a number its row and column, and on a total
// the computed sum with its terms. Pure: the server only wraps the result in an LSP Hover.

import { COLUMN_EXPLANATIONS, explain, ROW_EXPLANATIONS, SECTION_EXPLANATIONS } from './explanations';
import { cellAt, cellRangeOf, contains, rowTemplateOfRow, templateOfTable, type CellHit } from './locate';
import { msg, type Locale, type MessageKey } from './messages';
import type { HeadingModel, Position, Range, ReportModel, RowModel, TableModel } from './model';
import { evaluate, relationsOf as relationsOfTable, type Evaluation } from './relations';
import { sectionTemplate, standardHeading, TABLE4_GROUPS, TABLE4_RESULT_COLUMNS, type Relation } from './template';

export interface HoverResult {
  range: Range;
  markdown: string;
}

/** The hover's words: the `hover.*` keys of the catalogue (i18n/). */
type TextKey = MessageKey extends infer K ? (K extends `hover.${infer Rest}` ? Rest : never) : never;

function t(locale: Locale, key: TextKey, args: Record<string, string | number> = {}): string {
  return msg(`hover.${key}`, args, locale);
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

function headingHover(heading: HeadingModel, locale: Locale): HoverResult | undefined {
  const section = heading.section;
  const s = sectionTemplate(section);
  if (!s) return undefined;
  const standard = standardHeading(section);
  const lines = [
    `**${t(locale, 'section', { numeral: s.numeral, number: section })} · ${s.title}**`,
    '',
    `${t(locale, 'standard', { heading: `\`${standard}\`` })}${heading.text.replace(/[\s\u3000]+/g, '') !== s.title ? t(locale, 'differs') : ''}`,
  ];
  if (heading.numeral !== s.numeral) lines.push('', t(locale, 'wrongNumeral', { expected: s.numeral }));
  const explanation = explain(SECTION_EXPLANATIONS[String(section)], locale);
  if (explanation) lines.push('', explanation);
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
  for (const c of [ev.totalCell, ...ev.terms.map((x) => x.cell)])
    places = Math.max(places, /\.(\d+)/.exec(c?.text ?? '')?.[1]?.length ?? 0);
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
