/**
 * Escapes text for a Terraform string template, so `${` and `%{` in finding messages or
 * acknowledgement reasons stay literal instead of being interpolated.
 */
export function escapeTemplate(text: string): string {
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}
