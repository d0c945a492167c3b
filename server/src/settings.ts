// The `nianbao.*` settings: reading them from the client and deciding how a document is checked.

export interface NianbaoSettings {
  enable: boolean;
  detectInPlainTextAndMarkdown: boolean;
}

export const DEFAULT_SETTINGS: Readonly<NianbaoSettings> = Object.freeze({
  enable: true,
  detectInPlainTextAndMarkdown: true,
});

/** Settings from untrusted JSON (the client's answer); anything missing or mistyped takes its default. */
export function parseSettings(value: unknown): NianbaoSettings {
  const section = isRecord(value) ? value : {};
  return {
    enable: booleanOr(section.enable, DEFAULT_SETTINGS.enable),
    detectInPlainTextAndMarkdown: booleanOr(section.detectInPlainTextAndMarkdown, DEFAULT_SETTINGS.detectInPlainTextAndMarkdown),
  };
}

/**
 * How a document is checked:
 * `force` — always (the `nianbao` language); `detect` — only when the text looks like a report;
 * `skip` — not at all.
 */
export type CheckMode = 'force' | 'detect' | 'skip';

export const REPORT_LANGUAGE = 'nianbao';
const DETECTED_LANGUAGES: ReadonlySet<string> = new Set(['plaintext', 'markdown']);

export function checkModeFor(languageId: string, settings: NianbaoSettings): CheckMode {
  if (!settings.enable) return 'skip';
  if (languageId === REPORT_LANGUAGE) return 'force';
  if (DETECTED_LANGUAGES.has(languageId) && settings.detectInPlainTextAndMarkdown) return 'detect';
  return 'skip';
}

/** Asks the client for the `nianbao` section scoped to a document. */
export type ConfigurationFetcher = (scopeUri: string) => Promise<unknown>;

/**
 * Settings per document. With the pull model (client supports `workspace/configuration`) each
 * document's settings are requested once and kept until the configuration changes; without it the
 * settings pushed by `workspace/didChangeConfiguration` apply to every document.
 */
export class SettingsProvider {
  private readonly perDocument = new Map<string, Promise<NianbaoSettings>>();
  private global: NianbaoSettings = { ...DEFAULT_SETTINGS };

  constructor(
    private readonly fetch: ConfigurationFetcher | undefined,
    private readonly logError: (message: string) => void,
  ) {}

  get(uri: string): Promise<NianbaoSettings> {
    if (!this.fetch) return Promise.resolve(this.global);
    let settings = this.perDocument.get(uri);
    if (!settings) {
      settings = this.fetch(uri).then(parseSettings, (error: unknown) => {
        this.logError(`nianbao: could not read the settings for ${uri}, using the defaults: ${String(error)}`);
        return { ...DEFAULT_SETTINGS };
      });
      this.perDocument.set(uri, settings);
    }
    return settings;
  }

  /** After `workspace/didChangeConfiguration`; `pushed` is its `settings` payload (used without the pull model). */
  configurationChanged(pushed: unknown): void {
    this.perDocument.clear();
    this.global = parseSettings(isRecord(pushed) ? pushed.nianbao : undefined);
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function booleanOr(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}
