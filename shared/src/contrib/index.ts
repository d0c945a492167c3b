// Files generated from the template and the configuration schema: the TextMate grammars, the snippets
// and the JSON schema of `.nianbaorc.json`. `npm run generate` writes them; test/generated.test.ts fails
// when a committed file differs from what these functions produce.

import * as z from 'zod';
import { rcFileSchema } from '../config';
import { snippetsFor } from '../newReport';
import { markdownInjectionGrammar, nianbaoGrammar } from './grammar';
import { nlsStrings } from './nls';

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
  const schema = z.toJSONSchema(rcFileSchema, { target: 'draft-7' }) as Record<string, unknown>;
  return { ...schema, title: '.nianbaorc.json', description: 'nianbao 政府信息公开年报检查的配置（与 VS Code 设置 nianbao.* 同名的键）' };
}

/** Every generated file as the exact text written to disk. */
export function generatedFileTexts(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, make] of Object.entries(GENERATED_FILES)) out[path] = JSON.stringify(make(), null, 2) + '\n';
  return out;
}
