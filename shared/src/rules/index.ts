// The registry: every rule, in the order their findings are listed. A finding code exists because a
// rule here defines it: `FindingCode`, the settings (package.json's nianbao.severity, the schema of
// .nianbaorc.json, the nls strings), SARIF's rule list and the README's table of codes derive from it.
// A new code: one rule file (defineRule) and one line here.

import { balance, resultsTotal, reviewTotal, rowTotal } from './arithmetic';
import { conversionArtifact } from './artifacts';
import { carryOver } from './carryOver';
import { deadline, feeMissing, yearMismatch } from './crossChecks';
import { narrativeMismatch } from './narrative';
import type { FindingData } from '../model';
import type { RuleDefinition } from './rule';
import {
  dateMissing,
  headingMissing,
  headingNumbering,
  headingWording,
  placeholder,
  sectionDuplicate,
  sectionMissing,
  sectionOrder,
  titleMissing,
  unreadable,
} from './structure';
import {
  cellMissing,
  cellNotNumber,
  labelWording,
  legacyFormat,
  negativeNumber,
  rowDuplicate,
  rowLabelMissing,
  rowMissing,
  tableMissing,
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

const BY_CODE = new Map<string, Rule>(RULES.map((r) => [r.code, r]));

export function ruleByCode(code: string): Rule | undefined {
  return BY_CODE.get(code);
}
