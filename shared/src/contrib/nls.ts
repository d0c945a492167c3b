// The manifest's user-visible strings (package.json `%key%`) in English (package.nls.json) and Chinese
// (package.nls.zh-cn.json): the catalogues' `nls.*` keys, and per code the rule's own description.

import { en } from '../i18n/en';
import { zhCN, type MessageKey } from '../i18n/zh-cn';
import { RULES } from '../rules';

export function nlsStrings(language: 'en' | 'zh'): Record<string, string> {
  const strings = language === 'en' ? en : zhCN;
  const out: Record<string, string> = {};
  for (const key of Object.keys(zhCN) as MessageKey[]) if (key.startsWith('nls.')) out[key.slice('nls.'.length)] = strings[key];
  for (const rule of RULES) out[`config.severity.${rule.code}`] = rule.description[language];
  return out;
}
