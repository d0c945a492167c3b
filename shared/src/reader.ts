// The tolerant reader: text → lines → report model (title, sections, tables, cells, closing),
// every part with its exact source range. One pass over the lines for headings; the
// tables are read from the lines of their sections only.

import type {
  Eol,
  ArtifactModel,
  ClosingModel,
  HeadingModel,
  LostHeadingModel,
  ReportModel,
  SectionModel,
  TableId,
  TableModel,
  TitleModel,
  UnreadableModel,
} from './model';
import { matchRowExactly, prepare } from './labels';
import { SECTION_NUMERALS, SECTIONS, TABLE2_2019, TABLE2_2021, TABLE3_2021, TABLE4 } from './template';
import { findBookmarks } from './cells';
import { tokenizeLine, type TokenizedLine } from './encodings';
import { parseHeading } from './headings';
import { isCommentLine } from './suppressions';
import { readLabelledTable, readReviewTable } from './tables';
import { mapSegments } from './segmentMap';
import { segmentLines } from './segments';
import { CHINESE_DIGITS, normalizeLabel, splitLines, toHalfWidth } from './text';

/** How far from the top a title is looked for (non-blank lines). */
const TITLE_SEARCH_LINES = 12;
/** How many non-blank lines at the end may hold the agency name and the date. */
const CLOSING_SEARCH_LINES = 8;
/** A title line is at most this long. */
const MAX_TITLE_LENGTH = 60;

const PAGE_FOOTER_RE = /^\s*(?:[-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?)\s*$/;
/** A header line of a crawled or portal page: a known key, then a colon or a tab. */
const CRAWLER_HEADER_KEYS =
  '标题|名称|单位|来源|采集时间|发布时间|发布日期|文号|发文字号|发文机关|发布机构|栏目|原文链接|原文地址|本地目录|索引号|分类|主题分类|公开日期|成文日期|关键词|信息来源|生效日期|公开方式|公开范围|所属机构|浏览次数|访问量|作者|编辑';
const CRAWLER_HEADER_RE = new RegExp(`^(?:${CRAWLER_HEADER_KEYS})\\s*(?:[:：]|\\t)`);
/** The title in a crawler's header: `标题: 平潭…年度报告`. */
const HEADER_TITLE_RE = /^(\s*(?:标题|名称)\s*(?:[:：]\s*|\t\s*))(\S.*?)\s*$/;

const WEB_CHROME_RES = [
  /^(?:当前位置|您现在的位置|您的位置|所在位置)\s*[:：]/,
  /^(?:【\s*)?(?:关闭本页|关闭窗口|打印本页|打印|关闭|返回顶部|返回)(?:\s*】)?$/,
  /(?:发布)?时间\s*[:：].{0,40}来源\s*[:：]/,
  /^中国政府网(?:\s|$)/,
  /字号\s*[:：]?\s*[[【]?\s*大/,
  /(?:网站地图|版权所有|ICP备|主办单位\s*[:：])/,
  // A crawler's or a portal's header: `标题: …`, `原文链接: …`, `==== 正文 ====`, `索引号<TAB>…`.
  CRAWLER_HEADER_RE,
  /^页面链接与图片详见/,
  /^[=＝]{2,}\s*正文\s*[=＝]{2,}$/,
  // Share buttons, attachments, the page's own buttons.
  /^(?:分享到\s*[:：]?\s*)?(?:微信|微博|QQ空间|QQ好友|朋友圈)(?:[\s、|/]+(?:微信|微博|QQ空间|QQ好友|朋友圈))+$/,
  /^(?:【\s*)?(?:附件下载|附件|相关附件|扫一扫在手机打开当前页|收藏|分享)(?:\s*】)?\s*[:：]?$/,
];

/** PAGE_FOOTER_RE needs a dash or 第 first (after blanks): a cheap test before running it. */
function mayBePageFooter(line: string): boolean {
  return PAGE_FOOTER_START_RE.test(line);
}
/** Skips the blanks natively: pdftotext lines start with long runs of them. */
const PAGE_FOOTER_START_RE = /^\s*[-－—–第]/;

function isChrome(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 120 && WEB_CHROME_RES.some((re) => re.test(t));
}

function isBlank(line: string): boolean {
  return /^[\s\u3000\ufeff]*$/.test(line) || isCommentLine(line);
}

const DATE_RE =
  /^\s*((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*$/;
const ISO_DATE_RE = /^\s*((?:19|20)\d{2})[-./](\d{1,2})[-./](\d{1,2})\s*$/;

function chineseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 4) return Number([...s].map((c) => CHINESE_DIGITS[c] ?? 0).join(''));
  // 十, 十二, 二十, 二十一, 三十一
  const ten = s.indexOf('十');
  if (ten < 0) return CHINESE_DIGITS[s] ?? NaN;
  const tens = ten === 0 ? 1 : (CHINESE_DIGITS[s.charAt(0)] ?? NaN);
  const ones = ten === s.length - 1 ? 0 : (CHINESE_DIGITS[s.charAt(ten + 1)] ?? NaN);
  return tens * 10 + ones;
}

export function parseDate(line: string): { year: number; month: number; day: number } | undefined {
  const t = toHalfWidth(line);
  // The three groups take part in every match: undefined only when there is none.
  const [, y, mo, d] = DATE_RE.exec(t) ?? ISO_DATE_RE.exec(t) ?? [];
  if (y === undefined || mo === undefined || d === undefined) return undefined;
  const year = chineseNumber(y);
  const month = chineseNumber(mo);
  const day = chineseNumber(d);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  return { year, month, day };
}

/** A title line's words, without blanks, Markdown heading marks or bold markers. */
function titleText(line: string): string {
  return line
    .trim()
    .replace(/^(?:#{1,6}\s+|\*\*)/, '')
    .replace(/\*\*$/, '')
    .trim();
}

/** The range of line `line`, whose text is `text`, without its leading and trailing blanks. */
function trimmedRange(text: string, line: number) {
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return { start: { line, character: start }, end: { line, character: Math.max(start, end) } };
}

const TITLE_TAIL_RE = /政[府务]信息公开(?:工作)?(?:\d{4}年)?年度报告$/;

function findTitle(lines: string[], before: number): TitleModel | undefined {
  return findTitleLine(lines, before) ?? findHeaderTitle(lines, before);
}

/** The title a crawler's header names (`标题: …年度报告`) when the page's text has none. */
function findHeaderTitle(lines: string[], before: number): TitleModel | undefined {
  for (let i = 0; i < Math.min(before, TITLE_SEARCH_LINES, lines.length); i++) {
    const line = lines[i] ?? '';
    // Both groups take part in every match: undefined only when there is none.
    const [, key, text] = HEADER_TITLE_RE.exec(line) ?? [];
    if (key === undefined || text === undefined) continue;
    const norm = normalizeLabel(text);
    if (!/信息公开.*年度报告$/.test(norm) || text.length > MAX_TITLE_LENGTH) continue;
    const [, year] = /((?:19|20)\d{2})\s*年/.exec(toHalfWidth(text)) ?? [];
    const agency = norm.replace(/(?:19|20)\d{2}年度?/, '').replace(/政[府务]信息公开(?:工作)?年度报告$/, '');
    return {
      range: { start: { line: i, character: key.length }, end: { line: i, character: key.length + text.length } },
      lines: [i],
      text,
      agency: agency.length > 0 ? agency : undefined,
      year: year !== undefined ? Number(year) : undefined,
    };
  }
  return undefined;
}

function findTitleLine(lines: string[], before: number): TitleModel | undefined {
  let seen = 0;
  /** The non-blank line just before, when it may be an agency name above the title. */
  let prev: { line: number; text: string } | undefined;
  for (let i = 0; i < Math.min(before, lines.length); i++) {
    const line = lines[i] ?? '';
    if (seen >= TITLE_SEARCH_LINES) break;
    if (isBlank(line)) continue;
    seen++;
    const text = titleText(line);
    if (isChrome(line) || text.length > MAX_TITLE_LENGTH) {
      prev = undefined;
      continue;
    }
    const norm = normalizeLabel(text);
    const alone = TITLE_TAIL_RE.test(norm) || /信息公开.*年度报告$/.test(norm);
    const nextLine = lines[i + 1];
    const next = nextLine !== undefined && !isBlank(nextLine) ? normalizeLabel(titleText(nextLine)) : '';
    const splitHere = !alone && next.length > 0 && next.length <= 12 && /年度报告$/.test(norm + next) && /信息公开/.test(norm + next);
    if (!alone && !splitHere) {
      prev = { line: i, text: line };
      continue;
    }
    // The title's lines: this one, the next when the title is split over two (nextLine is there: next is not empty).
    let first = { line: i, text: line };
    let last = first;
    const parts = [first];
    if (splitHere && nextLine !== undefined) {
      last = { line: i + 1, text: nextLine };
      parts.push(last);
    }
    // An agency name alone on the line just above (`洪泽区人民政府` / `2023 年政府信息公开工作年度报告`).
    if (alone && prev?.line === i - 1) {
      const above = normalizeLabel(titleText(prev.text));
      if (above.length > 0 && above.length <= 30 && !/[\d:：>，,。]/.test(above)) {
        first = prev;
        parts.unshift(prev);
      }
    }
    const joined = parts.map((l) => titleText(l.text)).join('');
    const [, year] = /((?:19|20)\d{2})\s*年/.exec(toHalfWidth(joined)) ?? [];
    const agency = normalizeLabel(joined)
      .replace(/(?:19|20)\d{2}年度?/, '')
      .replace(/政[府务]信息公开(?:工作)?年度报告$/, '')
      .replace(/年度报告$/, '');
    return {
      range: { start: trimmedRange(first.text, first.line).start, end: trimmedRange(last.text, last.line).end },
      lines: parts.map((l) => l.line),
      text: joined,
      agency: agency.length > 0 ? agency : undefined,
      year: year !== undefined ? Number(year) : undefined,
    };
  }
  return undefined;
}

function findClosing(lines: string[], after: number): ClosingModel {
  const closing: ClosingModel = {};
  let seen = 0;
  for (let i = lines.length - 1; i > after && seen < CLOSING_SEARCH_LINES; i--) {
    const line = lines[i];
    if (line === undefined || isBlank(line) || isChrome(line) || PAGE_FOOTER_RE.test(line)) continue;
    seen++;
    const date = parseDate(line);
    if (!date) continue;
    closing.date = date;
    closing.dateRange = trimmedRange(line, i);
    const above = nonBlankBefore(lines, i, after);
    const text = above?.text.trim();
    if (above && text !== undefined && text.length <= 40 && !/[。；;，,:：]/.test(text) && !parseDate(text)) {
      closing.agency = text;
      closing.agencyRange = trimmedRange(above.text, above.line);
    }
    break;
  }
  return closing;
}

/** The nearest non-blank line before line `before` and after line `after`. */
function nonBlankBefore(lines: readonly string[], before: number, after: number): { line: number; text: string } | undefined {
  for (let j = before - 1; j > after; j--) {
    const text = lines[j];
    if (text !== undefined && !isBlank(text)) return { line: j, text };
  }
  return undefined;
}

const PERIOD_RE = /统计期限.{0,6}?((?:19|20)\d{2})\s*年/;
const YEAR_RE = /((?:19|20)\d{2})\s*年/;

function findYear(lines: string[], title: TitleModel | undefined, bodyEnd: number): number | undefined {
  if (title?.year) return title.year;
  let firstYear: number | undefined;
  for (let i = 0; i < Math.min(bodyEnd, lines.length); i++) {
    const t = toHalfWidth(lines[i] ?? '');
    // The year group takes part in every match: undefined only when there is none.
    const period = PERIOD_RE.exec(t)?.[1];
    if (period !== undefined) return Number(period);
    if (firstYear === undefined) {
      const year = YEAR_RE.exec(t)?.[1];
      if (year !== undefined) firstYear = Number(year);
    }
  }
  return firstYear;
}

const WORD_CONDITIONAL_RE = /<!--\[(?:if [^\]\n]{1,60}|endif)\]-->/g;

function findArtifacts(lines: string[], bodyStart: number, bodyEnd: number, cut?: boolean[]): ArtifactModel[] {
  const out: ArtifactModel[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    if (text.includes('[bookmark:')) {
      for (const b of findBookmarks(text)) {
        out.push({
          range: { start: { line: i, character: b.start }, end: { line: i, character: b.end } },
          kind: 'bookmark',
          text: b.text,
          wholeLine: false,
        });
      }
    }
    // Word's HTML conditional comments, left in pages saved from Word (`<!--[if !supportLists]-->`).
    if (text.includes('<!--[')) {
      WORD_CONDITIONAL_RE.lastIndex = 0;
      for (let m = WORD_CONDITIONAL_RE.exec(text); m; m = WORD_CONDITIONAL_RE.exec(text)) {
        out.push({
          range: { start: { line: i, character: m.index }, end: { line: i, character: m.index + m[0].length } },
          kind: 'web-chrome',
          text: m[0],
          wholeLine: false,
        });
      }
    }
    if (mayBePageFooter(text) && PAGE_FOOTER_RE.test(text)) {
      out.push({ range: trimmedRange(text, i), kind: 'page-footer', text: text.trim(), wholeLine: true });
    } else if ((i < bodyStart || i > bodyEnd || cut?.[i]) && isChrome(text)) {
      out.push({ range: trimmedRange(text, i), kind: 'web-chrome', text: text.trim(), wholeLine: true });
    }
  }
  return out;
}

/** The sub-heading of a section's content: `（一）…`, `(二)…`, `一是…`. */
const SUBHEADING_RE = /^\s*(?:[（(]\s*([一二三四五六七八九十])\s*[)）]|([一二三四五六七八九十])是)/;

/** Where a section starts: its heading's line, or (its heading lost) its content's first line. */
interface SectionStart {
  section: number;
  line: number;
  lost: boolean;
}

/** The first cells that start the table of section 二, 三 or 四 (normalised): the group labels, the headers. */
const TABLE_START_CELLS: Record<number, ReadonlySet<string>> = {
  2: new Set([...TABLE2_2021.groups, ...TABLE2_2019.groups].map((g) => normalizeLabel(g.label))),
  // Not 其他 and 总计: words of any table.
  3: new Set(TABLE3_2021.headers.filter((h) => h !== '其他' && h !== '总计').map(normalizeLabel)),
  4: new Set(TABLE4.headers.slice(0, 2).map(normalizeLabel)),
};
/** Label of the first table-3 row: the mark that a table is table 3. */
const TABLE3_FIRST_ROW_KEY = normalizeLabel(TABLE3_2021.rows[0]!.label);
const TABLE3_NOTE_KEY = normalizeLabel('本列数据的勾稽关系');
/** Lines of an introduction (before section 一): 本报告…编制, 统计期限…. */
const INTRO_RE = /统计期限|本报告|第五十条|年度报告/;

/** The line's first cell that is not empty, normalised; undefined for a blank or very long line. */
function firstCellKey(lines: string[], source: (line: number) => TokenizedLine, line: number): string | undefined {
  if (lines[line]!.length > 400) return undefined;
  const cell = source(line).cells.find((c) => c.kind !== 'empty');
  return cell && cell.kind === 'text' ? normalizeLabel(cell.text) : undefined;
}

/** The line where the table of section `n` (2, 3 or 4) starts in lines [from, to), or -1. */
function findTableStart(n: number, lines: string[], source: (line: number) => TokenizedLine, from: number, to: number): number {
  const starts = TABLE_START_CELLS[n]!;
  let first = -1;
  for (let i = from; i < to; i++) {
    const key = firstCellKey(lines, source, i);
    if (key === undefined) continue;
    if (n === 3) {
      // Table 3: its headers, and then (the mark that it is table 3) its first row's label.
      if (first < 0 && (starts.has(key) || key.includes(TABLE3_NOTE_KEY))) first = i;
      if (key.startsWith(TABLE3_FIRST_ROW_KEY)) return first >= 0 ? first : i;
    } else if (starts.has(key)) {
      // Table 4: its headers, then its numbers.
      return n === 2 || readReviewTable(source, i, to - 1) !== undefined ? i : -1;
    }
  }
  return -1;
}

/** The first line in [from, to) of the sub-headings `（一）…` `（二）…` that hold the words of `content`, or -1. */
function findContent(content: readonly string[][], lines: string[], from: number, to: number): number {
  let first = -1;
  let step = 0;
  for (let i = from; i < to && step < content.length; i++) {
    const m = SUBHEADING_RE.exec(lines[i]!);
    if (!m) continue;
    const numeral = m[1] ?? m[2];
    if (numeral !== SECTION_NUMERALS[step] || !content[step]!.some((w) => lines[i]!.includes(w))) break;
    if (step === 0) first = i;
    step++;
  }
  return step === content.length ? first : -1;
}

/**
 * Sections whose heading line is absent while their content stands at its place, between the sections
 * before and after it: the table of 二, 三, 四 (`tables`: false), the sub-headings of 一 and 五, the
 * words of 六 (`tables`: true, once the tables are read). `starts`: the sections found so far, in order.
 */
function findLostHeadings(
  lines: string[],
  starts: SectionStart[],
  options: { tables: false; source: (line: number) => TokenizedLine } | { tables: ReportModel['tables']; title?: TitleModel; end: number },
): SectionStart[] {
  const found: SectionStart[] = [];
  for (const t of SECTIONS) {
    if (starts.some((s) => s.section === t.number)) continue;
    const all = [...starts, ...found];
    const before = all.filter((s) => s.section < t.number).sort((a, b) => b.line - a.line)[0];
    const after = starts.filter((s) => s.section > t.number && (!before || s.line > before.line)).sort((a, b) => a.line - b.line)[0];
    let line = -1;
    if (options.tables === false) {
      if (!t.table || !before) continue;
      line = findTableStart(t.number, lines, options.source, before.line + 1, after?.line ?? lines.length);
    } else if (t.number === 1) {
      // Between the title and section 二: the template's sub-headings, after the introduction.
      const from = options.title ? options.title.lines[options.title.lines.length - 1]! + 1 : 0;
      if (!after) continue;
      line = findContent(t.content!, lines, from, after.line);
      for (let i = line - 1; line >= 0 && i >= from; i--) {
        if (isBlank(lines[i]!)) continue;
        if (INTRO_RE.test(lines[i]!)) break;
        line = i;
      }
    } else if (t.content && before) {
      // After the section before it and its table.
      const previousTable = t.number - 1 >= 2 && t.number - 1 <= 4 ? options.tables[`table${t.number - 1}` as TableId] : undefined;
      const from = Math.max(before.line + 1, previousTable ? previousTable.endLine + 1 : 0);
      line = findContent(t.content, lines, from, after?.line ?? options.end);
    } else if (t.contentWords && before?.section === t.number - 1) {
      // After at least one line of the section before it.
      let from = before.lost ? before.line : before.line + 1;
      while (from < options.end && isBlank(lines[from]!)) from++;
      for (let i = from + 1; i < (after?.line ?? options.end) && line < 0; i++) {
        if (t.contentWords.some((w) => lines[i]!.includes(w))) line = i;
      }
    }
    if (line >= 0) found.push({ section: t.number, line, lost: true });
  }
  return found;
}

/** Does the text name itself an annual report at the top? */
const REPORT_NAME_RE = /政[府务]信息公开.{0,12}年度?报告/;

/**
 * A text that names itself a 政府信息公开…年度报告 (title or first lines), or holds most section headings
 * or most table-3 labels, whose structure could not be read: what was found and what was not.
 */
function findUnreadable(
  lines: string[],
  title: TitleModel | undefined,
  sections: SectionModel[],
  tables: ReportModel['tables'],
  source: (line: number) => TokenizedLine,
): UnreadableModel | undefined {
  /** The first non-blank line, and the line among the first ones that names the report. */
  let firstText: { line: number; text: string } | undefined;
  let namedText: { line: number; text: string } | undefined;
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    if (seen >= TITLE_SEARCH_LINES) break;
    if (isBlank(text)) continue;
    seen++;
    firstText ??= { line: i, text };
    if (REPORT_NAME_RE.test(normalizeLabel(text.slice(0, 200)))) {
      namedText = { line: i, text };
      break;
    }
  }
  const named = namedText?.line;
  const distinct = [...new Set(sections.map((s) => s.heading.section))].sort((a, b) => a - b);
  const table3Rows = tables.table3 ? tables.table3.rows.filter((r) => !r.labelMissing).length : 0;
  const table3Labels = table3Rows > 0 ? table3Rows : countTable3Labels(lines, source);
  const halfOfTable3 = TABLE3_2021.rows.length / 2;
  if (!title && named === undefined && distinct.length < 4 && table3Labels < halfOfTable3) return undefined;
  // Where it is reported: the title, else the line naming the report, else the first words, else the start.
  const at = namedText ?? firstText ?? { line: 0, text: lines[0] ?? '' };
  return {
    range: title ? title.range : trimmedRange(at.text, at.line),
    title: title?.text,
    namedLine: title ? undefined : named,
    sections: distinct,
    tables: (['table2', 'table3', 'table4'] as const).filter((id) => tables[id]),
    table3Labels,
  };
}

/** How many lines start with a table-3 row label (a table whose rows could not be read). */
function countTable3Labels(lines: string[], source: (line: number) => TokenizedLine): number {
  const p = prepare(TABLE3_2021);
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    if (seen.size >= TABLE3_2021.rows.length) break;
    if (text.length > 400 || isBlank(text)) continue;
    const first = source(i).cells.find((c) => c.kind === 'text');
    if (!first) continue;
    const match = matchRowExactly(p, [first], -1);
    if (match) seen.add(match.row.id);
  }
  return seen.size;
}

/**
 * What readReport keeps of one version of a document for reading the next one (the server keeps one per
 * open document): the lines, their heading (null: none) and their cells. Their parts are never mutated,
 * so the next model shares those of the lines that did not change. Reading with or without it gives equal models.
 */
export interface ReaderCache {
  lines: string[];
  headings: (HeadingModel | null)[];
  tokens: (TokenizedLine | undefined)[];
  /** The tables read, each with the lines it was read from: one whose lines are all unchanged is the same table. */
  tables: ReadTable[];
}

/** A table read from lines [from, to] (undefined: none there). A table depends on those lines only. */
interface ReadTable {
  id: TableId;
  from: number;
  to: number;
  table: TableModel | undefined;
}

export function emptyReaderCache(): ReaderCache {
  return { lines: [], headings: [], tokens: [], tables: [] };
}

/** Reads a report. Never throws on any input. With `previous`, it is updated to this version. */
export function readReport(text: string, previous?: ReaderCache): ReportModel {
  const split = splitLines(text);
  const segments = segmentLines(split.lines);
  if (!segments) return readLines(split.lines, split.eol, previous);
  // A collapsed line: its segments are read as lines, then every range is mapped back into the real lines.
  const virtual: string[] = [];
  // A part cut out of a line (a share button, 关闭本页) is a leftover wherever it stands.
  const cut: boolean[] = [];
  for (const s of segments) {
    // segmentLines cuts the lines it is given: s.line is one of them.
    const whole = split.lines[s.line]!;
    virtual.push(whole.slice(s.start, s.end));
    cut.push(s.start > 0 || s.end < whole.length);
  }
  if (previous) Object.assign(previous, emptyReaderCache());
  const model = readLines(virtual, split.eol, undefined, cut);
  return mapSegments(model, split.lines, segments);
}

function readLines(lines: string[], eol: Eol, previous: ReaderCache | undefined, cut?: boolean[]): ReportModel {
  // Each line is tokenized at most once, when a table reader first asks for it.
  const cache: (TokenizedLine | undefined)[] = new Array(lines.length);
  const source = (line: number): TokenizedLine => {
    let t = cache[line];
    if (!t) {
      const text = lines[line];
      // The table readers ask for lines of their sections only; a line past the end has no cells.
      if (text === undefined) return { layout: 'blank', cells: [] };
      t = tokenizeLine(text, line);
      cache[line] = t;
    }
    return t;
  };

  // A line of the previous version at the same place with the same text has the same heading and cells.
  const headings: (HeadingModel | null)[] = new Array(lines.length);
  const sections: SectionModel[] = [];
  // changedBefore[i]: how many of lines 0..i-1 differ from the previous version (changed or new).
  const changedBefore = new Int32Array(lines.length + 1);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const unchanged = previous !== undefined && previous.lines[i] === text;
    changedBefore[i + 1] = changedBefore[i]! + (unchanged ? 0 : 1);
    if (unchanged) cache[i] = previous.tokens[i];
    // A heading the previous version has for this line (null: none), else the line is parsed.
    const known = unchanged ? previous.headings[i] : undefined;
    const h = known !== undefined ? known : (parseHeading(text, i) ?? null);
    headings[i] = h;
    if (h) {
      // A section ends where the next one starts.
      const before = sections.at(-1);
      if (before) before.endLine = i - 1;
      sections.push({ heading: h, startLine: i, endLine: lines.length - 1 });
    }
  }

  const firstHeading = sections[0]?.startLine ?? lines.length;
  const title = findTitle(lines, firstHeading);
  const lastSection = sections.at(-1);
  const closing = findClosing(lines, lastSection ? lastSection.startLine : Math.min(lines.length, TITLE_SEARCH_LINES));
  const year = findYear(lines, title, sections.find((s) => s.heading.section >= 2)?.startLine ?? lines.length);

  const tables: ReportModel['tables'] = {};
  // Where each section starts: its heading, or the table of a section whose heading is lost.
  const starts: SectionStart[] = sections.map((s) => ({ section: s.heading.section, line: s.startLine, lost: false }));
  const lostTables = sections.length < SECTIONS.length ? findLostHeadings(lines, starts, { tables: false, source }) : [];
  starts.push(...lostTables);
  /** The lines of section n's content: after its (first) heading, or from its lost heading's place, to the next section. */
  const bodyOf = (n: number): { from: number; to: number } | undefined => {
    const s = starts.find((x) => x.section === n);
    if (!s) return undefined;
    let to = lines.length - 1;
    for (const x of starts) if (x.line > s.line && x.line - 1 < to) to = x.line - 1;
    // The closing lines are not part of the last section's table.
    const end = closing.agencyRange?.start.line ?? closing.dateRange?.start.line;
    if (end !== undefined && end > s.line && end <= to) to = end - 1;
    return { from: s.lost ? s.line : s.line + 1, to };
  };
  const s2 = bodyOf(2);
  const s3 = bodyOf(3);
  const s4 = bodyOf(4);
  const readInto = (table: TableModel | undefined) => {
    if (table) tables[table.id] = table;
  };
  // A table whose lines did not change since the previous version is that version's table (typing in
  // the prose, or in another table, does not read it again).
  const readTables: ReadTable[] = [];
  const read = (id: TableId, from: number, to: number): TableModel | undefined => {
    const unchanged = from <= to && changedBefore[Math.min(to + 1, lines.length)] === changedBefore[Math.max(from, 0)];
    const known = unchanged ? previous?.tables.find((t) => t.id === id && t.from === from && t.to === to) : undefined;
    const table = known ? known.table : id === 'table4' ? readReviewTable(source, from, to) : readLabelledTable(id, source, from, to);
    readTables.push({ id, from, to, table });
    return table;
  };
  if (s2) readInto(read('table2', s2.from, s2.to));
  if (s3) readInto(read('table3', s3.from, s3.to));
  else if (s2) {
    // Section 三's heading missing: its table may follow table 2 in section 二.
    const t3 = read('table3', Math.max(s2.from, (tables.table2?.endLine ?? -1) + 1), s2.to);
    if (t3 && t3.rows.some((r) => r.labels.length > 0)) readInto(t3);
  }
  if (s4) readInto(read('table4', s4.from, s4.to));

  const distinct = new Set(sections.map((s) => s.heading.section)).size;
  const tableCount = Object.keys(tables).length;
  const isReport = distinct + tableCount + (title ? 1 : 0) >= 4 && distinct >= 2;
  const unreadable = isReport ? undefined : findUnreadable(lines, title, sections, tables, source);

  const titleEnd = title?.lines.at(-1);
  const bodyStart = titleEnd !== undefined ? titleEnd + 1 : firstHeading;
  const bodyEnd = closing.dateRange?.start.line ?? lines.length - 1;
  const model: ReportModel = {
    lines,
    eol,
    isReport,
    title,
    year,
    sections,
    tables,
    closing,
    artifacts: findArtifacts(lines, bodyStart, bodyEnd, cut).filter((a) => !title?.lines.includes(a.range.start.line)),
  };
  if (isReport) {
    const end = closing.agencyRange?.start.line ?? closing.dateRange?.start.line ?? lines.length;
    const lostProse = sections.length < SECTIONS.length ? findLostHeadings(lines, starts, { tables, title, end }) : [];
    const lost = [...lostTables, ...lostProse]
      .sort((a, b) => a.section - b.section)
      // A lost heading's line is one of the lines its search went through.
      .map((l): LostHeadingModel => ({ section: l.section, line: l.line, range: trimmedRange(lines[l.line]!, l.line) }));
    if (lost.length > 0) model.lostHeadings = lost;
  }
  if (unreadable) model.unreadable = unreadable;
  if (previous) {
    previous.lines = lines;
    previous.headings = headings;
    previous.tokens = cache;
    previous.tables = readTables;
  }
  return model;
}

/**
 * Who wrote a report and for which year, read from its title, closing lines and statistics period only (no
 * tables, no headings): how the carry-over check finds candidates for last year's report among many files.
 * A candidate is read in full before it is compared, so a wrong guess here only costs a read.
 */
export function peekIdentity(lines: string[]): { agency?: string; year?: number } {
  const title = findTitle(lines, lines.length);
  const closing = findClosing(lines, Math.min(lines.length, TITLE_SEARCH_LINES));
  return { agency: title?.agency ?? closing.agency, year: findYear(lines, title, lines.length) };
}
