// What a rule is: one typed definition per finding code — its code, default severity, what it means
// (Chinese and English, for hovers, settings and SARIF; a Markdown line for the README's table), one
// pure check, and, when the edit depends on the table around the finding, the fix built from the
// finding's data. The registry (rules/index.ts) lists them; every other list of codes is derived from it.

import type { LastYearLookup } from '../carryOver';
import type { Locale, MessageArgs, MessageKey } from '../messages';
import type { FindingData, Fix, FormatVersion, ReportModel, RuleFinding, Severity } from '../model';

/** A message of the catalogue in the language of the check. */
export type Msg = (key: MessageKey, args?: MessageArgs) => string;

/** What a fix builder knows besides the model and the finding: the language of its title. */
export interface FixContext {
  locale: Locale;
  msg: Msg;
}

/** What a check knows besides the model (from the settings). */
export interface RuleContext extends FixContext {
  /** The table format the report must use; `auto`: the 2021 format from the year 2021 on. */
  format: 'auto' | FormatVersion;
  /** Last year's report of the same agency, when the caller knows other reports (carry-over). */
  lastYear?: LastYearLookup;
}

export interface RuleDefinition<Code extends string = string, Data extends FindingData = FindingData> {
  /** Stable, kebab-case: what users write in `nianbao.severity` and `nianbao-disable` comments. */
  code: Code;
  severity: Severity;
  /** One line each: Chinese (hovers, the Chinese settings UI, SARIF's short description) and English. */
  description: { zh: string; en: string };
  /** The README's line for this code (English, Markdown): what it means, with examples. */
  doc: string;
  /** The findings of this code; the engine gives them the rule's code and severity (or the user's). */
  check(model: ReportModel, context: RuleContext): RuleFinding<Data>[];
  /**
   * The fix of a finding, built after the check (the CLI's report skips it) from the finding's data,
   * written in the encoding of the table it touches. Absent: the finding keeps the fix the check gave it.
   */
  fix?(model: ReportModel, finding: RuleFinding<Data>, context: FixContext): Fix | undefined;
  /** Its quick fix is the obvious choice for its diagnostic (LSP `isPreferred`: one keystroke applies it). */
  preferred?: boolean;
  /** A table relation: fix-all never leaves more findings of these rules than the text had. */
  arithmetic?: boolean;
}

/** A rule, typed by its code and by the data its findings carry for their fix. */
export function defineRule<const Code extends string, Data extends FindingData = FindingData>(
  rule: RuleDefinition<Code, Data>,
): RuleDefinition<Code, Data> {
  return rule;
}
