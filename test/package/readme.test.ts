import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GATE_RULES } from '../../src/assertion/rules';
const ROOT = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Codes given to DisError subclasses: `super('DIS_…'`, `CODE = 'DIS_…'`, `code: 'DIS_…'`. */
function raisedErrorCodes(): string[] {
  const codes = new Set<string>();
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:super\(\s*|CODE = |code: )'(DIS_[A-Z_]+)'/g)) codes.add(match[1]);
  }
  return [...codes].sort();
}

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const troubleshooting = readme.slice(readme.indexOf('## Troubleshooting by error code'));

describe('README', () => {
  it('finds the error codes it checks for (the scan itself works)', () => {
    expect(raisedErrorCodes()).toEqual(expect.arrayContaining(['DIS_CONFIG_ERROR', 'DIS_LOOKUP_MISSING']));
  });

  it.each(raisedErrorCodes())('explains error code %s in the troubleshooting table', (code) => {
    expect(troubleshooting).toContain(`| \`${code}\` |`);
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
