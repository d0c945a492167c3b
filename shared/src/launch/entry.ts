// dist/cli.js and dist/server.js: the launcher of dist/cli.bundle.js and dist/server.bundle.js (see
// codeCache.ts). scripts/build.mjs builds this file once per bundle, with the bundle's name and content hash.

import { join } from 'node:path';
import { launch } from './codeCache';

declare const NIANBAO_BUNDLE_NAME: string;
declare const NIANBAO_BUNDLE_HASH: string;

launch({
  bundlePath: join(__dirname, `${NIANBAO_BUNDLE_NAME}.js`),
  dirname: __dirname,
  name: NIANBAO_BUNDLE_NAME,
  hash: NIANBAO_BUNDLE_HASH,
  require,
  module,
});
