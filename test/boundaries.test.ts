import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// The part boundaries of docs/ARCHITECTURE.md are an eslint rule (eslint.config.mjs); these cases
// lint imports as if written in files of each part, nested folders included, so the rule is known
// to fire (and not to fire) at any depth.
const ROOT = join(__dirname, '..');

const REFUSED: [string, string, string][] = [
  [
    'src/client/nested/deeper/probe.ts',
    "import { x } from '../../../lookup/context-provider';",
    'src/client',
  ],
  ['src/client/probe.ts', "import { x } from '../cli/main';", 'src/client'],
  ['src/client/nested/probe.ts', "import { x } from '../../index';", 'src/client'],
  ['src/emulator/nested/probe.ts', "import { x } from '../../lookup/dis-transfer-tasks';", 'src/emulator'],
  ['src/lookup/nested/probe.ts', "import { x } from '../../assertion/gate-rules';", 'src/lookup'],
  ['src/lookup/probe.ts', "import { x } from '../emulator/dis-emulator';", 'src/lookup'],
  ['src/assertion/rules/probe.ts', "import { x } from '../../cli/output';", 'src/assertion'],
  ['src/assertion/probe.ts', "import { x } from '../errors';", 'src/assertion'],
];
const NO_CDKTF: [string, string][] = [
  ['src/client/nested/probe.ts', "import { x } from 'cdktf';"],
  ['src/emulator/probe.ts', "import { x } from 'constructs';"],
];
const ALLOWED: [string, string][] = [
  ['src/emulator/nested/probe.ts', "import { x } from '../../client/signing';"],
  ['src/lookup/probe.ts', "import { x } from '../client/config';"],
  ['src/assertion/rules/probe.ts', "import { x } from '../../lookup/dis-transfer-tasks';"],
  ['src/cli/commands/probe.ts', "import { x } from '../../emulator/dis-emulator';"],
  ['src/gate.ts', "import { x } from './assertion/gate-rules';"],
];

/**
 * Lints every case in one child process with the project's own eslint config (eslint loads its
 * ES-module config with a dynamic import, which jest's module sandbox does not offer).
 */
function lintAll(cases: readonly (readonly string[])[]): Map<string, string[]> {
  const script = `
    const { ESLint } = require('eslint');
    const cases = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const [file, code] of cases) {
        const [r] = await eslint.lintText(code + '\\nexport const probe = x;\\n', { filePath: file });
        out.push(r.messages.map((m) => m.ruleId + ': ' + m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const r = spawnSync(process.execPath, ['-e', script, JSON.stringify(cases)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`eslint failed: ${r.stderr}`);
  const results = JSON.parse(r.stdout) as string[][];
  return new Map(cases.map(([file, code], i) => [`${file} ${code}`, results[i]]));
}

const linted = lintAll([...REFUSED, ...NO_CDKTF, ...ALLOWED]);
const problems = (file: string, code: string): string[] => linted.get(`${file} ${code}`)!;

describe('part boundaries', () => {
  test.each(REFUSED)('%s: %s is refused', (file, code, part) => {
    expect(problems(file, code)).toEqual([
      expect.stringMatching(new RegExp(`^import-x/no-restricted-paths: .*${part} may import only`)),
    ]);
  });

  test.each(NO_CDKTF)('%s: %s is refused', (file, code) => {
    expect(problems(file, code)).toEqual([expect.stringMatching(/^no-restricted-imports: /)]);
  });

  test.each(ALLOWED)('%s: %s is allowed', (file, code) => {
    expect(problems(file, code)).toEqual([]);
  });
});
