// What a construct of this package may read while synth builds it, for the lookups and the gate
// alike: props, which must be literals (an unresolved Terraform token has no value yet), and
// operator settings, which follow one precedence.
import { Token } from 'cdktf';
import type { IConstruct } from 'constructs';

/**
 * Throws the error `refuse` builds for the first value in `props` that is an unresolved Terraform
 * token, naming it by its path (`streamName`, `credentials.accessKey`, `acknowledgements[0].task`).
 * Arrays and plain objects are searched at any depth; class instances (a construct, a `Duration`,
 * a context store) are not props of values and are skipped.
 */
export function refuseTokens(props: object, refuse: (propPath: string) => Error): void {
  const visit = (value: unknown, path: string): void => {
    if (value === undefined || value === null) return;
    if (Token.isUnresolved(value)) throw refuse(path);
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`));
    else if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      for (const [name, v] of Object.entries(value)) visit(v, `${path}.${name}`);
    }
  };
  for (const [name, value] of Object.entries(props)) visit(value, name);
}

/**
 * Where an operator setting was chosen, strongest first. The person who runs synth overrides the
 * app's code: an environment variable for one run (`DIS_GATE_ENFORCEMENT=warn cdktf destroy`),
 * then cdktf context (`cdktf.json`, `--context`), then the construct's prop, then the default.
 */
export const SETTING_PRECEDENCE = ['env', 'context', 'prop', 'default'] as const;

/** One of {@link SETTING_PRECEDENCE}. */
export type SettingOrigin = (typeof SETTING_PRECEDENCE)[number];

/** An operator setting: how a lookup or a gate runs (lookup mode, enforcement, …). */
export interface OperatorSettingSpec<T extends string> {
  /** The prop that sets it on one construct, for messages (`mode`, `enforcement`). */
  readonly prop: string;
  /** The cdktf context key that sets it for the whole app. */
  readonly contextKey: string;
  /** The environment variable that sets it for one run. */
  readonly envVar: string;
  /** Its values; a given value matches one ignoring case and surrounding spaces. */
  readonly values: readonly T[];
  /** The value when none is given. */
  readonly defaultValue: T;
}

/** A setting's value and where it was chosen, so that messages can say what to change. */
export interface ResolvedSetting<T extends string> {
  /** The value in effect. */
  readonly value: T;
  /** Where it was chosen. */
  readonly from: SettingOrigin;
  /** That place in words: `the environment variable DIS_LOOKUP_MODE`, … */
  readonly where: string;
}

/**
 * Resolves an operator setting by {@link SETTING_PRECEDENCE}. An empty value counts as unset; a
 * value that is not one of `spec.values` is refused with the error `invalid` builds, whose message
 * names where it was set and the values allowed.
 */
export function resolveOperatorSetting<T extends string>(
  scope: IConstruct,
  spec: OperatorSettingSpec<T>,
  prop: unknown,
  env: Readonly<Record<string, string | undefined>>,
  invalid: (message: string, where: string) => Error,
): ResolvedSetting<T> {
  const candidates: [SettingOrigin, unknown, string][] = [
    ['env', env[spec.envVar], `the environment variable ${spec.envVar}`],
    ['context', scope.node.tryGetContext(spec.contextKey), `cdktf context "${spec.contextKey}"`],
    ['prop', prop, `the \`${spec.prop}\` prop of ${scope.node.path}`],
  ];
  for (const [from, raw, where] of candidates) {
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) continue;
    const text = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
    const value = spec.values.find((v) => v.toLowerCase() === text);
    if (value === undefined) {
      throw invalid(
        `${JSON.stringify(raw)} in ${where} is not a valid ${spec.prop}: use one of ${spec.values.join(', ')}.`,
        where,
      );
    }
    return { value, from, where };
  }
  return { value: spec.defaultValue, from: 'default', where: 'the default' };
}
