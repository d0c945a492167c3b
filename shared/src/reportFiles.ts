// Which files and folders hold reports, for every walk over the file system: the CLI's over its arguments
// and the language server's over the workspace folders. No parser and no encoding table is imported here,
// so that the server's bundle does not carry the CLI's.

/** Text files a report may be written in. */
export const TEXT_REPORT_EXTENSIONS: readonly string[] = ['.txt', '.md'];

const FORCED_REPORT_SUFFIXES = ['.nianbao.md', '.nianbao.txt'];

/** Files named `*.nianbao.md` / `*.nianbao.txt` are reports by name: check them even if they do not look like one. */
export function isReportByName(path: string): boolean {
  return hasExtension(path, FORCED_REPORT_SUFFIXES);
}

/** Does `name` end in one of `extensions` (any letter case)? */
export function hasExtension(name: string, extensions: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return extensions.some((ext) => lower.endsWith(ext));
}

/** A folder a walk does not enter: hidden ones (.git, .vscode) and installed packages. */
export function isSkippedDirectory(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}
