// The .vsix a user installs: packaged with @vscode/vsce (`node scripts/package.mjs --no-build`, after
// `npm run build`) into a temporary folder, then read as the zip it is. It must hold the bundles, the
// grammar, the manifest and its documents, and nothing else: no sources, tests, fixtures, source maps or
// node_modules (the esbuild bundles carry every runtime dependency).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

/** Files every package must have (paths inside the zip). */
const REQUIRED = [
  '[Content_Types].xml',
  'extension.vsixmanifest',
  'extension/package.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/dist/extension.js',
  'extension/dist/server.js',
  'extension/dist/server.bundle.js',
  'extension/dist/cli.js',
  'extension/dist/cli.bundle.js',
  'extension/dist/inputs.js',
  'extension/dist/iconv.js',
  'extension/images/icon.png',
  'extension/syntaxes/nianbao.tmLanguage.json',
  'extension/syntaxes/language-configuration.json',
];

/** Files a package may also have: contributed JSON (snippets, schemas), translations of the manifest, the README screenshot. */
const OPTIONAL = [
  /^extension\/syntaxes\/[\w.-]+\.json$/,
  /^extension\/snippets\/[\w.-]+\.json$/,
  /^extension\/schemas\/[\w.-]+\.json$/,
  /^extension\/package\.nls(\.[\w-]+)?\.json$/,
  /^extension\/images\/screenshot-[\w-]+\.png$/,
];

/** A budget, not a measurement: the README states the actual size. */
const MAX_BYTES = 1024 * 1024;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** The entries of a zip file, from its central directory. */
function zipEntries(zip: Buffer): ZipEntry[] {
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, 'end of central directory found');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(p), 0x02014b50, 'central directory header');
    const method = zip.readUInt16LE(p + 10);
    const compressedSize = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const localHeaderOffset = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    entries.push({ name, method, compressedSize, localHeaderOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function readEntry(zip: Buffer, entry: ZipEntry): Buffer {
  const p = entry.localHeaderOffset;
  assert.equal(zip.readUInt32LE(p), 0x04034b50, 'local file header');
  const start = p + 30 + zip.readUInt16LE(p + 26) + zip.readUInt16LE(p + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  assert.equal(entry.method, 8, `${entry.name}: deflate`);
  return inflateRawSync(data);
}

describe('the .vsix package', () => {
  let dir = '';
  let zip: Buffer;
  let entries: ZipEntry[];
  let names: string[];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-vsix-'));
    const out = join(dir, 'nianbao.vsix');
    const run = spawnSync(process.execPath, ['scripts/package.mjs', '--no-build', '--quiet', '--out', out], { encoding: 'utf8' });
    assert.equal(run.status, 0, `vsce package failed:\n${run.stdout}\n${run.stderr}`);
    zip = readFileSync(out);
    entries = zipEntries(zip);
    names = entries.map((e) => e.name);
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('holds every required file', () => {
    assert.deepEqual(
      REQUIRED.filter((name) => !names.includes(name)),
      [],
    );
  });

  it('holds nothing else: no sources, tests, fixtures, maps or node_modules', () => {
    const unexpected = names.filter((name) => !REQUIRED.includes(name) && !OPTIONAL.some((re) => re.test(name)));
    assert.deepEqual(unexpected, [], 'files that .vscodeignore should keep out (or that this test should allow)');
    assert.ok(!names.some((n) => n.endsWith('.map') || n.endsWith('.ts') || n.includes('node_modules/')));
  });

  it('ships every file the manifest points at', () => {
    const manifest = JSON.parse(
      readEntry(
        zip,
        entries.find((e) => e.name === 'extension/package.json')!,
      ).toString('utf8'),
    );
    const pointed: string[] = [manifest.main, manifest.icon, ...Object.values<string>(manifest.bin ?? {})];
    const contributes = manifest.contributes ?? {};
    for (const language of contributes.languages ?? []) if (language.configuration) pointed.push(language.configuration);
    for (const grammar of contributes.grammars ?? []) pointed.push(grammar.path);
    for (const snippet of contributes.snippets ?? []) pointed.push(snippet.path);
    for (const validation of contributes.jsonValidation ?? []) if (!/^https?:/.test(validation.url)) pointed.push(validation.url);
    const missing = pointed
      .filter(Boolean)
      .map((p) => `extension/${p.replace(/^\.\//, '')}`)
      .filter((p) => !names.includes(p));
    assert.deepEqual(missing, []);
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.icon, 'images/icon.png');
  });

  it('has a 128×128 PNG icon', () => {
    const png = readEntry(
      zip,
      entries.find((e) => e.name === 'extension/images/icon.png')!,
    );
    assert.equal(png.toString('latin1', 1, 4), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  it(`stays under ${MAX_BYTES / 1024} KiB`, () => {
    const bytes = statSync(join(dir, 'nianbao.vsix')).size;
    assert.ok(bytes < MAX_BYTES, `${bytes} bytes`);
  });
});
