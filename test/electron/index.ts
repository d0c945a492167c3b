// Entry point of the extension-host test suite: VS Code (through @vscode/test-electron, see
// scripts/e2e-electron.mjs) loads this module in its extension host and calls run().
// mocha is required at run time from node_modules (its CommonJS build, which any Node in an editor loads).

import { writeFileSync } from 'node:fs';
import { defineSuite, type TestApi } from './nianbao.suite';

interface MochaTest {
  fullTitle(): string;
  state?: string;
  err?: Error;
}
interface MochaRunner {
  suite: { emit(event: string, context: object, file: string, mocha: unknown): void };
  run(done: (failures: number) => void): { on(event: 'test end', listener: (test: MochaTest) => void): void };
}
interface MochaModule extends TestApi {
  new (options: Record<string, unknown>): MochaRunner;
}

export function run(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha = require('mocha/lib/mocha.cjs') as MochaModule;
  const mocha = new Mocha({ ui: 'bdd', timeout: 90_000, color: false, reporter: process.env.NIANBAO_MOCHA_REPORTER ?? 'spec' });
  // What `mocha` does before it loads a test file: binds describe/it/before/after to this run.
  mocha.suite.emit('pre-require', globalThis, 'nianbao.suite', mocha);
  defineSuite({ describe: Mocha.describe, it: Mocha.it, before: Mocha.before, after: Mocha.after });
  // NIANBAO_RESULT_FILE: each test's title, state and error as JSON, for a runner that cannot read this
  // process's output (the e2e suite runs this suite inside code-server's extension host).
  const results: { title: string; state: string; error?: string }[] = [];
  const resultFile = process.env.NIANBAO_RESULT_FILE;
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (resultFile) writeFileSync(resultFile, JSON.stringify({ failures, results }, null, 2));
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
    runner.on('test end', (test) => {
      results.push({
        title: test.fullTitle(),
        state: test.state ?? 'pending',
        error: test.err ? String(test.err.stack ?? test.err) : undefined,
      });
    });
  });
}
