// What each template row, column and section counts: one line from the format's own explanation
// (国办公开办函〔2021〕30号 and 《中华人民共和国政府信息公开条例》), in Chinese and English. The words live in
// the catalogues (i18n/, keys `explain.row.*`, `explain.section.*`, `explain.column.*`); these tables are
// their view by row id, section and column label, for hovers and completion items.

import { en } from './i18n/en';
import { zhCN, type MessageKey } from './i18n/zh-cn';
import { format, type Locale } from './messages';

export interface Explanation {
  zh: string;
  en: string;
}

/** key suffix → { zh, en } for every catalogue key `explain.<kind>.<suffix>`. */
function explanationsOf(kind: 'row' | 'section' | 'column'): Record<string, Explanation> {
  const prefix = `explain.${kind}.`;
  const out: Record<string, Explanation> = {};
  for (const key of Object.keys(zhCN) as MessageKey[]) {
    if (key.startsWith(prefix)) out[key.slice(prefix.length)] = { zh: zhCN[key], en: en[key] };
  }
  return out;
}

export const ROW_EXPLANATIONS: Readonly<Record<string, Explanation>> = explanationsOf('row');

/** Section number (`'1'` … `'6'`) → its explanation. */
export const SECTION_EXPLANATIONS: Readonly<Record<string, Explanation>> = explanationsOf('section');

export const COLUMN_EXPLANATIONS: Readonly<Record<string, Explanation>> = explanationsOf('column');

export function explain(e: Explanation | undefined, locale: Locale): string | undefined {
  return e ? format(locale === 'en' ? e.en : e.zh, {}) : undefined;
}
