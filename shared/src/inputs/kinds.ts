// Which files are read through a converter (shared/src/inputs) rather than as text. Kept apart from the
// converters so that the CLI and the server learn a file's kind without loading the parsers.

export type DocumentKind = 'docx' | 'html';

/** Files read through a converter rather than as text. */
export const DOCUMENT_EXTENSIONS: readonly string[] = ['.docx', '.html', '.htm'];

export function documentKindOf(path: string): DocumentKind | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.docx')) return 'docx';
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
  return undefined;
}

/** The converters, loaded on first use: the HTML parser, the unzipper and the GBK tables are a few hundred KB that a check of text files never needs. */
export function loadConverters(): typeof import('./index') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./index') as typeof import('./index');
}
