// The carry-over check across the files of one `nianbao check` run: last year's report of an agency is
// looked for among the files given. Built on first need (a report that has an agency and a year, with
// carry-over not switched off): each file's title, closing lines and statistics period are read once to
// know its agency and year; a candidate is read in full only when a later year asks for it, and only its
// 四、结转下年度继续办理 row is kept.

import { lastYearFacts, normalizeAgency, type LastYearLookup, type LastYearReport } from '../carryOver';
import { peekIdentity, readReport } from '../reader';
import { splitLines } from '../text';
import { documentKindOf, readDocumentFile } from './documents';
import { readReportFile, STDIN_PATH } from './files';

/**
 * Files read in full whose facts are kept for the next lookup (several reports of this year may ask for the
 * same last year's report); beyond it the cache starts again, so that 100,000 files take no more memory.
 */
const MAX_CACHED_FACTS = 4096;

function keyOf(agency: string, year: number): string {
  return `${year} ${agency}`;
}

export class LastYearIndex {
  /** agency + year → the files that seem to be that report (by their first and last lines). */
  private candidates: Map<string, string[]> | undefined;
  /** Files read in full for a lookup: their facts, or null when they have none (at most MAX_CACHED_FACTS). */
  private readonly facts = new Map<string, LastYearReport | null>();

  constructor(
    private readonly files: readonly string[],
    private readonly maxSize: number,
  ) {}

  readonly lookup: LastYearLookup = (agency, year) => {
    this.candidates ??= this.index();
    for (const path of this.candidates.get(keyOf(agency, year)) ?? []) {
      let facts = this.facts.get(path);
      if (facts === undefined) {
        const text = this.textOf(path);
        facts = text === undefined ? null : (lastYearFacts(readReport(text), path, path) ?? null);
        if (this.facts.size >= MAX_CACHED_FACTS) this.facts.clear();
        this.facts.set(path, facts);
      }
      if (facts && facts.identity.agency === agency && facts.identity.year === year) return facts;
    }
    return undefined;
  };

  private index(): Map<string, string[]> {
    const candidates = new Map<string, string[]>();
    for (const path of this.files) {
      if (path === STDIN_PATH) continue; // read once, by the check itself
      const text = this.textOf(path);
      if (text === undefined) continue;
      const { agency, year } = peekIdentity(splitLines(text).lines);
      if (agency === undefined || year === undefined) continue;
      const key = keyOf(normalizeAgency(agency), year);
      const list = candidates.get(key);
      if (list) list.push(path);
      else candidates.set(key, [path]);
    }
    return candidates;
  }

  private textOf(path: string): string | undefined {
    const read = documentKindOf(path) ? readDocumentFile(path, this.maxSize) : readReportFile(path, this.maxSize);
    return read.ok ? read.text : undefined;
  }
}
