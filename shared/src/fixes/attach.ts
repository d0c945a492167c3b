// Gives each fixable finding its edit. Kept apart from fix-all so that the engine can use it.

import type { Finding, ReportModel } from '../model';
import { ruleByCode, type FixContext, type Rule } from '../rules';

/** Gives every fixable finding its `fix`, written in the encoding of the table it touches. */
export function attachFixes(
  model: ReportModel,
  findings: Finding[],
  contextOf: (rule: Rule) => FixContext<string>,
  onError?: (code: string, error: unknown) => void,
): Finding[] {
  for (const f of findings) {
    const rule = ruleByCode(f.code);
    if (!rule?.fix) continue;
    try {
      const fix = rule.fix(model, f, contextOf(rule));
      if (fix) f.fix = fix;
      else delete f.fix;
    } catch (error) {
      // A fix that cannot be built leaves the finding without one; the finding itself stands.
      delete f.fix;
      onError?.(`${f.code} (fix)`, error);
    }
  }
  return findings;
}
