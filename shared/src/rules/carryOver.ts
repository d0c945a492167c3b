// carry-over: this year's 二、上年结转 must equal, column by column, the 四、结转下年度继续办理 of the same
// agency's report on the year before, when that report is among the files checked (CLI) or in the
// workspace (editor). The finding names the other file and its line; no fix, since either side may be wrong.

import { identityOf } from '../carryOver';
import type { RuleFinding } from '../model';
import { TABLE3_COLUMNS } from '../template';
import { defineRule } from './rule';
import { cellRange, rowById } from './util';

export const carryOver = defineRule({
  code: 'carry-over',
  severity: 'warning',
  description: {
    zh: '本年「二、上年结转」与同一机关上一年度年报的「四、结转下年度继续办理」不一致',
    en: "This year's 二、上年结转 differs from 四、结转下年度继续办理 in the same agency's report on the year before",
  },
  check(model, context) {
    const { msg } = context;
    const identity = context.lastYear ? identityOf(model) : undefined;
    const table = model.tables.table3;
    if (!identity || !table || !context.lastYear) return [];
    const row = rowById(table, 't3.carriedIn');
    if (!row) return [];
    const last = context.lastYear(identity.agency, identity.year - 1);
    if (!last) return [];
    const findings: RuleFinding[] = [];
    TABLE3_COLUMNS.forEach((column, index) => {
      const cell = row.cells[index];
      const before = last.carriedOut[index];
      if (cell?.kind !== 'number' || cell.value === undefined || cell.delta || !before || before.value === cell.value) return;
      const args = {
        column: column.label,
        actual: cell.value,
        expected: before.value,
        lastYear: last.identity.year,
        file: last.name,
        line: before.range.start.line + 1,
      };
      findings.push({
        range: cellRange(cell),
        message: msg('carry-over', args),
        related: [{ uri: last.uri, range: before.range, message: msg('related.carriedOut', args) }],
        data: { column: index, expected: before.value, actual: cell.value, lastYearUri: last.uri },
      });
    });
    return findings;
  },
});

/** The README's line for `carry-over` (generated into its table of finding codes). */
export const carryOverDoc =
  "this year's 二、上年结转 ≠ 四、结转下年度继续办理 of the same agency's report on the year before, when that report is among the files checked (CLI) or in the workspace (editor); the message names the other file and its line";
