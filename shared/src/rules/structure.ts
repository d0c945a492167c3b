// Rules on the six-section layout: presence, order, duplicates, numbering and wording of headings,
// the title and the closing date.

import type { Finding, ReportModel, SectionModel } from '../model';
import { SECTIONS, standardHeading } from '../template';
import type { Rule } from './rule';
import { firstTextLine, lastTextLine, lineRange } from './util';

function firstOccurrences(model: ReportModel): Map<number, SectionModel> {
  const first = new Map<number, SectionModel>();
  for (const s of model.sections) if (!first.has(s.heading.section)) first.set(s.heading.section, s);
  return first;
}

export const sectionMissing: Rule = {
  code: 'section-missing',
  severity: 'error',
  description: '缺少六个部分之一',
  check(model) {
    const present = firstOccurrences(model);
    const findings: Finding[] = [];
    for (const s of SECTIONS) {
      if (present.has(s.number)) continue;
      const next = SECTIONS.filter((t) => t.number > s.number)
        .map((t) => present.get(t.number))
        .find((t) => t !== undefined);
      const prev = SECTIONS.filter((t) => t.number < s.number)
        .reverse()
        .map((t) => present.get(t.number))
        .find((t) => t !== undefined);
      const where = next
        ? `应位于「${next.heading.text.trim()}」之前`
        : prev
          ? `应位于「${prev.heading.text.trim()}」之后`
          : '';
      const anchor = next ? next.heading.range : lineRange(model, prev ? prev.endLine : lastTextLine(model));
      findings.push({
        code: 'section-missing',
        severity: 'error',
        range: anchor,
        message: `缺少第${s.numeral}部分「${standardHeading(s.number)}」${where ? `（${where}）` : ''}`,
        data: { section: s.number, insertBeforeLine: next ? next.startLine : undefined, insertAfterLine: prev?.endLine },
      });
    }
    return findings;
  },
};

export const sectionOrder: Rule = {
  code: 'section-order',
  severity: 'warning',
  description: '六个部分顺序颠倒',
  check(model) {
    const findings: Finding[] = [];
    const seen = new Set<number>();
    let highest = 0;
    let highestHeading = '';
    for (const s of model.sections) {
      const n = s.heading.section;
      if (seen.has(n)) continue;
      seen.add(n);
      if (n < highest) {
        findings.push({
          code: 'section-order',
          severity: 'warning',
          range: s.heading.range,
          message: `第${SECTIONS[n - 1].numeral}部分「${SECTIONS[n - 1].title}」出现在第${SECTIONS[highest - 1].numeral}部分「${highestHeading}」之后，顺序颠倒`,
          data: { section: n },
        });
      } else {
        highest = n;
        highestHeading = SECTIONS[n - 1].title;
      }
    }
    return findings;
  },
};

export const sectionDuplicate: Rule = {
  code: 'section-duplicate',
  severity: 'warning',
  description: '同一部分出现两次',
  check(model) {
    const first = firstOccurrences(model);
    return model.sections
      .filter((s) => first.get(s.heading.section) !== s)
      .map((s) => ({
        code: 'section-duplicate' as const,
        severity: 'warning' as const,
        range: s.heading.range,
        message: `第${SECTIONS[s.heading.section - 1].numeral}部分重复出现（第 ${first.get(s.heading.section)!.startLine + 1} 行已有「${SECTIONS[s.heading.section - 1].title}」）`,
        related: [{ range: first.get(s.heading.section)!.heading.range, message: '第一次出现' }],
        data: { section: s.heading.section },
      }));
  },
};

export const headingNumbering: Rule = {
  code: 'heading-numbering',
  severity: 'warning',
  description: '部分标题的序号不对（如「3、」应为「三、」）',
  check(model) {
    const findings: Finding[] = [];
    for (const s of model.sections) {
      const h = s.heading;
      const expected = SECTIONS[h.section - 1].numeral;
      if (h.numeral === expected) continue;
      const written = model.lines[h.line].slice(h.numeralRange.start.character, h.numeralRange.end.character);
      findings.push({
        code: 'heading-numbering',
        severity: 'warning',
        range: h.numeral ? h.numeralRange : h.textRange,
        message: h.numeral
          ? `部分标题序号应为「${expected}、」，实为「${written}」`
          : `部分标题缺少序号，应为「${expected}、${h.text.trim()}」`,
        fix: { title: `改为「${expected}、」`, edits: [{ range: h.prefixRange, newText: `${expected}、` }] },
        data: { section: h.section },
      });
    }
    return findings;
  },
};

export const headingWording: Rule = {
  code: 'heading-wording',
  severity: 'info',
  description: '部分标题与标准表述不同',
  check(model) {
    const findings: Finding[] = [];
    for (const s of model.sections) {
      const h = s.heading;
      const standard = SECTIONS[h.section - 1].title;
      if (h.text.replace(/[\s\u3000]+/g, '') === standard) continue;
      findings.push({
        code: 'heading-wording',
        severity: 'info',
        range: h.textRange,
        message: `部分标题的标准表述为「${standard}」，实为「${h.text.trim()}」`,
        fix: { title: `改为「${standard}」`, edits: [{ range: h.textRange, newText: standard }] },
        data: { section: h.section },
      });
    }
    return findings;
  },
};

export const titleMissing: Rule = {
  code: 'title-missing',
  severity: 'warning',
  description: '没有包含机关名称和年份的标题',
  check(model) {
    if (model.title) return [];
    const line = firstTextLine(model);
    const agency = model.closing.agency ?? '【机关名称】';
    const year = model.year !== undefined ? String(model.year) : '【年份】';
    const title = `${agency}${year}年政府信息公开工作年度报告`;
    return [
      {
        code: 'title-missing',
        severity: 'warning',
        range: lineRange(model, line),
        message: `报告没有标题（应为「${title}」这样包含机关名称和年份的标题）`,
        fix: {
          title: `插入标题「${title}」`,
          edits: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: title + model.eol + model.eol }],
        },
        data: { agency: model.closing.agency, year: model.year },
      },
    ];
  },
};

export const dateMissing: Rule = {
  code: 'date-missing',
  severity: 'info',
  description: '报告末尾没有落款日期',
  check(model) {
    if (model.closing.date) return [];
    return [
      {
        code: 'date-missing',
        severity: 'info',
        range: lineRange(model, lastTextLine(model)),
        message: '报告末尾没有机关名称和落款日期（如「2025年1月15日」）',
      },
    ];
  },
};

export const STRUCTURE_RULES: Rule[] = [
  sectionMissing,
  sectionOrder,
  sectionDuplicate,
  headingNumbering,
  headingWording,
  titleMissing,
  dateMissing,
];
