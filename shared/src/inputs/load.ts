// The converters (shared/src/inputs/index.ts), loaded on first use. In the bundles of the server and the
// CLI this require is dist/inputs.js (scripts/build.mjs): the HTML parser, the unzipper and the GBK tables
// are a few hundred KB that checking text files never needs; in the tests it is bundled inline.

/** The converters module, loaded (once) on the first call. */
export function loadConverters(): typeof import('./index') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./index') as typeof import('./index');
}
