/**
 * Replaces every occurrence of each secret in `text` with `***`, and any `Signature=<hex>` too.
 * Used on text the service sends back (error messages), in case a proxy or service echoes a
 * token, a key or the `Authorization` header.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text.replace(/Signature=[0-9a-fA-F]+/g, 'Signature=***');
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('***');
  return out;
}
