// Writes the files generated from the template data and the rules: grammars, snippets, the .nianbaorc.json
// schema, the nls strings, package.json's severity settings and the README's table of finding codes.
// Usage: node scripts/generate.mjs   (npm run generate)
import * as esbuild from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const out = join(tmpdir(), `nianbao-generate-${process.pid}.cjs`);
await esbuild.build({
  entryPoints: ['shared/src/contrib/index.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: out,
  logLevel: 'warning',
});
try {
  const { generatedFileTexts, generatedPartTexts } = await import(pathToFileURL(out).href);
  for (const [path, text] of Object.entries({ ...generatedFileTexts(), ...generatedPartTexts() })) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${path}`);
  }
} finally {
  rmSync(out, { force: true });
}
