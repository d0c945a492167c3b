// The `nianbao.*` settings: reading them from the client, layering `.nianbaorc.json` over them,
// and deciding how a document is checked. Validation is the shared zod schema (shared/src/config.ts).

import {
  checkOptionsOf,
  DEFAULT_CONFIG,
  mergeConfig,
  validateConfig,
  type ConfigIssue,
  type NianbaoConfig,
  type PartialConfig,
} from '../../shared/src/config';
import type { CheckOptions } from '../../shared/src/engine';

export type NianbaoSettings = NianbaoConfig;

export const DEFAULT_SETTINGS: Readonly<NianbaoSettings> = DEFAULT_CONFIG;

/** Settings from untrusted JSON (the client's answer); anything missing or invalid takes its default. */
export function parseSettings(value: unknown, onIssue?: (issue: ConfigIssue) => void): NianbaoSettings {
  const { config, issues } = validateConfig(isRecord(value) ? value : {}, 'settings');
  if (onIssue) issues.forEach(onIssue);
  return mergeConfig(config);
}

/**
 * How a document is checked:
 * `force` — always (the `nianbao` language); `detect` — only when the text looks like a report;
 * `skip` — not at all.
 */
export type CheckMode = 'force' | 'detect' | 'skip';

const REPORT_LANGUAGE = 'nianbao';
const DETECTED_LANGUAGES: ReadonlySet<string> = new Set(['plaintext', 'markdown']);

export function checkModeFor(languageId: string, settings: Pick<NianbaoSettings, 'enable' | 'detectInPlainTextAndMarkdown'>): CheckMode {
  if (!settings.enable) return 'skip';
  if (languageId === REPORT_LANGUAGE) return 'force';
  if (DETECTED_LANGUAGES.has(languageId) && settings.detectInPlainTextAndMarkdown) return 'detect';
  return 'skip';
}

/** VS Code's display language: passed by the client as `initializationOptions.displayLanguage`, else LSP's `locale`. */
export function displayLanguageOf(initializationOptions: unknown, locale: string | undefined): string | undefined {
  const passed = isRecord(initializationOptions) ? initializationOptions.displayLanguage : undefined;
  return typeof passed === 'string' ? passed : locale;
}

/** Asks the client for the `nianbao` section scoped to a document. */
export type ConfigurationFetcher = (scopeUri: string) => Promise<unknown>;

/** The `.nianbaorc.json` configuration that applies to a document, if any. */
export type RcConfigFor = (uri: string) => PartialConfig | undefined;

export interface SettingsProviderOptions {
  /** `.nianbaorc.json` of a document: its keys win over the VS Code settings (severities merge per code). */
  rc?: RcConfigFor;
  /** VS Code's display language (`vscode.env.language`), for `nianbao.locale: auto`. */
  displayLanguage?: string;
}

/**
 * Settings per document. With the pull model (client supports `workspace/configuration`) each
 * document's settings are requested once and kept until the configuration changes; without it the
 * settings pushed by `workspace/didChangeConfiguration` apply to every document. Either way the
 * document's `.nianbaorc.json` is layered on top.
 */
export class SettingsProvider {
  private readonly perDocument = new Map<string, Promise<NianbaoSettings>>();
  /** The VS Code settings per workspace folder, for files that are not open. */
  private readonly perFolder = new Map<string, Promise<PartialConfig>>();
  /** The last settings resolved per document, for decisions that cannot wait (the debounce delay). */
  private readonly resolved = new Map<string, NianbaoSettings>();
  private global: PartialConfig = {};
  /** Setting problems already logged since the last configuration change (logged once, not per document). */
  private readonly logged = new Set<string>();

  constructor(
    private readonly fetch: ConfigurationFetcher | undefined,
    private readonly logError: (message: string) => void,
    private readonly options: SettingsProviderOptions = {},
  ) {}

  get(uri: string): Promise<NianbaoSettings> {
    let settings = this.perDocument.get(uri);
    if (!settings) {
      settings = this.vscodeSettings(uri).then((config) => {
        const merged = mergeConfig(config, this.rcFor(uri));
        this.resolved.set(uri, merged);
        return merged;
      });
      this.perDocument.set(uri, settings);
    }
    return settings;
  }

  /**
   * The settings of a file that is not open (the workspace scan): the VS Code settings of its workspace
   * folder, asked once per folder (not once per file), with the file's own `.nianbaorc.json` on top.
   */
  async forFileInFolder(folderUri: string, fileUri: string): Promise<NianbaoSettings> {
    let folder = this.perFolder.get(folderUri);
    if (!folder) {
      folder = this.vscodeSettings(folderUri);
      this.perFolder.set(folderUri, folder);
    }
    return mergeConfig(await folder, this.rcFor(fileUri));
  }

  private vscodeSettings(scopeUri: string): Promise<PartialConfig> {
    if (!this.fetch) return Promise.resolve(this.global);
    return this.fetch(scopeUri).then(
      (value) => this.validate(value),
      (error: unknown) => {
        this.logError(`nianbao: could not read the settings for ${scopeUri}, using the defaults: ${String(error)}`);
        return {};
      },
    );
  }

  /** Milliseconds to wait after a keystroke in this document (its last known settings, else the default). */
  debounceMs(uri: string): number {
    return (this.resolved.get(uri) ?? DEFAULT_SETTINGS).debounceMs;
  }

  /** Largest document (UTF-8 bytes) analysed in this document's place (its last known settings, else the default). */
  maxDocumentSize(uri: string): number {
    return (this.resolved.get(uri) ?? DEFAULT_SETTINGS).maxDocumentSize;
  }

  /** The engine options (severities, table format, message language) these settings stand for. */
  checkOptions(settings: NianbaoSettings): Pick<CheckOptions, 'severities' | 'format' | 'locale'> {
    return checkOptionsOf(settings, this.options.displayLanguage);
  }

  /** After `workspace/didChangeConfiguration`; `pushed` is its `settings` payload (used without the pull model). */
  configurationChanged(pushed: unknown): void {
    this.perDocument.clear();
    this.perFolder.clear();
    this.logged.clear();
    this.global = this.fetch ? {} : this.validate(isRecord(pushed) ? pushed.nianbao : undefined);
  }

  /** A `.nianbaorc.json` changed: every document's settings are computed again. */
  rcChanged(): void {
    this.perDocument.clear();
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
    this.resolved.delete(uri);
  }

  private validate(value: unknown): PartialConfig {
    const { config, issues } = validateConfig(isRecord(value) ? value : {}, 'settings');
    for (const issue of issues) {
      const line = `nianbao: 设置 nianbao.${issue.path.map(String).join('.')} 无效，已使用默认值：${issue.message}`;
      if (this.logged.has(line)) continue;
      this.logged.add(line);
      this.logError(line);
    }
    return config;
  }

  private rcFor(uri: string): PartialConfig | undefined {
    try {
      return this.options.rc?.(uri);
    } catch (error) {
      this.logError(`nianbao: reading .nianbaorc.json for ${uri} failed: ${String(error)}`);
      return undefined;
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
