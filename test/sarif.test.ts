// `nianbao check --format sarif`: the output of every corpus report (each alone and all in one run) is
// valid against the official SARIF 2.1.0 schema (test/fixtures/sarif, draft-04, checked with Ajv), and
// says the same as the JSON output: one result per finding, 1-based regions in UTF-16 code units.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { RULES } from '../shared/src/rules';
import { artifactLocation, sarifRegion } from '../shared/src/cli/sarif';
import { firstOf, nth } from './support/defined';
import { CORPUS_DIR, corpusReports } from './support/corpus';

const CLI = 'dist/cli.js';
const CORPUS = CORPUS_DIR;
const CORPUS_FILES = corpusReports().map((name) => join(CORPUS, name));

const schema = JSON.parse(readFileSync('test/fixtures/sarif/sarif-schema-2.1.0.json', 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface PhysicalLocation {
  artifactLocation: { uri: string; uriBaseId?: string };
  region?: Region;
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: PhysicalLocation }[];
  relatedLocations?: { id: number; physicalLocation: PhysicalLocation; message: { text: string } }[];
}
interface SarifRun {
  tool: {
    driver: {
      name: string;
      version: string;
      rules: {
        id: string;
        shortDescription: { text: string };
        fullDescription: { text: string };
        defaultConfiguration: { level: string };
      }[];
    };
  };
  columnKind: string;
  originalUriBaseIds: Record<string, { uri: string }>;
  results: SarifResult[];
  invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { level: string; message: { text: string } }[] }[];
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: SarifRun[];
}
interface JsonReport {
  file: string;
  diagnostics: {
    code: string;
    severity: string;
    message: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
  }[];
}

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Parses and validates against the schema; a failure lists Ajv's errors. */
function validSarif(text: string): SarifLog {
  const log = JSON.parse(text) as SarifLog;
  const valid = validateSarif(log);
  assert.ok(valid, `not valid SARIF 2.1.0: ${JSON.stringify(validateSarif.errors, null, 2)}`);
  return log;
}

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** The SARIF results of a file say what the JSON diagnostics say, position for position. */
function assertSameAsJson(run: SarifRun, json: JsonReport[]): void {
  const expected = json.flatMap((report) =>
    report.diagnostics.map((d) => ({
      uri: artifactLocation(report.file, process.cwd()).uri,
      ruleId: d.code,
      level: LEVEL[d.severity],
      message: d.message,
      region: {
        startLine: d.range.start.line + 1,
        startColumn: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
      },
    })),
  );
  const actual = run.results.map((r) => ({
    uri: firstOf(r.locations).physicalLocation.artifactLocation.uri,
    ruleId: r.ruleId,
    level: r.level,
    message: r.message.text,
    region: firstOf(r.locations).physicalLocation.region,
  }));
  assert.deepEqual(actual, expected);
  for (const r of run.results) assert.equal(nth(run.tool.driver.rules, r.ruleIndex).id, r.ruleId, 'ruleIndex points at the rule');
}

let tmp: string;
before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'nianbao-sarif-'));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('nianbao check --format sarif', () => {
  it('finds the corpus', () => {
    assert.ok(CORPUS_FILES.length >= 8, `${CORPUS_FILES.length} corpus reports`);
  });

  for (const file of CORPUS_FILES) {
    it(`is valid SARIF 2.1.0 and matches the JSON output: ${file}`, () => {
      const sarif = cli('check', '--format', 'sarif', file);
      const log = validSarif(sarif.stdout);
      assert.equal(sarif.stderr, '');
      const json = cli('check', '--format', 'json', file);
      assert.equal(sarif.status, json.status, 'same exit code as with JSON');
      assert.equal(log.runs.length, 1);
      assertSameAsJson(firstOf(log.runs), JSON.parse(json.stdout) as JsonReport[]);
      assert.deepEqual(firstOf(log.runs).invocations, [{ executionSuccessful: true }]);
    });
  }

  it('checks the whole corpus folder in one valid log, with the rules, versions and bases filled in', () => {
    const sarif = cli('check', '--format', 'sarif', CORPUS);
    const log = validSarif(sarif.stdout);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json');
    const run = firstOf(log.runs);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    assert.equal(run.tool.driver.name, 'nianbao');
    assert.equal(run.tool.driver.version, pkg.version);
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.equal(run.originalUriBaseIds['%SRCROOT%']?.uri, pathToFileURL(process.cwd()).href + '/');
    assert.deepEqual(
      run.tool.driver.rules.map((r) => [r.id, r.shortDescription.text, r.fullDescription.text, r.defaultConfiguration.level]),
      RULES.map((r) => [r.code, r.description.zh, r.description.en, LEVEL[r.severity]]),
    );
    const json = JSON.parse(cli('check', '--format', 'json', CORPUS).stdout) as JsonReport[];
    assertSameAsJson(run, json);
    assert.ok(run.results.length >= 10, `${run.results.length} results`);
    // The corpus lies outside the current directory: absolute file URIs, one per report with findings.
    const uris = new Set(run.results.map((r) => firstOf(r.locations).physicalLocation.artifactLocation.uri));
    const withFindings = json.filter((r) => r.diagnostics.length > 0).map((r) => pathToFileURL(resolve(r.file)).href);
    assert.deepEqual([...uris].sort(), withFindings.sort());
  });

  it('points a wrong total at the cells it sums (corpus 005, table 4 on line 149)', () => {
    const file = join(CORPUS, '005_hongze_2023_pdftotext.txt');
    const run = firstOf(validSarif(cli('check', '--format', 'sarif', file).stdout).runs);
    const reviewTotals = run.results.filter((r) => r.ruleId === 'review-total');
    assert.equal(reviewTotals.length, 2);
    for (const result of reviewTotals) {
      assert.equal(result.level, 'error');
      assert.equal(firstOf(result.locations).physicalLocation.region?.startLine, 149);
      const related = result.relatedLocations ?? [];
      assert.equal(related.length, 4, 'the four results of the group');
      assert.deepEqual(
        related.map((r) => r.id),
        [0, 1, 2, 3],
      );
      for (const r of related) {
        assert.equal(r.physicalLocation.region?.startLine, 149);
        assert.equal(r.physicalLocation.artifactLocation.uri, firstOf(result.locations).physicalLocation.artifactLocation.uri);
      }
    }
    // 行政复议 10 + 1 + 0 + 0 = 11, 总计 0: the related cells hold 10, 1, 0, 0.
    const line149 = nth(readFileSync(file, 'utf8').split(/\r?\n/), 148, 'line');
    const first = firstOf(reviewTotals).relatedLocations!.map((r) =>
      line149.slice(r.physicalLocation.region!.startColumn - 1, r.physicalLocation.region!.endColumn - 1),
    );
    assert.deepEqual(first, ['10', '1', '0', '0']);
  });

  it('counts columns in UTF-16 code units (a character outside the BMP counts two)', () => {
    const report = readFileSync('examples/consistent.nianbao.md', 'utf8').replace(
      '## 一、总体情况\n',
      '## 一、总体情况\n\n𠮷𠮷[bookmark: _GoBack]\n',
    );
    assert.notEqual(report, readFileSync('examples/consistent.nianbao.md', 'utf8'), 'the line was inserted');
    const file = join(tmp, 'astral.nianbao.md');
    writeFileSync(file, report);
    const run = firstOf(validSarif(cli('check', '--format', 'sarif', file).stdout).runs);
    const artifact = run.results.find((r) => r.ruleId === 'conversion-artifact');
    assert.ok(artifact, JSON.stringify(run.results.map((r) => r.ruleId)));
    const region = firstOf(artifact.locations).physicalLocation.region!;
    const line = nth(report.split('\n'), region.startLine - 1, 'line');
    assert.equal(line.slice(region.startColumn - 1, region.endColumn - 1), '[bookmark: _GoBack]');
    assert.equal(region.startColumn, 5, '𠮷𠮷 is four UTF-16 code units (two code points)');
  });

  it('names an unreadable file in a notification, still valid, and exits 2', () => {
    const binary = join(tmp, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x61, 0x00, 0x62]));
    const run = cli('check', '--format', 'sarif', binary, 'examples/errors.nianbao.md');
    assert.equal(run.status, 2);
    const log = validSarif(run.stdout);
    const invocation = firstOf(firstOf(log.runs).invocations);
    assert.equal(invocation.executionSuccessful, false);
    assert.equal(invocation.toolExecutionNotifications?.length, 1);
    assert.match(firstOf(invocation.toolExecutionNotifications!).message.text, /binary\.txt.*NUL/);
    assert.ok(
      firstOf(log.runs).results.some((r) => r.ruleId === 'row-total'),
      'the readable file is still checked',
    );
  });

  it('writes an empty results array when nothing is found', () => {
    const run = cli('check', '--format', 'sarif', 'examples/consistent.nianbao.md');
    assert.equal(run.status, 0);
    assert.deepEqual(firstOf(validSarif(run.stdout).runs).results, []);
  });
});

describe('the schema check itself', () => {
  it('rejects what SARIF 2.1.0 does not allow (an `info` level, a 0 line, a missing driver name)', () => {
    const log = JSON.parse(cli('check', '--format', 'sarif', 'examples/errors.nianbao.md').stdout) as SarifLog;
    assert.ok(validateSarif(log));
    const bad = [
      (l: SarifLog) => (firstOf(firstOf(l.runs).results).level = 'info'),
      (l: SarifLog) => (firstOf(firstOf(firstOf(l.runs).results).locations).physicalLocation.region!.startLine = 0),
      (l: SarifLog) => delete (firstOf(l.runs).tool.driver as { name?: string }).name,
      (l: SarifLog) => ((l.runs[0] as unknown as { columnKind: string }).columnKind = 'utf8Bytes'),
    ];
    for (const [i, mutate] of bad.entries()) {
      const copy = structuredClone(log);
      mutate(copy);
      assert.equal(validateSarif(copy), false, `mutation ${i} is invalid`);
    }
  });
});

describe('sarif helpers', () => {
  it('turns a 0-based range into a 1-based region with an exclusive end column', () => {
    assert.deepEqual(sarifRegion({ start: { line: 0, character: 0 }, end: { line: 2, character: 5 } }), {
      startLine: 1,
      startColumn: 1,
      endLine: 3,
      endColumn: 6,
    });
  });

  it('writes paths inside the directory relative to %SRCROOT%, others as absolute file URIs', () => {
    assert.deepEqual(artifactLocation('报告/2024 年.txt', '/work/x'), {
      uri: '%E6%8A%A5%E5%91%8A/2024%20%E5%B9%B4.txt',
      uriBaseId: '%SRCROOT%',
    });
    assert.deepEqual(artifactLocation('../y/a.txt', '/work/x'), { uri: 'file:///work/y/a.txt' });
    assert.deepEqual(artifactLocation(resolve('/work/x/a.txt'), '/work/x'), { uri: 'a.txt', uriBaseId: '%SRCROOT%' });
  });
});
