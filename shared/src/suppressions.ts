// Inline disable comments, honoured by the server and the CLI alike (the engine applies them).
//
//   <!-- nianbao-disable code1 code2 -->       from here on, these codes (no code: every code) are off
//   <!-- nianbao-enable code1 -->              from here on, on again (no code: every code)
//   <!-- nianbao-disable-next-line code -->    off on the next line only
//
// The same directives in plain text, for `.txt` reports, on a line of their own:
//
//   // nianbao-disable code1 code2
//   // nianbao-enable
//   // nianbao-disable-next-line code
//
// A directive must be the whole line. Like a blank line it is not report content: the reader skips it
// (a directive between two rows of a table does not break the table). Codes are separated by blanks or
// commas; a finding is matched by the line its range starts on (a disable covers its own line as well).

import type { Finding, FindingCode } from './model';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line';

export interface Directive {
  kind: DirectiveKind;
  line: number;
  /** Codes named by the directive; empty = every code. */
  codes: string[];
}

const HTML_DIRECTIVE_RE = /^\s*<!--\s*nianbao-(disable-next-line|disable|enable)\b(.*?)-->\s*$/;
const SLASH_DIRECTIVE_RE = /^\s*\/\/\s*nianbao-(disable-next-line|disable|enable)\b(.*)$/;
const HTML_COMMENT_LINE_RE = /^\s*<!--.*-->\s*$/;

/** Parses one line as a directive, or returns undefined. */
export function parseDirective(lineText: string, line: number): Directive | undefined {
  if (!lineText.includes('nianbao-')) return undefined;
  const m = HTML_DIRECTIVE_RE.exec(lineText) ?? SLASH_DIRECTIVE_RE.exec(lineText);
  if (!m) return undefined;
  const [, kind, rest = ''] = m; // both groups take part in every match
  const codes = rest
    .split(/[\s,，、]+/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
  return { kind: kind as DirectiveKind, line, codes };
}

/** A line that is not report content: an HTML comment or a plain-text directive, alone on its line. */
export function isCommentLine(lineText: string): boolean {
  // Both start with `<` or `/` after blanks: most lines are told apart by their first character.
  const c = lineText.charCodeAt(0);
  if (c !== 60 /* < */ && c !== 47 /* / */ && !/\s/.test(lineText.charAt(0))) return false;
  return HTML_COMMENT_LINE_RE.test(lineText) || (lineText.includes('nianbao-') && SLASH_DIRECTIVE_RE.test(lineText));
}

export function findDirectives(lines: readonly string[]): Directive[] {
  const directives: Directive[] = [];
  for (let i = 0; i < lines.length; i++) {
    const d = parseDirective(lines[i] ?? '', i);
    if (d) directives.push(d);
  }
  return directives;
}

/** Which codes are off on one line: `all` or a set of codes. */
interface LineState {
  all: boolean;
  codes: ReadonlySet<string>;
}

/**
 * Removes the findings that a directive turns off. Pure: the same findings in the same order,
 * minus the suppressed ones. Without directives the array is returned as is.
 */
export function applySuppressions(findings: Finding[], lines: readonly string[]): Finding[] {
  const directives = findDirectives(lines);
  if (directives.length === 0 || findings.length === 0) return findings;
  return findings.filter((f) => !isSuppressed(f.code, f.range.start.line, directives));
}

/** Is `code` off on `line`, given the directives of the document (in line order)? */
function isSuppressed(code: FindingCode | string, line: number, directives: readonly Directive[]): boolean {
  let state: LineState = { all: false, codes: new Set() };
  for (const d of directives) {
    // A directive line is no content: a finding placed on it (a document-wide one, at 1:1) is covered too.
    if (d.line > line) break;
    if (d.kind === 'disable') state = disable(state, d.codes);
    else if (d.kind === 'enable') state = enable(state, d.codes);
  }
  if (state.all ? !state.codes.has(code) : state.codes.has(code)) return true;
  const previous = directives.find((d) => d.kind === 'disable-next-line' && d.line === line - 1);
  return previous !== undefined && (previous.codes.length === 0 || previous.codes.includes(code));
}

// With `all`, `codes` holds the exceptions (codes enabled again); without it, the codes that are off.
function disable(state: LineState, codes: string[]): LineState {
  if (codes.length === 0) return { all: true, codes: new Set() };
  if (state.all) return { all: true, codes: new Set([...state.codes].filter((c) => !codes.includes(c))) };
  return { all: false, codes: new Set([...state.codes, ...codes]) };
}

function enable(state: LineState, codes: string[]): LineState {
  if (codes.length === 0) return { all: false, codes: new Set() };
  if (state.all) return { all: true, codes: new Set([...state.codes, ...codes]) };
  return { all: false, codes: new Set([...state.codes].filter((c) => !codes.includes(c))) };
}
