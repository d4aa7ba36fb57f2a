const UNITS: ReadonlyArray<readonly [string, number]> = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
];

/**
 * A duration in milliseconds as a short age: `45s`, `12m`, `3h 5m`, `2d 4h` (two units at most,
 * rounded down). Negative durations (a clock ahead of ours) read `in the future`.
 */
export function formatAge(ms: number): string {
  if (!Number.isFinite(ms)) {
    return '-';
  }
  if (ms < 0) {
    return 'in the future';
  }
  if (ms < 1_000) {
    return '0s';
  }
  const parts: string[] = [];
  let rest = Math.floor(ms);
  for (const [unit, size] of UNITS) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    } else if (parts.length > 0) {
      break;
    }
    if (parts.length === 2) {
      break;
    }
  }
  return parts.join(' ');
}
