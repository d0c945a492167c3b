// Entry point of the `nianbao` command (bundled to dist/cli.js). The logic lives in ./cli/*.

import { fstatSync } from 'node:fs';
import { runCli } from './cli/main';
import { V8_FLAGS_CHANGED } from './launch/codeCache';
import { SyncWriter } from './cli/syncWriter';

// Compiler and heap flags for a run over several files, set before the first of them is read (so that
// every optimised function is compiled this way); one report leaves the optimising compiler little to do,
// and loading node:v8 for it would cost a few milliseconds of its start-up.
// - No inlining: a check run is short and single-threaded; on one core, the optimising compiler's inlining
//   costs more compile time than a batch of a thousand reports earns back (npm run bench: 1,000 reports in
//   ~2.2 s with it, ~1.6 s without; 3,000 in ~3.9 s and ~3.3 s).
// - The young generation is not grown: what one report allocates dies with its check, and a larger nursery
//   only keeps more garbage resident (10,000 real reports on one core: peak RSS 150 → 100 MB, the same CPU
//   time; V8's --semi-space-growth-factor, read each time the nursery would grow).
function manyFileFlags(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { setFlagsFromString } = require('node:v8') as typeof import('node:v8');
  setFlagsFromString('--no-turbo-inlining');
  setFlagsFromString('--semi-space-growth-factor=1');
  // The launcher then keeps this run's code out of the code cache: V8 refuses a cache made under other flags.
  (globalThis as Record<symbol, unknown>)[V8_FLAGS_CHANGED] = true;
}

/**
 * Whether a standard stream is a terminal. A terminal is a character device: for a pipe or a file (the
 * usual case when the output is read by a program) the answer comes from one fstat, without loading
 * node:tty and the stream modules it pulls in (~3 ms of a one-report run on one core).
 */
function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false; // closed
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('node:tty') as typeof import('node:tty')).isatty(fd);
}

// Written through before the next file is checked (see SyncWriter): a slow reader holds the check back
// instead of the output piling up in memory.
const STDOUT_FD = 1;
const STDERR_FD = 2;
const stdout = new SyncWriter(STDOUT_FD);
process.exitCode = runCli(process.argv.slice(2), {
  stdout: (text) => stdout.write(text),
  stdoutBytes: (bytes) => stdout.write(bytes),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTTY: isTerminal(STDOUT_FD),
  stderrIsTTY: isTerminal(STDERR_FD),
  env: process.env,
  beforeManyFiles: manyFileFlags,
});
