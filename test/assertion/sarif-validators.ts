// The two independent judges of a SARIF log, for every test that writes one (the gate engine's
// builder, the construct's report, the CLI's `check --output sarif`):
// - the official SARIF 2.1.0 JSON schema shipped by @microsoft/sarif-multitool-linux, through ajv;
// - Microsoft's SARIF Multitool `validate`, with its SARIF rules and GitHub's ingestion rules (GH*).
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

const MULTITOOL_DIR = dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json'));

let validate: ReturnType<Ajv2020['compile']> | undefined;

/** Every problem the official schema finds in `log`, as `path message` lines; empty when valid. */
export function sarifSchemaErrors(log: unknown): string[] {
  if (validate === undefined) {
    const schema = JSON.parse(readFileSync(join(MULTITOOL_DIR, 'sarif-2.1.0.json'), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    validate = ajv.compile(schema);
  }
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** A result of the Multitool's validation: its rule id, level and text. */
export interface MultitoolFinding {
  readonly ruleId: string;
  readonly level: string;
  readonly text: string;
}

/**
 * Runs `Sarif.Multitool validate --rule-kind "Sarif;Gh"` on `log` and returns what it reported.
 * npm 11 does not run the package's install script (`chmod u+x Sarif.Multitool`), so this does it.
 */
export function multitoolFindings(log: unknown): MultitoolFinding[] {
  const bin = join(MULTITOOL_DIR, 'Sarif.Multitool');
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    chmodSync(bin, 0o755);
  }
  const dir = mkdtempSync(join(tmpdir(), 'dis-sarif-'));
  try {
    const input = join(dir, 'in.sarif');
    const output = join(dir, 'out.sarif');
    writeFileSync(input, JSON.stringify(log, null, 2));
    const r = spawnSync(bin, ['validate', input, '-o', output, '--rule-kind', 'Sarif;Gh'], {
      encoding: 'utf8',
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
      timeout: 60_000,
    });
    if (r.status !== 0) throw new Error(`Sarif.Multitool failed (${r.status}): ${r.stdout}${r.stderr}`);
    const out = JSON.parse(readFileSync(output, 'utf8'));
    const rules = new Map<string, { messageStrings?: Record<string, { text: string }> }>(
      (out.runs[0].tool.driver.rules ?? []).map((rule: { id: string }) => [rule.id, rule]),
    );
    return (out.runs[0].results ?? []).map(
      (result: { ruleId: string; level?: string; message: { id?: string; arguments?: string[] } }) => {
        const template = rules.get(result.ruleId)?.messageStrings?.[result.message.id ?? '']?.text ?? '';
        const text = template.replace(/\{(\d+)\}/g, (_, i) => result.message.arguments?.[Number(i)] ?? '');
        return { ruleId: result.ruleId, level: result.level ?? 'warning', text };
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
