// Bundles the real-editor test suites with esbuild (separately from scripts/build.mjs, which owns out/test):
//   test/e2e/*.e2e.ts        → out/e2e/        (node:test + playwright-core, run by scripts/e2e-run.sh)
//   test/electron/index.ts   → out/electron/   (mocha inside the VS Code extension host, run by scripts/e2e-electron.mjs)
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
  // Resolved at run time from node_modules (playwright-core, mocha) or provided by the editor (vscode).
  external: ['vscode', 'mocha', 'mocha/*', 'playwright-core', '@vscode/test-electron', '@vscode/vsce'],
};

const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

if (want('e2e')) {
  rmSync('out/e2e', { recursive: true, force: true });
  const entries = readdirSync('test/e2e')
    .filter((f) => f.endsWith('.e2e.ts'))
    .map((f) => join('test/e2e', f));
  await esbuild.build({ ...common, entryPoints: entries, outdir: 'out/e2e' });
}
if (want('electron') && existsSync('test/electron/index.ts')) {
  rmSync('out/electron', { recursive: true, force: true });
  await esbuild.build({ ...common, entryPoints: { index: 'test/electron/index.ts' }, outdir: 'out/electron' });
}
