// Bundles the extension client, the language server, the CLI and the tests with esbuild.
// Usage: node scripts/build.mjs [--watch] [--no-minify]
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const minify = !process.argv.includes('--no-minify');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // Chinese text (the template, the messages) written as itself, not as \uXXXX escapes: a smaller .vsix.
  charset: 'utf8',
};

const testDir = 'test';
const testEntries = readdirSync(testDir)
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => join(testDir, f));

/**
 * The .docx/.html converters (shared/src/inputs: an HTML parser, an unzipper, GBK tables) are their own
 * bundle, dist/inputs.js, which the server and the CLI load only when a document is converted
 * (loadConverters in shared/src/inputs/load.ts): one copy in the .vsix, and no start-up cost for text.
 */
const convertersApart = {
  name: 'converters-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/index$/ }, (args) =>
      args.importer.endsWith(join('inputs', 'load.ts')) ? { path: './inputs.js', external: true } : undefined,
    );
  },
};

/**
 * iconv-lite (GB18030 and UTF-16, a few hundred KB) is its own bundle, dist/iconv.js, required by
 * shared/src/inputs/encoding.ts only when a file is not UTF-8 or is written back in another encoding: the
 * CLI's start-up does not compile it, and the .vsix carries one copy for the server, the CLI and the converters.
 */
const iconvApart = {
  name: 'iconv-apart',
  setup(build) {
    build.onResolve({ filter: /^iconv-lite$/ }, () => ({ path: './iconv.js', external: true }));
  },
};

/**
 * The CLI and the server are each two files: the program (dist/cli.bundle.js, dist/server.bundle.js) and
 * the launcher Node starts (dist/cli.js, dist/server.js: shared/src/launch), which runs the program with
 * V8's code cache.
 */
const launched = [
  // The language server, started as `node dist/server.js --stdio`.
  { entryPoints: { 'server.bundle': 'server/src/server.ts' }, outdir: 'dist', minify, plugins: [convertersApart, iconvApart] },
  // The command line, also the npm bin `nianbao`.
  { entryPoints: { 'cli.bundle': 'shared/src/cli.ts' }, outdir: 'dist', minify, plugins: [convertersApart, iconvApart] },
];

/** The launcher of one bundle; `hash` empty (watch mode, where the bundle changes under it) means no code cache. */
function launcherOf(name, hash) {
  return {
    entryPoints: { [name]: 'shared/src/launch/entry.ts' },
    outdir: 'dist',
    minify,
    sourcemap: false,
    define: { NIANBAO_BUNDLE_NAME: JSON.stringify(`${name}.bundle`), NIANBAO_BUNDLE_HASH: JSON.stringify(hash) },
    ...(name === 'cli' ? { banner: { js: '#!/usr/bin/env node' } } : {}),
  };
}

/** The bundle's content hash, the name of its code cache (V8 itself checks only the source's length). */
function contentHash(name) {
  const bytes = readFileSync(join('dist', `${name}.bundle.js`));
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

const products = [
  // The VS Code client: `vscode` is provided by the editor.
  { entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'], minify },
  // The converters, required by the two above from the same folder.
  { entryPoints: { inputs: 'shared/src/inputs/index.ts' }, outdir: 'dist', minify, plugins: [iconvApart] },
  // iconv-lite, required by the three above from the same folder when a text is not UTF-8.
  { entryPoints: { iconv: 'node_modules/iconv-lite/lib/index.js' }, outdir: 'dist', minify },
  // Tests: one bundle per test file, run with `node --test out/test/*.test.js`.
  { entryPoints: testEntries, outdir: 'out/test', minify: false },
];

rmSync('out/test', { recursive: true, force: true });
if (watch) {
  for (const p of [...products, ...launched, launcherOf('cli', ''), launcherOf('server', '')]) {
    const ctx = await esbuild.context({ ...common, ...p });
    await ctx.watch();
  }
} else {
  await Promise.all([...products, ...launched].map((p) => esbuild.build({ ...common, ...p })));
  await Promise.all(['cli', 'server'].map((name) => esbuild.build({ ...common, ...launcherOf(name, contentHash(name)) })));
}
