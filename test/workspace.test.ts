// The whole workspace over stdio: with `nianbao.checkWorkspace` or the command `nianbao.checkWorkspace`,
// a faulty report that is never opened gets its diagnostics (the same as `nianbao check` gives it); a
// change on disk (workspace/didChangeWatchedFiles) updates them; hidden folders and node_modules are not
// read; closing an open report brings its diagnostics from disk back; a scan of hundreds of files does
// not hold up the diagnostics of a document being typed in.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { LspSession } from './support/lspSession';
import { isReportByName } from '../shared/src/reportFiles';
import { languageOfPath } from '../server/src/workspace';
import { firstOf, nth } from './support/defined';

const ERRORS = readFileSync('examples/errors.nianbao.md', 'utf8');
const CONSISTENT = readFileSync('examples/consistent.nianbao.md', 'utf8');
const FILE_CHANGED = 2;
const FILE_CREATED = 1;
const FILE_DELETED = 3;

let root: string;
let ws: string;
let faulty: string;
let faultyUri: string;
before(() => {
  root = mkdtempSync(join(tmpdir(), 'nianbao-ws-'));
  ws = join(root, 'ws');
  mkdirSync(join(ws, '2024'), { recursive: true });
  mkdirSync(join(ws, 'node_modules', 'pkg'), { recursive: true });
  mkdirSync(join(ws, '.history'), { recursive: true });
  faulty = join(ws, '2024', '某局年报.nianbao.md');
  faultyUri = pathToFileURL(faulty).href;
  writeFileSync(faulty, ERRORS);
  cpSync('examples/consistent.txt', join(ws, '2024', 'consistent.txt'));
  writeFileSync(join(ws, 'README.md'), '# Notes\n\nNothing to see.\n');
  writeFileSync(join(ws, 'node_modules', 'pkg', 'errors.nianbao.md'), ERRORS);
  writeFileSync(join(ws, '.history', 'errors.nianbao.md'), ERRORS);
});
after(() => rmSync(root, { recursive: true, force: true }));

let session: LspSession | undefined;
afterEach(async () => {
  const s = session;
  session = undefined;
  if (s) await s.stop().catch(() => s.kill());
});

function start(checkWorkspace: boolean, folder = ws): Promise<LspSession> {
  session = new LspSession({
    settings: { enable: true, detectInPlainTextAndMarkdown: true, debounceMs: 0, checkWorkspace },
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }],
  });
  return session.start();
}

/** What `nianbao check --format json` says of a file: code, severity, message, range. */
function cliDiagnostics(file: string): { code: string; severity: string; message: string; range: unknown }[] {
  const run = spawnSync(process.execPath, ['dist/cli.js', 'check', '--format', 'json', file], { encoding: 'utf8' });
  return firstOf(JSON.parse(run.stdout) as { diagnostics: { code: string; severity: string; message: string; range: unknown }[] }[])
    .diagnostics;
}

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

function asCli(params: PublishDiagnosticsParams): { code: string; severity: string; message: string; range: unknown }[] {
  return params.diagnostics.map((d) => ({
    code: String(d.code),
    severity: nth(SEVERITY, d.severity ?? 0),
    message: String(d.message),
    range: d.range,
  }));
}

describe('the whole workspace (nianbao.checkWorkspace)', { timeout: 120_000 }, () => {
  it('the command checks a report that is never opened, follows it on disk, and reads no hidden folder or node_modules', async () => {
    const s = await start(false);
    const mark = s.published.mark();
    const summary = await s.request<{ files: number; withFindings: number; errors: number; warnings: number; cancelled: boolean }>(
      'workspace/executeCommand',
      {
        command: 'nianbao.checkWorkspace',
        arguments: [],
      },
    );
    // 某局年报.nianbao.md, consistent.txt, README.md: the hidden folder and node_modules are not read.
    assert.deepEqual(summary, { files: 3, withFindings: 1, errors: 3, warnings: 0, cancelled: false });
    const published = await s.published.next(faultyUri, mark);
    assert.deepEqual(asCli(published), cliDiagnostics(faulty), 'the same findings as nianbao check');
    assert.deepEqual(published.diagnostics.map((d) => d.code).sort(), ['review-total', 'row-total', 'section-missing']);
    const related = published.diagnostics.find((d) => d.code === 'row-total')?.relatedInformation ?? [];
    assert.ok(related.length > 0 && related.every((r) => r.location.uri === faultyUri), 'related cells in the same file');
    const uris = s.published
      .all()
      .slice(mark)
      .map((p) => p.uri);
    assert.deepEqual(
      [...new Set(uris)],
      [faultyUri],
      'only the faulty report is published (nothing for clean files, hidden folders or node_modules)',
    );
    // The summary is sent before the command's answer.
    assert.ok(
      s.shownMessages.some((m) => m.message === '已检查工作区中的 3 个文件：1 个有问题，共 3 个错误、0 个警告。'),
      JSON.stringify(s.shownMessages),
    );

    // Fixed on disk: the diagnostics go.
    writeFileSync(faulty, CONSISTENT);
    let next = s.published.mark();
    await s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: faultyUri, type: FILE_CHANGED }] });
    assert.deepEqual((await s.published.next(faultyUri, next)).diagnostics, []);

    // A new faulty report appears, then is deleted.
    const added = join(ws, '2024', 'new.nianbao.md');
    const addedUri = pathToFileURL(added).href;
    writeFileSync(added, ERRORS);
    next = s.published.mark();
    await s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: addedUri, type: FILE_CREATED }] });
    assert.equal((await s.published.next(addedUri, next)).diagnostics.length, 3);
    unlinkSync(added);
    next = s.published.mark();
    await s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: addedUri, type: FILE_DELETED }] });
    assert.deepEqual((await s.published.next(addedUri, next)).diagnostics, []);

    // Broken again on disk; opened with other (unsaved) text, the document's own check speaks; closed, the disk's again.
    writeFileSync(faulty, ERRORS);
    next = s.published.mark();
    await s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: faultyUri, type: FILE_CHANGED }] });
    assert.equal((await s.published.next(faultyUri, next)).diagnostics.length, 3);
    const opened = await s.open(faultyUri, 'nianbao', CONSISTENT);
    assert.deepEqual(opened.diagnostics, []);
    assert.equal(opened.version, 1, 'from the open document');
    next = s.published.mark();
    s.close(faultyUri);
    const closed = await s.published.next(faultyUri, next);
    assert.deepEqual(asCli(closed), cliDiagnostics(faulty), 'closed: checked from disk again, not cleared');
  });

  it('the setting checks the workspace in the background without any request, and turning it off clears it', async () => {
    writeFileSync(faulty, ERRORS);
    const s = await start(true);
    const published = await s.published.next(faultyUri, 0);
    assert.deepEqual(asCli(published), cliDiagnostics(faulty));
    const mark = s.published.mark();
    s.settings = { ...s.settings, checkWorkspace: false };
    await s.notify('workspace/didChangeConfiguration', { settings: { nianbao: s.settings } });
    assert.deepEqual((await s.published.next(faultyUri, mark)).diagnostics, []);
    // Off: a change on disk is not followed any more.
    const after = s.published.mark();
    await s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: faultyUri, type: FILE_CHANGED }] });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(
      s.published
        .all()
        .slice(after)
        .filter((p) => p.uri === faultyUri).length,
      0,
    );
  });

  it('a scan of 250 reports leaves room for the document being typed in', async () => {
    const many = join(root, 'many');
    mkdirSync(many, { recursive: true });
    for (let i = 0; i < 250; i++) writeFileSync(join(many, `r${String(i).padStart(3, '0')}.nianbao.md`), ERRORS);
    const s = await start(true, many);
    const first = pathToFileURL(join(many, 'r000.nianbao.md')).href;
    await s.published.next(first, 0);
    // The scan has started: a document opened now is answered before the scan ends.
    const typed = pathToFileURL(join(root, 'typing.nianbao.md')).href;
    const own = await s.open(typed, 'nianbao', ERRORS);
    assert.equal(own.diagnostics.length, 3);
    const last = pathToFileURL(join(many, 'r249.nianbao.md')).href;
    await s.published.next(last, 0);
    const all = s.published.all();
    const at = all.findIndex((p) => p.uri === typed);
    const laterScans = all.slice(at + 1).filter((p) => p.uri.includes('/many/')).length;
    const scanned = new Set(
      s.published
        .all()
        .filter((p) => p.uri.includes('/many/'))
        .map((p) => p.uri),
    );
    assert.equal(scanned.size, 250, 'every report of the folder');
    assert.ok(laterScans > 0, `the open document was answered in the middle of the scan (${laterScans} files were published after it)`);
  });
});

describe('languageOfPath', () => {
  it('names the nianbao language exactly for the files the CLI checks by name', () => {
    for (const name of ['a.nianbao.md', 'b.NIANBAO.TXT', 'c/d.nianbao.txt', 'e.md', 'f.txt', 'nianbao.md', 'g.nianbao.md.bak']) {
      assert.equal(languageOfPath(name) === 'nianbao', isReportByName(name), name);
    }
    assert.equal(languageOfPath('x.md'), 'markdown');
    assert.equal(languageOfPath('x.txt'), 'plaintext');
  });
});
