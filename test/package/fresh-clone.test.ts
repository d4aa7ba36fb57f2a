import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './shared-pack';

// `npm pack` in a fresh clone (no lib/, no .jsii: both are ignored by git) must ship the code: the
// `prepack` script builds first. The clone is the files git tracks, copied, with the repository's
// node_modules linked in (what `npm ci` would install).

interface PackedFile {
  readonly path: string;
  readonly mode: number;
}

describe('npm pack in a fresh clone', () => {
  let clone: string;
  let files: PackedFile[];
  let output: string;

  beforeAll(() => {
    clone = mkdtempSync(join(tmpdir(), 'dis-fresh-clone-'));
    const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .split('\0')
      .filter((f) => f !== '');
    for (const file of tracked) {
      mkdirSync(dirname(join(clone, file)), { recursive: true });
      copyFileSync(join(ROOT, file), join(clone, file));
    }
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
    const result = spawnSync('npm', ['pack', '--dry-run', '--json'], {
      cwd: clone,
      encoding: 'utf8',
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    output = result.stdout + result.stderr;
    if (result.status !== 0) throw new Error(`npm pack failed (status ${result.status}):\n${output}`);
    // npm prints the lifecycle scripts' output first; the JSON report is the last thing on stdout
    files = JSON.parse(result.stdout.slice(result.stdout.lastIndexOf('\n[\n') + 1))[0].files;
  }, 240_000);

  afterAll(() => {
    if (clone) rmSync(clone, { recursive: true, force: true });
  });

  it('builds first: the tarball holds the compiled library, its declarations and the jsii assembly', () => {
    expect(output).toContain('> npm run build');
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['.jsii', 'lib/index.js', 'lib/index.d.ts', 'lib/lookup/lookup-worker.js']),
    );
    expect(files.find((f) => f.path === 'lib/cli/main.js')?.mode).toBe(0o755);
  });

  it('ships no sources, tests or repository tooling', () => {
    const ours = files.map((f) => f.path).filter((p) => !p.startsWith('node_modules/'));
    const unexpected = ours.filter(
      (p) =>
        /^(src|test|scripts|bench|examples|docs)\//.test(p) || (p.endsWith('.ts') && !p.endsWith('.d.ts')),
    );
    expect(unexpected).toEqual([]);
  });
});
