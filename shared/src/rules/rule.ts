// What a rule is: a stable code, a default severity, a description and one pure function.

import type { LastYearLookup } from '../carryOver';
import type { Finding, FindingCode, FormatVersion, ReportModel, Severity } from '../model';

/** What a check knows besides the model (from the settings). */
export interface RuleContext {
  /** The table format the report must use; `auto`: the 2021 format from the year 2021 on. */
  format: 'auto' | FormatVersion;
  /** Last year's report of the same agency, when the caller knows other reports (carry-over). */
  lastYear?: LastYearLookup;
}

export interface Rule {
  code: FindingCode;
  severity: Severity;
  /** One line, Chinese, shown in the README and in hovers. */
  description: string;
  check(model: ReportModel, context?: RuleContext): Finding[];
}
