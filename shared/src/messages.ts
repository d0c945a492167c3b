// Finding messages in Chinese (the default) and English, as one table of templates keyed by id.
// A rule writes `message: msg('row-total', { row, expected, actual })`; the engine decides the
// language for the whole run (`CheckOptions.locale`), so rules stay free of language switches.
// Quoted document text (row labels, column names, headings) stays Chinese in both languages:
// it is what the user sees in the report.

export type Locale = 'zh-cn' | 'en';

export const DEFAULT_LOCALE: Locale = 'zh-cn';

export type MessageArgs = Readonly<Record<string, string | number>>;

export interface Template {
  zh: string;
  en: string;
}

/** `{name}` in a template is replaced by the argument of that name. */
export const MESSAGES = {
  // structure
  'section-missing': { zh: '缺少第{numeral}部分「{heading}」', en: 'Section {number} 「{heading}」 is missing' },
  'section-missing.before': {
    zh: '缺少第{numeral}部分「{heading}」（应位于「{other}」之前）',
    en: 'Section {number} 「{heading}」 is missing (it belongs before 「{other}」)',
  },
  'section-missing.after': {
    zh: '缺少第{numeral}部分「{heading}」（应位于「{other}」之后）',
    en: 'Section {number} 「{heading}」 is missing (it belongs after 「{other}」)',
  },
  'section-order': {
    zh: '第{numeral}部分「{title}」出现在第{otherNumeral}部分「{other}」之后，顺序颠倒',
    en: 'Section {number} 「{title}」 comes after section {otherNumber} 「{other}」: the sections are out of order',
  },
  'section-duplicate': {
    zh: '第{numeral}部分重复出现（第 {line} 行已有「{title}」）',
    en: 'Section {number} appears twice (line {line} already has 「{title}」)',
  },
  'section-duplicate.first': { zh: '第一次出现', en: 'first occurrence' },
  'heading-numbering': {
    zh: '部分标题序号应为「{expected}、」，实为「{written}」',
    en: 'The section number should be 「{expected}、」, not 「{written}」',
  },
  'heading-numbering.none': {
    zh: '部分标题缺少序号，应为「{expected}、{text}」',
    en: 'The section heading has no number; it should read 「{expected}、{text}」',
  },
  'heading-wording': {
    zh: '部分标题的标准表述为「{standard}」，实为「{text}」',
    en: 'The standard wording of this heading is 「{standard}」, not 「{text}」',
  },
  'title-missing': {
    zh: '报告没有标题（应为「{title}」这样包含机关名称和年份的标题）',
    en: 'The report has no title (a title with the agency and the year, such as 「{title}」)',
  },
  'date-missing': {
    zh: '报告末尾没有机关名称和落款日期（如「2025年1月15日」）',
    en: 'The report does not end with the agency name and a date (such as 「2025年1月15日」)',
  },
  placeholder: {
    zh: '「{text}」是模板的提示文字，请换成本报告的内容',
    en: '「{text}」 is a prompt of the template: replace it with this report’s own words',
  },
  // tables
  'table-missing': { zh: '第{numeral}部分缺少{table}', en: 'Section {number} has no statistics table {table}' },
  'row-missing': { zh: '{table}缺少{row}一行', en: '{table} is missing the row {row}' },
  'row-missing.before': {
    zh: '{table}缺少{row}一行（应在{next}之前）',
    en: '{table} is missing the row {row} (it belongs before {next})',
  },
  'row-duplicate': {
    zh: '{table}{row}一行出现了两次（第一次在第 {line} 行）；重复的一行不参与计算',
    en: '{table}: the row {row} appears twice (first on line {line}); the repeated row is left out of every sum',
  },
  'related.firstRow': { zh: '{row}第一次出现在这里', en: '{row} first appears here' },
  'row-label-missing': {
    zh: '这一行数字没有行名，按位置应为{row}',
    en: 'These numbers have no row label; by their position they are the row {row}',
  },
  'cell-missing.empty': { zh: '{cell} 缺少数字', en: '{cell}: the number is missing' },
  'cell-missing.placeholder': {
    zh: '{cell} 写的是「{text}」，不是数字',
    en: '{cell}: 「{text}」 is written instead of a number',
  },
  'cell-missing.column': {
    zh: '{table}「{column}」一列在全部 {count} 行都是空白，缺少数字',
    en: '{table}: the column 「{column}」 is blank in all {count} rows',
  },
  'fix.fillColumn': { zh: '「{column}」一列 {count} 格都填入 0', en: 'Fill in 0 in all {count} cells of 「{column}」' },
  'cell-missing.unaligned': {
    zh: '{row}只有 {count} 个数字，应有 {columns} 个；从各列的位置看不出哪一格空白，这一行不参与计算，请补全',
    en: '{row} has {count} numbers for {columns} columns; the column positions do not show which cell is blank, so the row is left out of the sums: complete it',
  },
  'cell-missing.expected': { zh: '（应为 {value}）', en: ' (should be {value})' },
  'cell-not-number.glued': {
    zh: '{row}的「{text}」：数字连在一起，无法唯一拆分成各列',
    en: 'The numbers 「{text}」 of {row} run together and cannot be split into columns in only one way',
  },
  'cell-not-number': { zh: '{cell} 应为数字，实为「{text}」', en: '{cell} should be a number, found 「{text}」' },
  'cell-not-number.tooLarge': {
    zh: '{cell} 的数字「{text}」超过 10 亿，不是可信的件数，不参与计算',
    en: '{cell}: 「{text}」 is above one billion, not a credible count; it is left out of every sum',
  },
  'negative-number': {
    zh: '{cell} 是数量，不能为负数，实为 {value}',
    en: '{cell} is a count and cannot be negative, found {value}',
  },
  'legacy-format.table3': {
    zh: '{table}「（六）其他处理」只有一行数字（2021 年格式分为 3 个子项）；{year} 年度报告应使用国办公开办函〔2021〕30号规定的格式',
    en: '{table}: 「（六）其他处理」 is a single row (the 2021 format splits it into 3 rows); a report for {year} must use the format of 国办公开办函〔2021〕30号',
  },
  'legacy-format': {
    zh: '{table}使用了「{marker}」等 2019 年格式的项目；{year} 年度报告应使用国办公开办函〔2021〕30号规定的格式',
    en: '{table} uses items of the 2019 format such as 「{marker}」; a report for {year} must use the format of 国办公开办函〔2021〕30号',
  },
  // arithmetic
  'row-total': {
    zh: '{row}·总计 应为 {expected}（自然人至其他六列之和），实为 {actual}',
    en: '{row}·总计 should be {expected} (the sum of the six columns 自然人 to 其他), found {actual}',
  },
  'row-total.negative': {
    zh: '{row}·总计 为 {actual}，而自然人至其他六列之和为 {sum}，两者不符；数量不能为负数，请核对各列',
    en: '{row}·总计 is {actual} but the six columns 自然人 to 其他 add up to {sum}; a count cannot be negative: check the columns',
  },
  'row-total.part': {
    zh: '{row}·{column} 应为 {expected}（这样本行总计 {total} 与「{relation}」都成立），实为 {actual}',
    en: '{row}·{column} should be {expected} (then both the row total {total} and 「{relation}」 hold), not {actual}',
  },
  'row-total.part.balance': { zh: '一 + 二 = （七）+ 四', en: '一 + 二 = （七）+ 四' },
  'row-total.part.results': { zh: '（七）总计等于各项办理结果之和', en: '（七）总计 = the sum of the results' },
  'row-total.part.rowTotal': { zh: '本行总计', en: 'the row total' },
  'results-total': {
    zh: '「（七）总计」·{column} 应为 {expected}（各项办理结果之和），实为 {actual}',
    en: '「（七）总计」·{column} should be {expected} (the sum of all results), found {actual}',
  },
  'results-total.negative': {
    zh: '「（七）总计」·{column} 为 {actual}，而各项办理结果之和为 {sum}，两者不符；数量不能为负数，请核对各项办理结果',
    en: '「（七）总计」·{column} is {actual} but the results add up to {sum}; a count cannot be negative: check the results',
  },
  balance: {
    zh: '「四、结转下年度继续办理」·{column} 应为 {expected}（一 + 二 − （七）= {new} + {carriedIn} − {results}），实为 {actual}',
    en: '「四、结转下年度继续办理」·{column} should be {expected} (一 + 二 − （七） = {new} + {carriedIn} − {results}), found {actual}',
  },
  'balance.negative': {
    zh: '「四、结转下年度继续办理」·{column} 为 {actual}，而一 + 二 = {new} + {carriedIn} = {inflow}，小于（七）总计 {results}：结转数不能为负数，无法平衡，请核对这几项',
    en: '「四、结转下年度继续办理」·{column} is {actual}, but 一 + 二 = {new} + {carriedIn} = {inflow} is less than （七）总计 {results}: the carry-over cannot be negative, so the table cannot balance; check these numbers',
  },
  'review-total': {
    zh: '表四「{group}」总计 应为 {expected}（{terms}），实为 {actual}',
    en: 'Table 4 「{group}」 总计 should be {expected} ({terms}), found {actual}',
  },
  'review-total.negative': {
    zh: '表四「{group}」总计 为 {actual}，而四项之和为 {expected}（{terms}），两者不符；数量不能为负数，请核对这四项',
    en: 'Table 4 「{group}」 总计 is {actual} but its four results add up to {expected} ({terms}); a count cannot be negative: check them',
  },
  'document-too-large': {
    zh: '文档大小 {size}，超过设置 nianbao.maxDocumentSize（{max}），未作检查。',
    en: 'This document ({size}) is larger than nianbao.maxDocumentSize ({max}) and was not checked.',
  },
  // the workspace check (server/src/workspace.ts)
  'workspace.title': { zh: '检查工作区全部年报', en: 'Checking all reports in the workspace' },
  'workspace.progress': { zh: '{done}/{total} {file}', en: '{done}/{total} {file}' },
  'workspace.done': {
    zh: '已检查工作区中的 {files} 个文件：{withFindings} 个有问题，共 {errors} 个错误、{warnings} 个警告。',
    en: 'Checked {files} files in the workspace: {withFindings} with findings, {errors} errors and {warnings} warnings in all.',
  },
  // fix titles
  'fix.setTo': { zh: '改为 {value}', en: 'Change to {value}' },
  'fix.replaceWith': { zh: '改为「{text}」', en: 'Change to 「{text}」' },
  'fix.insertTitle': { zh: '插入标题「{title}」', en: 'Insert the title 「{title}」' },
  'fix.remove': { zh: '删除「{text}」', en: 'Remove 「{text}」' },
  'fix.insertSection': { zh: '插入「{heading}」', en: 'Insert 「{heading}」' },
  'fix.insertSectionWithTable': { zh: '插入「{heading}」及其统计表', en: 'Insert 「{heading}」 and its table' },
  'fix.insertTable': { zh: '插入{table}模板', en: 'Insert the template of {table}' },
  'fix.insertRow': { zh: '插入「{label}」一行（全部为 0）', en: 'Insert the row 「{label}」 (all 0)' },
  'fix.insertLabel': { zh: '补上行名「{label}」', en: 'Insert the row label 「{label}」' },
  'fix.fillCell': { zh: '填入 {value}', en: 'Fill in {value}' },
  'fix.fillCells': {
    zh: '填入 {value}（前面缺少的 {count} 格填 0）',
    en: 'Fill in {value} (and 0 in the {count} missing cells before it)',
  },
  'fix.convertTable2': {
    zh: '转换为 2021 年格式（本年新制作数量记为本年制发件数，处理决定数量照录；本年废止件数、现行有效件数、收费金额无法换算，留作「—」待填）',
    en: 'Convert to the 2021 format (本年新制作数量 becomes 本年制发件数, 处理决定数量 is kept; 本年废止件数, 现行有效件数 and the fee amount cannot be converted and are left as 「—」 to fill in)',
  },
  'fix.convertTable2.kept': {
    zh: '转换为 2021 年格式（本年新制作数量记为本年制发件数，处理决定数量照录；本年废止件数、现行有效件数、收费金额无法换算，留作「—」待填；新格式没有栏目的数字照录在表下的注中）',
    en: 'Convert to the 2021 format (本年新制作数量 becomes 本年制发件数, 处理决定数量 is kept; 本年废止件数, 现行有效件数 and the fee amount are left as 「—」 to fill in; numbers the 2021 format has no cell for are kept in a note under the table)',
  },
  'fix.convertTable3': {
    zh: '转换为 2021 年格式：（六）其他处理分为 3 个子项（原为 0，各子项均为 0）',
    en: 'Convert to the 2021 format: （六）其他处理 gets its 3 sub-rows (it was 0, so each is 0)',
  },
  'fix.convertTable3.kept': {
    zh: '转换为 2021 年格式：（六）其他处理分为 3 个子项；原为 0 的列各子项填 0，其余无法拆分，留作「—」待填，原数字照录在表下的注中',
    en: 'Convert to the 2021 format: （六）其他处理 gets its 3 sub-rows; columns that were 0 are 0 in each, the others cannot be split and are left as 「—」 to fill in, the old numbers kept in a note under the table',
  },
  'fix.allOfCode': { zh: '修复本文件所有「{code}」问题（{count} 处）', en: 'Fix all 「{code}」 problems in this file ({count})' },
  'fix.all': { zh: '修复所有可自动修复的年报问题', en: 'Fix all auto-fixable report problems' },
  'related.term': { zh: '{name} = {value}', en: '{name} = {value}' },
  'related.minusTerm': { zh: '减 {name} = {value}', en: 'minus {name} = {value}' },
  // cross-checks
  'narrative-mismatch.received': {
    zh: '正文所述收到申请 {written} 件，与表三「一、本年新收政府信息公开申请数量」总计 {new} 不符',
    en: 'The text says {written} requests were received; table 3 「一、本年新收政府信息公开申请数量」 总计 is {new}',
  },
  'narrative-mismatch.received.carried': {
    zh: '正文所述收到申请 {written} 件，与表三不符：本年新收 {new} 件，加上年结转 {carriedIn} 件共 {inclusive} 件',
    en: 'The text says {written} requests were received; table 3 has {new} new requests, {inclusive} with the {carriedIn} carried over from last year',
  },
  'narrative-mismatch.none': {
    zh: '正文称「{text}」，但表三「一、本年新收政府信息公开申请数量」总计为 {new}',
    en: 'The text says 「{text}」 (no requests), but table 3 「一、本年新收政府信息公开申请数量」 总计 is {new}',
  },
  'narrative-mismatch.allDone': {
    zh: '正文称申请「{text}」，但表三「四、结转下年度继续办理」总计为 {carriedOut}',
    en: 'The text says the requests were 「{text}」 (all completed), but table 3 「四、结转下年度继续办理」 总计 is {carriedOut}',
  },
  'narrative-mismatch.review': {
    zh: '正文所述行政复议 {written} 件，与表四「行政复议」总计 {table} 不符',
    en: 'The text says {written} administrative reviews; table 4 「行政复议」 总计 is {table}',
  },
  'narrative-mismatch.lawsuit': {
    zh: '正文所述行政诉讼 {written} 件，与表四行政诉讼总计 {table}（未经复议直接起诉 {direct} + 复议后起诉 {after}）不符',
    en: 'The text says {written} lawsuits; table 4 has {table} (未经复议直接起诉 {direct} + 复议后起诉 {after})',
  },
  'narrative-mismatch.result': {
    zh: '正文所述{result} {written} 件，与表三的 {table} 件不符',
    en: 'The text says {written} requests were 「{result}」; table 3 has {table}',
  },
  'year-mismatch.period': {
    zh: '统计期限写的是 {written} 年，本报告是 {year} 年度报告',
    en: 'The statistics period says {written}; this is the report on {year}',
  },
  'year-mismatch.statement': {
    zh: '正文「{text}」说的是 {written} 年的工作，本报告是 {year} 年度报告（是否沿用了上年的文字？）',
    en: 'The text 「{text}」 speaks of the work of {written}; this is the report on {year} (text left over from an earlier report?)',
  },
  'year-mismatch.closing': {
    zh: '落款日期 {date} 不在 {next} 年：{year} 年度报告应在 {next} 年公布',
    en: 'The closing date {date} is not in {next}: the report on {year} is published in {next}',
  },
  'related.titleYear': { zh: '标题的年份 {year}', en: 'the title’s year {year}' },
  'related.periodYear': { zh: '统计期限的年份 {year}', en: 'the statistics period’s year {year}' },
  'deadline.department': {
    zh: '落款日期 {date} 晚于 {next}年1月31日：部门的政府信息公开工作年度报告应在每年1月31日前公布（《条例》第四十九条）',
    en: 'The closing date {date} is after 31 January {next}: a department publishes its annual report by 31 January (Regulations art. 49)',
  },
  'deadline.government': {
    zh: '落款日期 {date} 晚于 {next}年3月31日：人民政府的政府信息公开工作年度报告应在每年3月31日前公布（《条例》第四十九条）',
    en: 'The closing date {date} is after 31 March {next}: a people’s government publishes its own annual report by 31 March (Regulations art. 49)',
  },
  'related.government': {
    zh: '{agency}：人民政府本级报告，期限3月31日',
    en: '{agency}: a people’s government’s own report, due by 31 March',
  },
  'related.department': { zh: '{agency}：政府部门的报告，期限1月31日', en: '{agency}: a department’s report, due by 31 January' },
  'fee-missing': {
    zh: '第六部分「其他需要报告的事项」没有说明收取信息处理费的情况（2021 年格式要求说明；未收取也应写明，如「本年度未收取信息处理费」）',
    en: 'Section 六 「其他需要报告的事项」 does not state the information processing fees (信息处理费) collected, as the 2021 format asks (also when none: 「本年度未收取信息处理费」)',
  },
  'carry-over': {
    zh: '「二、上年结转」{column}为 {actual}，而{lastYear}年度年报（{file} 第 {line} 行）「四、结转下年度继续办理」{column}为 {expected}',
    en: '「二、上年结转」 {column} is {actual}, but the {lastYear} report ({file}, line {line}) carried {expected} forward in 「四、结转下年度继续办理」 {column}',
  },
  'related.carriedOut': {
    zh: '{lastYear}年度年报「四、结转下年度继续办理」{column}：{expected}',
    en: 'the {lastYear} report’s 「四、结转下年度继续办理」 {column}: {expected}',
  },
  // conversion artifacts
  'conversion-artifact': {
    zh: '转换留下的{kind}「{text}」，不属于报告内容',
    en: '{kind} 「{text}」 left over from a conversion is not part of the report',
  },
  'artifact.bookmark': { zh: 'Word 书签标记', en: 'A Word bookmark' },
  'artifact.web-chrome': { zh: '网页导航或页脚文字', en: 'Web-page navigation or footer text' },
  'artifact.page-footer': { zh: 'PDF 页码', en: 'A PDF page number' },
  // a report that cannot be read
  unreadable: {
    zh: '这是一份政府信息公开工作年度报告（找到：{found}），但读不出它的结构（未找到：{missing}），内容未作检查',
    en: 'This is a 政府信息公开工作年度报告 (found: {found}) but its structure cannot be read (not found: {missing}); its content was not checked',
  },
  'unreadable.title': { zh: '标题「{title}」', en: 'the title 「{title}」' },
  'unreadable.named': { zh: '第 {line} 行的报告名称', en: "the report's name on line {line}" },
  'unreadable.sections': { zh: '第{list}部分的标题', en: 'the headings of sections {list}' },
  'unreadable.tables': { zh: '表{list}', en: 'tables {list}' },
  'unreadable.labels': { zh: '表三的 {count} 个行名', en: '{count} row labels of table 3' },
  'unreadable.none': { zh: '无', en: 'nothing' },
  'unreadable.separator': { zh: '、', en: ', ' },
  // a heading line lost, its content in place
  'heading-missing': {
    zh: '缺少第{numeral}部分的标题「{heading}」，其内容（「{text}」）在原位',
    en: 'The heading 「{heading}」 of section {number} is missing; its content (「{text}」) stands at its place',
  },
  // a row label worded differently
  'label-wording': {
    zh: '行名「{text}」与标准表述「{standard}」不同',
    en: 'The row label 「{text}」 differs from the standard wording 「{standard}」',
  },
} as const satisfies Record<string, Template>;

export type MessageKey = keyof typeof MESSAGES;

let current: Locale = DEFAULT_LOCALE;

/** The language messages are written in right now. */
export function currentLocale(): Locale {
  return current;
}

/** Runs `fn` with messages in `locale` (the engine wraps a whole check in it); always restores the previous one. */
export function withLocale<T>(locale: Locale | undefined, fn: () => T): T {
  const previous = current;
  current = locale ?? DEFAULT_LOCALE;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

/** Fills a template: `{name}` → args.name (a missing argument stays visible as `{name}`). */
export function format(template: string, args: MessageArgs): string {
  // The template split once at its `{name}` places: even indices are text, odd ones names.
  let parts = templateParts.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    if (templateParts.size >= 1000) templateParts.clear();
    templateParts.set(template, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    out += (name in args ? String(args[name]) : `{${name}}`) + parts[i + 1];
  }
  return out;
}
const templateParts = new Map<string, string[]>();

/** A template of a feature's own table (outline, hover, completion) in `locale`, filled with `args`. */
export function localized(template: Template, locale: Locale, args: MessageArgs = {}): string {
  return format(locale === 'en' ? template.en : template.zh, args);
}

/** The message `key` in the current language (or in `locale` when given). */
export function msg(key: MessageKey, args: MessageArgs = {}, locale: Locale = current): string {
  return localized(MESSAGES[key], locale, args);
}

/** `zh-cn`, `zh-CN`, `zh-tw`, `zh` → Chinese; anything else (`en`, `en-US`, `de`) → English. */
export function localeOfDisplayLanguage(language: string | undefined): Locale {
  if (!language) return DEFAULT_LOCALE;
  return language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}
