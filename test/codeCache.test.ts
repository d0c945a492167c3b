// The launcher of dist/cli.js and dist/server.js (shared/src/launch): V8's code cache is written once, used
// afterwards, refused when damaged, never taken from a folder that is not the user's alone, and never
// changes what the program prints. Spawned as `node dist/cli.js` (run `npm run build` first), each test
// with a cache folder of its own (NIANBAO_CODE_CACHE_DIR).

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from '../shared/src/launch/codeCache';
import { corpusFile } from './support/corpus';

const CLI = 'dist/cli.js';
const REPORT = corpusFile('003_558acb648baee211.txt');
const OTHER_REPORT = corpusFile('001_379ac197dfb659af.txt');

const scratch = mkdtempSync(join(tmpdir(), 'nianbao-code-cache-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

let folders = 0;
/** A new cache folder's path (not yet made, as on a user's first run). */
function newCacheFolder(): string {
  return join(scratch, `cache-${folders++}`);
}

interface Run {
  status: number | null;
  stdout: string;
  /** What the launcher said (NIANBAO_CODE_CACHE_DEBUG=1), one line per event. */
  cacheEvents: string[];
}

function runCli(env: Record<string, string>, ...args: string[]): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NIANBAO_CODE_CACHE_DEBUG: '1', ...env },
  });
  const cacheEvents = result.stderr
    .split('\n')
    .filter((line) => line.startsWith('nianbao code cache: '))
    .map((line) => line.slice('nianbao code cache: '.length).replace(/ \(.*\)$/, ''));
  return { status: result.status, stdout: result.stdout, cacheEvents };
}

const cacheFiles = (folder: string): string[] => readdirSync(folder).filter((name) => name.endsWith('.bin'));

describe('code cache of the CLI', () => {
  const uncached = runCli({ NIANBAO_CODE_CACHE: 'off' }, 'check', '--format', 'json', REPORT);

  it('is off on request, and the check is the same with it as without', () => {
    assert.deepEqual(uncached.cacheEvents, ['off']);
    assert.equal((JSON.parse(uncached.stdout) as unknown[]).length, 1);
    const folder = newCacheFolder();
    const first = runCli({ NIANBAO_CODE_CACHE_DIR: folder }, 'check', '--format', 'json', REPORT);
    const second = runCli({ NIANBAO_CODE_CACHE_DIR: folder }, 'check', '--format', 'json', REPORT);
    assert.equal(first.stdout, uncached.stdout);
    assert.equal(second.stdout, uncached.stdout);
    assert.equal(second.status, uncached.status);
  });

  it('is written by the first run into a private folder, then used', () => {
    const folder = newCacheFolder();
    const first = runCli({ NIANBAO_CODE_CACHE_DIR: folder }, 'check', REPORT);
    assert.deepEqual(first.cacheEvents, ['absent', 'written']);
    const [file, ...others] = cacheFiles(folder);
    assert.equal(others.length, 0);
    assert.match(file ?? '', /^cli\.bundle-[0-9a-f]{16}-.+\.bin$/);
    assert.equal(readdirSync(folder).length, 1, 'no temporary file left behind');
    const second = runCli({ NIANBAO_CODE_CACHE_DIR: folder }, 'check', OTHER_REPORT);
    assert.deepEqual(second.cacheEvents, ['accepted'], 'used, and not written again');
    const third = runCli({ NIANBAO_CODE_CACHE_DIR: folder }, 'check', REPORT);
    assert.deepEqual(third.cacheEvents, ['accepted']);
    assert.equal(third.stdout, first.stdout);
  });

  it('is refused when damaged, and written again', () => {
    const folder = newCacheFolder();
    runCli({ NIANBAO_CODE_CACHE_DIR: folder }, 'check', REPORT);
    const file = join(folder, cacheFiles(folder)[0] ?? 'missing');
    const damaged = Buffer.alloc(readFileSync(file).length, 0x5a);
    writeFileSync(file, damaged);
    const run = runCli({ NIANBAO_CODE_CACHE_DIR: folder }, 'check', '--format', 'json', REPORT);
    assert.deepEqual(run.cacheEvents, ['rejected', 'written']);
    assert.equal(run.stdout, uncached.stdout);
    assert.notDeepEqual(readFileSync(file), damaged);
    assert.deepEqual(runCli({ NIANBAO_CODE_CACHE_DIR: folder }, 'check', REPORT).cacheEvents, ['accepted']);
  });

  it('is not written by a run over several files (V8 flags changed), which still uses one', () => {
    const folder = newCacheFolder();
    const many = runCli({ NIANBAO_CODE_CACHE_DIR: folder }, 'check', REPORT, OTHER_REPORT);
    assert.deepEqual(many.cacheEvents, ['absent', 'not written: V8 flags changed during the run']);
    assert.deepEqual(cacheFiles(folder), []);
    runCli({ NIANBAO_CODE_CACHE_DIR: folder }, 'check', REPORT);
    assert.deepEqual(runCli({ NIANBAO_CODE_CACHE_DIR: folder }, 'check', REPORT, OTHER_REPORT).cacheEvents, ['accepted']);
  });

  it('is never read from or written to a folder others may write, or a link', () => {
    const open = newCacheFolder();
    mkdirSync(open);
    chmodSync(open, 0o777);
    const run = runCli({ NIANBAO_CODE_CACHE_DIR: open }, 'check', '--format', 'json', REPORT);
    assert.deepEqual(run.cacheEvents, ['unsafe-folder']);
    assert.equal(run.stdout, uncached.stdout);
    assert.deepEqual(readdirSync(open), []);

    const target = newCacheFolder();
    mkdirSync(target, { mode: 0o700 });
    const link = newCacheFolder();
    symlinkSync(target, link);
    assert.deepEqual(runCli({ NIANBAO_CODE_CACHE_DIR: link }, 'check', REPORT).cacheEvents, ['unsafe-folder']);
    assert.deepEqual(readdirSync(target), []);
  });

  it('is made private when the launcher makes the folder', () => {
    const folder = newCacheFolder();
    runCli({ NIANBAO_CODE_CACHE_DIR: folder }, 'check', REPORT);
    const mode = spawnSync('stat', ['-c', '%a', folder], { encoding: 'utf8' }).stdout.trim();
    assert.equal(mode, '700');
  });
});

describe('launch', () => {
  it('runs the bundle as its CommonJS module, with the bundle’s own line numbers in a stack', () => {
    const folder = mkdtempSync(join(scratch, 'bundle-'));
    const bundlePath = join(folder, 'program.js');
    writeFileSync(bundlePath, "'use strict';\nmodule.exports.stack = new Error('here').stack;\nexports.file = __filename;\n");
    const module = { exports: {} } as NodeJS.Module;
    launch({ bundlePath, dirname: folder, name: 'program', hash: '0123456789abcdef', require, module }, { NIANBAO_CODE_CACHE: 'off' });
    const exported = module.exports as { stack: string; file: string };
    assert.equal(exported.file, bundlePath);
    assert.ok(exported.stack.includes(`${bundlePath}:2:`), exported.stack);
  });
});
