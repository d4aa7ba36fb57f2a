import type { Style } from './style';

const LEVELS: ReadonlyArray<readonly [string, (style: Style, text: string) => string]> = [
  ['  ERROR ', (s, t) => s.red(t)],
  ['  WARN  ', (s, t) => s.yellow(t)],
  ['  ACK   ', (s, t) => s.dim(t)],
];

/**
 * The text of `formatGateReport` with its level words coloured (errors red, warnings yellow,
 * acknowledged findings dim) and the headline in bold; unchanged when `style` is off.
 */
export function colourGateReport(text: string, style: Style): string {
  if (!style.enabled) {
    return text;
  }
  return text
    .split('\n')
    .map((line, i) => {
      if (i === 0) {
        return style.bold(line);
      }
      const level = LEVELS.find(([prefix]) => line.startsWith(prefix));
      return level ? `  ${level[1](style, level[0].trim())}${line.slice(level[0].trimEnd().length)}` : line;
    })
    .join('\n');
}
