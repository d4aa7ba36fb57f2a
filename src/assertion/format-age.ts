/** Formats a number of seconds compactly: `45s`, `12m 5s`, `3h 5m`, `2d 4h`. */
export function formatAge(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s}s`;
  const pairs: [number, string, number, string][] = [
    [86400, 'd', 3600, 'h'],
    [3600, 'h', 60, 'm'],
    [60, 'm', 1, 's'],
  ];
  for (const [big, bigUnit, small, smallUnit] of pairs) {
    if (s >= big) {
      const rest = Math.floor((s % big) / small);
      return rest === 0
        ? `${Math.floor(s / big)}${bigUnit}`
        : `${Math.floor(s / big)}${bigUnit} ${rest}${smallUnit}`;
    }
  }
  return `${s}s`;
}
