#!/usr/bin/env node
// Runs a TypeScript cdktf app without a build step: `node scripts/run-example.js [file.ts]`
// (default: the example that cdktf.json runs). ts-node is not installed and `tsc` into an output
// folder would break the example's relative imports, so .ts files are transpiled in memory with the
// project's own TypeScript (`transpileModule`: no type check, a few ms per file). Type checking is
// `npm run typecheck` (tsconfig.dev.json includes examples/). Nothing is written to disk.
'use strict';
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');
const ts = require('typescript');

const root = resolve(__dirname, '..');
const DEFAULT_APP = resolve(root, 'examples', 'dis-transfer-gate', 'main.ts');

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  inlineSourceMap: true,
};

// Stack traces then point at the .ts lines (the transpiled code carries an inline source map).
process.setSourceMapsEnabled(true);

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
    compilerOptions,
    fileName: filename,
  });
  module._compile(outputText, filename);
};

require(resolve(process.argv[2] ?? DEFAULT_APP));
