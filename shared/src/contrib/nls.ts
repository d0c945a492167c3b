// The manifest's user-visible strings (package.json `%key%`) in English (package.nls.json) and Chinese
// (package.nls.zh-cn.json): the catalogues' manifest words, and per code the rule's own description.

import { enManifest } from '../i18n/en';
import { zhCNManifest } from '../i18n/zh-cn';
import { RULES } from '../rules';

export function nlsStrings(language: 'en' | 'zh'): Record<string, string> {
  const out: Record<string, string> = { ...(language === 'en' ? enManifest : zhCNManifest) };
  for (const rule of RULES) out[`config.severity.${rule.code}`] = rule.description[language];
  return out;
}
