// Issue 11 item 9, as a user meets it: a folder the synth may not write (EACCES) fails the check
// and the write with the folder, the errno and the fix, and leaves the file as it was. Root may
// write anywhere, so the store runs from lib/ in a child process as `nobody` (setpriv): run
// `npm run build` first. (Out of `npm run mutate`: a child process runs lib/, not the mutated
// source, and cannot enter Stryker's sandbox, which only its owner may read.)
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, tempContextFile } from './helpers';

let dir: string;
let file: string;
beforeEach(() => ({ dir, file } = tempContextFile()));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a read-only folder (EACCES), as a user without root rights', () => {
  // Root may write anywhere: the store then runs in a child process as `nobody` (setpriv).
  function asUnprivileged(script: string): { status: number | null; stdout: string; stderr: string } {
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(dir, 65534, 65534);
    const command = asRoot ? 'setpriv' : process.execPath;
    const args = [
      ...(asRoot ? ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : []),
      '-e',
      script,
      join(REPO_ROOT, 'lib', 'lookup', 'context-store.js'),
      file,
    ];
    const r = spawnSync(command, args, { encoding: 'utf8', env: { PATH: process.env.PATH } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  test('writing fails with the folder, the errno and the fix, and the file is left as it was', () => {
    writeFileSync(file, '{"kept": true}\n');
    chmodSync(file, 0o644);
    const r = asUnprivileged(`
      const { chmodSync } = require('node:fs');
      const { dirname } = require('node:path');
      const { FileContextStore, checkCanRecord } = require(process.argv[1]);
      const store = new FileContextStore(process.argv[2]);
      chmodSync(dirname(process.argv[2]), 0o555);
      const out = {};
      for (const [name, f] of [['check', () => checkCanRecord(store)], ['update', () => store.update({ a: 1 })]]) {
        try { f(); out[name] = 'no error'; } catch (e) { out[name] = { code: e.code, errno: e.errno, path: e.path, message: e.message }; }
      }
      out.read = store.read();
      chmodSync(dirname(process.argv[2]), 0o755);
      process.stdout.write(JSON.stringify(out));
    `);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    const out = JSON.parse(r.stdout);
    for (const name of ['check', 'update']) {
      expect(out[name]).toMatchObject({ code: 'DIS_CONTEXT_FILE_ACCESS', errno: 'EACCES' });
      expect(out[name].message).toContain(`Cannot write the context cache file ${file}:`);
      expect(out[name].message).toContain('(EACCES). What this synth fetched from DIS was not recorded');
      expect(out[name].message).toContain('set DIS_LOOKUP_MODE=live');
    }
    expect(out.read).toEqual({ kept: true });
    expect(readFileSync(file, 'utf8')).toBe('{"kept": true}\n');
    expect(readdirSync(dir)).toEqual(['cdktf.context.json']);
  });
});
