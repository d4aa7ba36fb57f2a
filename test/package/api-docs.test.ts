import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './shared-pack';

// API.md is the reference Construct Hub shows, generated from the .jsii assembly by jsii-docgen.
// It is committed, so a change to the package root's API must come with `npm run docs:api`.

/** What jsii-docgen writes for the built package now. */
function generatedApiMd(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dis-api-docs-'));
  try {
    const docgen = join(ROOT, 'node_modules', 'jsii-docgen', 'bin', 'jsii-docgen');
    execFileSync(process.execPath, [docgen, '-o', join(dir, 'API.md')], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return readFileSync(join(dir, 'API.md'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('API.md is what jsii-docgen generates from the built assembly (run `npm run docs:api` after changing the root API)', () => {
  const generated = generatedApiMd();
  // a diff of 4,000 lines is no help: name the first line that differs
  const a = readFileSync(join(ROOT, 'API.md'), 'utf8').split('\n');
  const b = generated.split('\n');
  let first = a.findIndex((line, i) => line !== b[i]);
  if (first === -1 && a.length !== b.length) first = a.length;
  expect(first === -1 ? 'in sync' : `differs from line ${first + 1}: ${a[first] ?? '(end of file)'}`).toBe(
    'in sync',
  );
  // and it documents the constructs
  expect(generated).toContain('### DisTransferTasks <a name="DisTransferTasks"');
  expect(generated).toContain('### DisTransferTasksAssertion <a name="DisTransferTasksAssertion"');
});
