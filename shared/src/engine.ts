// The engine: text → report model → every rule → findings. Used by the server and the CLI.

import type { LastYearLookup } from './carryOver';
import type { Finding, FindingCode, FormatVersion, ReportModel, Severity } from './model';
import { attachFixes } from './fixes/attach';
import { DEFAULT_LOCALE, format, msg, type Locale, type MessageKey } from './messages';
import { readReport, type ReaderCache } from './reader';
import { RULES, type Rule, type RuleContext } from './rules';
import { applySuppressions } from './suppressions';
import { compareCodeUnits } from './text';

export interface CheckOptions {
  /** Analyse even when the text does not look like a report (documents of the `nianbao` language). */
  force?: boolean;
  /** Per-code severity override, or 'off'. */
  severities?: Partial<Record<FindingCode, Severity | 'off'>>;
  /** Called when a rule throws; the other rules still run. */
  onRuleError?: (code: string, error: unknown) => void;
  /** Language of the messages (default Chinese). */
  locale?: Locale;
  /** The table format the report must use: `auto` (default) = the 2021 format from the year 2021 on. */
  format?: 'auto' | FormatVersion;
  /** Build every finding's quick fix (default true); the CLI's report, which prints none, skips them. */
  fixes?: boolean;
  /** The reader's memory of the previous version of this document (the server keeps one per document): unchanged lines are not read again. */
  readerCache?: ReaderCache;
  /** Finds last year's report of an agency among the other files (CLI) or the workspace (server), for carry-over. */
  lastYear?: LastYearLookup;
}

export interface CheckResult {
  model: ReportModel;
  findings: Finding[];
}

/** Runs every rule on a parsed model; a rule that throws is reported through onRuleError and skipped. */
export function runRules(model: ReportModel, options: CheckOptions = {}, rules: readonly Rule[] = RULES): Finding[] {
  if (!model.isReport && !options.force) {
    // A text that names itself a report but cannot be read is never passed over in silence.
    if (!model.unreadable) return [];
    rules = rules.filter((r) => r.code === 'unreadable');
  }
  return applySuppressions(checkAll(model, options, rules), model.lines);
}

/** What every rule and fix of one check is given: the format setting and the language of its messages. */
function contextOf(options: CheckOptions, rule: Rule): RuleContext<string> {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const own = rule.messages?.[locale];
  return {
    format: options.format ?? 'auto',
    lastYear: options.lastYear,
    locale,
    msg: (key, args = {}) => (own && key in own ? format(own[key]!, args) : msg(key as MessageKey, args, locale)),
  };
}

function checkAll(model: ReportModel, options: CheckOptions, rules: readonly Rule[]): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const override = options.severities?.[rule.code];
    if (override === 'off') continue;
    try {
      const severity = override ?? rule.severity;
      for (const f of rule.check(model, contextOf(options, rule))) findings.push({ code: rule.code, severity, ...f });
    } catch (error) {
      options.onRuleError?.(rule.code, error);
    }
  }
  findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || compareCodeUnits(a.code, b.code),
  );
  return findings;
}

/** Reads a text and checks it. */
export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  const model = readReport(text, options.readerCache);
  const findings = runRules(model, options);
  if (options.fixes === false) return { model, findings };
  return withFixes({ model, findings }, options);
}

/**
 * Builds the quick fixes of a result checked with `fixes: false`, with the same options (the server
 * publishes diagnostics without them and builds them when code actions are first asked for).
 */
export function withFixes(result: CheckResult, options: CheckOptions = {}): CheckResult {
  attachFixes(result.model, result.findings, (rule) => contextOf(options, rule), options.onRuleError);
  return result;
}
