// A new 2021-format report as text, for the `nianbao.newReport` command, and the same template as
// VS Code snippets (tab stops for the agency, the year, the prose and every number). One writer
// interface, two implementations: plain text with the values filled in, or snippet syntax.

import { defaultLayout, renderTable, type CellWriter, type RowLayout } from './render';
import { AGENCY_PROMPT, PROSE_PROMPTS, SECTIONS, standardHeading, YEAR_PROMPT } from './template';

export type ReportStyle = 'markdown' | 'plaintext';

/** Produces the variable parts of the template. */
export interface TemplateWriter {
  agency(): string;
  year(): string;
  /** Editable text with a default (prose to replace, a number). */
  slot(defaultText: string): string;
  /** The closing date. */
  date(): string;
  /** Literal template text (escaped for snippets). */
  text(s: string): string;
}

export interface NewReportOptions {
  agency: string;
  year: number;
  style: ReportStyle;
  /** The closing date (default: today). */
  date?: Date;
}

/** The placeholders an agency and year stand for when none were given (prompts the checker reports until replaced). */
export const AGENCY_PLACEHOLDER = AGENCY_PROMPT;
export const YEAR_PLACEHOLDER = YEAR_PROMPT;

const TABLE4_NOTE =
  '下表依次为行政复议、未经复议直接起诉的行政诉讼、复议后起诉的行政诉讼，每组依次为结果维持、结果纠正、其他结果、尚未审结、总计。';

/** Prose defaults: what the clerk is asked to write, in 【】 so that nothing looks finished (and the checker says so). */
const PROSE = PROSE_PROMPTS;

function lines(...parts: (string | string[])[]): string[] {
  return parts.flat();
}

/** The whole report, one string per line. */
export function reportLines(w: TemplateWriter, style: ReportStyle): string[] {
  const heading = (n: number) => (style === 'markdown' ? w.text('## ') : '') + w.text(standardHeading(n));
  const agency = w.agency();
  const year = w.year();
  const titleText = `${agency}${year}${w.text('年政府信息公开工作年度报告')}`;
  const out = lines(
    style === 'markdown' ? w.text('# ') + titleText : titleText,
    '',
    w.text(
      '本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。本报告所列数据的统计期限为',
    ) + `${w.year()}${w.text('年1月1日至')}${w.year()}${w.text('年12月31日。如对本报告有疑问，请与')}${w.agency()}${w.text('联系。')}`,
    '',
    heading(1),
    '',
  );
  for (const [lead, body] of PROSE.overview) out.push(w.text(lead) + w.slot(body), '');
  out.push(
    heading(2),
    '',
    ...table2Lines(w, style),
    '',
    heading(3),
    '',
    ...table3Lines(w, style),
    '',
    heading(4),
    '',
    ...table4Lines(w, style),
    '',
  );
  out.push(heading(5), '', w.slot(PROSE.problems), '', heading(6), '', w.slot(PROSE.other), '', w.agency(), w.date(), '');
  return out;
}

/** The tables of a new report: Markdown tables, or pipe rows in plain text; empty cells padded like the others. */
function tableLayout(style: ReportStyle): RowLayout {
  return { ...defaultLayout(style === 'markdown' ? 'markdown' : 'pipe'), padEmpty: true };
}

function cellWriter(w: TemplateWriter): CellWriter {
  return { literal: (t) => w.text(t), value: (t) => w.slot(t) };
}

export function table2Lines(w: TemplateWriter, style: ReportStyle): string[] {
  return renderTable('table2', tableLayout(style), undefined, cellWriter(w));
}

export function table3Lines(w: TemplateWriter, style: ReportStyle): string[] {
  return renderTable('table3', tableLayout(style), undefined, cellWriter(w));
}

export function table4Lines(w: TemplateWriter, style: ReportStyle): string[] {
  const table = renderTable('table4', tableLayout(style), undefined, cellWriter(w));
  return style === 'markdown' ? [w.text(TABLE4_NOTE), '', ...table] : table;
}

// ---------------------------------------------------------------------------
// Plain text

/** `2025年1月20日` */
export function chineseDate(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

export function textWriter(agency: string, year: number | string, date: Date): TemplateWriter {
  return {
    agency: () => agency,
    year: () => String(year),
    slot: (d) => d,
    date: () => chineseDate(date),
    text: (s) => s,
  };
}

/** A new report with the agency, the year and the date filled in, zeros in every table, prose to replace in 【】. */
export function newReportText(options: NewReportOptions): string {
  const agency = options.agency.trim() || AGENCY_PLACEHOLDER;
  return reportLines(textWriter(agency, options.year, options.date ?? new Date()), options.style).join('\n');
}

/** The year a report written now is usually for: last year. */
export function defaultReportYear(now: Date = new Date()): number {
  return now.getFullYear() - 1;
}

/** Why an agency name or a year typed by the user cannot be used, or undefined when it can. */
export function validateAgency(value: string): string | undefined {
  const v = value.trim();
  if (v.length === 0) return '请输入机关名称（如：某某县自然资源局）';
  if (v.length > 40) return '机关名称过长（不超过 40 个字）';
  if (/[\r\n|]/.test(v)) return '机关名称不能包含换行或「|」';
  return undefined;
}

export function validateYear(value: string): string | undefined {
  const v = value.trim();
  if (!/^\d{4}$/.test(v)) return '请输入四位数的年份（如 2024）';
  const year = Number(v);
  if (year < 2008 || year > new Date().getFullYear() + 1) return `年份应在 2008 到 ${new Date().getFullYear() + 1} 之间`;
  return undefined;
}

// ---------------------------------------------------------------------------
// Snippets

/** Escapes literal text for a snippet body. */
export function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** Tab stops in document order: 1 = agency, 2 = year (mirrored wherever they repeat), then every slot. */
export function snippetWriter(): TemplateWriter {
  let next = 3;
  let agencySeen = false;
  let yearSeen = false;
  return {
    agency: () => (agencySeen ? '${1}' : ((agencySeen = true), `\${1:${AGENCY_PLACEHOLDER}}`)),
    year: () => (yearSeen ? '${2}' : ((yearSeen = true), `\${2:${YEAR_PLACEHOLDER}}`)),
    slot: (d) => `\${${next++}:${escapeSnippet(d)}}`,
    date: () => {
      const n = next;
      next += 3;
      return `\${${n}:$CURRENT_YEAR}年\${${n + 1}:1}月\${${n + 2}:20}日`;
    },
    text: escapeSnippet,
  };
}

/** A writer for a table or heading snippet alone (no agency or year). */
function partWriter(): TemplateWriter {
  const w = snippetWriter();
  return { ...w, agency: () => w.slot(AGENCY_PLACEHOLDER), year: () => w.slot(YEAR_PLACEHOLDER) };
}

export interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

/** Pinyin prefixes of the six sections (full and initials). */
const SECTION_PINYIN = [
  ['zongtiqingkuang', 'ztqk'],
  ['zhudonggongkai', 'zdgk'],
  ['shoudaohechulishenqing', 'yishenqing'],
  ['xingzhengfuyisusong', 'fuyisusong'],
  ['cunzaidewenti', 'wentigaijin'],
  ['qitashixiang', 'qtsx'],
];

/** Every snippet of one style: the whole report, each table, each section heading. */
export function snippetsFor(style: ReportStyle): Record<string, Snippet> {
  const label = style === 'markdown' ? 'Markdown' : '纯文本';
  const mark = style === 'markdown' ? '## ' : '';
  const out: Record<string, Snippet> = {
    [`政府信息公开工作年度报告（${label}）`]: {
      prefix: ['年报', 'nianbao', 'nb', '政府信息公开年报'],
      body: [...reportLines(snippetWriter(), style).slice(0, -1), '$0'],
      description: `整份政府信息公开工作年度报告（2021 年格式，${label}）：标题、六个部分、三张统计表（全为 0）、落款`,
    },
    [`表二 主动公开政府信息情况（${label}）`]: {
      prefix: ['表二', 'biao2', 'b2'],
      body: [...table2Lines(partWriter(), style), '$0'],
      description: `表二（主动公开政府信息情况，2021 年格式，${label}）`,
    },
    [`表三 收到和处理政府信息公开申请情况（${label}）`]: {
      prefix: ['表三', 'biao3', 'b3'],
      body: [...table3Lines(partWriter(), style), '$0'],
      description: `表三（收到和处理政府信息公开申请情况，2021 年格式，${label}）`,
    },
    [`表四 行政复议、行政诉讼情况（${label}）`]: {
      prefix: ['表四', 'biao4', 'b4'],
      body: [...table4Lines(partWriter(), style), '$0'],
      description: `表四（政府信息公开行政复议、行政诉讼情况，${label}）`,
    },
  };
  for (const s of SECTIONS) {
    const heading = standardHeading(s.number);
    out[`${heading}（${label}）`] = {
      prefix: [heading, s.title, ...(SECTION_PINYIN[s.number - 1] ?? []), `bufen${s.number}`],
      body: [`${mark}${escapeSnippet(heading)}`, '', '$0'],
      description: `第${s.numeral}部分标题：${heading}`,
    };
  }
  return out;
}
