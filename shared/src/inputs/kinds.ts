// Which files are read through a converter (shared/src/inputs) rather than as text, and the import
// command's contract. Kept apart from the converters (load.ts) so that the client, the CLI and the server
// learn a file's kind without loading the parsers.

export type DocumentKind = 'docx' | 'html';

/** Files read through a converter rather than as text. */
export const DOCUMENT_EXTENSIONS: readonly string[] = ['.docx', '.html', '.htm'];

export function documentKindOf(path: string): DocumentKind | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.docx')) return 'docx';
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
  return undefined;
}

// ---------------------------------------------------------------------------
// The import command: the client reads the file's bytes and asks the language server to convert them
// (workspace/executeCommand), so that the client holds no report logic.

/** The server's command (workspace/executeCommand): a .docx/.html file's bytes → a Markdown report draft. */
export const CONVERT_DOCUMENT_COMMAND = 'nianbao.convertDocument';

export interface ConvertDocumentArgs {
  /** The file's URI or path (its extension says how to read it; the messages name the file; the settings of its place apply). */
  name: string;
  /** The file's bytes, base64. */
  data: string;
}

export type ConvertDocumentResponse = { ok: true; markdown: string } | { ok: false; message: string };

export function isConvertDocumentArgs(value: unknown): value is ConvertDocumentArgs {
  const v = value as Partial<ConvertDocumentArgs> | null;
  return typeof v === 'object' && v !== null && typeof v.name === 'string' && typeof v.data === 'string';
}
