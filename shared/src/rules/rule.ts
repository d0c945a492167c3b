// What a rule is: a stable code, a default severity, a description and one pure function.

import type { Finding, FindingCode, ReportModel, Severity } from '../model';

export interface Rule {
  code: FindingCode;
  severity: Severity;
  /** One line, Chinese, shown in the README and in hovers. */
  description: string;
  check(model: ReportModel): Finding[];
}
