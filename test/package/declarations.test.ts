import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// What a user's type check reads: every declaration file reachable from the package's entry points
// (the root, and the TypeScript-only `lib/client/index.d.ts`, `lib/emulator/index.d.ts`,
// `lib/gate.d.ts` and `lib/errors.d.ts`, which the root does not load).
// None may import zod (or undici's internals): a project without skipLibCheck would type-check those
// packages' own declarations too, and zod's fail without esModuleInterop. Decision 0003.

const LIB = resolve(__dirname, '..', '..', 'lib');

/** The declaration files reachable from `entries`, each with the bare package names it imports. */
function reachableDeclarations(entries: readonly string[]): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const pending = [...entries];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    const packages: string[] = [];
    seen.set(file, packages);
    const text = readFileSync(file, 'utf8');
    // import/export statements (not prose in doc comments that happens to say "from '…'")
    for (const m of text.matchAll(
      /^(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]/gm,
    )) {
      const spec = m[1] ?? m[2];
      if (!spec.startsWith('.')) {
        packages.push(spec);
        continue;
      }
      const base = resolve(dirname(file), spec);
      const next = [`${base}.d.ts`, join(base, 'index.d.ts')].find((f) => existsSync(f));
      if (next) pending.push(next);
    }
  }
  return seen;
}

describe('the declarations users type-check', () => {
  const entry = join(LIB, 'index.d.ts');
  if (!existsSync(entry)) throw new Error('lib/ is missing: run `npm run build` (npm test does) first.');
  const declarations = reachableDeclarations([
    entry,
    join(LIB, 'client', 'index.d.ts'),
    join(LIB, 'emulator', 'index.d.ts'),
    join(LIB, 'gate.d.ts'),
    join(LIB, 'errors.d.ts'),
  ]);

  test('are the entry points package.json exports, for Node and for TypeScript alike', () => {
    const manifest = JSON.parse(readFileSync(join(LIB, '..', 'package.json'), 'utf8'));
    const exported = Object.entries(manifest.exports as Record<string, { types?: string }>)
      .filter(([, target]) => typeof target === 'object')
      .map(([subpath, target]) => [subpath, target.types]);
    expect(exported).toEqual([
      ['.', './lib/index.d.ts'],
      ['./client', './lib/client/index.d.ts'],
      ['./emulator', './lib/emulator/index.d.ts'],
      ['./gate', './lib/gate.d.ts'],
      ['./errors', './lib/errors.d.ts'],
    ]);
    for (const [subpath, types] of exported.slice(1)) {
      expect(manifest.typesVersions['*'][subpath!.slice(2)]).toEqual([types!.slice(2)]);
    }
  });

  test('reach the constructs, the client and the emulator from the entry points', () => {
    const files = [...declarations.keys()].map((f) => relative(LIB, f));
    expect(files).toEqual(
      expect.arrayContaining([
        'lookup/dis-transfer-tasks.d.ts',
        'assertion/dis-transfer-tasks-assertion.d.ts',
        'client/dis-client.d.ts',
        'emulator/dis-emulator.d.ts',
        'emulator/scenario.d.ts',
      ]),
    );
  });

  test('import no zod type, and only the packages a user has anyway', () => {
    const imported = new Set([...declarations.values()].flat().map((p) => p.split('/')[0]));
    expect([...imported].filter((p) => p === 'zod')).toEqual([]);
    expect([...imported].sort()).toEqual(
      [...imported]
        .filter((p) => ['cdktf', 'constructs', 'undici', 'node:fs', 'node:http'].includes(p))
        .sort(),
    );
  });
});
