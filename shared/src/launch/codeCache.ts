// Runs a bundled program (dist/cli.bundle.js, dist/server.bundle.js) with V8's code cache, so that a new
// process does not compile the program again: dist/cli.js and dist/server.js are this small launcher.
//
// Compiling the 330 KB CLI bundle is about a fifth of a one-report run (`nianbao check report.txt`: ~20 ms of
// ~160 ms on one core), and every function the check calls is compiled again on its first call. With the
// code cache, V8 takes the program's bytecode — its top level and every function compiled during an earlier
// run — from a file instead. The cache is written once, at the end of the first run of a bundle (or after a
// cache V8 refused: another Node version, other V8 flags); later runs only read it.
//
// Trust: the cache is code. It lives in a folder of the user's own (mode 0700, checked at every run, never
// followed through a link), under a name made of the bundle's content hash (fixed at build time: V8 itself
// only checks the source's length) and the V8 version; a cache that V8 refuses or that cannot be read is
// ignored. Writing is atomic (a file of its own, then a rename), so that runs in parallel never read half a
// cache. Anything unexpected (a read-only temporary folder, another user's folder) means running without it.
// NIANBAO_CODE_CACHE=off turns it off; NIANBAO_CODE_CACHE_DIR names another folder (tests);
// NIANBAO_CODE_CACHE_DEBUG=1 says on standard error what happened.

import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** What the launcher passes on to the bundle: the CommonJS module it stands for. */
export interface LaunchedModule {
  /** The bundle's path (dist/cli.bundle.js); the program's `__filename`. */
  bundlePath: string;
  /** The launcher's folder: the bundle's `__dirname` (both are in dist/, so `require('./inputs.js')` resolves alike). */
  dirname: string;
  /** The bundle's name without `.js`, the first part of its cache file's name. */
  name: string;
  /** The bundle's content hash, written into the launcher at build time; empty: no cache (a watch build). */
  hash: string;
  require: NodeJS.Require;
  module: NodeJS.Module;
}

/** How the cache went, for NIANBAO_CODE_CACHE_DEBUG and the tests. */
type CacheOutcome = 'off' | 'unsafe-folder' | 'absent' | 'accepted' | 'rejected';

/** Only the owner may read, write or enter the cache folder. */
const PRIVATE_FOLDER_MODE = 0o700;
const GROUP_OR_OTHER_BITS = 0o077;

/** The folder of the user's code caches, made if missing; undefined when it is not the user's alone. */
function cacheFolder(env: NodeJS.ProcessEnv): string | undefined {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const folder = env.NIANBAO_CODE_CACHE_DIR || join(tmpdir(), `nianbao-code-cache-${uid ?? 'user'}`);
  try {
    mkdirSync(folder, { mode: PRIVATE_FOLDER_MODE });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
  }
  try {
    const stat = lstatSync(folder);
    if (!stat.isDirectory()) return undefined; // a link or a file put there: not ours
    // POSIX: ours and private. (Windows: the temporary folder is the user's own; modes say nothing.)
    if (uid !== undefined && (stat.uid !== uid || (stat.mode & GROUP_OR_OTHER_BITS) !== 0)) return undefined;
    return folder;
  } catch {
    return undefined;
  }
}

/** Reads the bundle and runs it, with the code cache when there is one. */
export function launch(target: LaunchedModule, env: NodeJS.ProcessEnv = process.env): void {
  const source = readFileSync(target.bundlePath, 'utf8');
  // The bundle as a CommonJS module, the wrapper Node itself puts around one; on a line of its own, taken
  // back by lineOffset, so that every position in a stack trace or a source map is the bundle's own.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {\n${source}\n})`;
  const off = env.NIANBAO_CODE_CACHE === 'off' || target.hash === '';
  const folder = off ? undefined : cacheFolder(env);
  const cacheFile = folder && join(folder, `${target.name}-${target.hash}-${process.versions.v8}-${process.arch}.bin`);
  let cached: Buffer | undefined;
  if (cacheFile) {
    try {
      cached = readFileSync(cacheFile);
    } catch {
      cached = undefined;
    }
  }
  const script = new Script(wrapped, { filename: target.bundlePath, lineOffset: -1, cachedData: cached });
  const outcome: CacheOutcome = off
    ? 'off'
    : !cacheFile
      ? 'unsafe-folder'
      : !cached
        ? 'absent'
        : script.cachedDataRejected
          ? 'rejected'
          : 'accepted';
  const debug = env.NIANBAO_CODE_CACHE_DEBUG === '1';
  if (debug) process.stderr.write(`nianbao code cache: ${outcome}${cacheFile ? ` (${cacheFile})` : ''}\n`);
  if (cacheFile && (outcome === 'absent' || outcome === 'rejected')) {
    // Written at exit, so that it holds every function this run compiled (the check, the output), not only
    // the top level — unless the run changed V8's flags (the CLI does before checking several files): V8
    // would refuse such a cache in a process started without them.
    process.once('exit', () => {
      if (v8FlagsChanged()) {
        if (debug) process.stderr.write('nianbao code cache: not written: V8 flags changed during the run\n');
        return;
      }
      const written = writeAtomically(cacheFile, script.createCachedData(), target.name);
      if (debug) process.stderr.write(`nianbao code cache: ${written ? 'written' : 'not written'}\n`);
    });
  }
  const run = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: NodeJS.Module,
    filename: string,
    dirname: string,
  ) => void;
  run.call(target.module.exports, target.module.exports, target.require, target.module, target.bundlePath, target.dirname);
}

/**
 * Set (to true) on globalThis by a bundle that changes V8's flags while it runs (shared/src/cli.ts); the
 * launcher cannot ask V8 for its flags.
 */
export const V8_FLAGS_CHANGED = Symbol.for('nianbao.v8FlagsChanged');
function v8FlagsChanged(): boolean {
  return (globalThis as Record<symbol, unknown>)[V8_FLAGS_CHANGED] === true;
}

/** A cache of another build of the bundle is removed when this old (the same build run now and then keeps its cache). */
const STALE_CACHE_MS = 7 * 24 * 60 * 60 * 1000;

/** Writes the cache to a file of its own, then renames it into place; removes this bundle's stale caches. */
function writeAtomically(cacheFile: string, data: Buffer, name: string): boolean {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      let offset = 0;
      while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, cacheFile);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // never made
    }
    return false;
  }
  // Caches of other builds of this bundle (another version installed, an earlier build) not used for a week.
  try {
    const folder = dirname(cacheFile);
    const now = Date.now();
    for (const entry of readdirSync(folder)) {
      if (!entry.startsWith(`${name}-`) || !entry.endsWith('.bin')) continue;
      const path = join(folder, entry);
      const stat = statSync(path);
      if (now - Math.max(stat.atimeMs, stat.mtimeMs) > STALE_CACHE_MS) unlinkSync(path);
    }
  } catch {
    // another run is tidying up too
  }
  return true;
}
