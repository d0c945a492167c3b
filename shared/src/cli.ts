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
// - The young generation grows to NURSERY_BYTES (V8's new space) and no further. Left alone, V8 would grow
//   it to 32 MB, which only keeps more garbage resident (peak RSS 150 MB instead of 100 over 10,000 real
//   reports); kept at the 4 MB it has before the first file, every scavenge copies a larger share of the
//   report being checked (10,000 real reports on one core: 16 MB costs 4.5% less CPU time than 4 MB, peak
//   RSS 112 MB instead of 104). V8 reads --semi-space-growth-factor each time it would grow the nursery (at
//   a scavenge): 2 until the nursery has its size (looked at after each file, about 1 µs), then 1.
const NURSERY_BYTES = 16 * 1024 * 1024;
let v8: typeof import('node:v8') | undefined;
let nurseryGrowing = false;

function manyFileFlags(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  v8 = require('node:v8') as typeof import('node:v8');
  v8.setFlagsFromString('--no-turbo-inlining');
  v8.setFlagsFromString('--semi-space-growth-factor=2');
  nurseryGrowing = true;
  // The launcher then keeps this run's code out of the code cache: V8 refuses a cache made under other flags.
  (globalThis as Record<symbol, unknown>)[V8_FLAGS_CHANGED] = true;
}

function afterEachOfManyFiles(): void {
  if (!nurseryGrowing || v8 === undefined) return;
  const nursery = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  if (nursery !== undefined && nursery.space_size < NURSERY_BYTES) return;
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  nurseryGrowing = false;
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
  afterEachOfManyFiles,
});
