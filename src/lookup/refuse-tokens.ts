import { Token } from 'cdktf';
import { DisLookupTokenError } from './errors';

/**
 * Throws {@link DisLookupTokenError} for the first prop (nested objects included) that holds an
 * unresolved token: a lookup needs concrete inputs while synth runs.
 */
export function refuseTokens(constructPath: string, props: object, prefix = ''): void {
  for (const [name, value] of Object.entries(props)) {
    const prop = `${prefix}${name}`;
    if (value === undefined || value === null) continue;
    if (Token.isUnresolved(value)) throw new DisLookupTokenError(constructPath, prop);
    if (
      typeof value === 'object' &&
      !Array.isArray(value) &&
      Object.getPrototypeOf(value) === Object.prototype
    ) {
      refuseTokens(constructPath, value as object, `${prop}.`);
    }
  }
}
