// What a rule is: one typed definition per finding code — its code, default severity, what it means
// (Chinese and English, for hovers, settings and SARIF), one
// pure check, and, when the edit depends on the table around the finding, the fix built from the
// finding's data. The registry (rules/index.ts) lists them; every other list of codes is derived from it.
// Beside each rule, `<rule>Doc`: its line of the README's table (Markdown), kept out of the rule object so
// that the bundles the extension ships do not carry it (the .vsix has a size budget).

import type { LastYearLookup } from '../carryOver';
import type { Locale, MessageArgs, MessageKey } from '../messages';
import type { FindingData, Fix, FormatVersion, ReportModel, RuleFinding, Severity } from '../model';

/** A message in the language of the check: one of the rule's own (`K`) or of the catalogue. */
export type Msg<K extends string = never> = (key: MessageKey | K, args?: MessageArgs) => string;

/** A rule's own message templates, Chinese and English with the same keys (`{name}`: an argument). */
export interface RuleMessages<K extends string> {
  'zh-cn': { readonly [P in K]: string };
  en: { readonly [P in K]: string };
}

/** What a fix builder knows besides the model and the finding: the language of its title. */
export interface FixContext<K extends string = never> {
  locale: Locale;
  msg: Msg<K>;
}

/** What a check knows besides the model (from the settings). */
export interface RuleContext<K extends string = never> extends FixContext<K> {
  /** The table format the report must use; `auto`: the 2021 format from the year 2021 on. */
  format: 'auto' | FormatVersion;
  /** Last year's report of the same agency, when the caller knows other reports (carry-over). */
  lastYear?: LastYearLookup;
}

export interface RuleDefinition<Code extends string = string, Data extends FindingData = FindingData, K extends string = never> {
  /** Stable, kebab-case: what users write in `nianbao.severity` and `nianbao-disable` comments. */
  code: Code;
  severity: Severity;
  /** One line each: Chinese (hovers, the Chinese settings UI, SARIF's short description) and English. */
  description: { zh: string; en: string };
  /**
   * The rule's own messages (a new rule writes its words here, `ctx.msg(key)`); shared words (fix titles,
   * related information) and the messages of the rules written before are in the catalogues (i18n/).
   */
  messages?: RuleMessages<K>;
  /** The findings of this code; the engine gives them the rule's code and severity (or the user's). */
  check(model: ReportModel, context: RuleContext<K>): RuleFinding<Data>[];
  /**
   * The fix of a finding, built after the check (the CLI's report skips it) from the finding's data,
   * written in the encoding of the table it touches. Absent: the finding keeps the fix the check gave it.
   */
  fix?(model: ReportModel, finding: RuleFinding<Data>, context: FixContext<K>): Fix | undefined;
  /** Its quick fix is the obvious choice for its diagnostic (LSP `isPreferred`: one keystroke applies it). */
  preferred?: boolean;
  /** A table relation: fix-all never leaves more findings of these rules than the text had. */
  arithmetic?: boolean;
}

/** A rule, typed by its code and by the data its findings carry for their fix. */
export function defineRule<const Code extends string, Data extends FindingData = FindingData, K extends string = never>(
  rule: RuleDefinition<Code, Data, K>,
): RuleDefinition<Code, Data, K> {
  return rule;
}
