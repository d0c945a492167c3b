// carry-over in the editor: last year's report of a document's agency is looked for among the open
// documents (their text as typed), then among the report files of the workspace folders (as on disk).
//
// The rule's lookup is synchronous, so the server prepares it before a check: from the agency and year the
// document's last analysis found (or, the first time, what its title says), it finds last year's report and
// reads its 四、结转下年度继续办理 row. The workspace's files are indexed by agency and year once, on the first
// need, from their first and last lines only; files changed on disk are indexed again when next needed.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileEvent } from 'vscode-languageserver/node';
import { FileChangeType } from 'vscode-languageserver/node';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  identityOf,
  lastYearFacts,
  normalizeAgency,
  type LastYearLookup,
  type LastYearReport,
  type ReportIdentity,
} from '../../shared/src/carryOver';
import type { ReportModel } from '../../shared/src/model';
import { peekIdentity, readReport } from '../../shared/src/reader';
import { splitLines } from '../../shared/src/text';
import { listReportFiles, pathOfUri, readTextFile } from './workspace';

/** At most this many workspace files are indexed (a folder of reports is hundreds; a whole disk is not). */
const MAX_INDEXED_FILES = 5000;

export interface LastYearHost {
  /** The workspace folders' URIs. */
  folders(): readonly string[];
  documents(): readonly TextDocument[];
}

/** What a check of one document is given: the lookup, and a key that changes when its answer does. */
export interface PreparedLastYear {
  lookup?: LastYearLookup;
  key: string;
}

interface Indexed {
  uri: string;
  /** Undefined until read; a changed file is read again. */
  identity?: Partial<ReportIdentity> | null;
  /** Bumped by each change on disk (didChangeWatchedFiles): facts read of an older version are read again. */
  version: number;
}

function identityOfText(text: string): Partial<ReportIdentity> {
  const { agency, year } = peekIdentity(splitLines(text).lines);
  return { agency: agency === undefined ? undefined : normalizeAgency(agency), year };
}

export class LastYearFinder {
  /** Workspace report files by path; built on the first need. */
  private files: Map<string, Indexed> | undefined;
  private building: Promise<Map<string, Indexed>> | undefined;
  /** What each open document's first and last lines say, per version. */
  private readonly openIdentities = new Map<string, { version: number; identity: Partial<ReportIdentity> }>();
  /** Facts read of a candidate, per document version or file stamp. */
  private readonly facts = new Map<string, { stamp: string; facts: LastYearReport | null }>();

  constructor(private readonly host: LastYearHost) {}

  /** The agency and year a check of this document will most likely find: its last model's, else its title's. */
  guess(document: TextDocument, lastModel: ReportModel | undefined): ReportIdentity | undefined {
    const known = lastModel ? identityOf(lastModel) : undefined;
    if (known) return known;
    const { agency, year } = this.openIdentity(document);
    return agency !== undefined && year !== undefined ? { agency, year } : undefined;
  }

  /** Finds last year's report for a document believed to be `identity`'s. */
  async prepare(identity: ReportIdentity | undefined, selfUri: string): Promise<PreparedLastYear> {
    if (!identity) return { key: '' };
    const found = await this.find(identity.agency, identity.year - 1, selfUri);
    if (!found) return { key: 'none' };
    const { report, stamp } = found;
    return {
      lookup: (agency, year) => (agency === report.identity.agency && year === report.identity.year ? report : undefined),
      key: `${report.uri}@${stamp}`,
    };
  }

  /** Files changed on disk (workspace/didChangeWatchedFiles): read again when next needed. */
  filesChanged(changes: readonly FileEvent[]): void {
    if (!this.files) return;
    for (const change of changes) {
      const path = pathOfUri(change.uri);
      if (path === undefined) continue;
      const uri = pathToFileURL(path).href; // as the index writes it, whatever the client's spelling
      const known = this.files.get(path);
      this.facts.delete(uri);
      if (change.type === FileChangeType.Deleted) this.files.delete(path);
      else if (known || this.files.size < MAX_INDEXED_FILES) this.files.set(path, { uri, version: (known?.version ?? 0) + 1 });
    }
  }

  /** Workspace folders changed: the index is built again on the next need. */
  foldersChanged(): void {
    this.files = undefined;
    this.building = undefined;
  }

  private openIdentity(document: TextDocument): Partial<ReportIdentity> {
    const cached = this.openIdentities.get(document.uri);
    if (cached && cached.version === document.version) return cached.identity;
    const identity = identityOfText(document.getText());
    this.openIdentities.set(document.uri, { version: document.version, identity });
    return identity;
  }

  forget(uri: string): void {
    this.openIdentities.delete(uri);
  }

  private async find(agency: string, year: number, selfUri: string): Promise<{ report: LastYearReport; stamp: string } | undefined> {
    const open = new Set<string>();
    for (const document of this.host.documents()) {
      open.add(document.uri);
      const path = pathOfUri(document.uri);
      if (path !== undefined) open.add(pathToFileURL(path).href);
      if (document.uri === selfUri) continue;
      const peeked = this.openIdentity(document);
      if (peeked.agency !== agency || peeked.year !== year) continue;
      const stamp = `v${document.version}`;
      const report = await this.factsOf(document.uri, stamp, () => document.getText());
      if (report && report.identity.agency === agency && report.identity.year === year) return { report, stamp };
    }
    const files = await this.index();
    for (const [path, entry] of files) {
      if (open.has(entry.uri)) continue; // an open document's text is what counts
      // Read once for its identity; its facts are read from that text, or again only after a change on disk.
      let text: string | undefined;
      if (entry.identity === undefined) {
        text = await readTextFile(path).catch(() => undefined);
        entry.identity = text === undefined ? null : identityOfText(text);
      }
      if (!entry.identity || entry.identity.agency !== agency || entry.identity.year !== year) continue;
      const stamp = `d${entry.version}`;
      const report = await this.factsOf(entry.uri, stamp, () => text ?? readTextFile(path).catch(() => undefined));
      if (report && report.identity.agency === agency && report.identity.year === year) return { report, stamp };
    }
    return undefined;
  }

  private async factsOf(uri: string, stamp: string, text: () => string | Promise<string | undefined>): Promise<LastYearReport | null> {
    const cached = this.facts.get(uri);
    if (cached && cached.stamp === stamp) return cached.facts;
    const read = await text();
    if (read === undefined) return null; // unreadable now: not kept, tried again next time
    const path = pathOfUri(uri);
    const facts = lastYearFacts(readReport(read), uri, path === undefined ? uri : basename(path)) ?? null;
    this.facts.set(uri, { stamp, facts });
    return facts;
  }

  private index(): Promise<Map<string, Indexed>> {
    if (this.files) return Promise.resolve(this.files);
    this.building ??= (async () => {
      const files = new Map<string, Indexed>();
      for (const folder of this.host.folders()) {
        const dir = pathOfUri(folder);
        if (dir === undefined) continue;
        for await (const path of listReportFiles(dir)) {
          if (files.size >= MAX_INDEXED_FILES) break;
          files.set(path, { uri: pathToFileURL(path).href, version: 0 });
        }
      }
      this.files = files;
      return files;
    })();
    return this.building;
  }
}
