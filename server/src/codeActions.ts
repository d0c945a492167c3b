// Code actions: the quick-fix of each nianbao diagnostic, "fix all of this kind", and
// `source.fixAll.nianbao` (so `editor.codeActionsOnSave` works). The edits come from the core.

import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, TextEdit } from '../../shared/src/model';
import { fixAllEdit, inFixAll } from '../../shared/src/fixes/index';
import type { CheckOptions, CheckResult } from '../../shared/src/engine';
import { msg } from '../../shared/src/messages';
import { ruleByCode } from '../../shared/src/rules';

const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.nianbao`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

function sameRange(d: Diagnostic, f: Finding): boolean {
  return (
    d.range.start.line === f.range.start.line &&
    d.range.start.character === f.range.start.character &&
    d.range.end.line === f.range.end.line &&
    d.range.end.character === f.range.end.character
  );
}

function toLspEdits(edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: e.range, newText: e.newText }));
}

function wanted(params: CodeActionParams, kind: string): boolean {
  const only = params.context.only;
  return !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

/** `options`: what the document's diagnostics were checked with (severities, format, locale), so fix-all fixes what they show. */
export function codeActions(
  document: TextDocument,
  result: CheckResult,
  params: CodeActionParams,
  options: Omit<CheckOptions, 'force'> = {},
): CodeAction[] {
  const locale = options.locale;
  const uri = document.uri;
  const actions: CodeAction[] = [];
  if (wanted(params, CodeActionKind.QuickFix)) {
    const fixAllOffered = new Set<string>();
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'nianbao') continue;
      const finding = result.findings.find((f) => f.code === diagnostic.code && sameRange(diagnostic, f));
      if (!finding?.fix) continue;
      actions.push({
        title: finding.fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: ruleByCode(finding.code)?.preferred === true,
        edit: { changes: { [uri]: toLspEdits(finding.fix.edits) } },
      });
      // A fix that needs the user's decision each time (a format conversion) is never applied in bulk.
      const sameKind = result.findings.filter((f) => f.code === finding.code && inFixAll(f));
      if (sameKind.length > 1 && !fixAllOffered.has(finding.code)) {
        fixAllOffered.add(finding.code);
        const edit = fixAllEdit(document.getText(), { ...options, code: finding.code, force: true });
        if (edit) {
          actions.push({
            title: msg('fix.allOfCode', { code: finding.code, count: sameKind.length }, locale),
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: { changes: { [uri]: toLspEdits([edit]) } },
          });
        }
      }
    }
  }
  const onlyAsksFixAll = params.context.only?.some((k) => FIX_ALL_KIND.startsWith(k) && k !== '');
  if (onlyAsksFixAll && wanted(params, FIX_ALL_KIND) && result.findings.some((f) => f.fix)) {
    const edit = fixAllEdit(document.getText(), { ...options, force: true });
    if (edit) {
      actions.push({
        title: msg('fix.all', {}, locale),
        kind: FIX_ALL_KIND,
        edit: { changes: { [uri]: toLspEdits([edit]) } },
      });
    }
  }
  return actions;
}
