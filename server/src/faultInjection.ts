// A testing hook, inert unless the environment variable NIANBAO_FAULT_INJECTION is set. `rule:<code>`
// makes that rule throw on every check, so that a test over stdio can see that a failing rule is logged
// (window/logMessage, type Error, naming the rule) and hides no other rule's findings.

import type { FindingCode } from '../../shared/src/model';
import { ruleByCode } from '../../shared/src/rules';

export const FAULT_INJECTION_VARIABLE = 'NIANBAO_FAULT_INJECTION';

/** Applies the fault the environment asks for; returns the code of the rule made to fail, if any. */
export function injectFaults(env: Readonly<Record<string, string | undefined>> = process.env): FindingCode | undefined {
  const code = /^rule:([a-z-]+)$/.exec(env[FAULT_INJECTION_VARIABLE] ?? '')?.[1];
  const rule = code === undefined ? undefined : ruleByCode(code);
  if (!rule) return undefined;
  rule.check = () => {
    throw new Error(`fault injected into ${rule.code} (${FAULT_INJECTION_VARIABLE})`);
  };
  return rule.code;
}
