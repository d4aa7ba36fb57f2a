/**
 * Replaces every occurrence of each secret in `text` with `***`. Used on text the service sends
 * back (error messages), in case a proxy or service echoes a token or key.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('***');
  return out;
}
