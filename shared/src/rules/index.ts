// The registry: every rule, in the order their findings are listed.

import { ARITHMETIC_RULES } from './arithmetic';
import { ARTIFACT_RULES } from './artifacts';
import { CARRY_OVER_RULES } from './carryOver';
import { CROSS_CHECK_RULES } from './crossChecks';
import { NARRATIVE_RULES } from './narrative';
import type { Rule } from './rule';
import { STRUCTURE_RULES } from './structure';
import { TABLE_RULES } from './tables';

export type { Rule } from './rule';

export const RULES: readonly Rule[] = [
  ...STRUCTURE_RULES,
  ...TABLE_RULES,
  ...ARITHMETIC_RULES,
  ...NARRATIVE_RULES,
  ...CROSS_CHECK_RULES,
  ...CARRY_OVER_RULES,
  ...ARTIFACT_RULES,
];

export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}
