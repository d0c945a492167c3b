// The registry: every rule, in the order their findings are listed. A finding code exists because a
// rule here defines it: `FindingCode`, the settings (package.json's nianbao.severity, the schema of
// .nianbaorc.json, the nls strings), SARIF's rule list and the README's table of codes derive from it.
// A new code: one rule file (defineRule) and one line here.

import { balance, balanceDoc, resultsTotal, resultsTotalDoc, reviewTotal, reviewTotalDoc, rowTotal, rowTotalDoc } from './arithmetic';
import { conversionArtifact, conversionArtifactDoc } from './artifacts';
import { carryOver, carryOverDoc } from './carryOver';
import { deadline, deadlineDoc, feeMissing, feeMissingDoc, yearMismatch, yearMismatchDoc } from './crossChecks';
import { narrativeMismatch, narrativeMismatchDoc } from './narrative';
import type { FindingData } from '../model';
import type { RuleDefinition } from './rule';
import {
  dateMissing,
  dateMissingDoc,
  headingMissing,
  headingMissingDoc,
  headingNumbering,
  headingNumberingDoc,
  headingWording,
  headingWordingDoc,
  placeholder,
  placeholderDoc,
  sectionDuplicate,
  sectionDuplicateDoc,
  sectionMissing,
  sectionMissingDoc,
  sectionOrder,
  sectionOrderDoc,
  titleMissing,
  titleMissingDoc,
  unreadable,
  unreadableDoc,
} from './structure';
import {
  cellMissing,
  cellMissingDoc,
  cellNotNumber,
  cellNotNumberDoc,
  labelWording,
  labelWordingDoc,
  legacyFormat,
  legacyFormatDoc,
  negativeNumber,
  negativeNumberDoc,
  rowDuplicate,
  rowDuplicateDoc,
  rowLabelMissing,
  rowLabelMissingDoc,
  rowMissing,
  rowMissingDoc,
  tableMissing,
  tableMissingDoc,
} from './tables';

export { defineRule, type FixContext, type Msg, type RuleContext, type RuleDefinition, type RuleMessages } from './rule';

const DEFINITIONS = [
  // structure
  sectionMissing,
  headingMissing,
  sectionOrder,
  sectionDuplicate,
  headingNumbering,
  headingWording,
  titleMissing,
  dateMissing,
  unreadable,
  placeholder,
  // tables
  tableMissing,
  rowMissing,
  rowLabelMissing,
  rowDuplicate,
  cellMissing,
  cellNotNumber,
  negativeNumber,
  legacyFormat,
  labelWording,
  // arithmetic
  rowTotal,
  resultsTotal,
  balance,
  reviewTotal,
  // cross-checks
  narrativeMismatch,
  yearMismatch,
  deadline,
  feeMissing,
  carryOver,
  // conversion leftovers
  conversionArtifact,
] as const;

/** Every finding code, as a union of string literals. */
export type FindingCode = (typeof DEFINITIONS)[number]['code'];

/** Any rule of the registry (its findings' data seen as a plain record). */
export type Rule = RuleDefinition<FindingCode, FindingData, string>;

export const RULES: readonly Rule[] = DEFINITIONS;

/** The README's line per code (its table of finding codes is generated from it), kept out of the bundles. */
export const RULE_DOCS: Readonly<Record<FindingCode, string>> = {
  'section-missing': sectionMissingDoc,
  'heading-missing': headingMissingDoc,
  'section-order': sectionOrderDoc,
  'section-duplicate': sectionDuplicateDoc,
  'heading-numbering': headingNumberingDoc,
  'heading-wording': headingWordingDoc,
  'title-missing': titleMissingDoc,
  'date-missing': dateMissingDoc,
  unreadable: unreadableDoc,
  placeholder: placeholderDoc,
  'table-missing': tableMissingDoc,
  'row-missing': rowMissingDoc,
  'row-label-missing': rowLabelMissingDoc,
  'row-duplicate': rowDuplicateDoc,
  'cell-missing': cellMissingDoc,
  'cell-not-number': cellNotNumberDoc,
  'negative-number': negativeNumberDoc,
  'legacy-format': legacyFormatDoc,
  'label-wording': labelWordingDoc,
  'row-total': rowTotalDoc,
  'results-total': resultsTotalDoc,
  balance: balanceDoc,
  'review-total': reviewTotalDoc,
  'narrative-mismatch': narrativeMismatchDoc,
  'year-mismatch': yearMismatchDoc,
  deadline: deadlineDoc,
  'fee-missing': feeMissingDoc,
  'carry-over': carryOverDoc,
  'conversion-artifact': conversionArtifactDoc,
};

const BY_CODE = new Map<string, Rule>(RULES.map((r) => [r.code, r]));

export function ruleByCode(code: string): Rule | undefined {
  return BY_CODE.get(code);
}
