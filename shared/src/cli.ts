// Entry point of the `nianbao` command (bundled to dist/cli.js). The logic lives in ./cli/*.

import { runCli } from './cli/main';

// `nianbao check … | head`: a closed pipe ends the output quietly instead of with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTTY: process.stdout.isTTY === true,
  env: process.env,
});
