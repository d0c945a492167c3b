// carry-over (issue 13 item 4): this year's 二、上年结转 against last year's 四、结转下年度继续办理 of the same
// agency — through the engine with a lookup (every encoding, near-misses), the CLI over a folder holding two
// years of one agency (text, JSON and SARIF), and the language server with two open documents.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { lastYearFacts, type LastYearLookup } from '../shared/src/carryOver';
import { decodeReportBytes } from '../shared/src/cli/files';
import { LastYearIndex } from '../shared/src/cli/lastYear';
import { checkText } from '../shared/src/engine';
import type { Finding } from '../shared/src/model';
import { readReport } from '../shared/src/reader';
import { describeFindings } from './support/findings';
import { LspSession } from './support/lspSession';
import {
  cellKey,
  cloneData,
  consistentData,
  ENCODINGS,
  renderReport,
  TABLE3_TOTAL_COLUMN,
  type Encoding,
  type ReportData,
} from './support/reportFixture';
import { firstOf, nth, rowOf } from './support/defined';

const CLI = 'dist/cli.js';
const NATURAL = 0;

/** The report of the year after `last`, same agency, whose 二、上年结转 is last year's 四 (and which balances). */
function followingYear(last: ReportData): ReportData {
  for (let seed = 100; ; seed++) {
    const next = consistentData(seed);
    next.agency = last.agency;
    next.year = last.year + 1;
    const t3 = next.table3;
    const carriedIn = [...rowOf(last.table3, 't3.carriedOut')];
    const fresh = rowOf(t3, 't3.resultsTotal').map((results, c) => results + nth(rowOf(t3, 't3.carriedOut'), c) - nth(carriedIn, c));
    if (fresh.some((n) => n < 0)) continue;
    t3['t3.carriedIn'] = carriedIn;
    t3['t3.new'] = fresh;
    return next;
  }
}

/** Last year's report with its 四 (自然人 and 总计) raised by `delta`, still balanced (一 raised with it). */
function withCarriedOutRaised(data: ReportData, delta: number): ReportData {
  const changed = cloneData(data);
  for (const column of [NATURAL, TABLE3_TOTAL_COLUMN]) {
    for (const id of ['t3.carriedOut', 't3.new']) {
      const numbers = rowOf(changed.table3, id);
      numbers[column] = nth(numbers, column) + delta;
    }
  }
  return changed;
}

function lastYearData(): ReportData {
  for (let seed = 1; ; seed++) {
    const d = consistentData(seed);
    if (d.year <= 2023 && nth(rowOf(d.table3, 't3.carriedOut'), NATURAL) > 0) return d;
  }
}

const LAST = lastYearData();
const THIS = followingYear(LAST);
const LAST_WRONG = withCarriedOutRaised(LAST, 2);

function lookupOf(text: string, uri: string, name = uri): LastYearLookup {
  const facts = lastYearFacts(readReport(text), uri, name);
  assert.ok(facts, 'last year’s report has its facts');
  return (agency, year) => (agency === facts.identity.agency && year === facts.identity.year ? facts : undefined);
}

function carryOvers(text: string, lookup: LastYearLookup | undefined): Finding[] {
  const errors: string[] = [];
  const { findings } = checkText(text, { lastYear: lookup, onRuleError: (code, e) => errors.push(`${code}: ${String(e)}`) });
  assert.deepEqual(errors, []);
  return findings.filter((f) => f.code === 'carry-over');
}

describe('carry-over through the engine', () => {
  for (const encoding of ENCODINGS) {
    test(`${encoding}: a 二 that differs from last year's 四 is found at this year's cell, with last year's cell related`, () => {
      const last = renderReport(LAST_WRONG, encoding);
      const current = renderReport(THIS, encoding);
      const found = carryOvers(current.text, lookupOf(last.text, 'file:///reports/2023.md', '2023.md'));
      assert.deepEqual(
        found.map((f) => f.range),
        [NATURAL, TABLE3_TOTAL_COLUMN].map((c) => current.cells.get(cellKey('t3.carriedIn', c))),
        describeFindings(found, current.text),
      );
      const [natural] = found;
      assert.ok(natural);
      assert.equal(natural.severity, 'warning');
      const expected = rowOf(LAST_WRONG.table3, 't3.carriedOut')[NATURAL];
      const actual = rowOf(THIS.table3, 't3.carriedIn')[NATURAL];
      const lastCell = last.cells.get(cellKey('t3.carriedOut', NATURAL));
      assert.ok(lastCell);
      assert.equal(
        natural.message,
        `「二、上年结转」自然人为 ${actual}，而${LAST.year}年度年报（2023.md 第 ${lastCell.start.line + 1} 行）「四、结转下年度继续办理」自然人为 ${expected}`,
      );
      assert.deepEqual(natural.related, [
        { uri: 'file:///reports/2023.md', range: lastCell, message: `${LAST.year}年度年报「四、结转下年度继续办理」自然人：${expected}` },
      ]);
      assert.equal(natural.fix, undefined, 'either side may be the wrong one: no fix');
    });

    test(`${encoding}: silent when the carry-over matches`, () => {
      const last = renderReport(LAST, encoding);
      assert.deepEqual(carryOvers(renderReport(THIS, encoding).text, lookupOf(last.text, 'a')), []);
    });
  }

  test('near-misses: another agency, a year that does not follow, no lookup, a lookup that knows nothing', () => {
    const current = renderReport(THIS, 'markdown').text;
    const otherAgency = { ...cloneData(LAST_WRONG), agency: '北山县统计局' };
    assert.deepEqual(carryOvers(current, lookupOf(renderReport(otherAgency, 'markdown').text, 'a')), []);
    const twoYearsBefore = { ...cloneData(LAST_WRONG), year: LAST.year - 1 };
    assert.deepEqual(carryOvers(current, lookupOf(renderReport(twoYearsBefore, 'markdown').text, 'a')), []);
    assert.deepEqual(carryOvers(current, undefined), []);
    assert.deepEqual(
      carryOvers(current, () => undefined),
      [],
    );
  });

  test('the lookup is asked for the same agency and the year before', () => {
    const asked: [string, number][] = [];
    carryOvers(renderReport(THIS, 'markdown').text, (agency, year) => {
      asked.push([agency, year]);
      return undefined;
    });
    assert.deepEqual(asked, [[THIS.agency, THIS.year - 1]]);
  });

  test('a 二 cell that is not a number is left to cell-not-number / cell-missing, never compared', () => {
    const current = renderReport(THIS, 'markdown');
    const cell = current.cells.get(cellKey('t3.carriedIn', NATURAL));
    assert.ok(cell);
    const lines = current.text.split('\n');
    const line = nth(lines, cell.start.line, 'line');
    lines[cell.start.line] = `${line.slice(0, cell.start.character)}约${line.slice(cell.start.character)}`;
    const found = carryOvers(lines.join('\n'), lookupOf(renderReport(LAST_WRONG, 'markdown').text, 'a'));
    const total = current.cells.get(cellKey('t3.carriedIn', TABLE3_TOTAL_COLUMN));
    assert.ok(total);
    // On the same line, the total is one character further right (the 约 written before the first cell).
    const shift = total.start.line === cell.start.line ? 1 : 0;
    assert.deepEqual(
      found.map((f) => f.range),
      [
        {
          start: { line: total.start.line, character: total.start.character + shift },
          end: { line: total.end.line, character: total.end.character + shift },
        },
      ],
    );
  });
});

describe('carry-over in `nianbao check` over a folder', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-carry-'));
    writeFileSync(join(dir, `${LAST.year}.md`), renderReport(LAST_WRONG, 'markdown').text);
    writeFileSync(join(dir, `${THIS.year}.txt`), renderReport(THIS, 'spaces').text);
    // Another agency's report of the same year: never taken for last year's.
    writeFileSync(join(dir, `other-${LAST.year}.md`), renderReport({ ...cloneData(LAST_WRONG), agency: '北山县统计局' }, 'markdown').text);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function run(...args: string[]) {
    return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  }

  test('JSON: this year’s file has the two carry-over warnings naming last year’s file and line', () => {
    const result = run('check', '--format', 'json', dir);
    assert.equal(result.stderr, '');
    const reports = JSON.parse(result.stdout) as { file: string; diagnostics: { code: string; message: string }[] }[];
    const lastFile = join(dir, `${LAST.year}.md`);
    const lastLine = renderReport(LAST_WRONG, 'markdown').cells.get(cellKey('t3.carriedOut', NATURAL))!.start.line + 1;
    const byFile = new Map(reports.map((r) => [r.file, r.diagnostics.filter((d) => d.code === 'carry-over').map((d) => d.message)]));
    assert.deepEqual(byFile.get(lastFile), []);
    assert.deepEqual(byFile.get(join(dir, `other-${LAST.year}.md`)), []);
    const messages = byFile.get(join(dir, `${THIS.year}.txt`));
    assert.equal(messages?.length, 2, JSON.stringify(reports));
    assert.match(firstOf(messages), new RegExp(`（${lastFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} 第 ${lastLine} 行）`));
  });

  test('SARIF: the related location is in last year’s file', () => {
    const result = run('check', '--format', 'sarif', dir);
    const log = JSON.parse(result.stdout) as {
      runs: {
        results: {
          ruleId: string;
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
          relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[];
      }[];
    };
    const found = firstOf(log.runs).results.filter((r) => r.ruleId === 'carry-over');
    assert.equal(found.length, 2);
    assert.match(firstOf(firstOf(found).locations).physicalLocation.artifactLocation.uri, new RegExp(`${THIS.year}\\.txt$`));
    assert.match(firstOf(found).relatedLocations?.[0]?.physicalLocation.artifactLocation.uri ?? '', new RegExp(`/${LAST.year}\\.md$`));
  });

  test('one file alone: nothing to compare with, no carry-over', () => {
    const result = run('check', '--format', 'json', join(dir, `${THIS.year}.txt`));
    assert.ok(!result.stdout.includes('carry-over'), result.stdout);
  });

  test('carry-over off in .nianbaorc.json: not reported', () => {
    const rc = join(dir, '.nianbaorc.json');
    writeFileSync(rc, JSON.stringify({ severity: { 'carry-over': 'off' } }));
    try {
      const result = run('check', '--format', 'json', dir);
      assert.ok(!result.stdout.includes('carry-over'), result.stdout);
    } finally {
      rmSync(rc);
    }
  });
});

describe('carry-over in `nianbao check` across folders, last year’s report before or after this year’s', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-carry-order-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** The carry-over messages of each file of a `check --format json` run over `root`. */
  function carryOverMessages(root: string): Map<string, string[]> {
    const result = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', root], { encoding: 'utf8' });
    assert.equal(result.stderr, '');
    const reports = JSON.parse(result.stdout) as { file: string; diagnostics: { code: string; message: string }[] }[];
    return new Map(reports.map((r) => [r.file, r.diagnostics.filter((d) => d.code === 'carry-over').map((d) => d.message)]));
  }

  const lastText = renderReport(LAST_WRONG, 'markdown').text;
  const lastLine = renderReport(LAST_WRONG, 'markdown').cells.get(cellKey('t3.carriedOut', NATURAL))!.start.line + 1;
  const names = (path: string): RegExp => new RegExp(`（${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} 第 ${lastLine} 行）`);

  for (const [order, thisFolder, lastFolder] of [
    ['this year’s folder first', 'a', 'b'],
    ['last year’s folder first', 'b', 'a'],
  ] as const) {
    test(`${order}: this year’s file names last year’s file and line`, () => {
      const root = mkdtempSync(join(dir, 'run-'));
      mkdirSync(join(root, thisFolder));
      mkdirSync(join(root, lastFolder));
      const thisFile = join(root, thisFolder, `${THIS.year}.txt`);
      const lastFile = join(root, lastFolder, `${LAST.year}.md`);
      writeFileSync(thisFile, renderReport(THIS, 'spaces').text);
      writeFileSync(lastFile, lastText);
      const messages = carryOverMessages(root);
      assert.deepEqual(messages.get(lastFile), []);
      assert.equal(messages.get(thisFile)?.length, 2, JSON.stringify([...messages]));
      assert.match(firstOf(messages.get(thisFile) ?? []), names(lastFile));
    });
  }

  test('the first file that looks like last year’s report has no 四 row: the next one is taken', () => {
    const root = mkdtempSync(join(dir, 'run-'));
    const lines = lastText.split('\n');
    const withoutRow = lines.filter((line) => !line.includes('四、结转下年度继续办理')).join('\n');
    assert.notEqual(withoutRow, lastText);
    writeFileSync(join(root, `1-${LAST.year}-draft.md`), withoutRow);
    const lastFile = join(root, `2-${LAST.year}.md`);
    writeFileSync(lastFile, lastText);
    writeFileSync(join(root, `3-${THIS.year}.txt`), renderReport(THIS, 'spaces').text);
    const messages = carryOverMessages(root).get(join(root, `3-${THIS.year}.txt`));
    assert.equal(messages?.length, 2, JSON.stringify(messages));
    assert.match(firstOf(messages ?? []), names(lastFile));
  });
});

describe('carry-over index of the CLI (LastYearIndex)', () => {
  test('first look-alikes without 四 for two agencies: the next ones are found with one more walk, not one per agency', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-carry-index-'));
    try {
      const files: string[] = [];
      const wanted: { agency: string; year: number; file: string }[] = [];
      for (const agency of ['南山县统计局', '北山县统计局']) {
        const text = renderReport({ ...cloneData(LAST_WRONG), agency }, 'markdown').text;
        const draft = text
          .split('\n')
          .filter((line) => !line.includes('四、结转下年度继续办理'))
          .join('\n');
        const [first, second] = [join(dir, `${agency}-1.md`), join(dir, `${agency}-2.md`)];
        writeFileSync(first, draft);
        writeFileSync(second, text);
        files.push(first, second);
        const identity = lastYearFacts(readReport(text), second, second)?.identity;
        assert.ok(identity);
        wanted.push({ ...identity, file: second });
      }
      let walks = 0;
      const index = new LastYearIndex(() => {
        walks++;
        return files;
      }, 1 << 20);
      for (const { agency, year, file } of [...wanted, ...wanted]) assert.equal(index.lookup(agency, year)?.uri, file);
      assert.equal(walks, 2, 'the index, then the look-alikes once');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('carry-over index: a file that cannot be read as text', () => {
  test('refused by decodeBytes (UTF-16 with a lone surrogate) but with the same title: passed over, last year’s report after it is found', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-carry-refused-'));
    try {
      const text = renderReport(cloneData(LAST_WRONG), 'markdown').text;
      const identity = lastYearFacts(readReport(text), 'x', 'x')?.identity;
      assert.ok(identity);
      // A UTF-16 LE file whose last line holds half a surrogate pair: the CLI refuses to read it.
      const broken = join(dir, '1-broken.txt');
      writeFileSync(broken, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${text}\n`, 'utf16le'), Buffer.from([0x00, 0xd8])]));
      assert.equal(decodeReportBytes(readFileSync(broken)).ok, false);
      const good = join(dir, '2-last.md');
      writeFileSync(good, text);
      for (const [files, found] of [
        [[broken, good], good],
        [[good, broken], good],
        [[broken], undefined],
      ] as const) {
        const index = new LastYearIndex(() => files, 1 << 20);
        assert.equal(index.lookup(identity.agency, identity.year)?.uri, found, files.join(', '));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('carry-over in the language server', () => {
  const encodings: Encoding[] = ['markdown', 'spaces'];
  test('two open documents: this year’s gets the warning with last year’s document related; fixing last year’s clears it', async () => {
    const session = await new LspSession().start();
    try {
      const lastUri = 'file:///reports/last.md';
      const thisUri = 'file:///reports/this.txt';
      const last = renderReport(LAST_WRONG, firstOf(encodings));
      await session.open(lastUri, 'markdown', last.text);
      const published = await session.open(thisUri, 'plaintext', renderReport(THIS, nth(encodings, 1)).text);
      let carry = published.diagnostics.filter((d) => d.code === 'carry-over');
      if (carry.length === 0) {
        // The first check may run before last year's document is known: the next publish has it.
        const next = await session.published.next(thisUri, session.published.mark());
        carry = next.diagnostics.filter((d) => d.code === 'carry-over');
      }
      assert.equal(carry.length, 2, JSON.stringify(published.diagnostics));
      assert.deepEqual(firstOf(carry).relatedInformation?.[0]?.location, {
        uri: lastUri,
        range: last.cells.get(cellKey('t3.carriedOut', NATURAL)),
      });
      // Last year's document corrected: this year's is checked again and the warning goes.
      const mark = session.published.mark();
      await session.change(lastUri, [{ text: renderReport(LAST, firstOf(encodings)).text }]);
      const again = await session.published.next(thisUri, mark);
      assert.deepEqual(
        again.diagnostics.filter((d) => d.code === 'carry-over'),
        [],
      );
    } finally {
      await session.stop();
    }
  });

  test('last year’s report only on disk in the workspace folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-carry-ws-'));
    try {
      writeFileSync(join(dir, `${LAST.year}.md`), renderReport(LAST_WRONG, 'markdown').text);
      const folder = pathToFileURL(dir).href;
      const session = await new LspSession({ workspaceFolders: [{ uri: folder, name: 'reports' }] }).start();
      try {
        const published = await session.open(`${folder}/${THIS.year}.md`, 'markdown', renderReport(THIS, 'markdown').text);
        const carry = published.diagnostics.filter((d) => d.code === 'carry-over');
        assert.equal(carry.length, 2, JSON.stringify(published.diagnostics));
        assert.equal(firstOf(carry).relatedInformation?.[0]?.location.uri, pathToFileURL(join(dir, `${LAST.year}.md`)).href);
        assert.match(String(firstOf(carry).message), new RegExp(`（${LAST.year}\\.md 第 \\d+ 行）`));
      } finally {
        await session.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
