// Rules on the six-section layout: presence, order, duplicates, numbering and wording of headings,
// the title and the closing date.

import type { RuleFinding, ReportModel, SectionModel } from '../model';
import { isCommentLine } from '../suppressions';
import { AGENCY_PROMPT, readSection, SECTIONS, standardHeading, TEMPLATE_PROMPTS, YEAR_PROMPT, type SectionTemplate } from '../template';
import { sectionMissingFix, titleMissingFix } from '../fixes/builders';
import { defineRule } from './rule';
import { firstTextLine, lastTextLine, lineRange, lineText } from './util';

function firstOccurrences(model: ReportModel): Map<number, SectionModel> {
  const first = new Map<number, SectionModel>();
  for (const s of model.sections) if (!first.has(s.heading.section)) first.set(s.heading.section, s);
  return first;
}

/** Where the missing section goes: before the next section present, else after the previous one. */
export type SectionMissingData = { section: number; insertBeforeLine?: number; insertAfterLine?: number };

export const sectionMissing = defineRule({
  code: 'section-missing',
  severity: 'error',
  description: {
    zh: '缺少六个部分之一',
    en: 'One of the six sections is missing',
  },
  fix: sectionMissingFix,
  check(model, { msg }) {
    const present = firstOccurrences(model);
    const lost = new Set((model.lostHeadings ?? []).map((l) => l.section));
    const findings: RuleFinding<SectionMissingData>[] = [];
    for (const s of SECTIONS) {
      // A section whose heading line is lost but whose content is there is heading-missing.
      if (present.has(s.number) || lost.has(s.number)) continue;
      const next = SECTIONS.filter((t) => t.number > s.number)
        .map((t) => present.get(t.number))
        .find((t) => t !== undefined);
      const prev = SECTIONS.filter((t) => t.number < s.number)
        .reverse()
        .map((t) => present.get(t.number))
        .find((t) => t !== undefined);
      const args = { numeral: s.numeral, number: s.number, heading: standardHeading(s.number) };
      const message = next
        ? msg('section-missing.before', { ...args, other: next.heading.text.trim() })
        : prev
          ? msg('section-missing.after', { ...args, other: prev.heading.text.trim() })
          : msg('section-missing', args);
      const anchor = next ? next.heading.range : lineRange(model, prev ? prev.endLine : lastTextLine(model));
      findings.push({
        range: anchor,
        message,
        data: { section: s.number, insertBeforeLine: next ? next.startLine : undefined, insertAfterLine: prev?.endLine },
      });
    }
    return findings;
  },
});

/** The README's line for `section-missing` (generated into its table of finding codes). */
export const sectionMissingDoc = 'one of the six sections is absent';

export const sectionOrder = defineRule({
  code: 'section-order',
  severity: 'warning',
  description: {
    zh: '六个部分顺序颠倒',
    en: 'The sections are out of order',
  },
  check(model, { msg }) {
    const findings: RuleFinding[] = [];
    const seen = new Set<number>();
    /** The highest section met so far. */
    let highest: SectionTemplate | undefined;
    for (const s of model.sections) {
      const n = s.heading.section;
      if (seen.has(n)) continue;
      seen.add(n);
      const section = readSection(n);
      if (highest && n < highest.number) {
        findings.push({
          range: s.heading.range,
          message: msg('section-order', {
            numeral: section.numeral,
            number: n,
            title: section.title,
            otherNumeral: highest.numeral,
            otherNumber: highest.number,
            other: highest.title,
          }),
          data: { section: n },
        });
      } else {
        highest = section;
      }
    }
    return findings;
  },
});

/** The README's line for `section-order` (generated into its table of finding codes). */
export const sectionOrderDoc = 'sections out of order';

export const sectionDuplicate = defineRule({
  code: 'section-duplicate',
  severity: 'warning',
  description: {
    zh: '同一部分出现两次',
    en: 'A section appears twice',
  },
  check(model, { msg }) {
    const first = firstOccurrences(model);
    return model.sections
      .filter((s) => first.get(s.heading.section) !== s)
      .map((s) => ({
        range: s.heading.range,
        message: msg('section-duplicate', {
          numeral: readSection(s.heading.section).numeral,
          number: s.heading.section,
          line: first.get(s.heading.section)!.startLine + 1,
          title: readSection(s.heading.section).title,
        }),
        related: [{ range: first.get(s.heading.section)!.heading.range, message: msg('section-duplicate.first') }],
        data: { section: s.heading.section },
      }));
  },
});

/** The README's line for `section-duplicate` (generated into its table of finding codes). */
export const sectionDuplicateDoc = 'a section appears twice';

export const headingNumbering = defineRule({
  code: 'heading-numbering',
  severity: 'warning',
  description: {
    zh: '部分标题的序号不对（如「3、」应为「三、」）',
    en: 'Wrong number in a section heading (「3、」 for 「三、」)',
  },
  preferred: true,
  check(model, { msg }) {
    const findings: RuleFinding[] = [];
    for (const s of model.sections) {
      const h = s.heading;
      const expected = readSection(h.section).numeral;
      if (h.numeral === expected) continue;
      const written = lineText(model, h.line).slice(h.numeralRange.start.character, h.numeralRange.end.character);
      findings.push({
        range: h.numeral ? h.numeralRange : h.textRange,
        message: h.numeral
          ? msg('heading-numbering', { expected, written })
          : msg('heading-numbering.none', { expected, text: h.text.trim() }),
        fix: { title: msg('fix.replaceWith', { text: `${expected}、` }), edits: [{ range: h.prefixRange, newText: `${expected}、` }] },
        data: { section: h.section, replaced: written },
      });
    }
    return findings;
  },
});

/** The README's line for `heading-numbering` (generated into its table of finding codes). */
export const headingNumberingDoc = 'wrong numeral in a section heading (`3、` for `三、`)';

/** Characters no section heading has: digits and sentence punctuation. */
const HEADING_CONTENT_RE = /[0-9０-９，。；：,;]/;

export const headingWording = defineRule({
  code: 'heading-wording',
  severity: 'info',
  description: {
    zh: '部分标题与标准表述不同',
    en: 'A section heading differs from the standard wording',
  },
  check(model, { msg }) {
    const findings: RuleFinding[] = [];
    for (const s of model.sections) {
      const h = s.heading;
      const standard = readSection(h.section).title;
      if (h.text.replace(/[\s\u3000]+/g, '') === standard) continue;
      const finding: RuleFinding = {
        range: h.textRange,
        message: msg('heading-wording', { standard, text: h.text.trim() }),
        data: { section: h.section },
      };
      // A number or a sentence after the heading is content (a line joined to it): replacing the whole
      // text with the standard wording would delete it.
      if (!HEADING_CONTENT_RE.test(h.text)) {
        finding.fix = { title: msg('fix.replaceWith', { text: standard }), edits: [{ range: h.textRange, newText: standard }] };
      }
      findings.push(finding);
    }
    return findings;
  },
});

/** The README's line for `heading-wording` (generated into its table of finding codes). */
export const headingWordingDoc = 'heading differs from the standard wording (`政务信息` for `政府信息`)';

export const titleMissing = defineRule({
  code: 'title-missing',
  severity: 'warning',
  description: {
    zh: '没有包含机关名称和年份的标题',
    en: 'No title with the agency and the year',
  },
  fix: titleMissingFix,
  check(model, { msg }) {
    if (model.title) return [];
    const line = firstTextLine(model);
    // What the report does not say stays a prompt, which the placeholder rule reports until it is replaced.
    const agency = model.closing.agency ?? AGENCY_PROMPT;
    const year = model.year !== undefined ? String(model.year) : YEAR_PROMPT;
    const title = `${agency}${year}年政府信息公开工作年度报告`;
    return [
      {
        range: lineRange(model, line),
        message: msg('title-missing', { title }),
        fix: {
          title: msg('fix.insertTitle', { title }),
          edits: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: title + model.eol + model.eol }],
        },
        data: { agency: model.closing.agency, year: model.year },
      },
    ];
  },
});

/** The README's line for `title-missing` (generated into its table of finding codes). */
export const titleMissingDoc = 'no title with agency and year';

export const dateMissing = defineRule({
  code: 'date-missing',
  severity: 'info',
  description: {
    zh: '报告末尾没有落款日期',
    en: 'No closing date',
  },
  check(model, { msg }) {
    if (model.closing.date) return [];
    return [
      {
        range: lineRange(model, lastTextLine(model)),
        message: msg('date-missing'),
      },
    ];
  },
});

/** The README's line for `date-missing` (generated into its table of finding codes). */
export const dateMissingDoc = 'no closing date';

export const headingMissing = defineRule({
  code: 'heading-missing',
  severity: 'warning',
  description: {
    zh: '部分的标题行缺失，但其内容在原位',
    en: "A section's heading line is lost while its content stands at its place",
  },
  check(model, { msg }) {
    return (model.lostHeadings ?? []).map((l): RuleFinding => {
      const s = readSection(l.section);
      const heading = standardHeading(l.section);
      // Written like the other headings (a Markdown `## ` prefix, indentation).
      const h = model.sections[0]?.heading;
      const prefix = h ? lineText(model, h.line).slice(0, h.range.start.character) : '';
      const text = lineText(model, l.line).trim();
      const at = { line: l.line, character: 0 };
      return {
        range: l.range,
        message: msg('heading-missing', {
          numeral: s.numeral,
          number: s.number,
          heading,
          text: text.length > 20 ? `${text.slice(0, 20)}…` : text,
        }),
        fix: {
          title: msg('fix.insertSection', { heading }),
          edits: [{ range: { start: at, end: at }, newText: prefix + heading + model.eol }],
        },
        data: { section: l.section },
      };
    });
  },
});

/** The README's line for `heading-missing` (generated into its table of finding codes). */
export const headingMissingDoc =
  "a section's heading line is lost while its content stands at its place: 一's `（一）主动公开…（二）依申请公开…` after the introduction, the table of 二, 三 or 四, 五's `（一）存在的主要问题…（二）改进…`, 六's 信息处理费 after 五";

export const unreadable = defineRule({
  code: 'unreadable',
  severity: 'warning',
  description: {
    zh: '看起来是年度报告，但读不出结构或统计表',
    en: 'The text is an annual report whose structure or tables cannot be read',
  },
  check(model, { msg }) {
    const u = model.unreadable;
    if (!u) return [];
    const sep = msg('unreadable.separator');
    const numerals = (ns: number[]) => ns.map((n) => readSection(n).numeral).join('、');
    const tableNumeral = { table2: '二', table3: '三', table4: '四' } as const;
    const found: string[] = [];
    const missing: string[] = [];
    if (u.title) found.push(msg('unreadable.title', { title: u.title }));
    else if (u.namedLine !== undefined) found.push(msg('unreadable.named', { line: u.namedLine + 1 }));
    if (u.sections.length > 0) found.push(msg('unreadable.sections', { list: numerals(u.sections) }));
    const absent = SECTIONS.map((t) => t.number).filter((n) => !u.sections.includes(n));
    if (absent.length > 0) missing.push(msg('unreadable.sections', { list: numerals(absent) }));
    if (u.tables.length > 0) found.push(msg('unreadable.tables', { list: u.tables.map((t) => tableNumeral[t]).join('、') }));
    else if (u.table3Labels > 0) found.push(msg('unreadable.labels', { count: u.table3Labels }));
    const absentTables = (['table2', 'table3', 'table4'] as const).filter((t) => !u.tables.includes(t));
    if (absentTables.length > 0) missing.push(msg('unreadable.tables', { list: absentTables.map((t) => tableNumeral[t]).join('、') }));
    return [
      {
        range: u.range,
        message: msg('unreadable', {
          found: found.length > 0 ? found.join(sep) : msg('unreadable.none'),
          missing: missing.length > 0 ? missing.join(sep) : msg('unreadable.none'),
        }),
        data: { sections: u.sections, tables: u.tables },
      },
    ];
  },
});

/** The README's line for `unreadable` (generated into its table of finding codes). */
export const unreadableDoc =
  'the text names itself an annual report (title, first lines, most headings or table-3 labels) but its structure or tables cannot be read: says what was found and what not';

/** A prompt edited a little is still the prompt when it starts like one (its first characters inside 【). */
const PROMPT_PREFIX_LENGTH = 8;
const PROMPT_KEYS = new Set(TEMPLATE_PROMPTS.map(promptKey));
const PROMPT_PREFIXES = TEMPLATE_PROMPTS.map(promptKey)
  .filter((k) => k.length > PROMPT_PREFIX_LENGTH + 1)
  .map((k) => k.slice(0, PROMPT_PREFIX_LENGTH + 1));

/** A 【…】 span without its blanks. */
function promptKey(text: string): string {
  return text.replace(/\s+/g, '');
}

function isTemplatePrompt(span: string): boolean {
  const key = promptKey(span);
  return PROMPT_KEYS.has(key) || PROMPT_PREFIXES.some((p) => key.startsWith(p));
}

export const placeholder = defineRule({
  code: 'placeholder',
  severity: 'warning',
  description: {
    zh: '报告中仍留有模板的【】提示文字',
    en: 'A 【…】 prompt of the template is still in the report',
  },
  check(model, { msg }) {
    const findings: RuleFinding[] = [];
    model.lines.forEach((text, line) => {
      if (text.indexOf('【') < 0 || isCommentLine(text)) return;
      for (let open = text.indexOf('【'); open >= 0; open = text.indexOf('【', open + 1)) {
        const close = text.indexOf('】', open + 1);
        if (close < 0) return;
        const span = text.slice(open, close + 1);
        if (!isTemplatePrompt(span)) continue;
        findings.push({
          range: { start: { line, character: open }, end: { line, character: close + 1 } },
          message: msg('placeholder', { text: span }),
        });
        open = close;
      }
    });
    return findings;
  },
});

/** The README's line for `placeholder` (generated into its table of finding codes). */
export const placeholderDoc =
  'a 【】 prompt of the template (`【机关名称】`, `【年份】`, the prose prompts of a new report) is still in the report';
