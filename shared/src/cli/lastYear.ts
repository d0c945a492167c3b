// The carry-over check across the files of one `nianbao check` run: last year's report of an agency is
// looked for among the files given. Built on first need (a report that has an agency and a year, with
// carry-over not switched off): the files are walked once more and each one's title, closing lines and
// statistics period are read to know its agency and year; only the first file of each agency and year is
// remembered (its path), so that the index grows with the reports' agencies and years, not with the files
// (100,000 copies of a few reports take no more memory than a few). A file is read in full when a later
// year asks for it, and only its 四、结转下年度继续办理 row is kept.
//
// The walk before the checks is needed because a folder's order is its names' order: this year's report
// may come before last year's, and its findings are written before the next file is read.

import { lastYearFacts, normalizeAgency, type LastYearLookup, type LastYearReport } from '../carryOver';
import { peekIdentity, readReport } from '../reader';
import { splitLines } from '../text';
import { documentKindOf, readDocumentFile } from './documents';
import { decodeBytesLoosely } from '../inputs/encoding';
import { readInputBytes, readReportFile, STDIN_PATH } from './files';

/**
 * Files read in full whose facts are kept for the next lookup (several reports of this year may ask for the
 * same last year's report); beyond it the cache starts again, so that 100,000 files take no more memory.
 */
const MAX_CACHED_FACTS = 4096;

function keyOf(agency: string, year: number): string {
  return `${year} ${agency}`;
}

/** The first file that seems to be an agency's report of a year, and whether other files seem to be too. */
interface Candidate {
  path: string;
  more: boolean;
}

export class LastYearIndex {
  /** agency + year → the first file that seems to be that report (by its first and last lines). */
  private candidates: Map<string, Candidate> | undefined;
  /** Files read in full for a lookup: their facts, or null when they have none (at most MAX_CACHED_FACTS). */
  private readonly facts = new Map<string, LastYearReport | null>();
  /** The look-alikes after the first of each key that has several, read once a first one is not the report. */
  private others: Map<string, string[]> | undefined;

  /** `walk` gives the files of the run, in the order they are checked, each time it is called. */
  constructor(
    private readonly walk: () => Iterable<string>,
    private readonly maxSize: number,
  ) {}

  readonly lookup: LastYearLookup = (agency, year) => {
    this.candidates ??= this.index();
    const key = keyOf(agency, year);
    const candidate = this.candidates.get(key);
    if (!candidate) return undefined;
    const first = this.factsOf(candidate.path);
    if (first && keyOf(first.identity.agency, first.identity.year) === key) return first;
    if (!candidate.more) return undefined;
    // The first one was not that report after all (no 四 row, or another agency in full): the next ones, in
    // order. Their lists come from one more walk, taken once for every key that has several look-alikes
    // (never one walk per key); the answer is remembered as that key's only candidate, or the key forgotten.
    this.others ??= this.lookAlikes();
    this.candidates.delete(key);
    for (const path of this.others.get(key) ?? []) {
      const facts = this.factsOf(path);
      if (facts && keyOf(facts.identity.agency, facts.identity.year) === key) {
        this.candidates.set(key, { path, more: false });
        return facts;
      }
    }
    return undefined;
  };

  /** For each key with several look-alikes, those after the first, in order. */
  private lookAlikes(): Map<string, string[]> {
    const others = new Map<string, string[]>();
    const firsts = new Set<string>();
    for (const path of this.walk()) {
      if (path === STDIN_PATH) continue;
      const key = this.keyOfFile(path);
      if (key === undefined || !this.candidates?.get(key)?.more) continue;
      if (!firsts.has(key)) {
        firsts.add(key); // the first look-alike, already tried
        continue;
      }
      const list = others.get(key);
      if (list) list.push(path);
      else others.set(key, [path]);
    }
    return others;
  }

  private index(): Map<string, Candidate> {
    const candidates = new Map<string, Candidate>();
    for (const path of this.walk()) {
      if (path === STDIN_PATH) continue; // read once, by the check itself
      const key = this.keyOfFile(path);
      if (key === undefined) continue;
      const known = candidates.get(key);
      if (known) known.more = true;
      else candidates.set(key, { path, more: false });
    }
    return candidates;
  }

  /**
   * agency + year as a file's first and last lines give them, when they do. A text file is decoded without
   * decodeBytes' checks (decodeBytesLoosely): a file that its check refuses may get a key here, and it is
   * then a look-alike whose facts are null, passed over like any look-alike that is not the report, so that
   * every lookup finds the same report as with the checks.
   */
  private keyOfFile(path: string): string | undefined {
    const text = this.peekTextOf(path);
    if (text === undefined) return undefined;
    const { agency, year } = peekIdentity(splitLines(text).lines);
    return agency === undefined || year === undefined ? undefined : keyOf(normalizeAgency(agency), year);
  }

  private factsOf(path: string): LastYearReport | null {
    let facts = this.facts.get(path);
    if (facts === undefined) {
      const text = this.textOf(path);
      facts = text === undefined ? null : (lastYearFacts(readReport(text), path, path) ?? null);
      if (this.facts.size >= MAX_CACHED_FACTS) this.facts.clear();
      this.facts.set(path, facts);
    }
    return facts;
  }

  /** A file's text for keyOfFile: see there. */
  private peekTextOf(path: string): string | undefined {
    if (documentKindOf(path)) return this.textOf(path);
    const bytes = readInputBytes(path, this.maxSize);
    return Buffer.isBuffer(bytes) ? decodeBytesLoosely(bytes) : undefined;
  }

  private textOf(path: string): string | undefined {
    const read = documentKindOf(path) ? readDocumentFile(path, this.maxSize) : readReportFile(path, this.maxSize);
    return read.ok ? read.text : undefined;
  }
}
