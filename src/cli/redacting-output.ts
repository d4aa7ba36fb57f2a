import type { CliOutput } from './cli-io';

/**
 * Environment variables that hold secrets: the huaweicloud provider's and the official SDKs'
 * (research/dis-api.md §5). Their values are never meant to reach output; this list backs a last
 * line of defence, not the first.
 */
export const SECRET_ENV_VARS: readonly string[] = [
  'HW_SECRET_KEY',
  'HW_SECURITY_TOKEN',
  'HW_AUTH_TOKEN',
  'HW_PASSWORD',
  'HUAWEICLOUD_SDK_SK',
  'HUAWEICLOUD_SDK_SECURITY_TOKEN',
  'HUAWEICLOUD_SDK_AUTH_TOKEN',
  'HUAWEICLOUD_SDK_PASSWORD',
];

/** Secrets shorter than this are not searched for: replacing them would garble ordinary text. */
const MIN_SECRET_LENGTH = 6;

/** The values of {@link SECRET_ENV_VARS} set in `env`, longest first. */
export function secretValues(env: Readonly<Record<string, string | undefined>>): string[] {
  return SECRET_ENV_VARS.map((name) => env[name])
    .filter((v): v is string => typeof v === 'string' && v.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
}

/**
 * Wraps an output so that any of `secrets` written to it is replaced by `***`. Commands never
 * print credentials on purpose; this catches the accident (an unexpected error quoting a header).
 */
export function redactingOutput(output: CliOutput, secrets: readonly string[]): CliOutput {
  if (secrets.length === 0) {
    return output;
  }
  return {
    isTTY: output.isTTY,
    write: (text: string) => output.write(secrets.reduce((acc, s) => acc.split(s).join('***'), text)),
  };
}
