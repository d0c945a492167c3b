// The nianbao configuration's keys, their defaults and how layers of them merge into the options of a
// check: all that checking needs when no `.nianbaorc.json` applies. The validation of a configuration
// (zod's schemas, the JSONC parser) is config.ts, which the CLI loads only when it reads such a file.

import type { CheckOptions } from './engine';
import { localeOfDisplayLanguage, type Locale } from './messages';
import type { FindingCode, Severity } from './model';

export const RC_FILE_NAME = '.nianbaorc.json';

export type SeveritySetting = Severity | 'off';
export type FormatSetting = 'auto' | '2021' | '2019';
export type LocaleSetting = 'auto' | 'zh-cn' | 'en';
export type NewReportFormat = 'markdown' | 'plaintext' | 'ask';

/** Every setting, with its default. */
export interface NianbaoConfig {
  enable: boolean;
  detectInPlainTextAndMarkdown: boolean;
  format: FormatSetting;
  severity: Partial<Record<FindingCode, SeveritySetting>>;
  debounceMs: number;
  /** Documents larger than this (UTF-8 bytes) are not analysed (editor only). */
  maxDocumentSize: number;
  locale: LocaleSetting;
  newReport: { format: NewReportFormat };
  /** Check every report in the workspace folders, opened or not (editor only). */
  checkWorkspace: boolean;
}

export const DEFAULT_CONFIG: Readonly<NianbaoConfig> = Object.freeze<NianbaoConfig>({
  enable: true,
  detectInPlainTextAndMarkdown: true,
  format: 'auto',
  severity: {},
  debounceMs: 300,
  maxDocumentSize: 2 * 1024 * 1024,
  locale: 'auto',
  newReport: { format: 'ask' },
  checkWorkspace: false,
});

export const MAX_DEBOUNCE_MS = 5000;

export type PartialConfig = Partial<Omit<NianbaoConfig, 'newReport'>> & { newReport?: Partial<NianbaoConfig['newReport']> };

/** Layers configurations: later ones win, key by key; `severity` maps are merged code by code. */
export function mergeConfig(...layers: (PartialConfig | undefined)[]): NianbaoConfig {
  const out: NianbaoConfig = { ...DEFAULT_CONFIG, severity: {}, newReport: { ...DEFAULT_CONFIG.newReport } };
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.enable !== undefined) out.enable = layer.enable;
    if (layer.detectInPlainTextAndMarkdown !== undefined) out.detectInPlainTextAndMarkdown = layer.detectInPlainTextAndMarkdown;
    if (layer.format !== undefined) out.format = layer.format;
    if (layer.debounceMs !== undefined) out.debounceMs = layer.debounceMs;
    if (layer.maxDocumentSize !== undefined) out.maxDocumentSize = layer.maxDocumentSize;
    if (layer.locale !== undefined) out.locale = layer.locale;
    if (layer.severity) out.severity = { ...out.severity, ...layer.severity };
    if (layer.newReport?.format !== undefined) out.newReport = { format: layer.newReport.format };
    if (layer.checkWorkspace !== undefined) out.checkWorkspace = layer.checkWorkspace;
  }
  return out;
}

/** The language of the messages: a fixed locale, or (auto) the editor's display language; Chinese when unknown. */
export function resolveLocale(setting: LocaleSetting, displayLanguage?: string): Locale {
  return setting === 'auto' ? localeOfDisplayLanguage(displayLanguage) : setting;
}

/** The engine options a configuration stands for. */
export function checkOptionsOf(config: NianbaoConfig, displayLanguage?: string): Pick<CheckOptions, 'severities' | 'format' | 'locale'> {
  return { severities: config.severity, format: config.format, locale: resolveLocale(config.locale, displayLanguage) };
}
