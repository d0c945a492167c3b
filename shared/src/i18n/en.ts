// The English catalogue, key by key the Chinese one (zh-cn.ts). Quoted document text stays Chinese.

import type { Catalogue, ManifestCatalogue } from './zh-cn';

export const en: Catalogue = {
  // structure
  'section-missing': 'Section {number} 「{heading}」 is missing',
  'section-missing.before': 'Section {number} 「{heading}」 is missing (it belongs before 「{other}」)',
  'section-missing.after': 'Section {number} 「{heading}」 is missing (it belongs after 「{other}」)',
  'section-order': 'Section {number} 「{title}」 comes after section {otherNumber} 「{other}」: the sections are out of order',
  'section-duplicate': 'Section {number} appears twice (line {line} already has 「{title}」)',
  'section-duplicate.first': 'first occurrence',
  'heading-numbering': 'The section number should be 「{expected}、」, not 「{written}」',
  'heading-numbering.none': 'The section heading has no number; it should read 「{expected}、{text}」',
  'heading-wording': 'The standard wording of this heading is 「{standard}」, not 「{text}」',
  'title-missing': 'The report has no title (a title with the agency and the year, such as 「{title}」)',
  'date-missing': 'The report does not end with the agency name and a date (such as 「2025年1月15日」)',
  placeholder: '「{text}」 is a prompt of the template: replace it with this report’s own words',
  // tables
  'table-missing': 'Section {number} has no statistics table {table}',
  'row-missing': '{table} is missing the row {row}',
  'row-missing.before': '{table} is missing the row {row} (it belongs before {next})',
  'row-duplicate': '{table}: the row {row} appears twice (first on line {line}); the repeated row is left out of every sum',
  'related.firstRow': '{row} first appears here',
  'row-label-missing': 'These numbers have no row label; by their position they are the row {row}',
  'cell-missing.empty': '{cell}: the number is missing',
  'cell-missing.placeholder': '{cell}: 「{text}」 is written instead of a number',
  'cell-missing.unaligned':
    '{row} has {count} numbers for {columns} columns; the column positions do not show which cell is blank, so the row is left out of the sums: complete it',
  'cell-missing.column': '{table}: the column 「{column}」 is blank in all {count} rows',
  'fix.fillColumn': 'Fill in 0 in all {count} cells of 「{column}」',
  'cell-missing.expected': ' (should be {value})',
  'cell-not-number.glued': 'The numbers 「{text}」 of {row} run together and cannot be split into columns in only one way',
  'cell-not-number': '{cell} should be a number, found 「{text}」',
  'cell-not-number.tooLarge': '{cell}: 「{text}」 is above one billion, not a credible count; it is left out of every sum',
  'negative-number': '{cell} is a count and cannot be negative, found {value}',
  'legacy-format.table3':
    '{table}: 「（六）其他处理」 is a single row (the 2021 format splits it into 3 rows); a report for {year} must use the format of 国办公开办函〔2021〕30号',
  'legacy-format':
    '{table} uses items of the 2019 format such as 「{marker}」; a report for {year} must use the format of 国办公开办函〔2021〕30号',
  // arithmetic
  'row-total': '{row}·总计 should be {expected} (the sum of the six columns 自然人 to 其他), found {actual}',
  'row-total.negative':
    '{row}·总计 is {actual} but the six columns 自然人 to 其他 add up to {sum}; a count cannot be negative: check the columns',
  'row-total.part': '{row}·{column} should be {expected} (then both the row total {total} and 「{relation}」 hold), not {actual}',
  'row-total.part.balance': '一 + 二 = （七）+ 四',
  'row-total.part.results': '（七）总计 = the sum of the results',
  'row-total.part.rowTotal': 'the row total',
  'results-total': '「（七）总计」·{column} should be {expected} (the sum of all results), found {actual}',
  'results-total.negative':
    '「（七）总计」·{column} is {actual} but the results add up to {sum}; a count cannot be negative: check the results',
  balance: '「四、结转下年度继续办理」·{column} should be {expected} (一 + 二 − （七） = {new} + {carriedIn} − {results}), found {actual}',
  'balance.negative':
    '「四、结转下年度继续办理」·{column} is {actual}, but 一 + 二 = {new} + {carriedIn} = {inflow} is less than （七）总计 {results}: the carry-over cannot be negative, so the table cannot balance; check these numbers',
  'review-total': 'Table 4 「{group}」 总计 should be {expected} ({terms}), found {actual}',
  'review-total.negative':
    'Table 4 「{group}」 总计 is {actual} but its four results add up to {expected} ({terms}); a count cannot be negative: check them',
  'document-too-large': 'This document ({size}) is larger than nianbao.maxDocumentSize ({max}) and was not checked.',
  // the workspace check (server/src/workspace.ts)
  'workspace.title': 'Checking all reports in the workspace',
  'workspace.progress': '{done}/{total} {file}',
  'workspace.done': 'Checked {files} files in the workspace: {withFindings} with findings, {errors} errors and {warnings} warnings in all.',
  // fix titles
  'fix.setTo': 'Change to {value}',
  'fix.replaceWith': 'Change to 「{text}」',
  'fix.insertTitle': 'Insert the title 「{title}」',
  'fix.remove': 'Remove 「{text}」',
  'fix.insertSection': 'Insert 「{heading}」',
  'fix.insertSectionWithTable': 'Insert 「{heading}」 and its table',
  'fix.insertTable': 'Insert the template of {table}',
  'fix.insertRow': 'Insert the row 「{label}」 (all 0)',
  'fix.insertLabel': 'Insert the row label 「{label}」',
  'fix.fillCell': 'Fill in {value}',
  'fix.fillCells': 'Fill in {value} (and 0 in the {count} missing cells before it)',
  'fix.convertTable2':
    'Convert to the 2021 format (本年新制作数量 becomes 本年制发件数, 处理决定数量 is kept; 本年废止件数, 现行有效件数 and the fee amount cannot be converted and are left as 「—」 to fill in)',
  'fix.convertTable2.kept':
    'Convert to the 2021 format (本年新制作数量 becomes 本年制发件数, 处理决定数量 is kept; 本年废止件数, 现行有效件数 and the fee amount are left as 「—」 to fill in; numbers the 2021 format has no cell for are kept in a note under the table)',
  'fix.convertTable3': 'Convert to the 2021 format: （六）其他处理 gets its 3 sub-rows (it was 0, so each is 0)',
  'fix.convertTable3.kept':
    'Convert to the 2021 format: （六）其他处理 gets its 3 sub-rows; columns that were 0 are 0 in each, the others cannot be split and are left as 「—」 to fill in, the old numbers kept in a note under the table',
  'fix.allOfCode': 'Fix all 「{code}」 problems in this file ({count})',
  'fix.all': 'Fix all auto-fixable report problems',
  'related.term': '{name} = {value}',
  'related.minusTerm': 'minus {name} = {value}',
  // cross-checks
  'narrative-mismatch.received':
    'The text says {written} requests were received; table 3 「一、本年新收政府信息公开申请数量」 总计 is {new}',
  'narrative-mismatch.received.carried':
    'The text says {written} requests were received; table 3 has {new} new requests, {inclusive} with the {carriedIn} carried over from last year',
  'narrative-mismatch.none': 'The text says 「{text}」 (no requests), but table 3 「一、本年新收政府信息公开申请数量」 总计 is {new}',
  'narrative-mismatch.allDone':
    'The text says the requests were 「{text}」 (all completed), but table 3 「四、结转下年度继续办理」 总计 is {carriedOut}',
  'narrative-mismatch.review': 'The text says {written} administrative reviews; table 4 「行政复议」 总计 is {table}',
  'narrative-mismatch.lawsuit': 'The text says {written} lawsuits; table 4 has {table} (未经复议直接起诉 {direct} + 复议后起诉 {after})',
  'narrative-mismatch.result': 'The text says {written} requests were 「{result}」; table 3 has {table}',
  'year-mismatch.period': 'The statistics period says {written}; this is the report on {year}',
  'year-mismatch.statement':
    'The text 「{text}」 speaks of the work of {written}; this is the report on {year} (text left over from an earlier report?)',
  'year-mismatch.closing': 'The closing date {date} is not in {next}: the report on {year} is published in {next}',
  'related.titleYear': 'the title’s year {year}',
  'related.periodYear': 'the statistics period’s year {year}',
  'deadline.department':
    'The closing date {date} is after 31 January {next}: a department publishes its annual report by 31 January (Regulations art. 49)',
  'deadline.government':
    'The closing date {date} is after 31 March {next}: a people’s government publishes its own annual report by 31 March (Regulations art. 49)',
  'related.government': '{agency}: a people’s government’s own report, due by 31 March',
  'related.department': '{agency}: a department’s report, due by 31 January',
  'fee-missing':
    'Section 六 「其他需要报告的事项」 does not state the information processing fees (信息处理费) collected, as the 2021 format asks (also when none: 「本年度未收取信息处理费」)',
  'carry-over':
    '「二、上年结转」 {column} is {actual}, but the {lastYear} report ({file}, line {line}) carried {expected} forward in 「四、结转下年度继续办理」 {column}',
  'related.carriedOut': 'the {lastYear} report’s 「四、结转下年度继续办理」 {column}: {expected}',
  // conversion artifacts
  'conversion-artifact': '{kind} 「{text}」 left over from a conversion is not part of the report',
  'artifact.bookmark': 'A Word bookmark',
  'artifact.web-chrome': 'Web-page navigation or footer text',
  'artifact.page-footer': 'A PDF page number',
  // a report that cannot be read
  unreadable:
    'This is a 政府信息公开工作年度报告 (found: {found}) but its structure cannot be read (not found: {missing}); its content was not checked',
  'unreadable.title': 'the title 「{title}」',
  'unreadable.named': "the report's name on line {line}",
  'unreadable.sections': 'the headings of sections {list}',
  'unreadable.tables': 'tables {list}',
  'unreadable.labels': '{count} row labels of table 3',
  'unreadable.none': 'nothing',
  'unreadable.separator': ', ',
  // a heading line lost, its content in place
  'heading-missing': 'The heading 「{heading}」 of section {number} is missing; its content (「{text}」) stands at its place',
  // a row label worded differently
  'label-wording': 'The row label 「{text}」 differs from the standard wording 「{standard}」',
  // what each row, section and column counts (hovers, completion), after 国办公开办函〔2021〕30号 and the 条例
  'explain.row.t2.rules': 'Rules (规章) made by the agency: issued this year, repealed this year, in force.',
  'explain.row.t2.normative': 'Normative documents (行政规范性文件) issued by the agency: issued this year, repealed this year, in force.',
  'explain.row.t2.licensing': 'Administrative licensing decisions made this year.',
  'explain.row.t2.otherServices': 'Other external management services (2019 format only).',
  'explain.row.t2.penalty': 'Administrative penalty decisions made this year (large numbers are normal).',
  'explain.row.t2.enforcement': 'Administrative enforcement decisions made this year.',
  'explain.row.t2.fees': 'Administrative fees collected this year, in 10,000 yuan (decimals allowed).',
  'explain.row.t2.purchase': 'Centralised government procurement: projects and amount (2019 format only).',
  'explain.row.t3.new': 'Disclosure requests received this year.',
  'explain.row.t3.carriedIn': 'Requests carried over from last year; equals last year’s 「四、结转下年度继续办理」.',
  'explain.row.t3.granted': 'Granted: all the requested information was disclosed.',
  'explain.row.t3.partly': 'Partly granted after separating what can be disclosed; counted here only, not under any other result.',
  'explain.row.t3.withheld.1': 'Withheld: a state secret (Regulations art. 14).',
  'explain.row.t3.withheld.2': 'Withheld: disclosure forbidden by other laws or regulations (art. 14).',
  'explain.row.t3.withheld.3': 'Withheld: disclosure would endanger national, public or economic security or social stability (art. 14).',
  'explain.row.t3.withheld.4': 'Withheld: trade secrets, privacy or other lawful rights of a third party (art. 15).',
  'explain.row.t3.withheld.5': 'Withheld: internal affairs — personnel, logistics, internal procedures (art. 16 para. 1).',
  'explain.row.t3.withheld.6': 'Withheld: process information — minutes, drafts, consultation letters, internal reports (art. 16 para. 2).',
  'explain.row.t3.withheld.7': 'Withheld: administrative enforcement case files (art. 16 para. 2).',
  'explain.row.t3.withheld.8': 'Withheld: the information is to be obtained through an administrative inquiry channel.',
  'explain.row.t3.unable.1': 'Cannot provide: the agency does not hold the information.',
  'explain.row.t3.unable.2': 'Cannot provide: the information would have to be produced or analysed anew (art. 38).',
  'explain.row.t3.unable.3': 'Cannot provide: the request is still unclear after correction (art. 30).',
  'explain.row.t3.notProcessed.1': 'Not processed: petitions, complaints or reports made in the form of a request (art. 39).',
  'explain.row.t3.notProcessed.2': 'Not processed: a repeated request for the same information.',
  'explain.row.t3.notProcessed.3': 'Not processed: a request for published material such as gazettes, newspapers, books (art. 39).',
  'explain.row.t3.notProcessed.4': 'Not processed: an unreasonable number or frequency of requests without good reason (art. 35).',
  'explain.row.t3.notProcessed.5': 'Not processed: a request to confirm or re-issue information already obtained (art. 39).',
  'explain.row.t3.otherHandling.1': 'Other: the applicant did not correct the request in time; no longer processed (art. 30).',
  'explain.row.t3.otherHandling.2': 'Other: the applicant did not pay the processing fee in time; no longer processed (art. 42).',
  'explain.row.t3.otherHandling.3': 'Other: any other outcome (e.g. the request was withdrawn).',
  'explain.row.t3.otherHandling': 'Other outcomes (one row on the 2019 format; three rows on the 2021 format).',
  'explain.row.t3.resultsTotal': 'Total of this year’s results: the sum of （一） to （六）.',
  'explain.row.t3.carriedOut': 'Requests still open at the end of the year, carried over to next year.',
  'explain.row.t4.cases': 'Administrative reviews and lawsuits about information disclosure, by result: upheld, corrected, other, pending.',
  'explain.section.1': 'Overview: proactive disclosure, requests, information management, platforms, oversight.',
  'explain.section.2': 'Proactive disclosure, with table 2.',
  'explain.section.3': 'Requests received and how they were handled, with table 3.',
  'explain.section.4': 'Administrative reviews and lawsuits, with table 4.',
  'explain.section.5': 'Main problems and improvements, including how last year’s problems were addressed.',
  'explain.section.6': 'Other matters: processing fees collected, deputies’ proposals handled, annual work points carried out.',
  'explain.column.自然人': 'Applicants who are natural persons.',
  'explain.column.商业企业': 'Applicants that are businesses (legal persons or other organisations).',
  'explain.column.科研机构': 'Applicants that are research institutions.',
  'explain.column.社会公益组织': 'Applicants that are public-interest organisations.',
  'explain.column.法律服务机构': 'Applicants that are legal service providers such as law firms.',
  'explain.column.其他': 'Other legal persons or organisations.',
  'explain.column.总计': 'Row total: the sum of the six applicant columns.',
  'explain.column.结果维持': 'The original act was upheld.',
  'explain.column.结果纠正': 'The original act was corrected.',
  'explain.column.其他结果': 'Other results (dismissed, withdrawn, terminated).',
  'explain.column.尚未审结': 'Still pending at the end of the year.',
  'explain.column.本年制发件数': 'Issued this year.',
  'explain.column.本年废止件数': 'Repealed this year.',
  'explain.column.现行有效件数': 'In force at the end of the year (depends on last year; not a sum of the two other columns).',
  'explain.column.本年处理决定数量': 'Decisions made this year.',
  'explain.column.本年收费金额（单位：万元）': 'Fees collected this year, in 10,000 yuan.',
};

/** The manifest's words (package.nls.json and the schema of .nianbaorc.json, generated from them). */
export const enManifest: ManifestCatalogue = {
  displayName: 'nianbao — 政府信息公开年报检查',
  description:
    "Checks China's government information-disclosure annual reports (政府信息公开工作年度报告): six-section structure and table arithmetic, in VS Code and on the command line.",
  'command.newReport': 'New Annual Report (政府信息公开年报)',
  'command.importReport': 'Import Annual Report from Word/Web Page (从 Word/网页导入年报)',
  'command.checkWorkspace': 'Check All Reports in the Workspace (检查工作区全部年报)',
  'configuration.title': 'nianbao (annual reports)',
  'config.enable': 'Check government information-disclosure annual reports.',
  'config.detectInPlainTextAndMarkdown':
    'Also check plain-text and Markdown files that look like an annual report (files named `*.nianbao.md` / `*.nianbao.txt` are always checked).',
  'config.format': 'The table format the report must use.',
  'config.format.auto': 'The 2021 format (国办公开办函〔2021〕30号) for reports on 2021 or later; the 2019 format is accepted before.',
  'config.format.2021': 'Always the 2021 format: a 2019-format table is reported whatever the year.',
  'config.format.2019': 'The 2019 format (国办公开办函〔2019〕60号) is expected: `legacy-format` is not reported.',
  'config.severity':
    'Severity per finding code (`error`, `warning`, `info`, `hint`), or `off` to turn a check off. Example: `{ "heading-wording": "off" }`.',
  'config.debounceMs': 'Milliseconds to wait after the last keystroke before checking again (0–5000).',
  'config.maxDocumentSize':
    'Documents larger than this many bytes (UTF-8) are not analysed, so that the editor stays responsive; an information diagnostic says so. Default 2 MB.',
  'config.locale': 'Language of the finding messages and hovers.',
  'config.locale.auto': 'Follow VS Code’s display language (Chinese for 中文, English otherwise).',
  'config.locale.zh-cn': 'Chinese.',
  'config.locale.en': 'English.',
  'config.newReport.format': 'Text format of a report created by “New Annual Report”.',
  'config.newReport.format.markdown': 'Markdown (headings with #, Markdown tables).',
  'config.newReport.format.plaintext': 'Plain text (table cells separated by |).',
  'config.newReport.format.ask': 'Ask each time.',
  'config.checkWorkspace':
    'Check every report in the workspace folders (`*.nianbao.md`, `*.nianbao.txt`, and `.txt`/`.md` files that look like a report), also those not opened: their findings show in the Problems view and follow changes on disk. Large workspaces are checked in the background. The command “Check All Reports in the Workspace” does it once.',
  'config.trace.server':
    'Traces the messages between VS Code and the nianbao language server in the “nianbao” output channel (whose log level must be Trace: “Developer: Set Log Level…”).',
};
