import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

// One `npm pack` of the built package per content, shared by the package tests (the cdktf and cdktn
// apps, jsii-pacmak, the jsii kernel) and across their jest workers: with its bundled dependencies
// the tarball takes seconds to pack. Entries live in node_modules/.cache (per checkout), named by a
// hash of everything the tarball is made of, so a rebuild gets a new entry and a stale one is never
// used. Workers that race each pack into a folder of their own and rename it into place; the first
// rename wins and the others use its result, so nobody waits on a lock.

/** The repository root: what `npm pack` packs. */
export const ROOT = resolve(__dirname, '..', '..');

const CACHE = join(ROOT, 'node_modules', '.cache', 'cdktf-dis-transfer-tasks');
/** Entries younger than this are kept when a new one is made: another jest run may be using them. */
const KEEP_MS = 30 * 60 * 1000;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** A hash of what `npm pack` reads: the manifest, the lockfile (bundled dependencies), lib/, `.jsii`, the docs. */
function contentKey(): string {
  if (!existsSync(join(ROOT, 'lib', 'index.js')) || !existsSync(join(ROOT, '.jsii'))) {
    throw new Error('lib/ or .jsii is missing: run `npm run build` (or `npm test`, which builds first).');
  }
  const hash = createHash('sha256');
  const files = [
    ...['package.json', 'package-lock.json', '.jsii', 'README.md', 'LICENSE'].map((f) => join(ROOT, f)),
    ...filesUnder(join(ROOT, 'scenarios')),
    ...filesUnder(join(ROOT, 'lib')),
  ];
  for (const file of files) {
    hash.update(relative(ROOT, file)).update('\0');
    hash.update(String(statSync(file).mode & 0o111)).update('\0'); // the CLI's executable bit ships too
    hash.update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Returns the folder `name` in the cache, made by `make(folder)` if it does not exist yet. `make`
 * fills a fresh folder; it becomes the entry only when complete.
 */
function cached(name: string, make: (dir: string) => void): string {
  const target = join(CACHE, name);
  if (existsSync(target)) return target;
  mkdirSync(dirname(target), { recursive: true });
  const scratch = mkdtempSync(join(dirname(target), `.tmp-${basename(target)}-`));
  try {
    make(scratch);
    renameSync(scratch, target);
  } catch (e) {
    rmSync(scratch, { recursive: true, force: true });
    if (!existsSync(target)) throw e; // another worker's rename won the race: use its entry
  }
  return target;
}

/** Removes old pack entries other than `keep`, leaving recent ones to concurrent runs. */
function pruneOldEntries(keep: string): void {
  for (const entry of readdirSync(CACHE)) {
    if (!entry.startsWith('pack-') || entry === keep) continue;
    const path = join(CACHE, entry);
    if (Date.now() - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { recursive: true, force: true });
  }
}

/** Where the current build's shared tarball and its unpacked copy live. */
function packEntry(): string {
  const name = `pack-${contentKey()}`;
  const dir = cached(name, (scratch) => {
    // --ignore-scripts: `prepack` would rebuild lib/ while other test files read it
    execFileSync('npm', ['pack', ROOT, '--ignore-scripts', '--silent', '--pack-destination', scratch], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
  });
  pruneOldEntries(name);
  return dir;
}

/** The tarball `npm pack` makes of the built package (shared; do not modify it). */
export function packedTarball(): string {
  const dir = packEntry();
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${dir}`);
  return join(dir, tarball);
}

/**
 * The packed package unpacked, as a jsii host or jsii-pacmak sees it (bundled dependencies
 * included). It lies under the repository's node_modules, so cdktf and constructs resolve from it.
 */
export function unpackedPackage(): string {
  const tarball = packedTarball();
  return cached(join(relative(CACHE, dirname(tarball)), 'unpacked'), (scratch) => {
    execFileSync('tar', ['xzf', tarball, '-C', scratch, '--strip-components=1']);
  });
}

/**
 * A tarball of an installed dependency (`cdktf`, `constructs`) for the jsii kernel's `load`, which
 * takes tarballs only: a plain tar of the installed folder (the kernel strips the first path
 * component), far faster than `npm pack` of cdktf.
 */
export function dependencyTarball(name: string): string {
  const dir = join(ROOT, 'node_modules', name);
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  const entry = cached(`dep-${name}-${version}`, (scratch) => {
    execFileSync('tar', ['czf', join(scratch, 'package.tgz'), '-C', join(ROOT, 'node_modules'), name]);
  });
  return join(entry, 'package.tgz');
}
