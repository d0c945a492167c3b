// Files generated from the template, the configuration schema and the rules: the TextMate grammars, the
// snippets, the JSON schema of `.nianbaorc.json`, the nls strings, and two parts of hand-written files
// (package.json's nianbao.severity settings, the README's table of finding codes). `npm run generate`
// writes them; test/snippets.test.ts fails when a committed file differs from what these functions produce.

import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { rcFileSchema } from '../config';
import { snippetsFor } from '../newReport';
import { markdownInjectionGrammar, nianbaoGrammar } from './grammar';
import { nlsStrings } from './nls';
import { enManifest } from '../i18n/en';
import { zhCNManifest } from '../i18n/zh-cn';
import { RULE_DOCS, RULES } from '../rules';

export const GENERATED_FILES = {
  'syntaxes/nianbao.tmLanguage.json': nianbaoGrammar,
  'syntaxes/nianbao.markdown-injection.tmLanguage.json': markdownInjectionGrammar,
  'snippets/markdown.json': () => snippetsFor('markdown'),
  'snippets/plaintext.json': () => snippetsFor('plaintext'),
  'schemas/nianbaorc.schema.json': rcSchema,
  'package.nls.json': () => nlsStrings('en'),
  'package.nls.zh-cn.json': () => nlsStrings('zh'),
} as const satisfies Record<string, () => unknown>;

export function rcSchema(): unknown {
  const schema = z.toJSONSchema(rcFileSchema, { target: 'draft-7' }) as { properties: Record<string, Record<string, unknown>> };
  for (const [key, property] of Object.entries(schema.properties)) {
    property.description = describe(key, Array.isArray(property.enum) && key !== 'severity' ? (property.enum as string[]) : []);
  }
  return { ...schema, title: '.nianbaorc.json', description: 'nianbao 政府信息公开年报检查的配置（与 VS Code 设置 nianbao.* 同名的键）' };
}

/**
 * A key's description in the schema of `.nianbaorc.json`: the catalogues' words for the VS Code setting of
 * that name (`config.<key>`, and `config.<key>.<value>` for each value), Chinese then English.
 */
function describe(key: string, values: readonly string[]): string {
  const words = (strings: Readonly<Record<string, string>>, separator: string, join: string) =>
    [`config.${key}`, ...values.map((v) => `config.${key}.${v}`)]
      .map((k, i) => {
        const text = strings[k];
        if (text === undefined) throw new Error(`no catalogue entry ${k}`);
        return i === 0 ? text : `${values[i - 1]}${separator}${text}`;
      })
      .join(join);
  return `${words(zhCNManifest, '：', '')} ${words(enManifest, ': ', ' ')}`;
}

/** Every generated file as the exact text written to disk. */
export function generatedFileTexts(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, make] of Object.entries(GENERATED_FILES)) out[path] = JSON.stringify(make(), null, 2) + '\n';
  return out;
}

/** Parts of hand-written files generated from the registry of rules: path → (committed text) → text. */
export const GENERATED_PARTS = {
  'package.json': withSeveritySettings,
  'README.md': withCodeTable,
} as const satisfies Record<string, (text: string) => string>;

/** Every file with a generated part, as the exact text written to disk (`read` gives the committed text). */
export function generatedPartTexts(read: (path: string) => string = (path) => readFileSync(path, 'utf8')): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, make] of Object.entries(GENERATED_PARTS)) out[path] = make(read(path));
  return out;
}

/** package.json with one `nianbao.severity` setting per finding code, described in the nls strings. */
export function withSeveritySettings(text: string): string {
  const manifest = JSON.parse(text) as { contributes: { configuration: { properties: Record<string, { properties?: unknown }> } } };
  const setting = manifest.contributes.configuration.properties['nianbao.severity'];
  if (!setting) throw new Error('package.json: no nianbao.severity setting');
  setting.properties = Object.fromEntries(
    RULES.map((rule) => [
      rule.code,
      { type: 'string', enum: ['error', 'warning', 'info', 'hint', 'off'], description: `%config.severity.${rule.code}%` },
    ]),
  );
  return JSON.stringify(manifest, null, 2) + '\n';
}

const TABLE_START = '<!-- finding codes: generated from shared/src/rules (npm run generate) -->';
const TABLE_END = '<!-- end of the generated table -->';

/** The README with its table of finding codes (code, default severity, the rule's `doc`) rewritten between its markers. */
export function withCodeTable(text: string): string {
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md: the table of finding codes needs the markers ${TABLE_START} and ${TABLE_END}`);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const rows = RULES.map((rule) => `| \`${rule.code}\` | ${rule.severity} | ${RULE_DOCS[rule.code]} |`);
  const table = ['| code | severity | what it means |', '|---|---|---|', ...rows];
  return text.slice(0, start) + [TABLE_START, ...table, TABLE_END].join(eol) + text.slice(end + TABLE_END.length);
}
