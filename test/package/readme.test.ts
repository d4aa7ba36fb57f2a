import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GATE_RULES } from '../../src/assertion/rules';
import { ERROR_FAMILIES } from '../../src/errors';
const ROOT = join(__dirname, '..', '..');

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const troubleshooting = readme.slice(readme.indexOf('## Troubleshooting by error code'));

describe('README', () => {
  const families = Object.entries(ERROR_FAMILIES).flatMap(([part, classes]) =>
    classes.map((c) => [c.CODE, part] as const),
  );

  it.each(families)('explains error code %s in the troubleshooting table, raised by the %s', (code, part) => {
    const row = troubleshooting.split('\n').find((line) => line.startsWith(`| \`${code}\` |`));
    expect(row).toBeDefined();
    expect(row!.split('|')[2].toLowerCase()).toContain(part);
  });

  it.each(GATE_RULES.map((rule) => rule.id))('explains gate finding %s', (ruleId) => {
    expect(troubleshooting).toContain(`| \`${ruleId}\` |`);
  });

  it('documents the two commands and the demo flag', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
    expect(readme).toContain('npm run demo -- --paused');
  });
});

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

describe('README links', () => {
  const anchors = new Set([...readme.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchor(m[1])));
  const links = [...new Set([...readme.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]))];

  it('has in-page links to check', () => {
    expect(links.length).toBeGreaterThan(5);
  });

  it.each(links)('#%s points at a heading', (link) => {
    expect(anchors).toContain(link);
  });
});

describe('README "Start a new cdktf app"', () => {
  const section = readme.slice(
    readme.indexOf('## Start a new cdktf app'),
    readme.indexOf('## Installing it in a cdktf app'),
  );
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

  it('pins the cdktf CLI and the TypeScript this package is built and tested with', () => {
    const pins = [...section.matchAll(/\b(cdktf-cli|typescript)@(\S+)/g)].map(([, name, version]) => [
      name,
      version,
    ]);
    expect(pins).toContainEqual(['typescript', manifest.devDependencies.typescript]);
    expect(pins.filter(([name]) => name === 'cdktf-cli').map(([, v]) => v)).toEqual([
      manifest.devDependencies['cdktf-cli'],
      manifest.devDependencies['cdktf-cli'],
    ]);
  });

  it('installs the tarball npm pack names, from the repository package.json names', () => {
    const tarball = `${manifest.name}-${manifest.version}.tgz`;
    expect(section).toContain(`git clone ${manifest.repository.url}\n`);
    expect(section).toContain(`npm pack) # writes ${tarball}\n`);
    expect(section).toContain(`cp ../${manifest.name}/${tarball} vendor/\n`);
    expect(section).toContain(`npm install ./vendor/${tarball}\n`);
  });
});
