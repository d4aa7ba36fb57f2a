#!/usr/bin/env node
// `npm run build`: compiles src/ to lib/ with jsii (TypeScript 5.9, the project's own tsconfig.json)
// and writes the `.jsii` assembly that Python, Java, C# and Go cdktf apps load (DESIGN.md decision 9,
// package.json "jsii"). jsii checks the package root (src/index.ts) against its language rules and
// fails on any warning, so a prop that other languages cannot express (a union, a callback, a name
// reserved in Python or Go) stops the build; the subpath entry points are plain TypeScript.
//
// - JSII6 is silenced: it asks for the constructs devDependency to equal the lowest peer version
//   (10.0.0), but the tests need a real constructs, and cdktn needs the peer range to stay open.
// - The CLI is made executable after every build: jsii writes lib/cli/main.js as 0644, and the
//   Python package's `dis-transfer-tasks` console script executes that file directly through the
//   jsii kernel (`getBinScriptCommand`), which fails with "Permission denied" otherwise. npm pack
//   keeps the mode.
// - Node 20's end-of-life banner is silenced for jsii only: the package supports Node >= 20.18.1.
'use strict';
const { spawnSync } = require('node:child_process');
const { chmodSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..');
const jsii = require.resolve('jsii/bin/jsii', { paths: [root] });
const result = spawnSync(
  process.execPath,
  [jsii, '--silence-warnings', 'JSII6', '--fail-on-warnings', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' },
  },
);
if (result.error) throw result.error;
if (result.status !== 0) process.exit(result.status ?? 1);
chmodSync(join(root, 'lib', 'cli', 'main.js'), 0o755);
