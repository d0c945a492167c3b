// Outline (document symbols), folding, hover and completion for report documents. Each answers from
// the same cached analysis as the diagnostics (one parse per document version) and only for documents
// that are checked: the `nianbao` language always, plain text and Markdown when they look like a report.

import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type Connection,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type ServerCapabilities,
  type SymbolInformation,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completionsAt, type CompletionKind } from '../../shared/src/completion';
import { hoverAt } from '../../shared/src/hover';
import type { Locale } from '../../shared/src/messages';
import type { ReportModel } from '../../shared/src/model';
import { foldingRanges, outline, type OutlineKind, type OutlineSymbol } from '../../shared/src/outline';
import type { AnalysisCache } from './analysis';
import { cancellable } from './cancellation';
import { checkModeFor, type SettingsProvider } from './settings';

export const EDITOR_CAPABILITIES = {
  documentSymbolProvider: { label: '政府信息公开年报' },
  foldingRangeProvider: true,
  hoverProvider: true,
  completionProvider: { triggerCharacters: ['|'], resolveProvider: false },
} satisfies Partial<ServerCapabilities>;

export interface EditorFeatureContext {
  documents: TextDocuments<TextDocument>;
  analysis: AnalysisCache;
  /** The current settings provider (replaced once the client's capabilities are known). */
  settings: () => SettingsProvider;
  /** The client shows nested symbols (textDocument.documentSymbol.hierarchicalDocumentSymbolSupport). */
  hierarchicalSymbols: () => boolean;
  logError: (message: string, error: unknown) => void;
}

const SYMBOL_KINDS: Record<OutlineKind, SymbolKind> = {
  title: SymbolKind.File,
  section: SymbolKind.Module,
  table: SymbolKind.Struct,
  group: SymbolKind.Namespace,
  row: SymbolKind.Field,
  closing: SymbolKind.Constant,
};

const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  row: CompletionItemKind.Field,
  group: CompletionItemKind.Folder,
  column: CompletionItemKind.Property,
  heading: CompletionItemKind.Module,
};

export function registerEditorFeatures(connection: Connection, context: EditorFeatureContext): void {
  connection.onDocumentSymbol(
    cancellable(
      (params) =>
        answer(context, params.textDocument.uri, 'documentSymbol', ({ model, locale }) => {
          const symbols = outline(model, locale);
          return context.hierarchicalSymbols() ? symbols.map(toDocumentSymbol) : flatten(symbols, params.textDocument.uri);
        }),
      context.documents,
    ),
  );
  connection.onFoldingRanges(
    cancellable(
      (params) =>
        answer(context, params.textDocument.uri, 'foldingRange', ({ model }) =>
          foldingRanges(model).map((f): FoldingRange => ({ startLine: f.startLine, endLine: f.endLine })),
        ),
      context.documents,
    ),
  );
  connection.onHover(
    cancellable(
      (params) =>
        answer(context, params.textDocument.uri, 'hover', ({ model, locale }): Hover | null => {
          const hover = hoverAt(model, params.position, locale);
          return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: hover.range } : null;
        }),
      context.documents,
    ),
  );
  connection.onCompletion(
    cancellable(
      (params) =>
        answer(context, params.textDocument.uri, 'completion', ({ model, locale }) =>
          completionsAt(model, params.position, locale, params.context?.triggerCharacter).map((e): CompletionItem => ({
            label: e.label,
            kind: COMPLETION_KINDS[e.kind],
            detail: e.detail,
            documentation: e.documentation ? { kind: MarkupKind.Markdown, value: e.documentation } : undefined,
            textEdit: { range: e.range, newText: e.insertText },
            insertTextFormat: e.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
            filterText: e.filterText,
            sortText: e.sortText,
            preselect: e.preselect,
          })),
        ),
      context.documents,
    ),
  );
}

interface Report {
  model: ReportModel;
  locale: Locale;
}

/** Runs a feature on the document's report, or answers null when the document is not a checked report. */
async function answer<T>(context: EditorFeatureContext, uri: string, feature: string, run: (report: Report) => T): Promise<T | null> {
  try {
    const report = await reportOf(context, uri);
    return report ? run(report) : null;
  } catch (error) {
    context.logError(`nianbao: ${feature} failed on ${uri}`, error);
    return null;
  }
}

async function reportOf(context: EditorFeatureContext, uri: string): Promise<Report | undefined> {
  const provider = context.settings();
  const settings = await provider.get(uri);
  // Read after the settings arrived: the document may have changed or closed meanwhile.
  const document = context.documents.get(uri);
  if (!document) return undefined;
  const mode = checkModeFor(document.languageId, settings);
  if (mode === 'skip') return undefined;
  const options = provider.checkOptions(settings);
  const { model } = context.analysis.get(document, mode === 'force', options);
  if (mode === 'detect' && !model.isReport) return undefined;
  return { model, locale: options.locale ?? 'zh-cn' };
}

function toDocumentSymbol(symbol: OutlineSymbol): DocumentSymbol {
  return {
    name: symbol.name || ' ',
    detail: symbol.detail,
    kind: SYMBOL_KINDS[symbol.kind],
    range: symbol.range,
    selectionRange: symbol.selectionRange,
    children: symbol.children.map(toDocumentSymbol),
  };
}

function flatten(symbols: OutlineSymbol[], uri: string, container?: string): SymbolInformation[] {
  return symbols.flatMap((s) => [
    { name: s.name || ' ', kind: SYMBOL_KINDS[s.kind], location: { uri, range: s.range }, containerName: container },
    ...flatten(s.children, uri, s.name),
  ]);
}
