// The nianbao configuration validated: one zod schema for the VS Code settings `nianbao.*` and for a
// `.nianbaorc.json` file (the same keys without the `nianbao.` prefix). Messages about a bad value
// are zod's own, in Chinese (zod 4's zh-CN locale), prefixed with the key they concern. The keys'
// defaults and their merging are configValues.ts (no zod), re-exported here.

import * as z from 'zod';
// The Chinese messages alone: `z.locales` would bundle every language zod speaks (~380 KB).
import zhCNLocale from 'zod/v4/locales/zh-CN.cjs';
import { findProperty, parseJsonc, type JsonNode } from './jsonc';
import type { FindingCode, Range } from './model';
import { lineOffsets, positionAt } from './fixes/edits';
import { RULES } from './rules';
import { MAX_DEBOUNCE_MS, type PartialConfig } from './configValues';

// Everything that needs no validation lives in configValues.ts (see there); re-exported for the server and the tests.
export * from './configValues';

export const FINDING_CODES = RULES.map((r) => r.code) as [FindingCode, ...FindingCode[]];

const SEVERITY_SETTING = z.enum(['error', 'warning', 'info', 'hint', 'off']);

/** The checking keys: what `.nianbaorc.json` may hold. Unknown keys are errors there. Their descriptions are added
 * to the generated schema from the catalogues (contrib/index.ts), not carried by every bundle. */
const CHECK_SHAPE = {
  enable: z.boolean(),
  detectInPlainTextAndMarkdown: z.boolean(),
  format: z.enum(['auto', '2021', '2019']),
  severity: z.partialRecord(z.enum(FINDING_CODES), SEVERITY_SETTING),
  debounceMs: z.number().int().min(0).max(MAX_DEBOUNCE_MS),
  locale: z.enum(['auto', 'zh-cn', 'en']),
};

/** `.nianbaorc.json`: the checking keys, all optional, nothing else. */
export const rcFileSchema = z.strictObject(CHECK_SHAPE).partial();

/** The VS Code settings section `nianbao`: the checking keys and the editor-only `newReport.format`. */
export const settingsSchema = z
  .object({
    ...CHECK_SHAPE,
    newReport: z.object({ format: z.enum(['markdown', 'plaintext', 'ask']) }).partial(),
    maxDocumentSize: z.number().int().min(0),
    checkWorkspace: z.boolean(),
  })
  .partial();

const zhCN = zhCNLocale().localeError;

export interface ConfigIssue {
  /** Key path, e.g. ['severity', 'row-total']. */
  path: PropertyKey[];
  /** Chinese, prefixed with the key: 「severity.row-total」：无效选项：… */
  message: string;
}

function keyName(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * Validates a configuration object. Returns every valid key (an invalid key is left out, so that one
 * wrong value does not throw the whole file away) and one issue per problem.
 */
export function validateConfig(value: unknown, source: 'settings' | 'rc'): { config: PartialConfig; issues: ConfigIssue[] } {
  const schema = source === 'rc' ? rcFileSchema : settingsSchema;
  const parsed = schema.safeParse(value, { error: zhCN });
  if (parsed.success) return { config: parsed.data as PartialConfig, issues: [] };

  const issues: ConfigIssue[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // One issue per key, so that each unknown key is marked where it is.
      const known = issue.path.length === 0 ? Object.keys(schema.shape) : FINDING_CODES;
      for (const key of issue.keys) {
        const message = issue.keys.length === 1 ? issue.message : `出现未知的键(key): "${key}"`;
        const where = issue.path.length > 0 ? `「${keyName(issue.path)}」：` : '';
        issues.push({ path: [...issue.path, key], message: `${where}${message}（可用：${known.join('、')}）` });
      }
    } else {
      issues.push({ path: issue.path, message: issue.path.length > 0 ? `「${keyName(issue.path)}」：${issue.message}` : issue.message });
    }
  }

  // Keep what is valid, key by key.
  const config: Record<string, unknown> = {};
  if (isRecord(value)) {
    for (const [key, v] of Object.entries(value)) {
      const one = schema.safeParse({ [key]: v });
      if (one.success) config[key] = (one.data as Record<string, unknown>)[key];
      else if (key === 'severity' && isRecord(v)) {
        const severity: Record<string, unknown> = {};
        for (const [code, s] of Object.entries(v)) {
          if ((FINDING_CODES as string[]).includes(code) && SEVERITY_SETTING.safeParse(s).success) severity[code] = s;
        }
        config.severity = severity;
      }
    }
  }
  return { config: config as PartialConfig, issues };
}

// ---------------------------------------------------------------------------
// `.nianbaorc.json` as text

export interface RcProblem {
  range: Range;
  message: string;
}

export interface RcFileResult {
  /** The valid part of the file (empty when the file is not JSON). */
  config: PartialConfig;
  problems: RcProblem[];
}

/** Reads the text of a `.nianbaorc.json`: bad JSON or a bad value becomes a problem at the place it concerns. */
export function parseRcText(text: string): RcFileResult {
  const json = parseJsonc(text);
  const at = positionsOf(text);
  if (!json.ok) {
    const { offset, length } = json.error;
    return { config: {}, problems: [{ range: at(offset, length), message: `JSON 语法错误：${json.error.message}` }] };
  }
  const { config, issues } = validateConfig(json.value, 'rc');
  const problems = issues.map((issue) => ({ range: rangeOfPath(json.root, issue.path, at), message: issue.message }));
  return { config, problems };
}

function rangeOfPath(root: JsonNode, path: PropertyKey[], at: (offset: number, length: number) => Range): Range {
  // The key itself when it is there (unknown key, wrong value), else the closest enclosing value.
  for (let n = path.length; n > 0; n--) {
    const key = findProperty(root, path.slice(0, n))?.children?.[0];
    if (key) return at(key.offset, key.length);
  }
  // The whole file is not an object: mark its first character.
  return at(root.offset, Math.min(root.length, 1));
}

/** offset → LSP range (UTF-16 columns, \r\n, \n or \r ending a line). */
function positionsOf(text: string): (offset: number, length: number) => Range {
  const offsets = lineOffsets(text);
  return (offset, length) => ({ start: positionAt(offsets, offset), end: positionAt(offsets, offset + length) });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
