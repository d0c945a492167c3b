// The TextMate grammar of the report language, generated from the template data (template.ts) so that
// labels are written in one place only. `npm run generate` writes it to syntaxes/; a test checks that the
// committed file is up to date. Scopes follow the TextMate conventions so that every theme colours them:
// markup.heading (title, section headings), entity.name.type (row labels), constant.numeric (numbers),
// keyword.other (totals, 第二十条第（X）项), constant.other.date (dates), comment (disable directives).

import { ENCODING_IDS, encodingModule } from '../encodings';
import { separatorRowPattern } from '../encodings/markdown';
import {
  SECTIONS,
  TABLE2_2019,
  TABLE2_2021,
  TABLE3_2019,
  TABLE3_2021,
  TABLE3_COLUMNS,
  TABLE4_GROUPS,
  TABLE4_RESULT_COLUMNS,
} from '../template';
import { compareCodeUnits } from '../text';

export const GRAMMAR_SCOPE = 'text.nianbao';
export const INJECTION_SCOPE = 'markdown.nianbao.injection';

type Rule = Record<string, unknown>;

const BLANK = '[ \\t\\u3000]';
const CJK_NUMERALS = '一二三四五六七八九十';

function escapeRegex(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, (c) => `\\${c}`);
}

/**
 * A label as a pattern that accepts the spellings seen in real reports: half- or full-width brackets
 * and punctuation, `1、`/`1．` for `1.`, 政务 for 政府, quotes of any kind; with `spaced`, a blank
 * between any two characters (`商业 企业`).
 */
export function flexible(label: string, spaced = false): string {
  const parts: string[] = [];
  /** The character before `c`; undefined at the start. */
  let before: string | undefined;
  for (const c of label) {
    let p: string;
    if (c === '（' || c === '(') p = '[（(]';
    else if (c === '）' || c === ')') p = '[）)]';
    else if (c === '“' || c === '”' || c === '"') p = '["“”]?';
    else if (c === '，' || c === ',') p = '[，,]';
    else if (c === '：' || c === ':') p = '[：:]';
    else if (c === '、' && before !== undefined && CJK_NUMERALS.includes(before)) p = '[、.．]';
    else if (c === '、') p = '[、,，]?';
    else if (c === '.' && before !== undefined && /\d/.test(before)) p = '[.．、]';
    else if (c === '府' && before === '政') p = '[府务]';
    else if (/\d/.test(c)) p = `[${c}${String.fromCharCode(c.charCodeAt(0) + 0xfee0)}]`;
    else p = escapeRegex(c);
    parts.push(p);
    before = c;
  }
  return parts.join(spaced ? `${BLANK}?` : '');
}

function alternation(labels: Iterable<string>, spaced = false): string {
  const unique = [...new Set(labels)].sort((a, b) => b.length - a.length || compareCodeUnits(a, b));
  return unique.map((l) => flexible(l, spaced)).join('|');
}

/** The characters that separate cells (`|`, a tab) and the runs that do (two blanks: pdftotext columns), from the encodings. */
const DELIMITER_CHARS = [
  ...new Set(
    ENCODING_IDS.flatMap((id) => {
      const d = encodingModule(id).delimiter;
      return d && 'char' in d ? [d.char] : [];
    }),
  ),
].join('');
const DELIMITER_RUNS = ENCODING_IDS.flatMap((id) => {
  const d = encodingModule(id).delimiter;
  return d && 'run' in d ? [d.run] : [];
});
/** Start of a cell: line start, or just after a delimiter character (blanks allowed). */
const CELL_START = `(?:^|(?<=[${DELIMITER_CHARS}]))${BLANK}*`;
/** Where a cell ends (`…` before the line end, a delimiter) with `more` as further alternatives. */
const cellEnd = (more = ''): string => `(?=${BLANK}*(?:$|[${DELIMITER_CHARS}]|${DELIMITER_RUNS.join('|')}${more}))`;
/** End of a cell: line end, `|`, a tab, or a run of two blanks (pdftotext columns). */
const CELL_END = cellEnd();

function sectionHeadingRules(): Rule[] {
  const rules: Rule[] = [];
  for (const s of SECTIONS) {
    const ok = s.numeral;
    const bad = `[${CJK_NUMERALS.replace(ok, '')}]{1,2}|[0-9０-９]{1,2}`;
    const exact = alternation([s.title, ...s.variants]);
    // Free wording (every keyword of one set, no sentence punctuation): only with a numeral, like the reader.
    const loose = s.keywords
      .map(
        (set) =>
          `${set.map((k) => `(?=[^。；;！!？?${DELIMITER_CHARS}]{0,40}${escapeRegex(k)})`).join('')}[^。；;！!？?${DELIMITER_CHARS}]{2,40}?`,
      )
      .join('|');
    const head = `^${BLANK}*(?:(#{1,6})[ \\t]+)?(\\*\\*)?`;
    const tail = `${BLANK}*(\\*\\*)?${BLANK}*[:：。.]?${BLANK}*$`;
    const numeral = `(?:(${ok})|(${bad}))`;
    const captures = {
      1: { name: 'punctuation.definition.heading.nianbao' },
      2: { name: 'punctuation.definition.bold.nianbao' },
      3: { name: 'constant.numeric.section-number.nianbao' },
      4: { name: 'invalid.illegal.section-number.nianbao' },
      5: { name: 'punctuation.separator.section-number.nianbao' },
      6: { name: 'entity.name.section.nianbao' },
      7: { name: 'punctuation.definition.bold.nianbao' },
    };
    rules.push({
      comment: `section ${s.numeral}: ${s.title}`,
      name: `markup.heading.section.nianbao`,
      match: `${head}(?:${numeral}${BLANK}*([、.．,，:：]|${BLANK}))?${BLANK}*(${exact})${tail}`,
      captures,
    });
    rules.push({
      comment: `section ${s.numeral}, worded freely (numbered)`,
      name: `markup.heading.section.nianbao`,
      match: `${head}${numeral}${BLANK}*([、.．,，:：]|${BLANK})${BLANK}*(${loose})${tail}`,
      captures,
    });
  }
  return rules;
}

function rowLabels(): string[] {
  const rows = [...TABLE2_2021.rows, ...TABLE2_2019.rows, ...TABLE3_2021.rows, ...TABLE3_2019.rows];
  return rows.flatMap((r) => [r.label, ...(r.variants ?? [])]).filter((l) => l.length > 0 && !/总计$/.test(l));
}

function groupLabels(): string[] {
  return [...TABLE3_2021.groups, ...TABLE3_2019.groups].map((g) => g.label).filter((l) => !rowLabels().includes(l));
}

function columnLabels(): string[] {
  const table2 = [...TABLE2_2021.rows, ...TABLE2_2019.rows].flatMap((r) => r.columns.map((c) => c.label));
  return [
    ...table2,
    '信息内容',
    '现行有效件',
    '申请人情况',
    '法人或其他组织',
    ...TABLE3_COLUMNS.filter((c) => !c.total).map((c) => c.label),
    '行政复议',
    '行政诉讼',
    ...TABLE4_GROUPS.slice(1).map((g) => g.short),
    ...TABLE4_RESULT_COLUMNS.filter((c) => c !== '总计'),
  ];
}

export function nianbaoGrammar(): Rule {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: '政府信息公开年报',
    scopeName: GRAMMAR_SCOPE,
    comment: 'Generated from shared/src/contrib/grammar.ts by `npm run generate`; do not edit by hand.',
    patterns: [
      { include: '#directive' },
      { include: '#comment' },
      { include: '#pageFooter' },
      { include: '#tableSeparator' },
      { include: '#title' },
      { include: '#sectionHeading' },
      { include: '#total' },
      { include: '#rowGroup' },
      { include: '#rowLabel' },
      { include: '#columnHeader' },
      { include: '#subHeading' },
      { include: '#inline' },
    ],
    repository: {
      directive: {
        patterns: [
          {
            name: 'comment.block.html.directive.nianbao',
            match: `^${BLANK}*(<!--)${BLANK}*(nianbao-(?:disable-next-line|disable|enable))\\b(.*?)(-->)${BLANK}*$`,
            captures: {
              1: { name: 'punctuation.definition.comment.nianbao' },
              2: { name: 'keyword.control.directive.nianbao' },
              3: { name: 'constant.other.finding-code.nianbao' },
              4: { name: 'punctuation.definition.comment.nianbao' },
            },
          },
          {
            name: 'comment.line.double-slash.directive.nianbao',
            match: `^${BLANK}*(//)${BLANK}*(nianbao-(?:disable-next-line|disable|enable))\\b(.*)$`,
            captures: {
              1: { name: 'punctuation.definition.comment.nianbao' },
              2: { name: 'keyword.control.directive.nianbao' },
              3: { name: 'constant.other.finding-code.nianbao' },
            },
          },
        ],
      },
      comment: {
        name: 'comment.block.html.nianbao',
        begin: '<!--',
        end: '-->',
        captures: { 0: { name: 'punctuation.definition.comment.nianbao' } },
      },
      pageFooter: {
        name: 'comment.line.page-number.nianbao',
        match: `^${BLANK}*(?:[-－—–]${BLANK}*[0-9０-９]{1,3}${BLANK}*[-－—–]|第${BLANK}*[0-9]{1,3}${BLANK}*页(?:${BLANK}*[,，/]?${BLANK}*共${BLANK}*[0-9]{1,3}${BLANK}*页)?)${BLANK}*$`,
      },
      tableSeparator: {
        name: 'punctuation.separator.table.nianbao',
        match: separatorRowPattern(BLANK),
      },
      title: {
        name: 'markup.heading.title.nianbao',
        match: `^${BLANK}*(?:(#{1,6})[ \\t]+)?(\\*\\*)?([^${DELIMITER_CHARS}]{0,50}?政[府务]信息公开(?:工作)?(?:[0-9０-９]{4}${BLANK}*年度?)?年度报告)(\\*\\*)?${BLANK}*$`,
        captures: {
          1: { name: 'punctuation.definition.heading.nianbao' },
          2: { name: 'punctuation.definition.bold.nianbao' },
          3: { name: 'entity.name.section.title.nianbao', patterns: [{ include: '#number' }] },
          4: { name: 'punctuation.definition.bold.nianbao' },
        },
      },
      sectionHeading: { patterns: sectionHeadingRules() },
      total: {
        match: `${CELL_START}(${alternation(['（七）总计', '总计'], true)})${CELL_END}`,
        captures: { 1: { name: 'keyword.other.total.nianbao' } },
      },
      rowGroup: {
        match: `${CELL_START}(${alternation(groupLabels())})${CELL_END}`,
        captures: { 1: { name: 'entity.name.type.row-group.nianbao' } },
      },
      rowLabel: {
        match: `${CELL_START}(${alternation(rowLabels())})${cellEnd('|[0-9０-９]')}`,
        captures: { 1: { name: 'entity.name.type.row-label.nianbao' } },
      },
      columnHeader: {
        match: `(?:${CELL_START}|${DELIMITER_RUNS.map((r) => `(?<=${r})`).join('|')})(${alternation(columnLabels(), true)})${CELL_END}`,
        captures: { 1: { name: 'entity.other.attribute-name.column.nianbao' } },
      },
      subHeading: {
        match: `^${BLANK}*([（(][${CJK_NUMERALS}]{1,3}[）)])([^。：:；;${DELIMITER_CHARS}]{1,24}?[。：:])?`,
        captures: {
          1: { name: 'markup.heading.subsection.marker.nianbao' },
          2: { name: 'markup.heading.subsection.nianbao' },
        },
      },
      inline: {
        patterns: [
          { include: '#note' },
          { include: '#article' },
          { include: '#bookTitle' },
          { include: '#bookmark' },
          { include: '#date' },
          { include: '#placeholder' },
          { include: '#number' },
          { include: '#cellSeparator' },
        ],
      },
      note: {
        name: 'comment.other.table-note.nianbao',
        match: '[（(]本列数据的勾稽关系为[：:][^）)]*[）)]',
      },
      article: {
        name: 'keyword.other.article.nianbao',
        match: `第二十条第${BLANK}*[（(][${CJK_NUMERALS}]{1,3}[）)]${BLANK}*项`,
      },
      bookTitle: {
        name: 'string.quoted.other.book-title.nianbao',
        match: '《[^《》\\n]{1,60}》',
      },
      bookmark: {
        name: 'invalid.deprecated.conversion-artifact.nianbao',
        match: '\\[bookmark:[^\\]]{0,200}\\]',
      },
      date: {
        name: 'constant.other.date.nianbao',
        match: `(?:[0-9０-９]{4}|[〇零一二三四五六七八九]{4})${BLANK}*年${BLANK}*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})${BLANK}*月${BLANK}*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})${BLANK}*日`,
      },
      placeholder: {
        name: 'invalid.deprecated.placeholder.nianbao',
        match: `(?:(?<=[${DELIMITER_CHARS}])|^)${BLANK}*(?:/|—|——|--|－|无|不适用)(?=${BLANK}*(?:$|[${DELIMITER_CHARS}]))`,
      },
      number: {
        name: 'constant.numeric.nianbao',
        match:
          '(?<![0-9A-Za-z_.０-９])[-+−]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+|[０-９]+)(?:\\.[0-9]+)?(?:[（(][增减][）)])?(?![0-9A-Za-z_０-９])',
      },
      cellSeparator: {
        name: 'punctuation.separator.table-cell.nianbao',
        match: '\\|',
      },
    },
  };
}

/** Colours report headings and disable directives inside any Markdown file (injected into text.html.markdown). */
export function markdownInjectionGrammar(): Rule {
  const grammar = nianbaoGrammar();
  const repository = grammar.repository as Record<string, Rule>;
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    scopeName: INJECTION_SCOPE,
    comment: 'Generated from shared/src/contrib/grammar.ts by `npm run generate`; do not edit by hand.',
    injectionSelector: 'L:text.html.markdown -markup.fenced_code -markup.raw -comment',
    patterns: [{ include: '#directive' }, { include: '#title' }, { include: '#sectionHeading' }],
    repository: {
      directive: repository.directive,
      title: repository.title,
      sectionHeading: repository.sectionHeading,
      number: repository.number,
    },
  };
}
