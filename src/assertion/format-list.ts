/** Joins `items` with commas, showing at most `max` of them: `a, b, c, … (12 more)`. */
export function formatList(items: readonly string[], max = 10): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')}, … (${items.length - max} more)`;
}
