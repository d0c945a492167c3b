// Messages: the catalogue of each language (i18n/zh-cn.ts, i18n/en.ts) and how a template is filled.
// Nothing here knows a "current" language: whoever writes a message says which one (a rule and a fix get
// it in their context, the server and the CLI from the settings), so two checks in two languages never mix.

import { en } from './i18n/en';
import { zhCN, type Catalogue, type MessageKey } from './i18n/zh-cn';

export type { Catalogue, MessageKey } from './i18n/zh-cn';

export type Locale = 'zh-cn' | 'en';

export const DEFAULT_LOCALE: Locale = 'zh-cn';

export type MessageArgs = Readonly<Record<string, string | number>>;

const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { 'zh-cn': zhCN, en };

/** Every string of `locale`. */
export function catalogue(locale: Locale): Catalogue {
  return CATALOGUES[locale];
}

/** Fills a template: `{name}` → args.name (a missing argument stays visible as `{name}`). */
export function format(template: string, args: MessageArgs): string {
  // The template split once at its `{name}` places: even indices are text, odd ones names.
  let parts = templateParts.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    if (templateParts.size >= 1000) templateParts.clear();
    templateParts.set(template, parts);
  }
  let out = '';
  let isName = false;
  for (const part of parts) {
    out += isName ? (part in args ? String(args[part]) : `{${part}}`) : part;
    isName = !isName;
  }
  return out;
}
const templateParts = new Map<string, string[]>();

/** The message `key` of the catalogue of `locale`, filled with `args`. */
export function msg(key: MessageKey, args: MessageArgs = {}, locale: Locale = DEFAULT_LOCALE): string {
  return format(CATALOGUES[locale][key], args);
}

/** `zh-cn`, `zh-CN`, `zh-tw`, `zh` → Chinese; anything else (`en`, `en-US`, `de`) → English. */
export function localeOfDisplayLanguage(language: string | undefined): Locale {
  if (!language) return DEFAULT_LOCALE;
  return language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}
