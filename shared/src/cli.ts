// Entry point of the `nianbao` command (bundled to dist/cli.js). The logic lives in ./cli/*.

import { runCli } from './cli/main';

// A check run is short and single-threaded: on one core, the optimising compiler's inlining costs more
// compile time than a batch of a thousand reports earns back (npm run bench: 1,000 reports in ~2.2 s
// with it, ~1.6 s without; 3,000 in ~3.9 s and ~3.3 s). Set before the first of several reports is read,
// so every optimised function is compiled this way; one report leaves the optimising compiler little to
// do, and loading node:v8 for it would cost a few milliseconds of its start-up.
function noInlining(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--no-turbo-inlining');
}

// `nianbao check … | head`: a closed pipe ends the output quietly instead of with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stdoutBytes: (bytes) => process.stdout.write(bytes),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  env: process.env,
  beforeManyFiles: noInlining,
});
