// Packages the extension as nianbao-<version>.vsix with @vscode/vsce.
// The esbuild bundles in dist/ contain every runtime dependency, so the .vsix carries no node_modules
// (--no-dependencies); .vscodeignore keeps sources, tests, fixtures and source maps out.
// Usage: node scripts/package.mjs [--no-build] [--out <file.vsix>] [--quiet]
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = outIndex >= 0 ? resolve(args[outIndex + 1]) : join(root, `${manifest.name}-${manifest.version}.vsix`);
const quiet = args.includes('--quiet');

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    console.error(`package: ${command} ${commandArgs.join(' ')} failed (${result.status ?? result.signal})`);
    process.exit(1);
  }
}

if (!args.includes('--no-build')) run(process.execPath, [join(root, 'scripts', 'build.mjs')]);

const require = createRequire(import.meta.url);
const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
run(process.execPath, [
  vsce,
  'package',
  '--no-dependencies',
  '--allow-missing-repository',
  // README links (the screenshot) stay relative: VS Code resolves them inside the installed extension.
  '--no-rewrite-relative-links',
  '--out',
  out,
]);

const bytes = statSync(out).size;
console.log(`package: ${out} (${(bytes / 1024).toFixed(1)} KiB)`);
