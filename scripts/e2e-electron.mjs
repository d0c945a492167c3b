// `npm run test:electron`: the extension-host suite (test/electron) in desktop VS Code, with @vscode/test-electron.
// VS Code is downloaded into .vscode-test/ (or taken from there, or from NIANBAO_VSCODE_EXECUTABLE). Where it
// cannot be had — these machines have no network but the package registries — the suite is skipped with a
// clear message and exit code 0; the same suite runs offline inside code-server in `npm run test:e2e`.
//
// Environment: NIANBAO_VSCODE_VERSION (default: stable), NIANBAO_VSCODE_EXECUTABLE (a VS Code binary to use),
// NIANBAO_REQUIRE_ELECTRON=1 (fail instead of skipping when VS Code cannot be had).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Headless Linux: VS Code needs a display; use xvfb-run when there is none (and it is installed).
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.NIANBAO_UNDER_XVFB) {
  const xvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' });
  if (xvfb.status === 0) {
    const result = spawnSync('xvfb-run', ['-a', process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, NIANBAO_UNDER_XVFB: '1' },
    });
    process.exit(result.status ?? 1);
  }
}

const { downloadAndUnzipVSCode, runTests } = await import('@vscode/test-electron');

let vscodeExecutablePath = process.env.NIANBAO_VSCODE_EXECUTABLE;
if (!vscodeExecutablePath) {
  try {
    // Uses a copy in .vscode-test/ when the version list cannot be fetched; fails when there is none.
    vscodeExecutablePath = await downloadAndUnzipVSCode({
      version: process.env.NIANBAO_VSCODE_VERSION ?? 'stable',
      cachePath: join(root, '.vscode-test'),
      timeout: 15_000,
    });
  } catch (error) {
    const reason = String(error?.message ?? error).split('\n')[0];
    if (process.env.NIANBAO_REQUIRE_ELECTRON === '1') {
      console.error(`test:electron: VS Code could not be downloaded: ${reason}`);
      process.exit(1);
    }
    console.log(`test:electron: skipped: VS Code cannot be downloaded here (no network): ${reason}`);
    console.log('test:electron: the same suite runs offline inside code-server: npm run test:e2e (scenario e).');
    process.exit(0);
  }
}

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.NIANBAO_UNDER_XVFB) {
  console.log('test:electron: no DISPLAY and no xvfb-run: VS Code may fail to start (apt-get install xvfb).');
}

run(process.execPath, ['scripts/build.mjs']);
run(process.execPath, ['scripts/e2e-build.mjs', 'electron']);

const userDataDir = mkdtempSync(join(tmpdir(), 'nianbao-electron-user-'));
const workspace = join(root, 'test-results', 'electron-workspace');
mkdirSync(workspace, { recursive: true });
try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'electron', 'index.js'),
    extensionTestsEnv: { NIANBAO_ROOT: root },
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${userDataDir}`,
    ],
  });
  console.log('test:electron: passed');
} catch (error) {
  console.error(`test:electron: failed: ${String(error?.message ?? error)}`);
  process.exitCode = 1;
} finally {
  rmSync(userDataDir, { recursive: true, force: true });
}
